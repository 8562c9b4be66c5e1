"""Classifying the numbers of a sentence into JKN facts (metric, kind, segment, region, time)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date

from . import tables
from . import vocabulary as v
from .dates import DateMention, find_dates
from .gazetteer import Gazetteer
from .model import Fact
from .numbers import SEGMENT_NAME_RE, Quantity, find_quantities, parse_numeral
from .regions import RegionMention
from .text import Sentence

EVIDENCE_MAX = 200


_UNREAD = object()


@dataclass(slots=True)
class _Prose:
    """A sentence of running text: whether it gave facts, and its percentage topic once read."""

    text: str
    had_facts: bool
    topic: object = _UNREAD


@dataclass(slots=True)
class SentenceContext:
    """What the sentences before this one leave behind for it."""

    last_region: str | None
    main_region: str | None
    last_pct_metric: str | None
    previous_text: str = ""
    # the segment of the previous sentence's last participant count ("" when it had none), None without a count
    last_count_segment: str | None = None
    # the prose sentences so far, for lists that follow them
    recent: list[_Prose] = field(default_factory=list)
    # the columns of the table whose header row came last, while its rows go on
    table: list[tables.Column] | None = None
    # the region whose percentages the latest sentences gave, and their metrics in the order they came:
    # the next region of a list gives its figures in the same order ("UHC 86 persen ... keaktifan 83 persen.
    # Kemudian untuk Kabupaten Batang 87 persen ...")
    block_region: str | None = None
    block_metrics: list[str] = field(default_factory=list)

    def advance(self, s: Sentence, found: list[Fact], here: list[RegionMention]) -> None:
        """Carry what sentence ``s`` (its facts, the regions it names) leaves for the next one."""
        pct = [f for f in found if f.metric.endswith("_pct")]
        self.last_pct_metric = pct[-1].metric if pct else None
        for f in pct:
            if f.region_code != self.block_region:
                self.block_region, self.block_metrics = f.region_code, []
            if f.metric not in self.block_metrics:
                self.block_metrics.append(f.metric)
        counts = [f for f in found if f.metric == "participants"]
        self.last_count_segment = (counts[-1].segment or "") if counts else None
        # a national figure quoted beside a region's does not change which region the text is about,
        # nor does a region the article's own is compared with ("lebih rendah dari Kota Bekasi")
        regional = [f for f in found if f.region_code != "00"]
        if any(f.region_code == self.main_region for f in regional):
            self.last_region = self.main_region
        elif regional:
            self.last_region = regional[-1].region_code
        elif found and not here:
            self.last_region = "00"
        elif here:
            self.last_region = here[-1].code
        self.previous_text = s.text
        if tables.is_row(s.text):
            # a table speaks through its header; the topic of the prose around it carries over the table
            self.table = tables.header(s.text, sentence_topic) or self.table
            return
        self.table = None
        self.recent.append(_Prose(s.text, bool(found)))
        del self.recent[:-40]

    def remember_headline(self, title: str) -> None:
        """The headline is prose before the first sentence: a list may follow its topic."""
        self.recent.append(_Prose(title, True))

    def recent_topic(self) -> str | None:
        """The percentage topic (or "reject") of the latest sentence that names one, looking back past at most
        three sentences without facts (a list of figures keeps its topic however long it runs).

        Read only when a list needs it: reading every sentence's topic would cost a third of extraction."""
        misses = 0
        for prose in reversed(self.recent):
            if prose.topic is _UNREAD:
                prose.topic = sentence_topic(prose.text)
            if prose.topic is not None:
                return prose.topic
            if not prose.had_facts:
                misses += 1
                if misses > 3:
                    return None
        return None
    dateline_end: int = 0
    # where the dateline's line starts: a headline above it is text like any other, only the dateline is not
    dateline_start: int = 0
    gazetteer: Gazetteer | None = None  # a dateline's place name is context, not the subject of the first sentence

    def in_dateline(self, offset: int) -> bool:
        """Whether a character offset falls within the dateline (its place is where the story was filed)."""
        return self.dateline_start <= offset < self.dateline_end


def _nearest_label(
    patterns, text: str, before: int, after_from: int | None = None, after_window: int = 0, why: tuple[list[str], str] | None = None
) -> str | None:
    """The label of the pattern match ending nearest before ``before`` (longest wins a tie);
    failing that, of the first match in ``text[after_from:after_from+after_window]``.

    With ``why`` = (cues, decision), the deciding words are recorded as "decision:words"."""
    best: tuple[int, int, str, str] | None = None
    for pattern, label in patterns:
        for m in pattern.finditer(text, 0, before):
            key = (m.end(), m.end() - m.start(), label, m.group(0))
            if best is None or key[:2] > best[:2]:
                best = key
    if best is not None:
        _note(why, best[3])
        return best[2]
    if after_from is None:
        return None
    first: tuple[int, str, str] | None = None
    for pattern, label in patterns:
        m = pattern.search(text, after_from, min(len(text), after_from + after_window))
        if m and (first is None or m.start() < first[0]):
            first = (m.start(), label, m.group(0))
    if first is None:
        return None
    _note(why, first[2] + "(after)")
    return first[1]


def _note(why: tuple[list[str], str] | None, cue: str) -> None:
    """Record the cue that decided something, as a short name ("metric:cakupan")."""
    if why is not None:
        cues, decision = why
        cues.append(f"{decision}:{'_'.join(cue.lower().split())}")


def sentence_topic(text: str) -> str | None:
    """The last percentage topic a text names ("reject" for one that is not JKN coverage), or None."""
    return _nearest_label(v.PERCENT_TOPICS, text, len(text))


def _kind(text: str, q: Quantity, strict: bool = False, previous: tuple[int, str] | None = None, cues: list[str] | None = None) -> str:
    """Actual or target, from the cues between the previous figure of the sentence and this one.

    With no cue there, a figure continuing a list ("98 persen pada 2024 dan 100 persen pada 2025")
    keeps the previous figure's kind; one introduced by a region or a metric of its own is an actual.
    """
    start = previous[0] if previous else 0
    # "memenuhi syarat UHC dengan cakupan 98,2 persen": a metric introduced afresh starts its own clause
    for m in _FRESH_METRIC.finditer(text, start, q.start):
        start = m.end()
    patterns = v.KIND_CUES_STRICT if strict else v.KIND_CUES
    found: list[str] = []
    label = _nearest_label(patterns, text[start : q.start], q.start - start, why=(found, "kind"))
    # "akan membuat cakupan naik dari 84 persen menjadi di atas 90 persen": where it is expected to go
    if label != "target" and _BECOMES.search(text, 0, q.start) and v.FUTURE.search(text, 0, q.start):
        found = ["kind:akan_menjadi"]
        label = "target"
    elif label == "actual" and found and found[-1] in ("kind:sudah", "kind:telah") and _TARGETED.search(text, start, q.start):
        # "ditargetkan peserta JKN sudah mencapai 95 persen": what is to have been reached by then
        found, label = [*found, "kind:targeted_to_have"], "target"
    elif not label and _PURPOSE.match(text) and not _PURPOSE_ENDED.search(text, 0, q.start):
        found, label = ["kind:purpose_clause"], "target"
    elif not label:
        if previous and not v.CONTINUATION_BREAK.search(text[start : q.start]):
            found, label = ["kind:continues_previous"], previous[1]
        else:
            found, label = ["kind:default_actual"], "actual"
    if cues is not None:
        cues.extend(found)
    return label


