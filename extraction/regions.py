"""Finding regions in text and deciding which one a figure belongs to."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import dataclass

from .gazetteer import Gazetteer

# What stands right before a name and fixes its type (writers lower-case it too: "di provinsi Gorontalo").
_KOTA_PREFIX = re.compile(
    r"(?:\b[Kk]ota|\b[Pp]emkot|\b[Pp]emerintah\s+[Kk]ota|\b[Ww]ali\s*[Kk]ota|\bWakil\s+Wali\s*[Kk]ota|\bWalkot|\bDPRD\s+Kota|\bSekkot|\bDinkes\s+Kota)"
    r"\s*(?:\([^)]{1,20}\)\s*)?$"
)
_KAB_PREFIX = re.compile(
    r"(?:\b[Kk]abupaten|\bKab\.?|\b[Pp]emkab|\b[Pp]emerintah\s+[Kk]abupaten|\b[Bb]upati|\bWakil\s+Bupati|\bDPRD\s+Kabupaten|\bSekda\s+Kabupaten|\bDinkes\s+Kabupaten)"
    r"\s*(?:\([^)]{1,20}\)\s*)?$"
)
_PROV_PREFIX = re.compile(
    r"(?:\b[Pp]rovinsi|\bProv\.?|\b[Pp]emprov|\b[Pp]emerintah\s+[Pp]rovinsi|\b[Gg]ubernur|\bWakil\s+Gubernur|\bDPRD\s+Provinsi)"
    r"\s*(?:\([^)]{1,20}\)\s*)?$"
)
# A name right after these is where an office sits, not the place a figure is about:
# "Kepala Cabang BPJS Kesehatan Samarinda", "BPJS Kesehatan Cabang Selong", "RSUD Kota Bontang".
_OFFICE_PREFIX = re.compile(
    r"(?:\b[Cc]abang(?:\s+[Uu]tama)?|\bKC|\bKCU|\bKantor(?:\s+Cabang)?|\bKacab|\bDeputi(?:\s+Direksi)?(?:\s+Wilayah)?|\bKedeputian(?:\s+Wilayah)?"
    r"|\bBPJS(?:\s+[Kk]esehatan)?(?:\s+(?:[Cc]abang|KC|KCU|[Ww]ilayah))?|\bRSUD|\bRumah\s+Sakit(?:\s+Umum)?|\bPuskesmas|\bUniversitas|\bPoltekkes|\bPolres(?:ta)?|\bKodim|\bBandara|\bPelabuhan|\b[Ii]bu\s*[Kk]ota)"
    r"\s+(?:[Uu]tama\s+)?(?:BPJS\s+(?:Kesehatan\s+)?)?(?:Kota\s+|Kabupaten\s+|Provinsi\s+)?$"
)
# A name right after these is part of a kecamatan, kelurahan, desa or street name ("Kecamatan Bontang Utara").
_SUBREGION_PREFIX = re.compile(r"(?:\bKecamatan|\bKec\.|\bKelurahan|\bKel\.|\bDesa|\bKampung|\bDusun|\bJalan|\bJl\.)\s*$")
# These are bare words that are also ordinary Indonesian; without a prefix they are not regions.
_NEEDS_PREFIX = frozenset({"Batu", "Buru", "Banjar", "Tual", "Kaur", "Pati", "Bone", "Agam", "Karo", "Sigi", "Siak", "Lahat", "Ende", "Alor", "Nias", "Bangli", "Dairi", "Lebak", "Asahan", "Barru", "Pinrang", "Kota", "PPU"})


# "Kartu Indonesia Sehat", "Bank Indonesia", "Universitas Indonesia": the nation's name inside another name
_INSIDE_ANOTHER_NAME = re.compile(r"(?:Kartu|Bank|Universitas|Telkom|Garuda|Pos|Bursa|Ombudsman)\s+Indonesia\b|\bIndonesia\s+(?:Sehat|Pintar|Maju|Emas)\b")


@dataclass(frozen=True, slots=True)
class RegionMention:
    """A region named in the text, with offsets into the whole text."""

    code: str
    start: int
    end: int
    surface: str
    explicit_type: bool  # a prefix (Kota, Kabupaten, Provinsi, ...) or an alias fixed it
    office: bool  # it names where an office sits, not what a figure is about
    subregion: bool = False  # part of a kecamatan/kelurahan/desa name: figures next to it are not the region's


def _typed(candidates: tuple[str, ...], gazetteer: Gazetteer, type_: str) -> str | None:
    for code in candidates:
        if gazetteer.regions[code].type == type_:
            return code
    return None


def find_region_mentions(text: str, gazetteer: Gazetteer) -> list[RegionMention]:
    """Every region mention in ``text``, ambiguous bare names resolved from the article's own context."""
    raw: list[tuple[int, int, str, str | None, tuple[str, ...], bool, bool]] = []
    for m in gazetteer.pattern.finditer(text):
        surface = m.group(0)
        before = text[max(0, m.start() - 60) : m.start()]
        office = bool(_OFFICE_PREFIX.search(before))
        subregion = bool(_SUBREGION_PREFIX.search(before))
        office = office or subregion
        if surface in gazetteer.aliases and surface not in gazetteer.names:
            if gazetteer.aliases[surface] == "00" and _INSIDE_ANOTHER_NAME.search(text, max(0, m.start() - 15), min(len(text), m.end() + 10)):
                continue
            if surface in _NEEDS_PREFIX and not (_KAB_PREFIX.search(before) or _KOTA_PREFIX.search(before)):
                continue
            raw.append((m.start(), m.end(), surface, gazetteer.aliases[surface], (), office, subregion))
            continue
        candidates = gazetteer.names.get(surface, ())
        fixed: str | None = None
        if _KOTA_PREFIX.search(before):
            fixed = _typed(candidates, gazetteer, "kota")
        elif _KAB_PREFIX.search(before):
            fixed = _typed(candidates, gazetteer, "kabupaten")
        elif _PROV_PREFIX.search(before):
            fixed = _typed(candidates, gazetteer, "provinsi")
        if fixed is None and surface in gazetteer.aliases:
            fixed = gazetteer.aliases[surface]
        if fixed is None and surface in _NEEDS_PREFIX:
            continue
        raw.append((m.start(), m.end(), surface, fixed, candidates, office, subregion))

    # Bare names of several regions take the type the article uses elsewhere for the same name,
    # then the kota (the press names cities bare far more often), then the kabupaten.
    fixed_by_surface: dict[str, Counter[str]] = {}
    for _s, _e, surface, fixed, _c, _o, _sub in raw:
        if fixed is not None:
            fixed_by_surface.setdefault(surface, Counter())[fixed] += 1
    mentions: list[RegionMention] = []
    listed_type: tuple[str, int] | None = None  # the type of the latest name with a prefix, and where it ends
    for start, end, surface, fixed, candidates, office, subregion in raw:
        code = fixed
        if code is None:
            seen = fixed_by_surface.get(surface)
            # "Kabupaten Tanah Datar (86 persen), Sijunjung (80 persen) dan Solok (75 persen)": a bare name
            # in a list takes the type its list began with
            in_list = listed_type[0] if listed_type and start - listed_type[1] < 120 and _LIST_GAP.fullmatch(text, listed_type[1], start) else None
            listed = _typed(candidates, gazetteer, in_list) if in_list and len(candidates) > 1 else None
            if listed:
                code = listed
            elif seen:
                code = seen.most_common(1)[0][0]
            elif len(candidates) == 1:
                code = candidates[0]
            else:
                code = (
                    _typed(candidates, gazetteer, "kota")
                    or _typed(candidates, gazetteer, "kabupaten")
                    or candidates[0]
                )
        if fixed is not None and gazetteer.regions[fixed].type in ("kota", "kabupaten"):
            listed_type = (gazetteer.regions[fixed].type, end)
        elif listed_type is not None and code is not None:
            listed_type = (listed_type[0], end)
        mentions.append(RegionMention(code, start, end, surface, fixed is not None, office, subregion))
    return mentions


