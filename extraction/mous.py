"""MoU events: a government and BPJS Kesehatan signing an agreement, new or renewed."""

from __future__ import annotations

import re
from datetime import date

from . import vocabulary as v
from .dates import find_dates
from .gazetteer import Gazetteer
from .model import MouEvent
from .regions import RegionMention
from .text import Sentence


def _is_signing(s: Sentence) -> bool:
    text = s.text
    strong = v.AGREEMENT_STRONG.search(text)
    weak = v.AGREEMENT_WEAK.search(text) and v.SIGNING.search(text)
    if not (strong or weak):
        return False
    if v.MEETING.search(text) and not v.SIGNING.search(text):
        return False
    if v.CALLED_OFF.search(text):
        return False
    signing = v.SIGNING.search(text)
    if signing is None:
        return True
    if v.FUTURE.search(text[max(0, signing.start() - 30) : signing.start()]):  # "akan menandatangani"
        return False
    # "Penandatanganan ... dijadwalkan pekan depan"; but "menandatangani PKS yang akan berlaku tiga tahun" is done
    return not (signing.group(0).lower() == "penandatanganan" and v.FUTURE.search(text[signing.end() : signing.end() + 90]))


def _event_date(sentences: list[Sentence], i: int, published: date | None) -> tuple[str | None, bool]:
    """The signing date in sentence i (or, at day precision, in the two after it), and whether the
    sentence is about a past agreement rather than one signed now."""
    s = sentences[i]
    own_signing = bool(v.SIGNING.search(s.text))
    for offset, candidate in enumerate(sentences[i : i + 3]):
        for d in find_dates(candidate.text, published):
            before = candidate.text[max(0, d.start - 40) : d.start]
            if _UNTIL.search(before):  # "berlaku hingga 2027": how long it runs, not when it was signed
                continue
            past = bool(v.PAST_MARK.search(before)) or bool(v.PAST_MARK.search(candidate.text[d.end : d.end + 12]))
            if offset == 0 and past:
                return None, True
            if past or (offset > 0 and len(d.value) < 10) or (offset == 0 and not own_signing and len(d.value) < 10):
                continue
            return d.value, False
        if offset == 0 and v.PAST_MARK.search(s.text) and not own_signing:
            return None, True
        if offset > 0 and (v.AGREEMENT_STRONG.search(candidate.text) or v.AGREEMENT_WEAK.search(candidate.text)):
            break
    return None, False


_UNTIL = re.compile(r"(?:hingga|sampai|s\.d\.?|berlaku|selama)\s+(?:dengan\s+)?(?:(?:akhir|tahun)\s+)*$", re.IGNORECASE)
_VENUE_BEFORE = re.compile(r"(?:\bdi|bertempat\s+di|berlangsung\s+di|digelar\s+di|dilaksanakan\s+di)\s+(?:(?:Kota|Kabupaten)\s+)?$", re.IGNORECASE)


def _is_venue(s: Sentence, m: RegionMention, dateline_end: int) -> bool:
    """Whether this mention of a region in a signing sentence is only where it happened (or the dateline)."""
    return m.start < dateline_end or bool(_VENUE_BEFORE.search(s.text[: m.start - s.start]))


def find_mous(
    sentences: list[Sentence],
    mentions: list[RegionMention],
    main_region: str | None,
    published: date | None,
    title: str | None,
    gazetteer: Gazetteer,
    dateline_end: int = 0,
) -> list[MouEvent]:
    """One MoU event per region that the article reports signing an agreement with BPJS Kesehatan.

    ``dateline_end`` is where the text's dateline ends (``find_dateline``): the place it names is where the story
    was filed, not a party."""
    article_about_bpjs = bool(v.BPJS_KESEHATAN.search((title or "") + " " + " ".join(s.text for s in sentences[:6])))
    events: dict[str, MouEvent] = {}
    for i, s in enumerate(sentences):
        if not _is_signing(s):
            continue
        if v.KETENAGAKERJAAN.search(s.text):
            continue
        context = " ".join(x.text for x in sentences[max(0, i - 1) : i + 1])
        if not (v.BPJS_KESEHATAN.search(context) or (article_about_bpjs and i < 4)):
            continue
        # a hospital's, a police station's or a prosecutor's contract with BPJS Kesehatan is not the government's
        if v.OTHER_PARTY.search(s.text) and not v.GOVERNMENT_PARTY.search(s.text):
            continue
        signed_on, past = _event_date(sentences, i, published)
        if past:
            continue
        here = [m for m in mentions if s.start <= m.start < s.end and not m.office and m.code != "00"]
        # where the signing took place ("di Pontianak", a dateline) is not a party when parties are named
        parties = [m for m in here if not _is_venue(s, m, dateline_end)]
        codes = list(dict.fromkeys(m.code for m in parties or here)) or ([main_region] if main_region else [])
        for code in codes:
            existing = events.get(code)
            if existing is None:
                region = gazetteer.regions[code]
                events[code] = MouEvent(code, region.name, signed_on, "new", s.text[:200], s.start, s.end)
            elif existing.signed_on is None and signed_on:
                existing.signed_on = signed_on
                existing.evidence, existing.start, existing.end = s.text[:200], s.start, s.end
    if not events:
        return []
    # "perpanjangan" or "pembaruan" anywhere near the agreement makes it a renewal.
    renewal = any(v.RENEWAL.search(s.text) and (v.AGREEMENT_WEAK.search(s.text) or v.AGREEMENT_STRONG.search(s.text)) for s in sentences)
    # Only the government regions; a province named next to a city that signed is context.
    kabkota = [c for c in events if gazetteer.regions[c].type in ("kota", "kabupaten")]
    keep = kabkota if kabkota and main_region in kabkota else list(events)
    out = []
    for code in keep:
        e = events[code]
        e.kind = "renewal" if renewal else "new"
        if e.signed_on is None and published is not None:
            e.signed_on = published.isoformat()
        out.append(e)
    return out