# "Guna mencapai target 98 persen dan keaktifan 75 persen, dibutuhkan ...": what a purpose clause aims at
_PURPOSE = re.compile(r"\W*(?:guna|untuk|demi|agar\s+dapat)\s+(?:mencapai|memenuhi|meraih|mewujudkan)\b", re.IGNORECASE)
_PURPOSE_ENDED = re.compile(r",\s*(?:maka\s+)?(?:dibutuhkan|diperlukan|perlu|harus|pemerintah|pihaknya|kami)\b", re.IGNORECASE)
_TARGETED = re.compile(r"\b(?:ditargetkan|menargetkan|targetnya)\b", re.IGNORECASE)
_FROM_JUST_BEFORE = re.compile(r"\s*(?:\w+\s+)?(?:jiwa|orang|peserta|penduduk)?\s*dari\s+(?:total\s+|jumlah\s+)?(?:sekitar\s+)?", re.IGNORECASE)
_FRESH_METRIC = re.compile(r"\bdengan\s+(?:tingkat\s+|angka\s+|persentase\s+)?(?:cakupan|keaktifan|kepesertaan|capaian)\b", re.IGNORECASE)
_INTRODUCES_FIGURE = re.compile(r"\s*(?:sebesar|mencapai|yaitu|yakni|menjadi|tercatat|adalah|sekitar|hanya|baru|sudah|:|=)?\s*(?:Rp\.?\s*)?", re.IGNORECASE)
_BECOMES = re.compile(r"\bmenjadi\s+(?:di\s+atas\s+|lebih\s+dari\s+|sekitar\s+|minimal\s+)?$", re.IGNORECASE)
_PAYER_BEFORE = re.compile(r"(?:dibayar(?:kan)?|ditanggung|dibiayai|didanai)\s+(?:oleh\s+)?(?:Pemerintah(?:\s+Provinsi)?|Pemprov)\s+$", re.IGNORECASE)
_CLAUSE_BREAK = re.compile(r"[,;]\s*(?:sedangkan|sementara|namun|tetapi|adapun|dan\s+untuk|serta)\b|;", re.IGNORECASE)
_MAY_HOLD_NUMBER = re.compile(r"\d|juta|ribu|puluh|ratus|se(?:ribu|juta|puluh|ratus)", re.IGNORECASE)
_POPULATION_BEFORE = re.compile(r"(?:\bdari|\bdengan|jumlah|total|berpenduduk|populasi)\s*(?:total\s+)?(?:sekitar\s+|sebanyak\s+|mencapai\s+)?$", re.IGNORECASE)
# '..., kata Deputi BPJS Kesehatan Wilayah X': a name after a speech attribution is the speaker's, not the figure's
_ATTRIBUTION = re.compile(r"[”\"]|\b(?:kata|ujar|ungkap|jelas|tutur|sebut|terang|papar|imbuh)\w*\b", re.IGNORECASE)
# "98,6 persen di Kabupaten Pasaman; 95,7 persen di Kabupaten Pasaman Barat": the place follows its figure
_POSTPOSITION = re.compile(
    r"\s*(?:persen\s+|%\s*)?(?:(?:dari\s+)?(?:total\s+|jumlah\s+|seluruh\s+)?(?:penduduk|warga|masyarakat|peserta|jiwa|orang)(?:nya)?\s+)?"
    r"(?:yang\s+ada\s+)?(?:di|untuk|bagi)\s+(?:wilayah\s+|daerah\s+)?(?:(?:Kota|Kabupaten|Kab\.|Provinsi)\s*)?$"
    # "72,9 persen dari jumlah penduduk Indonesia"
    r"|\s*(?:persen\s+|%\s*)?dari\s+(?:total\s+|jumlah\s+|seluruh\s+)?(?:penduduk|warga|masyarakat)\s+(?:(?:Kota|Kabupaten|Kab\.|Provinsi)\s*)?$"
)
_AFTER_PREPOSITION = re.compile(r"(?:\bdi|\buntuk|\bbagi|\bse|\bwilayah|\bdaerah)[\s-]+(?:(?:Kota|Kabupaten|Provinsi)\s+)?$", re.IGNORECASE)


def _region_for(
    q: Quantity, sentence: Sentence, mentions: list[RegionMention], ctx: SentenceContext, cues: list[str], previous_end: int = 0
) -> str | None:
    """The region a figure is about, from the names around it in its sentence and the context before it
    (``previous_end``: where the sentence's previous figure ends); the rule that decided it goes into ``cues``."""
    code, cue = _region_and_cue(q, sentence, mentions, ctx, previous_end)
    cues.append(f"region:{cue}")
    return code


def _postposed_name(q: Quantity, sentence: Sentence, local: list[RegionMention]) -> RegionMention | None:
    """The region named right after a figure as its place ("95 persen di Kabupaten X"), if any."""
    for m in local:
        rel = m.start - sentence.start
        if rel >= q.end:
            return m if rel - q.end <= 60 and _POSTPOSITION.fullmatch(sentence.text, q.end, rel) else None
    return None


def _postposed_to_earlier_figure(name: RegionMention, sentence: Sentence, previous_end: int) -> bool:
    """Whether a name before this figure is the place of the figure before it ("... persen di X; ...")."""
    rel = name.start - sentence.start
    return previous_end > 0 and rel >= previous_end and bool(_POSTPOSITION.fullmatch(sentence.text, previous_end, rel))


# "tertinggi di Kalimantan Selatan", "yang pertama di Papua": the place a region is compared within, not the subject
_SCOPE_BEFORE = re.compile(
    r"\b(?:tertinggi|terendah|terbanyak|tersedikit|terbesar|terkecil|terbaik|pertama|satu-satunya|kedua|ketiga|urutan\s+\w+|peringkat\s+\w+)"
    r"\s+(?:(?:se-?|di\s+)(?:wilayah\s+|provinsi\s+|tingkat\s+)?)$",
    re.IGNORECASE,
)


_PEOPLE = r"(?:penduduk|warga|masyarakat|rakyat)"
_OF_THE_NATION_AFTER = re.compile(rf"\s*(?:jiwa\s+)?(?:lebih\s+)?(?:dari\s+)?(?:total\s+|jumlah\s+|seluruh\s+)?{_PEOPLE}\s+Indonesia\b", re.IGNORECASE)
_LIST_INTRO = re.compile(r"terdiri\s+(?:atas|dari)|\byakni\b|\byaitu\b|antara\s+lain|meliputi|tersebar\s+di|:", re.IGNORECASE)
_STILL_TO_GO = re.compile(r"\s*lagi\b", re.IGNORECASE)
_RESIDENTS_AFTER = re.compile(rf"\s*(?:jiwa\s+)?{_PEOPLE}\s+(?:(?:Kota|Kabupaten|Provinsi)\s+)?", re.IGNORECASE)
_GOVERNMENT_JUST_BEFORE = re.compile(r"\b(?:Pemerintah|Pemprov|Gubernur|Wakil\s+Gubernur)\s+(?:Provinsi\s+)?$", re.IGNORECASE)


