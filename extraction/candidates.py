"""Candidate facts and MoUs with the features a trained model decides on.

The rules (``facts.py``, ``mous.py``) read each figure once and give their reading. This module turns every such
reading into candidates: the rules' own, and the plausible alternatives the rules passed over (every other region
named in the sentence or the one before it, the headline's, the dateline's, the article's main region, the nation;
a participant count of unknown segment read as the total). Each candidate is described by named features: the cues
the rules recorded, the segments and domain words named around the figure in its clause, distances, positions,
list and table structure, agreement with headline and dateline, number format, how often and where its region
is named, and how its figure compares with the article's other figures. Feature names hold single words or word classes, never a sentence of the article.

Pure and I/O-free, like the rest of ``extraction/``.
"""

from __future__ import annotations

import bisect
import math
import re
from dataclasses import dataclass, field
from datetime import date

from . import vocabulary as v
from .gazetteer import Gazetteer
from .model import Fact, MouEvent
from .regions import RegionMention
from .text import Sentence

NATION = "00"

_SEGMENT_CUES = tuple((label, pattern) for pattern, label in v.SEGMENT_CUES)

# Domain words whose presence near a figure the model may weigh: single words of the news register about JKN,
# none of them specific to one article.
DOMAIN_WORDS: frozenset[str] = frozenset(
    """
    target ditargetkan menargetkan targetnya diharapkan berharap optimis mendorong upaya sasaran standar minimal syarat capai mencapai capaian tercapai sudah telah baru masih hanya kini
    tercatat sebanyak sebesar sekitar hampir lebih kurang dari atau yakni yaitu dengan total jumlah seluruh semua
    persen jiwa orang peserta penduduk warga masyarakat keluarga kk pekerja buruh pns asn honorer perangkat desa
    terdaftar aktif nonaktif dinonaktifkan diaktifkan tidak belum tersisa sisa tinggal kekurangan kuota alokasi
    ditanggung menanggung dibayar dibayarkan dianggarkan menganggarkan mengalokasikan dialokasikan
    anggaran iuran premi miliar juta triliun ribu apbd apbn pbi pbpu ppu bp mandiri pemda pemkab pemkot pemprov
    provinsi kabupaten kota nasional indonesia daerah wilayah cabang kantor deputi kedeputian se wilayahnya
    uhc cakupan kepesertaan keaktifan universal coverage jkn kis bpjs kesehatan ketenagakerjaan jamkesda
    naik turun meningkat menurun bertambah berkurang kenaikan penurunan peningkatan selisih dibanding sebelumnya
    tahun bulan per hingga sampai sejak periode triwulan semester akhir awal lalu depan mendatang
    rumah sakit puskesmas klinik faskes stunting vaksinasi imunisasi kemiskinan miskin bansos pkh dtks dtsen
    realisasi serapan tunggakan utang klaim kapitasi denda kebutuhan rencana akan harus wajib perlu
    rata tertinggi terendah peringkat ranking posisi urutan penghargaan award predikat kategori
    perempuan laki usia lansia anak balita bayi sektor segmen formal informal kategori kelas
    mou pks kesepakatan perjanjian penandatanganan ditandatangani menandatangani teken diteken perpanjangan
    """.split()
)
_WORD = re.compile(r"[a-z]+", re.IGNORECASE)
_WORDS_BEFORE, _WORDS_AFTER = 6, 4
# how much of the clause around a figure its word classes are read in: its neighbourhood, not the whole sentence
_CLAUSE_CHARS_BEFORE, _CLAUSE_CHARS_AFTER = 120, 80
_NUMBER = re.compile(r"\d[\d.,]*")
_BULLET = re.compile(r"^\s*(?:[-•*·]|\d{1,2}[.)]\s)")
_BACA_JUGA = re.compile(r"baca\s+juga", re.IGNORECASE)


@dataclass(slots=True)
class ArticleReading:
    """What the rules read in one article: its sentences, region mentions and their roles, and the rules' facts
    and MoUs (confidence as the review rules set it)."""

    text: str
    title: str | None
    published: date | None
    sentences: list[Sentence]
    mentions: list[RegionMention]
    title_mentions: list[RegionMention]
    dateline: str | None
    dateline_end: int
    main: str | None
    facts: list[Fact]
    mous: list[MouEvent]
    # where each region is named, read once for the fact and the MoU candidates (``_index_of``)
    index: object | None = None