# What may stand between two names of one list: figures, brackets, commas, "dan"
_LIST_GAP = re.compile(r"[^.;:\n]*?")


_DATELINE = re.compile(r"^\s*(?:[A-Z0-9.\-]+\.(?:COM|CO\.ID|ID|NET|ORG)\s*,\s*)?([A-Za-z][A-Za-z .'-]{1,40}?)\s*(?:\([A-Za-z .]+\))?\s*(?:,\s*[A-Za-z.]+\s*)?[–—-]")


def find_dateline(text: str, gazetteer: Gazetteer) -> tuple[str | None, int]:
    """The region of a dateline such as ``BONTANG –`` or ``Balikpapan (ANTARA) -`` and where the dateline
    ends in ``text``; ``(None, 0)`` when the text opens with none."""
    offset = 0
    for line in text[:300].splitlines(keepends=True)[:4]:
        code = _dateline_code(line, gazetteer)
        if code:
            m = _DATELINE.match(line)
            return code, offset + (m.end() if m else 0)
        offset += len(line)
    return None, 0


def find_dateline_region(text: str, gazetteer: Gazetteer) -> str | None:
    """The region of the text's dateline, if it opens with one."""
    return find_dateline(text, gazetteer)[0]


def _dateline_code(line: str, gazetteer: Gazetteer) -> str | None:
    m = _DATELINE.match(line)
    return gazetteer.by_lower.get(m.group(1).strip().lower()) if m else None


def main_region(mentions: list[RegionMention], dateline: str | None, gazetteer: Gazetteer) -> str | None:
    """The region an article is mostly about: most mentioned kabupaten/kota, else province, else the dateline."""
    counts = Counter(m.code for m in mentions if not m.office and m.code != "00")
    if dateline:
        counts[dateline] += 1
    if not counts:
        return "00" if any(m.code == "00" for m in mentions) else None
    local = [(c, n) for c, n in counts.items() if gazetteer.regions[c].type in ("kota", "kabupaten")]
    pool = local or list(counts.items())
    pool.sort(key=lambda cn: (-cn[1], next(m.start for m in mentions if m.code == cn[0]) if any(m.code == cn[0] for m in mentions) else 0))
    return pool[0][0]