def _region_and_cue(
    q: Quantity, sentence: Sentence, mentions: list[RegionMention], ctx: SentenceContext, previous_end: int = 0
) -> tuple[str | None, str]:
    local = [
        m for m in mentions
        if not m.office and sentence.start <= m.start < sentence.end and not ctx.in_dateline(m.start)
        and not _SCOPE_BEFORE.search(sentence.text, max(0, m.start - sentence.start - 40), m.start - sentence.start)
    ]
    abs_pos = sentence.start + q.start
    # a figure right after a kecamatan/desa name is about that place, which the warehouse does not hold
    nearest_any = [m for m in mentions if sentence.start <= m.start and m.end <= abs_pos]
    if nearest_any and nearest_any[-1].subregion:
        return None, "subregion"
    before = [m for m in local if m.end <= abs_pos]
    post = _postposed_name(q, sentence, local)
    if post is not None and (not before or _postposed_to_earlier_figure(before[-1], sentence, previous_end)):
        return post.code, "name_after_figure"
    since_name = q.start - (before[-1].end - sentence.start) if before else q.start
    lead_start = q.start - min(since_name, 60)
    # searched in place so that the look-behinds see the words before the window
    if any(p.search(sentence.text, lead_start, q.start) for p in (v.NATIONAL_LEVEL, v.NATIONAL_TARGET)):
        return "00", "national_level"
    if _OF_THE_NATION_AFTER.match(sentence.text, q.end):
        return "00", "share_of_the_nation"  # "98 persen penduduk Indonesia", "275 juta jiwa atau 98% lebih penduduk Indonesia"
    residents = _RESIDENTS_AFTER.match(sentence.text, q.end)
    if residents is not None:
        # "98 Persen Warga Jateng", "68% Masyarakat Bali": the people of the place named right after the figure
        named_there = next((m for m in local if m.start - sentence.start == residents.end()), None)
        if named_there is not None:
            return named_there.code, "residents_named_after"
    if before:
        # The nearest name before the figure is what it is about ("cakupan di Kota Bontang mencapai 92 persen"),
        # except a province that only locates a kabupaten/kota named just before it ("Sleman di DIY").
        nearest = before[-1]
        if ctx.gazetteer is not None and len(before) > 1:
            region = ctx.gazetteer.regions[nearest.code]
            # "Kabupaten Lombok Tengah, Provinsi Nusa Tenggara Barat (NTB)": the province may be named twice
            k = len(before) - 2
            while k > 0 and before[k].code == nearest.code and before[k + 1].start - before[k].end < 12:
                k -= 1
            prev = before[k]
            if (region.type == "provinsi" and ctx.gazetteer.lies_in(prev.code, region.code) and before[k + 1].start - prev.end < 40
                    # "Banda Aceh — Pemerintah Provinsi Aceh mengusulkan ...": a province named as a government acts
                    and not _GOVERNMENT_JUST_BEFORE.search(sentence.text, 0, before[k + 1].start - sentence.start)):
                return prev.code, "name_located_in_province"
        # "..., Pekanbaru, Senin, mengungkapkan, pemprov mengalokasikan Rp 228 miliar": a government of another type
        # named between the nearest name and the figure is who the figure is about
        if ctx.gazetteer is not None:
            gov = next(reversed(list(v.BARE_GOVERNMENT.finditer(sentence.text, nearest.end - sentence.start, q.start))), None)
            wanted = v.bare_government_type(gov.group(0)) if gov is not None else None
            if wanted is not None and ctx.gazetteer.regions[nearest.code].type != wanted:
                for m in reversed([m for m in mentions if m.start < nearest.start and not m.office]):
                    if ctx.gazetteer.regions[m.code].type == wanted:
                        return m.code, "bare_government"
        # "dibayar Pemerintah Aceh": a province named as the one who pays, in an article about one of its kabupaten
        if ctx.gazetteer is not None and ctx.main_region and _PAYER_BEFORE.search(sentence.text, 0, nearest.start - sentence.start):
            region = ctx.gazetteer.regions[nearest.code]
            main = ctx.gazetteer.regions[ctx.main_region]
            if region.type == "provinsi" and main.province_code == region.code:
                return ctx.main_region, "province_as_payer"
        return nearest.code, "nearest_name"
    this = next(reversed(list(v.THIS_REGION.finditer(sentence.text, 0, q.start))), None)
    if this is not None:
        # "provinsi ini": the latest province named; "daerah ini": the region the article is about
        wanted = this.group(1).lower()
        if wanted in ("kota", "kabupaten", "provinsi") and ctx.gazetteer is not None:
            earlier = [m for m in mentions if m.start < sentence.start and not m.office]
            for m in reversed(earlier):
                if ctx.gazetteer.regions[m.code].type == wanted:
                    return m.code, "this_region"
        if ctx.main_region:
            return ctx.main_region, "this_region"
    if v.NATIONAL.search(sentence.text):
        return "00", "national"
    # "Pemkot mengalokasikan ..." without a name: the latest kota named so far (likewise Pemkab, Pemprov)
    bare = None
    for m in v.BARE_GOVERNMENT.finditer(sentence.text, 0, q.start):
        bare = m
    if bare is not None and ctx.gazetteer is not None:
        wanted = v.bare_government_type(bare.group(0))
        earlier = [m for m in mentions if m.start < sentence.start and not m.office]
        for m in reversed(earlier):
            if ctx.gazetteer.regions[m.code].type == wanted:
                return m.code, "bare_government"
        if ctx.main_region and ctx.gazetteer.regions[ctx.main_region].type == wanted:
            return ctx.main_region, "bare_government"
    # A name after the figure counts only when it says where ("97 persen di Kabupaten X"); otherwise the
    # region the text was talking about ("18.400 jiwa warga asli Papua" is about the kabupaten).
    after = [m for m in local if m.start >= abs_pos + (q.end - q.start)]
    for m in after:
        between = sentence.text[q.end : m.start - sentence.start]
        if _AFTER_PREPOSITION.search(sentence.text[: m.start - sentence.start]) and m.start - abs_pos < 80 and not _ATTRIBUTION.search(between):
            return m.code, "name_after"
    if ctx.last_region:
        return ctx.last_region, "previous_sentences"
    if ctx.main_region:
        return ctx.main_region, "article_subject"
    return (after[0].code, "first_name_after") if after else (None, "none")


def _as_of(
    q: Quantity, sentence_text: str, dates: list[DateMention], published: date | None, kind: str, next_start: int, cues: list[str]
) -> str | None:
    """When the figure holds: a date right after it (up to the next figure), else one shortly before it."""
    # a date after the figure is its own only up to the next figure ("Rp 9,8 miliar, turun dari Rp 12 miliar pada 2023"),
    # and not when it introduces that figure ("2022 sebesar 90 persen, 2023 sebesar 93 persen")
    after = [
        d for d in dates
        if q.end <= d.start <= min(q.end + 40, next_start) and not _INTRODUCES_FIGURE.fullmatch(sentence_text[d.end : next_start])
    ]
    before = [d for d in dates if d.end <= q.start and q.start - d.end <= 80]
    chosen: DateMention | None = None
    if after:
        chosen, cue = after[0], "date_after"
    elif before:
        chosen, cue = before[-1], "date_before"
    if chosen is not None:
        cues.append(f"time:{cue}")
        value = chosen.value
        return value[:7] if len(value) == 10 else value
    if kind == "actual" and published is not None and v.NOW.search(sentence_text):
        cues.append("time:now_at_publication")
        return f"{published.year:04d}-{published.month:02d}"
    cues.append("time:unstated")
    return None