@dataclass(slots=True)
class Candidate:
    """One possible fact and the features that describe it. ``origin`` says whether it is the rules' own reading
    ("rules") or an alternative ("alt_region", "alt_segment"); ``figure`` groups the candidates of one figure."""

    fact: Fact
    origin: str
    figure: tuple[int, int]
    features: list[str] = field(default_factory=list)
    # the figure's own features, the same list for all its candidates and the head of ``features``: the decider
    # weighs them once per figure
    shared: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        head = set(self.shared)
        self.features = self.shared + [f for f in dict.fromkeys(self.features) if f not in head]


@dataclass(slots=True)
class MouCandidate:
    """One possible MoU (the rules' event) and its features."""

    mou: MouEvent
    features: list[str] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.features = list(dict.fromkeys(self.features))


def _bucket(x: float, edges: tuple[float, ...]) -> str:
    for i, edge in enumerate(edges):
        if x < edge:
            return str(i)
    return str(len(edges))


class _ArticleIndex:
    """Where each region is named in an article, read once for all its candidates."""

    def __init__(self, reading: ArticleReading, gazetteer: Gazetteer) -> None:
        self.reading = reading
        self.gazetteer = gazetteer
        self.named: dict[str, list[RegionMention]] = {}
        for m in reading.mentions:
            self.named.setdefault(m.code, []).append(m)
        order = [m.code for m in reading.mentions if not m.office and m.start >= reading.dateline_end]
        self.first = order[0] if order else None
        self.headline_codes = {m.code for m in reading.title_mentions}
        first = reading.sentences[0] if reading.sentences else None
        if first is not None and reading.title is None and len(first.text) < 160:
            self.headline_codes |= {m.code for m in reading.mentions if m.start < first.end}
        self.distinct = len({m.code for m in reading.mentions if not m.office})
        self.length = max(len(reading.text), 1)

        self._starts = [s.start for s in reading.sentences]
        self._segments: dict[int, list[tuple[str, int, int]]] = {}
        # the regions each sentence names (not as an office), by sentence index
        self.in_sentence: dict[int, list[RegionMention]] = {}
        for m in reading.mentions:
            s = self.sentence_of(m.start)
            if s is not None and not m.office:
                self.in_sentence.setdefault(s.index, []).append(m)

    def sentence_of(self, offset: int) -> Sentence | None:
        """The sentence holding a character offset."""
        i = bisect.bisect_right(self._starts, offset) - 1
        if i < 0:
            return None
        s = self.reading.sentences[i]
        return s if s.start <= offset < s.end else None

    def segments_near(self, s: Sentence, lo: int, hi: int) -> list[str]:
        """The segments whose cue words lie wholly within ``s.text[lo:hi]`` (each sentence is read once)."""
        spans = self._segments.get(s.index)
        if spans is None:
            spans = self._segments[s.index] = [(label, m.start(), m.end()) for label, pattern in _SEGMENT_CUES
                                               for m in pattern.finditer(s.text)]
        return list(dict.fromkeys(label for label, start, end in spans if start >= lo and end <= hi))

    def previous(self, s: Sentence) -> Sentence | None:
        """The sentence before ``s``."""
        i = bisect.bisect_right(self._starts, s.start) - 2
        return self.reading.sentences[i] if i >= 0 else None

    def province(self, code: str) -> str | None:
        r = self.gazetteer.regions.get(code)
        return r.province_code if r else None


def _index_of(reading: ArticleReading, gazetteer: Gazetteer) -> _ArticleIndex:
    if not isinstance(reading.index, _ArticleIndex):
        reading.index = _ArticleIndex(reading, gazetteer)
    return reading.index


def _window_words(text: str, start: int, end: int) -> tuple[list[str], list[str]]:
    before = [w.lower() for w in _WORD.findall(text[max(0, start - 80) : start])][-_WORDS_BEFORE:]
    after = [w.lower() for w in _WORD.findall(text[end : end + 60])][:_WORDS_AFTER]
    return [w for w in before if w in DOMAIN_WORDS], [w for w in after if w in DOMAIN_WORDS]