def _segment(text: str, q: Quantity, span: tuple[int, int] | None = None, cues: list[str] | None = None) -> str | None:
    """The segment a count belongs to; ``span`` is the stretch of text that is this figure's alone
    (from the figure before it to the one after), where a "Pemda" turns PBPU/BP into Pemda's."""
    start, end = span or (0, len(text))
    # a cue before the figure is its own only within its clause ("... ditanggung Pemda, dan 48.828 jiwa PPU"),
    # and "dari total peserta, sebanyak N ..." counts a part of the total, named after the figure
    own = _clause_start(text, 0, q.start)
    if _PART_OF_TOTAL.search(text, own, q.start):
        own = q.start
    # a cue after the figure is its own only up to the next figure ("dari 1,3 juta peserta, 640 ribu PPU")
    found: list[str] = []
    # "50.266 Pekerja Bukan Penerima Upah", "35.080 peserta kategori PNS": a segment named right after the figure,
    # with no comma between, is its own even where a cue stands before it
    # the count's own noun may be the segment's first word ("50.266 Pekerja Bukan ...")
    after_number = q.end - len(q.count_noun) if q.count_noun and text[: q.end].lower().endswith(q.count_noun) else q.end
    attached = _ATTACHED_SEGMENT.match(text, after_number, min(end, q.end + 40))
    label = _nearest_label(v.SEGMENT_CUES, text[after_number : attached.end()], attached.end() - after_number, why=(found, "segment")) if attached else None
    if label is None:
        found = []
        label = _nearest_label(v.SEGMENT_CUES, text[own:], q.start - own, q.end - own, min(120, end - q.end), why=(found, "segment"))
    if label in ("pbpu", "bp") and v.PEMDA_CUE.search(text, start, end):
        found.append("segment:paid_by_pemda")
        label = "pemda"
    elif label == "pemda" and v.CENTRAL_BUDGET.search(text, start, end) and not v.PEMDA_CUE.search(text, start, end):
        found.append("segment:central_budget")
        label = "pbi_apbn"
    if cues is not None:
        cues.extend(found)
    return label


# The words right after a count that may name its segment: its noun and a few words, no punctuation
_ATTACHED_SEGMENT = re.compile(
    r"(?:\s+(?:jiwa|orang|peserta|warga|penduduk))?(?:\s+(?:kategori|segmen|program|JKN|jaminan\s+kesehatan|yang|merupakan|adalah|dari))*"
    # "\s*": the count's own noun may be the segment's first word, and the match then starts right on it
    r"\s*(?:pekerja\s+bukan\s+penerima\s+upah|pekerja\s+penerima\s+upah|bukan\s+pekerja|pbi(?:[\s-]*(?:jk|jkn|jaminan\s+kesehatan|apbn|apbd|daerah))*|ppu|pbpu|\bbp\b|pns|asn|tni|mandiri|jamkesda|jka|penerima\s+bantuan\s+iuran)\b",
    re.IGNORECASE,
)


# Where a clause starts: a figure's own words do not reach back past "; " or ", dan" / ", sedangkan" ...
_CLAUSE_START = re.compile(
    r";|[,.]\s*(?:dan|serta|sedangkan|sementara|kemudian|lalu|disusul|namun|tetapi|adapun|dengan\s+kata\s+lain|artinya|yang\s+berarti)\b|\bdan\s+yang\b",
    re.IGNORECASE,
)
# "98,87 persen untuk kepesertaan dan 82,25 persen untuk keaktifan": the metric named right after its figure
_METRIC_RIGHT_AFTER = re.compile(r"\s*(?:untuk|bagi|pada)\s+(?:tingkat\s+|angka\s+)?(keaktifan|kepesertaan|cakupan)\b", re.IGNORECASE)
_METRIC_NAMED_AFTER = {"keaktifan": "active_participation_pct", "kepesertaan": "uhc_coverage_pct", "cakupan": "uhc_coverage_pct"}
# who a figure is about reaches past "dan yang" ("Potensi sektor formal ... dan yang terdaftar N persen")
_CLAUSE_START_STRICT = re.compile(r";|[,.]\s*(?:dan|serta|sedangkan|sementara|kemudian|lalu|disusul|namun|tetapi|adapun)\b", re.IGNORECASE)
_PART_OF_TOTAL = re.compile(r"\bdari\s+(?:jumlah\s+total|total|jumlah|seluruh)\s+(?:peserta|kepesertaan)\b[^,]*,", re.IGNORECASE)


_NOT_ENROLLED_SUBJECT = re.compile(r"\byang\s+(?:masih\s+)?(?:belum|tidak)\s+(?:terdaftar|memiliki|punya|masuk|menjadi\s+peserta|ikut|tercover|terlindungi)", re.IGNORECASE)
_NOT_YET = re.compile(r"\bbelum\b|\btidak\s+(?!mampu)", re.IGNORECASE)
_NOT_ENROLLED_TOPIC = re.compile(r"non[\s-]*kepesertaan|tidak\s+terdaftar\s+(?:sebagai\s+peserta|dalam|di)", re.IGNORECASE)
_QUOTA = re.compile(r"\bkuota\b|\bestimasi\b|\bperkiraan\b|\bproyeksi\b|\bdiperkirakan\b", re.IGNORECASE)


def _clause_start(text: str, start: int, end: int, breaks: re.Pattern[str] | None = None) -> int:
    """Where the clause holding ``text[end]`` starts, not before ``start``."""
    last = start
    for m in (breaks or _CLAUSE_START).finditer(text, start, end):
        last = m.end()
    return last


# "30,8 persen asuransi kesehatan mereka ditanggung oleh Pemprov": the share one payer covers, not the coverage
_PAID_FOR_AFTER = re.compile(
    r"[^.;]{0,60}?\b(?:ditanggung|dibiayai|dibayar\w*)\s+(?:oleh\s+)?(?:pemda|pemprov|pemkab|pemkot|pemerintah|apbd|apbn|negara)\b", re.IGNORECASE
)
# "membayar iuran PBI daerah": a segment named as what is paid for, not as the group a figure measures
_PAYER_JUST_BEFORE = re.compile(r"(?:membayar\w*|dibayar\w*|ditanggung|menanggung|iuran|bantuan)(?:\s+\w+){0,2}\s*$", re.IGNORECASE)


def _about_one_group(text: str, q: Quantity, names: list[tuple[int, int, bool]]) -> bool:
    """Whether a figure is about one segment or group ("keaktifan peserta PBPU 48 persen", "potensi sektor formal
    ... 47 persen"): a group word in the figure's clause that does not name who pays."""
    start = _clause_start(text, max(0, q.start - 120), q.start, _CLAUSE_START_STRICT)
    return any(
        not _PAYER_JUST_BEFORE.search(text, max(0, m.start() - 30), m.start())
        and not any(a <= m.start() < b for a, b, _p in names)  # "Pemkab PPU" is Penajam Paser Utara
        for m in v.ONE_GROUP.finditer(text, start, q.start)
    )


def _about_several_regions(text: str, q: Quantity, names: list[tuple[int, int, bool]]) -> bool:
    """Whether the figure's clause says it is about several regions together or a branch's working area;
    not when a region is named between those words and the figure ("daerah lain, yakni Kabupaten X (86 persen)")."""
    start = _clause_start(text, max(0, q.start - 120), q.start)
    for m in v.SEVERAL_REGIONS.finditer(text, start, min(len(text), q.end + 40)):
        if not any(m.end() <= a < q.start and not province for a, _b, province in names):
            return True
    return False


_NEXT_CLAUSE = re.compile(r"[,;]|\s(?:dan|serta|sedangkan|sementara)\s", re.IGNORECASE)
_BESIDE_A_COUNT = re.compile(r"\s*(?:atau|yakni|\()\s*(?:sekitar\s+|sebanyak\s+)?\d[\d.,]*(?:\s+(?:ribu|juta))?\s*(?:jiwa|orang|peserta|penduduk|warga)?", re.IGNORECASE)
# "80 persen APBD-nya", "37 persen dari pajak rokok": a share of money, not of people
_SHARE_OF_MONEY = re.compile(r"\s*(?:dari\s+)?(?:total\s+)?(?:apbd|apbn|anggaran|dana|pajak|belanja|\bpad\b|dbh)", re.IGNORECASE)


def _percent_topic(text: str, q: Quantity, span: tuple[int, int], found: list[str]) -> str | None:
    """What a percentage measures: the words of its own stretch before it, then those after it up to the next
    figure ("... persen untuk keaktifan", "27 persen ... yang belum menjadi peserta"), then the topic carried from
    earlier in the sentence. Words that make it something else (those not enrolled, the inactive) win after it."""
    start = _clause_start(text, span[0], q.start)
    own = _nearest_label(v.PERCENT_TOPICS, text[start:], q.start - start, why=(found, "metric"))
    if own is not None and own != "reject" and _NOT_ENROLLED_SUBJECT.search(text, start, q.start):
        # "warga yang belum terdaftar Jaminan Kesehatan Nasional (JKN) ini sebanyak 15,99 persen": the clause is
        # about those not enrolled, however near the programme's name stands to the figure
        found.append("metric:share_not_enrolled")
        return "reject"
    if own is not None:
        return own
    # the words after a figure are its own up to the next figure, and not past a "dan" that leads into it
    window = min(60, span[1] - q.end)
    if (joint := _NEXT_CLAUSE.search(text, q.end, q.end + window)) is not None:
        window = joint.start() - q.end
    after = [label for pattern, label in v.PERCENT_TOPICS if pattern.search(text, q.end, q.end + window)]
    # "14 persen atau sekitar 285 ribu peserta yang belum aktif": who the share is, said after its count
    beside = _BESIDE_A_COUNT.match(text, q.end)
    if beside is not None and any(label == "reject" and p.search(text, beside.end(), beside.end() + 50) for p, label in v.PERCENT_TOPICS):
        return "reject"
    if "reject" in after or _SHARE_OF_MONEY.match(text, q.end):
        return "reject"
    carried = _nearest_label(v.PERCENT_TOPICS, text, q.start, q.end, window, why=(found, "metric"))
    if (
        carried is None
        and v.PERCENT_BESIDE_COUNT.search(text, max(0, q.start - 40), q.start)
        and v.PARTICIPANT_CONTEXT.search(text, 0, q.start)
        # the share beside a count of one segment or payer is that segment's share, not the coverage
        and _nearest_label(v.SEGMENT_CUES, text[_clause_start(text, 0, q.start) : q.start], q.start) in (None, "total")
    ):
        found.append("metric:share_beside_count")
        return "uhc_coverage_pct"
    return carried


# "Kabupaten Agam ... 456.332 jiwa, Pasaman 297.914, Pasaman Barat 418.533": a bare number right after a name
_COUNT_AFTER_NAME = re.compile(r"\s*[:(=]?\s*(\d{1,3}(?:\.\d{3})+)(?![\d.,]*\s*(?:%|persen|rupiah|juta|ribu|miliar))")


_POPULATION_WORDS = re.compile(r"\b(?:jumlah|total)\s+(?:total\s+)?(?:penduduk|populasi)(?:nya)?\b", re.IGNORECASE)
_ENROLMENT_WORDS = re.compile(r"peserta|terdaftar|keper?sertaan|\bjkn\b|\bbpjs\b|\bkis\b|tercover|terlindungi|terjamin|menjadi|dijamin|ditanggung|[.;:]|\d", re.IGNORECASE)


def _population_before(text: str, at: int) -> bool:
    """Whether the count at ``at`` is the population: "dari total penduduk di daerah tersebut yang sebanyak
    1.687.466 jiwa", "jumlah penduduk Kota Palembang yang kurang lebih 1.721.392 jiwa". The population words
    lead to the number with no word of enrolment (nor another figure) between."""
    found = list(_POPULATION_WORDS.finditer(text, max(0, at - 90), at))
    return bool(found) and not _ENROLMENT_WORDS.search(text, found[-1].end(), at)


def _with_listed_counts(s: Sentence, named: list[RegionMention], quantities: list[Quantity]) -> tuple[list[Quantity], set[int]]:
    """A list of places and their counts names its noun once ("... 456.332 jiwa, Pasaman 297.914, ..."): the bare
    numbers right after the other names count the same, as the first count of the sentence does. Also where
    they start."""
    noun = next(x.count_noun for x in quantities if x.unit == "count")
    taken = [(x.start, x.end) for x in quantities]
    extra = []
    for m in named:
        if m.office:
            continue
        found = _COUNT_AFTER_NAME.match(s.text, m.end - s.start)
        if found is None:
            continue
        a, b = found.span(1)
        if not any(a < e and x < b for x, e in taken):
            extra.append(Quantity(parse_numeral(found.group(1)), "count", a, b, "exact", noun))
    return sorted(quantities + extra, key=lambda x: x.start), {x.start for x in extra}


def _restates_a_rejected_share(text: str, quantities: list[Quantity], i: int) -> bool:
    """A count that restates the percentage right before it ("0,9 persen atau 3.430 jiwa") is who that share
    is: when the share is of those not enrolled, so is the count, however far before the count the words stand."""
    share = quantities[i - 1]
    if share.unit != "percent" or not v.COUNT_AFTER_PERCENT.search(text, share.start, quantities[i].start):
        return False
    span = (quantities[i - 2].end if i > 1 else 0, quantities[i].start)
    return _percent_topic(text, share, span, []) == "reject"