def figure_features(fact: Fact, index: _ArticleIndex) -> list[str]:
    """Features of a figure, shared by all its candidates: what the rules decided and the language around it."""
    reading = index.reading
    f: list[str] = [f"metric={fact.metric}", f"kind={fact.kind}", f"qual={fact.qualifier}",
                    f"metric_kind={fact.metric}:{fact.kind}"]
    if fact.metric in ("participants", "contribution_budget_idr"):
        f.append(f"metric_seg={fact.metric}:{fact.segment}")
    f += [f"cue={c}" for c in fact.decided_by if not c.startswith("region:")]
    if fact.review_reason:
        f.append("rules_review")
    value = float(fact.value)
    if fact.metric.endswith("_pct"):
        f.append(f"pct_band={_bucket(value, (50, 80, 90, 95, 98, 100, 100.01))}")
        f.append("pct_integer" if value == int(value) else "pct_decimal")
    else:
        f.append(f"log10={int(math.log10(max(value, 1)))}:{fact.metric}")
        f.append("round_thousand" if value % 1000 == 0 else "not_round")
    if fact.metric.endswith("_pct") and value == int(value) and any(
        o.metric.endswith("_pct") and o.value != int(o.value) and abs(float(o.value) - value) < 1.5 for o in reading.facts
    ):
        # "lebih dari 98 persen", "UHC 98%" beside 98,46 persen: a rounded restatement or a threshold, not a new figure
        f.append("rounds_a_precise_figure")
    if fact.as_of is None:
        f.append("as_of_none")
    elif reading.published is not None:
        gap = reading.published.year - int(fact.as_of[:4])
        f.append(f"as_of_gap={_bucket(gap, (0, 1, 2, 4))}")
    s = index.sentence_of(fact.number_start if fact.number_start >= 0 else fact.start)
    if s is None:
        return f
    text = s.text
    a, b = (fact.number_start - s.start, fact.number_end - s.start) if fact.number_start >= 0 else (0, 0)
    f.append(f"sent_idx={_bucket(s.index, (1, 2, 3, 6, 11))}")
    f.append(f"article_pos={_bucket(s.start / index.length, (0.2, 0.4, 0.6, 0.8))}")
    numbers = len(_NUMBER.findall(text))
    f.append(f"numbers_in_sentence={_bucket(numbers, (2, 3, 5, 9))}")
    here = [m for m in reading.mentions if s.start <= m.start < s.end and not m.office]
    f.append(f"regions_in_sentence={_bucket(len({m.code for m in here}), (1, 2, 3, 5))}")
    f.append(f"sentence_len={_bucket(len(text), (60, 150, 300))}")
    f.append(f"article_regions={_bucket(index.distinct, (2, 3, 5, 10))}")
    if _BULLET.match(text) or not text.rstrip().endswith((".", "!", "?", '"', "”")):
        f.append("line_not_prose")
    if "\t" in text or "|" in text:
        f.append("table_cells")
    if _BACA_JUGA.search(text):
        f.append("baca_juga")
    if reading.title and fact.number_start >= 0:
        shown = text[a:b].strip()
        if shown and shown in reading.title:
            f.append("figure_in_headline")
    # the segments named near the figure: features, and the segments an alternative reading may take
    f += [f"near_segment={label}" for label in index.segments_near(s, max(0, a - _CLAUSE_CHARS_BEFORE), b + _CLAUSE_CHARS_AFTER)]
    # The vocabulary classes around a figure (the rules' word lists) were measured as features on 406 labelled
    # articles: held-out F1 0.705 without them, 0.701 with them, and they were most of the candidates' cost. The rules
    # already read them (their cues are features); the single words near the figure carry the rest.
    wb, wa = _window_words(text, a, b)
    f += [f"w_before={w}" for w in wb] + [f"w_after={w}" for w in wa]
    return f


def region_features(code: str, metric: str, at: int, index: _ArticleIndex) -> list[str]:
    """Features of a candidate's region: its kind, roles in the article, and where it is named near the figure
    (or MoU) at offset ``at`` (-1 when unknown: no distances)."""
    reading = index.reading
    region = index.gazetteer.regions.get(code)
    kind = region.type if region else "unknown"
    f = [f"region_type={kind}", f"region_type_metric={kind}:{metric}"]
    if code in index.headline_codes:
        f.append("region_in_headline")
    if code == reading.dateline:
        f.append("region_is_dateline")
    if code == reading.main:
        f.append("region_is_main")
    if code == index.first:
        f.append("region_named_first")
    if reading.main and code == index.province(reading.main) and code != reading.main:
        f.append("region_is_province_of_main")
    if reading.main and index.province(code) == reading.main:
        f.append("region_inside_main")
    named = index.named.get(code, [])
    f.append(f"region_mentions={_bucket(len(named), (1, 2, 3, 5))}")
    if named and all(m.office for m in named):
        f.append("region_only_as_office")
    s = index.sentence_of(at) if at >= 0 else None
    if s is not None:
        here = index.in_sentence.get(s.index, [])
        in_sentence = [m for m in here if m.code == code]
        if in_sentence:
            nearest = min(in_sentence, key=lambda m: abs(m.start - at))
            gap = nearest.start - at
            f.append("region_before_figure" if gap < 0 else "region_after_figure")
            f.append(f"region_distance={_bucket(abs(gap), (20, 50, 100, 200))}")
            if not any(abs(m.start - at) < abs(gap) for m in here if m.code != code):
                f.append("region_nearest_in_sentence")
        elif (p := index.previous(s)) is not None and any(m.code == code for m in index.in_sentence.get(p.index, [])):
            f.append("region_in_previous_sentence")
        else:
            f.append("region_not_in_sentence")
    return f