def _percent_fact(
    q: Quantity,
    s: Sentence,
    ctx: SentenceContext,
    previous: tuple[int, str] | None,
    cues: list[str],
    list_item: bool = False,
    span: tuple[int, int] | None = None,
    pct_index: int = 0,
    item_region: str | None = None,
) -> tuple[str, str] | None:
    text = s.text
    if v.CHANGE_BEFORE.search(text[: q.start]) or v.CHANGE_OF_TOPIC.search(text[: q.start]):
        return None
    if _STILL_TO_GO.match(text, q.end):
        return None  # "masih dibutuhkan sekitar 31% lagi": the gap that remains, not a level
    found: list[str] = []
    metric = _percent_topic(text, q, span or (0, len(text)), found)
    if (m := _METRIC_RIGHT_AFTER.match(text, q.end)) is not None:
        found, metric = [f"metric:{m.group(1).lower()}_right_after"], _METRIC_NAMED_AFTER[m.group(1).lower()]
    if v.ACTIVE_RIGHT_AFTER.match(text, q.end):
        found, metric = ["metric:aktif_right_after"], "active_participation_pct"
    # a share of the participants is no coverage figure, but the active share is exactly what keaktifan means
    if v.SHARE_OF_PARTICIPANTS.match(text[q.end : q.end + 40]) and metric != "active_participation_pct":
        return None
    if metric is None and list_item and pct_index < len(ctx.block_metrics) and item_region is not None and ctx.block_region != item_region:
        # a new region of the list: its n-th figure measures what the n-th of the region before did
        found, metric = ["metric:list_item_in_order"], ctx.block_metrics[pct_index]
    if metric is None and ctx.last_pct_metric and (v.ANAPHORA.search(text[: q.start]) or v.TARGET_JUST_BEFORE.search(text[: q.start])):
        found, metric = ["metric:previous_sentence"], ctx.last_pct_metric
    if metric is None and ctx.last_pct_metric and list_item:
        found, metric = ["metric:list_continues"], ctx.last_pct_metric
    if metric is None and v.TARGET_JUST_BEFORE.search(text[: q.start]):
        found, metric = ["metric:recent_topic"], ctx.recent_topic()  # "dari target 98 persen" after sentences about coverage
    if (
        metric is None
        and v.NAME_JUST_BEFORE.search(text[: q.start])
        and (v.LIST_ITEM.match(text) or len(v.PERCENT_FIGURE.findall(text)) >= 2)
    ):
        # a list of places and their figures whose topic the sentence before announced ("... belum UHC. Ketiganya
        # adalah Kabupaten Jeneponto (91,3 persen), ...")
        found, metric = ["metric:list_topic"], ctx.recent_topic()
    if metric is None or metric == "reject":
        return None
    if not 0 < q.value <= 150 or (metric == "active_participation_pct" and q.value > 100):
        return None
    cues.extend(found)
    return metric, _kind(text, q, previous=previous, cues=cues)


def _count_fact(
    q: Quantity,
    s: Sentence,
    cues: list[str],
    after_coverage: bool = False,
    previous_segment: str | None = None,
    span: tuple[int, int] | None = None,
    list_item: bool = False,
    list_topic: str | None = None,
) -> tuple[str, str, str | None] | None:
    """``list_topic``: the sentence before, when this one lists places and their counts (its topic is said there)."""
    text = s.text
    # "Sebelumnya, pada Januari jumlahnya 29.870 orang": the same count as the sentence before, at another time
    continued = previous_segment is not None and (bool(v.COUNT_ANAPHORA.search(text[: q.start])) or list_item)
    if not (
        v.PARTICIPANT_CONTEXT.search(text)
        or q.count_noun == "segment"  # named by its JKN segment ("PBPU 41.357")
        # "PPU (Pekerja Penerima Upah): 187.552 orang", a line of a breakdown led by the segment's name
        or SEGMENT_NAME_RE.search(text, max(0, q.start - 45), q.start)
        or (after_coverage and v.COUNT_AFTER_PERCENT.search(text[: q.start]))
        or continued
        or (list_topic is not None and v.PARTICIPANT_CONTEXT.search(list_topic)
            # a list of those not enrolled, or made inactive, is no list of participants
            and not (v.COUNT_REJECT.search(list_topic) or _NOT_ENROLLED_TOPIC.search(list_topic) or _NOT_YET.search(list_topic)))
    ):
        return None
    if (
        v.COUNT_NOT_COVERED.search(text[q.end : q.end + 60])
        or v.COUNT_NOT_COVERED_BEFORE.search(text[max(0, q.start - 60) : q.start])
        or v.COUNT_REJECT.search(text[max(0, q.start - 50) : q.end + 40])
    ):
        return None
    if _NOT_ENROLLED_TOPIC.search(text, 0, q.start):
        return None  # "jumlah non kepesertaan JKN, yaitu 4.493 orang ..., disusul Buol 3.808 orang"
    rejected = list(v.COUNT_REJECT.finditer(text, 0, q.start))
    if rejected and _LIST_INTRO.search(text, rejected[-1].end(), q.start):
        return None  # "peserta yang dinonaktifkan terdiri atas 46.926 jiwa di ..., 9.357 jiwa di ...": a list of them
    # "dari 3,7 juta jiwa penduduk" is the population; "bagi 2,1 juta jiwa penduduk" is who is covered
    if (q.count_noun == "penduduk" or re.match(r"\s*penduduk", text[q.end : q.end + 12])) and _POPULATION_BEFORE.search(
        text[max(0, q.start - 30) : q.start]
    ):
        return None
    if v.POPULATION.search(text[max(0, q.start - 60) : q.start]) or _population_before(text, q.start):
        return None
    if q.value < 10:
        return None
    if v.CHANGE_BEFORE.search(text[max(0, q.start - 40) : q.start]):
        return None  # "naik 2.000 jiwa dibanding tahun lalu": the size of a change, not a count of members
    # "Jumlah peserta 1,3 juta orang dari 1,56 juta orang": the second is the population
    if span and span[0] > 0 and q.start - span[0] < 25 and q.count_noun != "peserta" and _FROM_JUST_BEFORE.fullmatch(text, span[0], q.start):
        return None
    cues.append("metric:count_continues_previous" if continued else "metric:participant_words")
    segment = _segment(text, q, span, cues)
    if segment is None and continued and previous_segment:
        segment = previous_segment
        cues.append("segment:previous_count")
    # the share of the population named right after the count ("1.012.873 jiwa atau 95,04 persen")
    beside = v.BESIDE_COVERAGE.match(text[q.end :])
    # "peserta aktif ... 720.000 jiwa" counts the active members only: no segment, not the total
    active_only = re.search(r"\baktif\b", text[max(0, q.start - 40) : q.start], re.IGNORECASE) or (
        beside is not None and v.ACTIVE_RIGHT_AFTER.match(text, q.end + beside.end())
    )
    if segment is None and list_topic is not None and not v.PARTICIPANT_CONTEXT.search(text):
        # "Warga miskin penerima PBI dari Pemprov tersebar di enam kabupaten kota. ... Kabupaten Lebak 149.250 orang"
        segment = _nearest_label(v.SEGMENT_CUES, list_topic, len(list_topic), why=(cues, "segment"))
        if segment is not None:
            cues[-1] = cues[-1].replace("segment:", "segment:list_topic_", 1)
    if segment is None and q.count_noun == "peserta" and re.search(r"\bdari\s+(?:total\s+)?$", text[: q.start], re.IGNORECASE):
        segment = "total"
        cues.append("segment:of_all_participants")
    if beside is not None:
        share_end = q.end + beside.end()
        # "524.067 atau 27 % masyarakat ... yang belum terdaftar": the share says who these people are
        if any(label == "reject" and pattern.search(text, share_end, share_end + 70) for pattern, label in v.PERCENT_TOPICS):
            return None
        # "1,7 juta jiwa atau 30,8 persen ... ditanggung oleh Pemprov": who pays, named after the share
        if segment is None and not active_only:
            segment = _nearest_label(v.SEGMENT_CUES, text, share_end, share_end, 70, why=(cues, "segment"))
    if segment is None and not active_only:
        if after_coverage:
            segment, cue = "total", "after_coverage"
        elif beside is not None:
            segment, cue = "total", "beside_coverage"
        elif v.TOTAL_HINT.search(text[max(0, q.start - 60) : q.end + 30]):
            segment, cue = "total", "enrolled_words"
        else:
            cue = "unknown"
        cues.append(f"segment:{cue}")
    elif segment is None:
        cues.append("segment:active_only")
    return "participants", _kind(text, q, strict=True, cues=cues), segment


# "naik dibanding tahun sebelumnya yang sebesar Rp26,5 miliar": the value before the change, not its size
_EARLIER_OR_LATER_VALUE = re.compile(r"\b(?:dibanding\w*|sebelumnya|semula|awalnya|dari|menjadi)\b", re.IGNORECASE)
_SEVERAL_RECIPIENTS = re.compile(r"[^.;]{0,60}?\b(?:untuk|bagi)\b[^.;]{0,80}?,[^.;]{0,40}?\bdan\b", re.IGNORECASE)
_TOTAL_BUDGET = re.compile(r"(?<!dari )\btotal\s+(?:anggaran|alokasi|dana)\b(?!\s+(?:tersebut|itu|ini))", re.IGNORECASE)


_PER_MONTH_AFTER = re.compile(r"\s*(?:per|/|setiap|tiap)\s*bulan(?:nya)?\b", re.IGNORECASE)
_PER_MONTH_BEFORE = re.compile(r"\b(?:sebulan(?:nya)?|per\s*bulan(?:nya)?|setiap\s+bulan(?:nya)?|tiap\s+bulan(?:nya)?)\s+(?:\w+\s+){0,2}(?:Rp\.?\s*)?$", re.IGNORECASE)


def _budget_fact(q: Quantity, s: Sentence, previous_text: str, cues: list[str]) -> tuple[str, str, str | None] | None:
    text = s.text
    # "program ini ... alokasi anggaran Rp92,6 miliar": what the money pays for may be in the sentence before
    # "Jumlah tersebut naik dari Rp26,5 miliar": the budget the sentence before named, at another time
    refers_back = bool(v.COUNT_ANAPHORA.search(text[: q.start])) and bool(v.BUDGET_ACTION.search(previous_text))
    if not ((v.BUDGET_CONTEXT.search(text) or v.BUDGET_CONTEXT.search(previous_text)) and (v.BUDGET_ACTION.search(text) or refers_back)):
        return None
    # what the money is for, read within the figure's own clause ("Rp 10 miliar untuk pembangunan gedung,
    # sedangkan untuk iuran JKN disiapkan Rp 40 miliar")
    start, end = max(0, q.start - 100), q.end + 60
    for m in _CLAUSE_BREAK.finditer(text, start, q.start):
        start = m.end()
    after = _CLAUSE_BREAK.search(text, q.end, end)
    if v.BUDGET_REJECT.search(text[start : after.start() if after else end]):
        return None
    if q.value < 1_000_000:
        return None
    # "Rp 134.400.000 per bulan", "sebulannya sekitar Rp2,2 miliar": a month's share, not the allocation
    if _PER_MONTH_AFTER.match(text, q.end) or _PER_MONTH_BEFORE.search(text, max(0, q.start - 40), q.start):
        return None
    # the size of a change is not a budget ("meningkat Rp16 miliar"); "naik dari Rp26 miliar menjadi Rp30 miliar" gives both
    clause = _clause_start(text, 0, q.start)
    change = v.BUDGET_CHANGE.search(text, clause, q.start)
    if change and not _EARLIER_OR_LATER_VALUE.search(change.group(0)) and not re.search(r"(?:dari|menjadi|jadi)\s*(?:Rp\.?\s*)?$", text[: q.start], re.IGNORECASE):
        return None
    # Contribution budgets are a government's: the central one when only APBN / pemerintah pusat is named
    central = v.CENTRAL_BUDGET.search(text) and not v.PEMDA_CUE.search(text)
    segment = "pbi_apbn" if central else "pemda"
    # "total anggaran APBD ... Rp72 miliar untuk PBI, THL dan ASN": every segment's together, when several are named
    if _TOTAL_BUDGET.search(text, max(0, q.start - 60), q.start) and (
        len({label for p, label in v.SEGMENT_CUES if p.search(text, q.end)} - {"total"}) >= 2 or _SEVERAL_RECIPIENTS.match(text, q.end)
    ):
        segment = "total"
    cues.extend(["metric:budget_refers_back" if refers_back else "metric:budget_words", f"segment:{'central_budget' if central else 'regional_budget'}"])
    return "contribution_budget_idr", _kind(text, q, strict=True, cues=cues), segment


def _table_cell_fact(q: Quantity, column: tables.Column, cues: list[str]) -> tuple[str, str, str | None] | None:
    """A figure in a table cell is what its column's header says it is, when its unit fits the column."""
    fits = q.unit == "count" if column.metric == "participants" else q.unit == "percent"
    if not (fits and column.metric):
        return None
    cues.extend(["metric:table_header", "kind:table_header", "segment:table_header"])
    return column.metric, column.kind or "actual", column.segment


# "Kemudian Kabupaten Boalemo dengan jumlah 146.769 jiwa atau 98 persen.": the next item of a list the
# sentences before began, a region first and its figures after, in the words of the item before
_LIST_ITEM_LEAD = re.compile(
    r"\W*(?:(?:kemudian|lalu|disusul|selanjutnya|berikutnya|menyusul|sementara(?:\s+itu)?|sedangkan|dan|adapun|untuk|di)\s+){0,2}"
    r"(?:(?:Kota|Kabupaten|Kab\.|Provinsi)\s*)?",
    re.IGNORECASE,
)


@dataclass(frozen=True, slots=True)
class _RulesOfTheSentence:
    """Whether a sentence (or the one before, when it is linked to it) states a condition or a rule for any region."""

    condition_at: int | None  # where the first condition word stands, if any
    criterion: bool

    @classmethod
    def read(cls, text: str, previous: str) -> _RulesOfTheSentence:
        linked = bool(v.ANAPHORA.search(text))
        condition = v.CONDITION.search(text)
        if condition is None and linked and v.CONDITION.search(previous):
            return cls(0, True)
        criterion = bool(v.CRITERION.search(text) or (linked and v.CRITERION.search(previous)))
        return cls(condition.start() if condition else None, criterion)

    def condition_before(self, position: int) -> bool:
        return self.condition_at is not None and self.condition_at < position


def _continues_a_list(s: Sentence, named: list[RegionMention], figures: int) -> bool:
    """Whether the sentence opens with a region name (after at most a linking word) and states its figures;
    ``named`` are the regions the sentence names."""
    first = named[0] if named else None
    if first is None or first.start - s.start >= 40:
        return False
    lead = _LIST_ITEM_LEAD.fullmatch(s.text, 0, first.start - s.start)
    # a name alone before one figure may start a sentence of its own ("Kota X (26 persen) menjadi ..."); a list
    # item is linked to the one before ("Kemudian ...") or holds the figures of several items
    return bool(lead) and (bool(_LINKED.match(s.text)) or figures >= 2)


_LINKED = re.compile(r"\W*(?:kemudian|lalu|disusul|selanjutnya|berikutnya|menyusul|sementara|sedangkan|dan|adapun)\b", re.IGNORECASE)