def comparison_features(fact: Fact, figures: list[Fact]) -> list[str]:
    """How a candidate's figure compares with the article's other figures (the rules' reading of each): how often
    its value is stated, how many figures of its metric and of its region and metric there are, and whether it is
    the largest or smallest of its metric. A restated value, or one of many figures of one region, reads differently
    from a lone figure. Measured on 406 labelled articles (grouped folds, boosted trees): facts F1 0.708 → 0.723,
    F0.5 0.771 → 0.774."""
    value = float(fact.value)
    same = sum(1 for o in figures if abs(float(o.value) - value) <= 0.005 * max(1.0, value))
    of_metric = [float(o.value) for o in figures if o.metric == fact.metric]
    of_region = sum(1 for o in figures if o.metric == fact.metric and o.region_code == fact.region_code)
    out = [f"value_seen={_bucket(same, (2, 3))}", f"metric_figures={_bucket(len(of_metric), (2, 3, 5, 9))}",
           f"region_metric_figures={_bucket(of_region, (1, 2, 3, 5))}"]
    if of_metric and value >= max(of_metric):
        out.append("largest_of_metric")
    if len(of_metric) > 1 and value <= min(of_metric):
        out.append("smallest_of_metric")
    return out


def _alternative_regions(fact: Fact, index: _ArticleIndex) -> list[str]:
    reading = index.reading
    s = index.sentence_of(fact.number_start if fact.number_start >= 0 else fact.start)
    codes: list[str] = []
    if s is not None:
        prev = index.previous(s)
        for sentence in (prev, s):
            if sentence is not None:
                codes += [m.code for m in index.in_sentence.get(sentence.index, []) if not m.subregion]
    codes += sorted(index.headline_codes)
    codes += [c for c in (reading.dateline, reading.main, NATION) if c]
    seen: list[str] = []
    for c in codes:
        if c != fact.region_code and c not in seen and c in index.gazetteer.regions:
            seen.append(c)
    return seen


_CONTEXT_PREFIXES = ("near_segment=", "w_before=", "w_after=")


def context_of(base: list[str]) -> list[str]:
    """The figure features a reading is joined with: the segments and single words around the figure."""
    return [x for x in base if x.startswith(_CONTEXT_PREFIXES)]


def reading_features(fact: Fact, context: list[str]) -> list[str]:
    """The candidate's own reading (metric, kind, segment) joined with each word class and word around the
    figure (``context_of``), so the model can weigh, say, a target reading after "ditargetkan" apart from an
    actual one."""
    out = [f"reading={fact.metric}:{fact.kind}:{fact.segment}"]
    out += [f"{fact.kind}|{x}" for x in context]
    if fact.metric.endswith("_pct"):
        out += [f"{fact.metric}|{x}" for x in context]
    elif fact.segment:
        out += [f"{fact.segment}|{x}" for x in context]
    return out


_FACT_FIELDS = tuple(Fact.__dataclass_fields__)


def _variant(fact: Fact, **changes) -> Fact:
    """A copy of ``fact`` with some fields changed: ``dataclasses.replace`` without its per-call validation, which
    was a tenth of the candidates' time (every figure has several alternatives)."""
    new = Fact.__new__(Fact)
    for name in _FACT_FIELDS:
        setattr(new, name, changes[name] if name in changes else getattr(fact, name))
    return new


def _alternative_readings(fact: Fact, base: list[str]) -> list[tuple[str, Fact]]:
    """The other readings of the same figure: the other kind; the other percentage metric; the segments its
    clause names (and the total) for a count or a budget."""
    out = [("alt_kind", _variant(fact, kind="target" if fact.kind == "actual" else "actual",
                                 decided_by=[*fact.decided_by, "kind:alternative"], reasons=[]))]
    if fact.metric in ("uhc_coverage_pct", "active_participation_pct"):
        other = "active_participation_pct" if fact.metric == "uhc_coverage_pct" else "uhc_coverage_pct"
        out.append(("alt_metric", _variant(fact, metric=other, decided_by=[*fact.decided_by, "metric:alternative"], reasons=[])))
    else:
        named = {x.split("=", 1)[1] for x in base if x.startswith("near_segment=")}
        for segment in sorted(named | {"total"}):
            if segment != fact.segment:
                out.append(("alt_segment", _variant(fact, segment=segment, decided_by=[*fact.decided_by, "segment:alternative"], reasons=[])))
    return out