def facts_in_sentence(
    s: Sentence,
    mentions: list[RegionMention],
    ctx: SentenceContext,
    published: date | None,
    gazetteer: Gazetteer,
) -> list[Fact]:
    """The JKN facts one sentence states, with their region resolved from the sentence and its context."""
    if v.KETENAGAKERJAAN.search(s.text) and not re.search(r"bpjs\s+kesehatan|\bjkn\b", s.text, re.IGNORECASE):
        return []
    if not _MAY_HOLD_NUMBER.search(s.text):
        return []
    table = ctx.table if tables.is_row(s.text) else None
    quantities = find_quantities(s.text)
    named = [m for m in mentions if s.start <= m.start < s.end]
    list_item = _continues_a_list(s, named, len(quantities))
    item_region = next((m.code for m in named if not m.office), None) if list_item else None
    names = [(m.start - s.start, m.end - s.start, gazetteer.regions[m.code].type == "provinsi") for m in named]
    if table:
        taken = [(x.start, x.end) for x in quantities]
        quantities += [c for c in tables.bare_counts(s.text, table) if not any(c.start < e and b < c.end for b, e in taken)]
        quantities.sort(key=lambda x: x.start)
    listed: set[int] = set()  # where the bare numbers of a list of places and counts start
    if not table and len(named) > 1 and any(x.unit == "count" for x in quantities):
        quantities, listed = _with_listed_counts(s, named, quantities)
    # how many counts stand right after a place's name: two or more make the sentence a list of places
    places_with_counts = sum(1 for x in quantities if x.unit == "count" and any(0 <= x.start - (m.end - s.start) <= 25 for m in named)) if len(named) > 1 else 0
    if not quantities:
        return []
    dates: list[DateMention] | None = None  # read once a figure turns out to be a fact
    rules: _RulesOfTheSentence | None = None  # likewise
    out: list[Fact] = []
    previous_pct: tuple[int, str] | None = None
    previous_metric: str | None = None
    out_end = 0  # where the last figure that became a fact ends
    for i, q in enumerate(quantities):
        span = (quantities[i - 1].end if i else 0, quantities[i + 1].start if i + 1 < len(quantities) else len(s.text))
        segment: str | None = None
        cell = tables.column_at(s.text, q.start) if table else 0
        column = table[cell] if table and cell < len(table) else None
        value: float | int
        cues: list[str] = []
        if column is not None and column.metric is not None:
            found3 = _table_cell_fact(q, column, cues)
            if found3 is None:
                continue
            metric, kind, segment = found3
            value = round(q.value, 2) if q.unit == "percent" else int(q.value)
        elif q.unit == "percent":
            found = _percent_fact(q, s, ctx, previous_pct, cues, list_item, span, sum(f.metric.endswith("_pct") for f in out), item_region)
            if found is None:
                continue
            metric, kind = found
            previous_pct = (q.end, kind)
            previous_metric = metric
            value = round(q.value, 2)
        elif q.unit == "count":
            if i and _restates_a_rejected_share(s.text, quantities, i):
                continue
            found3 = _count_fact(q, s, cues, previous_metric == "uhc_coverage_pct", ctx.last_count_segment, span, list_item,
                                 ctx.previous_text if places_with_counts > 1 else None)
            if found3 is None:
                continue
            metric, kind, segment = found3
            if q.start in listed and "segment:unknown" in cues:
                # an item of the list counts what the list's first count does
                segment = next((f.segment for f in reversed(out) if f.metric == "participants"), None)
                if segment is not None:
                    cues[cues.index("segment:unknown")] = "segment:list_continues"
            value = int(q.value)
        else:
            found3 = _budget_fact(q, s, ctx.previous_text, cues)
            if found3 is None:
                continue
            metric, kind, segment = found3
            value = int(q.value)
        region_code = _region_for(q, s, mentions, ctx, cues, span[0])
        if region_code is None and out and not any(out_end <= m.start - s.start < q.start for m in mentions):
            region_code = out[-1].region_code  # "... adalah 98 persen dengan keaktifan 80 persen": same subject
            cues[-1] = "region:same_subject_as_previous_figure"
        if region_code is None:
            continue
        if (metric.endswith("_pct") and _PAID_FOR_AFTER.match(s.text, q.end)) or (
            (metric.endswith("_pct") or (metric == "participants" and segment in (None, "total"))) and _about_one_group(s.text, q, names)
        ):
            cues.append("metric:about_one_group")
        if _about_several_regions(s.text, q, names):
            cues.append("region:several_regions")
        if metric == "participants" and _QUOTA.search(s.text, _clause_start(s.text, 0, q.start), q.start):
            cues.append("metric:quota_or_estimate")
        if rules is None:
            rules = _RulesOfTheSentence.read(s.text, ctx.previous_text)
        if rules.condition_before(q.start) or (kind == "target" and rules.criterion):
            cues.append("kind:general_criterion")
        out_end = q.end
        if dates is None:
            dates = find_dates(s.text, published)
        evidence = _evidence(s, q)
        as_of = _as_of(q, s.text, dates, published, kind, span[1], cues)
        # Names joined before one figure ("Bali, NTB dan NTT ... 71 persen") share it: a sum or an average of them
        # all, no one region's figure, except full coverage, which each of them has ("Kota A dan Kota B ... 100 persen")
        codes = [region_code]
        joined = _coordinated_before(s, mentions, region_code, quantities[i - 1].end if i else 0, q.start) if "region:nearest_name" in cues else []
        if joined and metric.endswith("_pct") and value == 100:
            codes = joined + codes
        elif joined:
            cues.append("region:several_regions")
        for code in codes:
            out.append(
                Fact(
                    region_code=code,
                    region_name=gazetteer.regions[code].name,
                    metric=metric,
                    kind=kind,
                    segment=segment,
                    value=value,
                    qualifier=q.qualifier,
                    as_of=as_of,
                    evidence=evidence,
                    start=s.start,
                    end=s.end,
                    number_start=s.start + q.start,
                    number_end=s.start + q.end,
                    decided_by=cues if code == region_code else [*cues, "region:joined_with_the_next_name"],
                )
            )
    return out


# What joins the names of one coordinated subject: "Kota A dan Kota B", "A, B, dan C"
_JOINED = re.compile(r"\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+)(?:(?:Kota|Kabupaten|Kab\.)\s+)?")


def _coordinated_before(s: Sentence, mentions: list[RegionMention], code: str, floor: int, figure: int) -> list[str]:
    """The regions named together with the one a figure is about, joined to it by "dan" or commas before it,
    with no figure between."""
    local = [m for m in mentions if s.start + floor <= m.start and m.end <= s.start + figure and not m.office]
    if not local or local[-1].code != code:
        return []
    joined: list[str] = []
    for prev, cur in zip(reversed(local[:-1]), reversed(local[1:]), strict=True):
        if not _JOINED.fullmatch(s.text, prev.end - s.start, cur.start - s.start):
            break
        if prev.code not in joined and prev.code != code:
            joined.insert(0, prev.code)
    return joined


def _evidence(s: Sentence, q: Quantity) -> str:
    """The sentence, or when longer than the schema allows, a window of it around the figure."""
    if len(s.text) <= EVIDENCE_MAX:
        return s.text
    start = max(0, q.start - 120)
    start = s.text.rfind(" ", 0, start) + 1 if start else 0
    return s.text[start : start + EVIDENCE_MAX].strip()