def _figure_of(fact: Fact) -> tuple[int, int]:
    """Where a fact's figure sits: the number itself, or its sentence when the number's place is unknown."""
    return (fact.number_start, fact.number_end) if fact.number_start >= 0 else (fact.start, fact.end)


def fact_candidates(reading: ArticleReading, gazetteer: Gazetteer) -> list[Candidate]:
    """Every candidate fact of an article, with its features: the rules' facts and their alternatives."""
    index = _index_of(reading, gazetteer)
    out: list[Candidate] = []
    shared: dict[tuple[int, int, str, str], list[str]] = {}
    rule_keys = {(f.number_start, f.region_code, f.metric, f.kind, f.segment) for f in reading.facts}
    # one reading per figure (the rules' last, as several regions joined to one figure share it)
    figures = list({_figure_of(f): f for f in reading.facts}.values())
    compared: dict[tuple, list[str]] = {}  # an alternative kind or segment compares as the rules' reading does

    def compare(f: Fact) -> list[str]:
        key = (f.value, f.metric, f.region_code)
        if key not in compared:
            compared[key] = comparison_features(f, figures)
        return compared[key]

    for fact in reading.facts:
        figure = _figure_of(fact)
        key = (*figure, fact.metric, fact.kind)
        if key not in shared:
            shared[key] = list(dict.fromkeys(figure_features(fact, index)))
        base = shared[key]
        context = context_of(base)
        region_cues = [f"rule_region={c}" for c in fact.decided_by if c.startswith("region:")]
        own_region = region_features(fact.region_code, fact.metric, fact.number_start, index)
        out.append(Candidate(fact, "rules", figure, ["origin=rules", *region_cues, *own_region, *reading_features(fact, context),
                                                     *compare(fact)], base))
        for origin, alt in _alternative_readings(fact, base):
            if (fact.number_start, alt.region_code, alt.metric, alt.kind, alt.segment) in rule_keys:
                continue
            out.append(Candidate(alt, origin, figure, [f"origin={origin}", *region_cues, *own_region, *reading_features(alt, context),
                                                       *compare(alt)], base))
        for code in _alternative_regions(fact, index):
            if (fact.number_start, code, fact.metric, fact.kind, fact.segment) in rule_keys:
                continue
            region = gazetteer.regions[code]
            alt = _variant(fact, region_code=code, region_name=region.name,
                          decided_by=[c for c in fact.decided_by if not c.startswith("region:")] + ["region:alternative"], reasons=[])
            out.append(Candidate(alt, "alt_region", figure, ["origin=alt_region", *region_features(code, alt.metric, alt.number_start, index),
                                                             *reading_features(alt, context), *compare(alt)], base))
    return out


def mou_candidates(reading: ArticleReading, gazetteer: Gazetteer) -> list[MouCandidate]:
    """The rules' MoU events with their features: cues, date precision, the region's roles and position.

    The signing sentence's and the headline's word classes and domain words were features too; measured on 406
    labelled articles (grouped folds) they changed nothing (MoU precision 0.915 with them, 0.926 without, recall
    0.862 both) and cost a third of the candidates' time: the rules' cues already carry the signing language."""
    out: list[MouCandidate] = []
    if not reading.mous:
        return out
    index = _index_of(reading, gazetteer)
    n = len(reading.mous)
    for m in reading.mous:
        f = ["origin=rules", f"mou_kind={m.kind}", f"mous_in_article={_bucket(n, (2, 3, 5))}"]
        f += [f"cue={c}" for c in m.decided_by]
        if m.review_reason:
            f.append("rules_review")
        date_parts = len(m.signed_on.split("-")) if m.signed_on else 0
        f.append(f"date_precision={date_parts}")
        if m.signed_on and reading.published is not None:
            f.append(f"signed_gap={_bucket(reading.published.year - int(m.signed_on[:4]), (0, 1, 2))}")
        f += [x for x in region_features(m.region_code, "mou", m.start, index) if not x.startswith("region_type_metric")]
        s = index.sentence_of(m.start)
        if s is not None:
            f.append(f"sent_idx={_bucket(s.index, (1, 2, 3, 6, 11))}")
        out.append(MouCandidate(m, f))
    return out
