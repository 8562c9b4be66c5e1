"""MoU events: a government and BPJS Kesehatan signing an agreement, new or renewed.

A sentence reports a signing when it names an agreement and a signing that happened (a verb such as
"menandatangani", or the event itself: "usai penandatanganan MoU"), not one that is planned, wished for, a
condition, a draft or called off. Its parties are the governments it names through a title or an office
("Bupati Kudus", "Pemprov Kaltim", "Sekda Kalteng"), then the regions it names as subject; never the place of
the signing, the dateline, a BPJS branch or regional office, or officials who only attend.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from datetime import date, timedelta

from . import vocabulary as v
from .dates import MONTHS, DateMention, find_dates
from .gazetteer import Gazetteer
from .model import MouEvent
from .regions import RegionMention
from .text import Sentence

# A signing that happened: a verb, or the signing as an event ("usai penandatanganan", "saat MoU dengan").
_SIGN_VERB = re.compile(
    r"\b(?:menandatangani|menandatangan|ditandatangani(?:nya)?|tandatangani|(?:di|me)?tanda\s+tangani(?:nya)?|"
    r"tanda\s*tangan(?=\s+(?:mou|pks|nota|perjanjian|kesepakatan|memorandum))|teken|meneken|diteken|menjalin|jalin|dijalin|"
    r"memperbarui|memperbaharui|diperbarui|memperpanjang|diperpanjang|"
    r"menyepakati\s+(?:\w+\s+){0,2}(?:nota|perjanjian|kerja\s*sama|mou|pks|kesepakatan)|tercapai(?:nya)?\s+(?:mou|pks|nota|kesepakatan|perjanjian)|"
    r"(?:me)?lakukan\s+(?:perpanjangan|pembaruan|pembaharuan|penandatangan(?:an)?|mou|memorandum|pks|nota|perjanjian|kesepakatan|adendum|addendum))\b",
    re.IGNORECASE,
)
# no word boundary before: outlets glue words ("ditandainpenandatangan")
_SIGN_NOUN = re.compile(r"(?:penandatangan(?:an)?|\bpenekenan)\b", re.IGNORECASE)
_SIGN_EVENT = re.compile(
    r"\b(?:saat|usai|seusai|setelah|sesudah|selepas|acara|dalam)\s+(?:acara\s+)?(?:mou|pks|nota\s+kesep\w+|perjanjian\s+kerja\s*sama)\b",
    re.IGNORECASE,
)
# "melakukan perpanjangan ..." signs; the noun alone ("perpanjangan PKS berlaku hingga 2027") only says one exists
_NAMED_SIGNING = re.compile(r"\bpenandatangan(?:an)?\s+(?:\w+\s+){0,3}?(?:kesepahaman|kesepakatan|perjanjian|kerja\s*sama)", re.IGNORECASE)
# a document was signed: what separates "menandatangani PKS" from "menjalin kerja sama" (which may be ongoing)
_SIGNED = re.compile(r"tanda\s*tangan|nandatangan|\bteken\b|meneken|diteken", re.IGNORECASE)
_BETWEEN_GOVERNMENTS = re.compile(
    r"\b(?:Pemerintah\s+Provinsi|Pemprov|Gubernur)\b[^.]{0,40}?\b(?:bersama|dengan|dan)\s+(?:seluruh\s+|para\s+)?"
    r"(?:Pemerintah\s+(?:Daerah\s+)?(?:Kabupaten|Kota)|Pemkab|Pemkot|pemda|bupati|wali\s*kota|kabupaten/kota)",
    re.IGNORECASE,
)
# "antara BPJS Kesehatan dengan Rumah Sakit X", "antara RSUD X dan BPJS": the two parties, when spelled out
_BETWEEN_BPJS_FIRST = re.compile(r"\bantara\s+(?:pihak\s+)?(?:BPJS|Badan\s+Penyelenggara)[^,.;]{0,60}?\s(?:dengan|dan)\s+([^,.;]{2,60})", re.IGNORECASE)
_BETWEEN_BPJS_LAST = re.compile(r"\bantara\s+([^,.;]{2,60}?)\s+(?:dengan|dan)\s+(?:pihak\s+)?(?:BPJS|Badan\s+Penyelenggara)", re.IGNORECASE)
_GOVERNMENT_WORD = re.compile(
    r"\b(?:Pemkab|Pemkot|Pemko|Pemprov|Pemda|Pemerintah|Bupati|Wali\s*[Kk]ota|Walikota|Gubernur|Sekda\w*|Sekprov|Dinkes|Dinas|Kabupaten|Kota|Provinsi|Pj|Plt)\b",
    re.IGNORECASE,
)
_PROVIDER = re.compile(r"\b(?:rumah\s+sakit|rsud|rsu|klinik|puskesmas|apotek|laboratorium)\b", re.IGNORECASE)
_BOTH = re.compile(r"\bkedua(?:nya|\s+belah\s+pihak|\s+pihak|\s+lembaga|\s+instansi)\b", re.IGNORECASE)
# "Pemerintah Provinsi" or "Gubernur ASR": a province's signer whose region the sentence does not name
_BARE_PROVINCE = re.compile(r"\b(?:Pemerintah\s+Provinsi|Pemprov|Gubernur|Wakil\s+Gubernur|Sekdaprov|Sekda\s+Provinsi)\b")
# every agreement word of AGREEMENT_STRONG and AGREEMENT_WEAK, in one pattern over the lower-cased sentence: the
# sentences worth a closer look (a prefilter: the lookahead on the first letters makes it four times faster)
_ANY_AGREEMENT = re.compile(r"(?=[kpmn])(?:kerja\s*sama|kesepa|perjanjian|mou\b|pks\b|memorandum|nota\s)")
_SPEAKER_TITLE = re.compile(
    r"\b(?:kata|ujar|ucap|tutur|jelas|ungkap|sebut|tegas|papar|imbau|pesan)\w*\s+(?:Wakil\s+)?(?:Gubernur|Bupati|Wali\s*[Kk]ota|Walikota|Sekda)\b",
    re.IGNORECASE,
)
_PAST_CUE = re.compile(r"\b(?:sejak|semenjak|sebelumnya|pernah)\s+(?:\w+\s+)?$", re.IGNORECASE)
_HEADLINE_ONLY = "only the headline may report this signing"
_BPJS_KESEHATAN_NAMED = re.compile(r"bpjs\s*kesehatan|jaminan\s+sosial\s*\)?\s*kesehatan|\bjkn\b", re.IGNORECASE)
_BPJS_NAMED = re.compile(r"\bbpjs|badan\s+penyelenggara", re.IGNORECASE)
_CUES = (("mou:sign_verb", _SIGN_VERB), ("mou:signing_noun", _SIGN_NOUN), ("mou:signing_event", _SIGN_EVENT))
# "ini adalah program rutin yang dilaksanakan setiap tahun" right after a signing: an agreement renewed each year
_ANNUAL = re.compile(r"\b(?:program\s+rutin|rutin\s+(?:dilakukan|dilaksanakan|diteken)|(?:dilakukan|dilaksanakan|diperbarui|diperpanjang|diteken|ditandatangani)\s+(?:setiap|tiap)\s+tahun)", re.IGNORECASE)
_RENEWAL_NOUN = re.compile(r"\b(?:perpanjangan|pembaruan|pembaharuan)\b", re.IGNORECASE)
# What makes a named signing not (yet) done, in the words just before it: plans, wishes, conditions, drafts.
_NOT_DONE_BEFORE = re.compile(
    r"\b(?:akan|bakal|hendak|ingin|berencana|rencana(?:nya)?|direncanakan|dijadwalkan|segera|siap|mau|agar|supaya|jika|apabila|kalau|bila|"
    r"syarat(?:nya)?|harus|wajib|perlu|belum|tidak|tak|enggan|usulan|mengusulkan|mendorong|mengajak|meminta|diminta|draf|draft|rancangan|"
    r"membahas|pembahasan|menyusun|penyusunan|mempersiapkan|persiapan|menjajaki|penjajakan|bisa|dapat|menargetkan|ditargetkan|targetkan|menunggu|"
    r"sepakat(?:\s+untuk)?|bersepakat|setuju|menolak|tolak)\b(?:(?!\b(?:usai|seusai|setelah)\b)[^,.;])*$",
    re.IGNORECASE,
)
_NOT_DONE_AFTER = re.compile(
    r"^[^,.;]{0,110}?\b(?:akan(?!\s+(?:berlaku|berakhir|berjalan|menjamin|mengatur|memberikan|meningkatkan))|dijadwalkan|direncanakan|rencananya|ditargetkan|masih\s+(?:dibahas|disusun|digodok)|(?:bisa|dapat)\s+dilakukan|"
    r"(?<!ke\s)(?:pekan|minggu|bulan|tahun)\s+depan)\b",
    re.IGNORECASE,
)
_DRAFT = re.compile(r"\b(?:draf|draft|rancangan)\s+(?:mou|pks|nota|perjanjian|kesepakatan)", re.IGNORECASE)
# "Caleg PKS", "Fraksi PKS": the party, not a perjanjian kerja sama
_POLITICAL_PKS = re.compile(r"\b(?:caleg|partai|fraksi|dpw|dpd|dpc|dpp|kader|politisi|politikus|legislator)\s+(?:dari\s+)?$", re.IGNORECASE)
_RENEWAL_EXTRA = re.compile(
    r"\bkembali\s+(?:melakukan\s+)?(?:penandatangan(?:an)?|menandatangani|meneken|menjalin|teken|memperpanjang)|"
    r"\b(?:rutin|setiap|tiap)\s+tahun(?:nya)?\b|\bkeberlanjutan\s+(?:kerja\s*sama|kesepakatan|perjanjian)",
    re.IGNORECASE,
)

# Who a mention is, from the words right before it.
_GOV_TITLE = re.compile(
    r"(?:\b(?:Pemkab|Pemkot|Pemko|Pemprov|Pemda|Pemerintah(?:\s+Daerah)?(?:\s+(?:Kabupaten|Kota|Provinsi))?|Bupati|Wali\s*[Kk]ota|Walikota|"
    r"Gubernur|Sekda(?:prov)?|Sekprov|Sekdakab|Sekdakot|Sekkab|Sekkot|Sekr\w+\s+(?:Daerah|Kabupaten|Kota|Provinsi)|Penjabat|Pj\.?|Plt\.?|Dinkes|Dinas\s+Kesehatan|Kadinkes|"
    r"Kepala\s+Daerah)(?:\s+(?:Kabupaten|Kota|Provinsi|Kab\.))?\s*\)?\s*(?:\([^)]{1,25}\)\s*)?$)",
    re.IGNORECASE,
)
_CONNECTOR = re.compile(
    r"(?:\b(?:dengan|antara|bersama|dan|serta|yakni|yaitu|meliputi|termasuk|antara\s+lain|di\s+antaranya|masing-masing)|:)\s+"
    r"(?:(?:Kabupaten|Kota|Provinsi|Kab\.)\s+)?$"
)
# "BPJS Kesehatan cabang Makassar", "Deputi Direksi Wilayah Kaltim": where BPJS sits
_BPJS_OFFICE = re.compile(
    r"(?:\bcabang(?:\s+utama)?|\bkc|\bkcu|\bkantor\s+cabang|\bwilayah|\bkedeputian(?:\s+wilayah)?|\bdivisi\s+regional|\bdeputi\s+direksi(?:\s+wilayah)?)"
    r"\s+(?:kota\s+|kabupaten\s+)?$",
    re.IGNORECASE,
)
_LIST_GAP = re.compile(r"^\s*(?:,\s*(?:dan\s+|serta\s+)?|dan\s+|serta\s+|&\s*)(?:(?:Kabupaten|Kota|Provinsi|Kab\.|Pemkab|Pemkot|Bupati|Wali\s*[Kk]ota)\s+)?$")
# "di Hotel Aston, Jakarta Pusat", "di ruang rapat Kantor Bupati Sigi": the place of the signing
_VENUE = re.compile(
    r"\b(?:di|bertempat\s+di|berlangsung\s+di|digelar\s+di|dilaksanakan\s+di)\s+"
    r"(?:(?:[A-Z0-9][\w.'’&-]*|ruang|rapat|aula|halaman|kantor|gedung|rumah|dinas|jabatan|pendopo|balai|hotel|lantai|auditorium|wisma|graha|kompleks|area)[\s,]+){0,8}$"
)
# "penyerahan UHC Award kepada Pemkab Kukar": who receives something at the event, not who signs
_RECIPIENT = re.compile(r"\bkepada\s+(?:(?:Pemkab|Pemkot|Pemko|Pemprov|Pemerintah(?:\s+(?:Kabupaten|Kota|Provinsi))?|Bupati|Wali\s*[Kk]ota|Gubernur)\s+)?$")
# '"...," kata Andayani saat penandatanganan ...': the quote before the attribution is not about the signing
_QUOTE_END = re.compile(r"[”\"]\s*,?\s*(?:kata|ujar|ucap|jelas|tutur|ungkap|sebut|terang|tegas|papar)\w*\b")
_READ_ALSO = re.compile(r"^\W*baca\s+(?:juga|pula)?\s*:?", re.IGNORECASE)
# bodies named after a region that are not its government: the council, vertical offices, enterprises
_AGENCY = re.compile(
    r"\b(?:DPRD|BPS|Kemenag|Kankemenag|Kementerian\s+Agama|Kantor\s+Pertanahan|BPN|BNNK?|KPU|Bawaslu|Kejaksaan\s+Negeri|Kejari|"
    r"Pengadilan\s+\w+|Lapas|Rutan|PDAM|Perumda|BPR|Bank\s+\w+|Kantor\s+Pos|Taspen|Asabri|BPJS\s+Ketenagakerjaan)"
    r"(?:\s+(?:Kabupaten|Kota|Provinsi|Kab\.))?\s*$"
)
_OPEN_PAREN = re.compile(r"^\s*\([^)]*$")
_SE_PREFIX = re.compile(r"\bse-?\s*(?:Provinsi\s+|Kabupaten\s+|Kota\s+)?$", re.IGNORECASE)
# officials who watch or attend are not parties
_WITNESS = re.compile(r"\b(?:disaksikan|menyaksikan|dihadiri|menghadiri|didampingi|turut\s+hadir|hadir|di\s+hadapan)\b", re.IGNORECASE)
_BARE_GOV = re.compile(r"\b(?:Pemkab|Pemkot|Pemko|Pemprov|Pemda|pemerintah\s+(?:daerah|kabupaten|kota|provinsi)|Bupati|Wali\s*[Kk]ota|Walikota|Gubernur)\b", re.IGNORECASE)

# Dates that are not the signing: how long it runs, a deadline, the period it covers.
_NOT_SIGNING_DATE = re.compile(
    r"(?:hingga|sampai|s\.d\.?|berlaku|selama|sebelum|per|target(?:nya)?|periode|anggaran|ta|mulai|terhitung|sejak|berakhir|habis|tempo)"
    r"\s+(?:dengan\s+|pada\s+|tanggal\s+)?(?:(?:akhir|awal|tahun|bulan)\s+)*$",
    re.IGNORECASE,
)
_YEAR_INTRO = re.compile(r"\b(?:pada|sejak|awal|akhir|pertengahan)\s+(?:tahun\s+)?$", re.IGNORECASE)
# "Kamis lalu": the last Thursday before publication
_WEEKDAY_LAST = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s+(?:lalu|kemarin)\b")
_LAST_WEEK = re.compile(r"\b(?:pekan|minggu)\s+lalu\b", re.IGNORECASE)
_WEEKDAY_DAY_MONTH = re.compile(r"\b(Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*,?\s*\(?\s*(\d{1,2})/(\d{1,2})\s*\)?(?!\s*/)")
# "Senin (26/12/12022)": a typed year no date reader accepts; the day and month still date the signing
_WEEKDAY_BAD_YEAR = re.compile(r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*,?\s*\(\s*(\d{1,2})/(\d{1,2})/(?:\d{5,}|\d{3})\s*\)")
_DAY_MONTH_NAME = re.compile(
    r"(?<![\d.,])\b(\d{1,2})\s+(" + "|".join(sorted((k for k in MONTHS if len(k) > 3 or k == "mei"), key=len, reverse=True)) + r")\b(?!\s+(?:19|20)\d{2})",
    re.IGNORECASE,
)
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6}
_WEEKDAY_AT = re.compile(r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\b")
_SAME_OCCASION = re.compile(
    r"\b(?:(?:di|pada)\s+(?:saat|waktu)\s+(?:yang\s+)?bersamaan|(?:pada|dalam|di)\s+(?:kesempatan|acara)\s+(?:yang\s+sama|itu|tersebut)|"
    r"^\W*selain\s+itu|^\W*sekaligus|bersamaan\s+dengan\s+itu|^\W*(?:pertemuan|kegiatan|acara|rapat)\s+(?:tersebut|itu|ini))\b",
    re.IGNORECASE,
)
_WEEKDAY_BEFORE = re.compile(r"\b(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu)\s*,?\s*\(?\s*$")
_PAST_AFTER = re.compile(r"\s*(?:\)\s*)?(?:lalu|silam|sebelumnya)\b", re.IGNORECASE)
_RECENT_UNIT = re.compile(r"\b(?:pekan|minggu|hari|bulan)\s+$", re.IGNORECASE)
_YEARS = re.compile(r"\b(?:19|20)\d{2}\b")
_DATELINE_DASH = re.compile(r"\s[–—-]+\s|[–—]|\s-+(?=\S)|(?<=\w)-\s")


@dataclass(slots=True)
class _Article:
    """What the per-sentence decisions need to know about the whole article."""

    sentences: list[Sentence]
    mentions: list[RegionMention]
    main_region: str | None
    published: date | None
    gazetteer: Gazetteer
    dateline_end: int
    about_bpjs: bool  # BPJS Kesehatan in the title or the first sentences
    bpjs_named: bool  # "BPJS" or "Badan Penyelenggara" anywhere
    headline: bool  # the text opens with its headline
    ketenagakerjaan: bool  # BPJS Ketenagakerjaan is named and BPJS Kesehatan never is
    other_body_signed: bool = False  # a hospital's or another body's agreement was reported
    _years: set[int] | None = None

    @property
    def years(self) -> set[int]:
        """The years the article names (only needed to date "Kamis (27/3)" without a publication date)."""
        if self._years is None:
            self._years = {int(y) for x in self.sentences for y in _YEARS.findall(x.text) if 2000 <= int(y) <= 2035}
        return self._years


@dataclass(slots=True)
class _Signing:
    """One sentence that reports a signing, with what it says about the parties and the date."""

    index: int
    cue: str
    parties: list[str]
    party_cue: str
    signed_on: str | None
    date_cue: str
    review: list[str] = field(default_factory=list)
    earlier: bool = False  # about an agreement signed before the one the story reports


def _agreement(text: str) -> re.Match[str] | None:
    """The first agreement term of the sentence, skipping "PKS" as the political party."""
    for m in v.AGREEMENT_STRONG.finditer(text):
        if m.group(0).upper() == "PKS" and _POLITICAL_PKS.search(text[max(0, m.start() - 25) : m.start()]):
            continue
        return m
    return None


def _signing_cue(text: str) -> tuple[str, int] | None:
    """How the sentence reports a done signing ("mou:sign_verb", "mou:signing_event", ...) and where, or None.

    Every signing word is tried in text order: "Selain penandatanganan komitmen UHC, ... dengan ditandatanganinya
    perjanjian" is a signing even though its first signing word is not about an agreement."""
    strong = _agreement(text)
    weak = strong or v.AGREEMENT_WEAK.search(text)
    if not weak or v.CALLED_OFF.search(text) or _DRAFT.search(text):
        return None
    found = [(m.start(), name, m) for name, pattern in _CUES for m in pattern.finditer(text)]
    if not found and strong is not None and not v.MEETING.search(text):
        found = [(m.start(), "mou:renewal_noun", m) for m in _RENEWAL_NOUN.finditer(text)]
    named = strong is not None or _NAMED_SIGNING.search(text) is not None
    for _start, name, m in sorted(found, key=lambda x: x[0]):
        if name != "mou:sign_verb" and not named:
            continue  # "penandatanganan kerja sama" needs a named agreement when no verb says it was signed
        if _NOT_DONE_BEFORE.search(text[max(0, m.start() - 45) : m.start()]):
            continue
        if name != "mou:sign_verb" and _NOT_DONE_AFTER.search(text[m.end() :]):
            continue  # "Penandatanganan ... dijadwalkan pekan depan"
        return name, m.start()
    return None


def _non_government_between(text: str) -> bool:
    """Whether the sentence spells out the two parties and the one beside BPJS is no government."""
    for pattern in (_BETWEEN_BPJS_FIRST, _BETWEEN_BPJS_LAST):
        m = pattern.search(text)
        if m and not _GOVERNMENT_WORD.search(m.group(1)) and re.match(r"\s*[A-Z]", m.group(1)):
            return True
    return False


def _provider_without_government(text: str) -> bool:
    """Whether a sentence names a provider or another body, and no government, as BPJS's partner."""
    return bool((v.OTHER_PARTY.search(text) or _PROVIDER.search(text)) and not v.GOVERNMENT_PARTY.search(text))


def _dateline_like(s: Sentence, m: RegionMention, dateline_end: int) -> bool:
    """Whether the mention is the place a story was filed from ("JELAJAH.CO.ID, Sidrap –")."""
    if m.start < dateline_end:
        return True
    rel = m.start - s.start
    if s.index > 12 or rel > 80 or _GOV_TITLE.search(s.text[max(0, rel - 60) : rel]):
        return False  # a dateline is a bare place name, never "Bupati Sigi – ..."
    dash = _DATELINE_DASH.search(s.text, 0, 110)
    if dash is None or dash.start() < rel or len(s.text[: dash.start()].split()) > 6:
        return False
    # an outlet or domain may lead ("Habanusantara.net, Banda Aceh –"); the rest are capitalised place or outlet words
    tokens = [t.strip("()") for t in re.split(r"[\s,]+", s.text[: dash.start()]) if t.strip("()")]
    return all(t[0].isupper() or t[0].isdigit() for t in tokens[1:])


def _parties(
    s: Sentence, cue_at: int, mentions: list[RegionMention], dateline_end: int, gazetteer: Gazetteer
) -> tuple[list[str], str]:
    """The governments a signing sentence names as parties, and the cue that decided them."""
    here = [m for m in mentions if s.start <= m.start < s.end and m.code != "00" and not m.subregion]
    if not here:
        return [], ""
    st = s.text
    watching = _witness_spans(st)
    quote_end = max((q.start() for q in _QUOTE_END.finditer(st, 0, cue_at)), default=-1)
    status: list[str] = []  # per mention: "gov", "subject", "scope", "office", "venue", "quote", "witness"
    for k, m in enumerate(here):
        rel = m.start - s.start
        before = st[max(0, rel - 60) : rel]
        prev_status = status[k - 1] if k else None
        gap = st[here[k - 1].end - s.start : rel] if k else ""
        if m.office or _BPJS_OFFICE.search(before) or _AGENCY.search(before):
            status.append("office")  # a BPJS branch, or a body that is not the regional government ("DPRD Kota X")
        elif prev_status == "office" and (_LIST_GAP.match(gap) or _OPEN_PAREN.match(gap)):
            status.append("office")  # "Wilayah Kaltim, Kalsel, Kalteng, dan Kaltara (Kaltimtengseltara)"
        elif prev_status in ("scope", "venue") and _LIST_GAP.match(gap) and _same_level(here[k - 1], m, gazetteer) and not _GOV_TITLE.search(before):
            status.append(prev_status)  # "di Kota Palu dan Donggala": the list goes on as it began
        elif _dateline_like(s, m, dateline_end) or _VENUE.search(st[max(0, rel - 100) : rel]) or _SE_PREFIX.search(before):
            status.append("venue")
        elif rel < quote_end or _RECIPIENT.search(before) or (quote_end >= 0 and rel < cue_at and not m.explicit_type and not _GOV_TITLE.search(before)):
            status.append("quote")  # inside the quote, or a bare name describing who spoke
        elif any(a <= rel < b for a, b in watching):
            status.append("witness")
        elif _GOV_TITLE.search(before):
            status.append("gov")
        elif prev_status in ("gov", "subject") and gap.strip() == "," and _names_province_of(m, here[k - 1], gazetteer):
            status.append("scope")  # "Pemerintah Kabupaten Pohuwato, Gorontalo, ...": where the regency lies
        elif prev_status in ("gov", "subject") and _LIST_GAP.match(gap) and _same_level(here[k - 1], m, gazetteer):
            status.append(prev_status)  # "Pemkab Berau, Kutai Barat dan Mahakam Ulu"
        elif rel < cue_at or _CONNECTOR.search(before):
            status.append("subject")
        else:
            status.append("scope")
    for wanted, cue in (("gov", "region:government_title"), ("subject", "region:subject")):
        picked = [m for m, st_ in zip(here, status, strict=True) if st_ == wanted]
        if picked:
            return _without_context_provinces(picked, gazetteer), cue
    return [], ""


def _witness_spans(text: str) -> list[tuple[int, int]]:
    """Where the sentence names officials who only watch or attend: after "disaksikan"/"didampingi" up to the next
    signing word ("Gubernur didampingi Bupati Sambas menandatangani ..."), and before "menyaksikan"/"hadir" back to
    the previous signing word ("Bupati Sambas hadir dalam penandatanganan ... antara Gubernur ...")."""
    spans = []
    for w in _WITNESS.finditer(text):
        if w.group(0).lower().startswith("di"):  # passive: disaksikan, dihadiri, didampingi, di hadapan
            nxt = _SIGN_VERB.search(text, w.end())
            spans.append((w.end(), nxt.start() if nxt else len(text)))
        else:
            ends = [m.end() for pattern in (_SIGN_VERB, _SIGN_NOUN) for m in pattern.finditer(text, 0, w.start())]
            spans.append((max(ends, default=0), w.start()))
    return spans


def _names_province_of(m: RegionMention, prev: RegionMention, gazetteer: Gazetteer) -> bool:
    """Whether a bare name right after a regency can be read as that regency's province."""
    province = gazetteer.regions[prev.code].province_code
    if gazetteer.regions[prev.code].type == "provinsi" or m.explicit_type:
        return False
    return m.code == province or province in gazetteer.names.get(m.surface, ())


def _same_level(a: RegionMention, b: RegionMention, gazetteer: Gazetteer) -> bool:
    """A list continues with regions of the same level: a province after a regency is where it lies."""
    ta, tb = gazetteer.regions[a.code].type, gazetteer.regions[b.code].type
    return (ta == "provinsi") == (tb == "provinsi")


def _without_context_provinces(picked: list[RegionMention], gazetteer: Gazetteer) -> list[str]:
    """Codes of the parties; a province only named as where a signing regency lies is context."""
    codes = list(dict.fromkeys(m.code for m in picked))
    local_provinces = {gazetteer.regions[c].province_code for c in codes if gazetteer.regions[c].type != "provinsi"}
    return [c for c in codes if not (gazetteer.regions[c].type == "provinsi" and c in local_provinces and not _titled(c, picked))]


def _titled(code: str, picked: list[RegionMention]) -> bool:
    """Whether the region is named with its type ("Provinsi Jambi"), not as a bare name."""
    return any(m.code == code and m.explicit_type for m in picked)


def _neighbour_party(
    sentences: list[Sentence], i: int, mentions: list[RegionMention], dateline_end: int, gazetteer: Gazetteer
) -> list[str]:
    """A government named with a title in the sentence before or after a signing that names none, when that
    sentence is about the agreement too ("PKS tersebut ... didaftarkan Pemkab Minahasa")."""
    both = _BOTH.search(sentences[i].text)  # "antara kedua belah pihak": the two the sentence before named
    for j in (i - 1, i + 1):
        if 0 <= j < len(sentences) and (_ANY_AGREEMENT.search(sentences[j].text.lower()) or (both and j == i - 1)):
            own = _signing_cue(sentences[j].text)
            codes, cue = _parties(sentences[j], own[1] if own else len(sentences[j].text), mentions, dateline_end, gazetteer)
            if codes and cue == "region:government_title":
                return codes
    return []


def _signing_date(
    sentences: list[Sentence], i: int, published: date | None, article_years: set[int] | None
) -> tuple[str | None, str, bool]:
    """The signing date (from sentence i, or at day precision the two after it), its cue, and whether the
    sentence is about an earlier agreement rather than the one the story reports (then the date is that one's)."""
    s = sentences[i]
    best: DateMention | None = None
    for d in find_dates(s.text, published):
        before = s.text[max(0, d.start - 40) : d.start]
        if _past(before) or _PAST_AFTER.match(s.text, d.end):
            return (None if _NOT_SIGNING_DATE.search(before) else d.value), "date:earlier_agreement", True
        if _NOT_SIGNING_DATE.search(before):
            continue
        if len(d.value) == 4 and not (_YEAR_INTRO.search(before) or d.relative):
            continue  # "UHC 2025", "(JKA) tahun 2020": the program's year, not the day it was signed
        # the more precise date wins; of two as precise, the one written with its weekday: the event's own day
        # ("..., Kamis (6/12) di Ambon"), not the dateline's filing day ("Ambon (7/12) –")
        if best is None or len(d.value) > len(best.value) or (len(d.value) == len(best.value) and _weekday_dated(s.text, d.start)
                                                            and not _weekday_dated(s.text, best.start)):
            best = d
    if best is not None and best.relative and len(best.value) == 10 and i > 0:
        # "hari ini" in a speech is the day of the event, which the story dates just before ("..., Kamis (5/6/2025).")
        # better than the publication date the word is read against (often a day later)
        prev = sentences[i - 1].text
        for d in find_dates(prev, published):
            if len(d.value) == 10 and not d.relative and _weekday_dated(prev, d.start) and 0 <= (date.fromisoformat(best.value) - date.fromisoformat(d.value)).days <= 7:
                return d.value, "date:previous_sentence_weekday", False
    if best is not None:
        if len(best.value) < 10:  # "pada 3 Februari lalu" reads as the month; the day is there too
            loose = _date_without_year(s.text, published, article_years)
            if loose and loose[0].startswith(best.value):
                return loose
        return best.value, "date:in_sentence", False
    if _past(s.text) and not _SIGN_VERB.search(s.text):
        return None, "date:earlier_agreement", True
    guessed = _date_without_year(s.text, published, article_years)
    if guessed:
        return guessed
    if _SAME_OCCASION.search(s.text):
        # "Di saat bersamaan, Gubernur juga menandatangani ...": the day of the event told just before
        for earlier in reversed(sentences[max(0, i - 4) : i]):
            for d in find_dates(earlier.text, published):
                before = earlier.text[max(0, d.start - 40) : d.start]
                if len(d.value) == 10 and not _past(before) and not _NOT_SIGNING_DATE.search(before):
                    return d.value, "date:same_occasion", False
            guessed = _date_without_year(earlier.text, published, article_years)
            if guessed and guessed[1] == "date:weekday_fits_article_year":
                return guessed[0], "date:same_occasion", False
    for candidate in sentences[i + 1 : i + 3]:
        if (_agreement(candidate.text) or v.AGREEMENT_WEAK.search(candidate.text)) and _signing_cue(candidate.text):
            break
        for d in find_dates(candidate.text, published):
            before = candidate.text[max(0, d.start - 40) : d.start]
            if len(d.value) == 10 and not _past(before) and not _NOT_SIGNING_DATE.search(before):
                return d.value, "date:next_sentence", False
        guessed = _date_without_year(candidate.text, published, article_years)
        if guessed:
            return guessed[0], "date:next_sentence_weekday", False
    if i > 0:
        # '..., ujarnya, Senin (27/8/2018).' right before 'Selain penandatanganan ...': the day of the event reported
        prev = sentences[i - 1].text
        for d in find_dates(prev, published):
            if len(d.value) == 10 and _weekday_dated(prev, d.start):
                return d.value, "date:previous_sentence_weekday", False
    # news leads date the event they report ("..., Rabu (26/12)."): a signing told later without a date took place then
    for lead in sentences[: min(i, 4)]:
        for d in find_dates(lead.text, published):
            if len(d.value) == 10 and _weekday_dated(lead.text, d.start) and not _past(lead.text[max(0, d.start - 40) : d.start]):
                return d.value, "date:article_lead", False
        guessed = _date_without_year(lead.text, published, article_years)
        if guessed and guessed[1] == "date:weekday_fits_article_year":
            return guessed[0], "date:article_lead", False
    return None, "date:none", False


def _weekday_dated(text: str, start: int) -> bool:
    """Whether the date found at ``start`` is written with its weekday ("Rabu (26/12)", "Senin, 3 Februari 2020")."""
    return bool(_WEEKDAY_BEFORE.search(text[max(0, start - 12) : start]) or _WEEKDAY_AT.match(text, start))


def _past(text: str) -> bool:
    """A mark of an earlier agreement ("sejak", "sebelumnya", "pada 2019 lalu"); "pekan lalu" dates this one."""
    return any(not (m.group(0).lower() == "lalu" and _RECENT_UNIT.search(text, 0, m.start())) for m in v.PAST_MARK.finditer(text))


def _date_without_year(text: str, published: date | None, article_years: set[int] | None) -> tuple[str, str, bool] | None:
    """'pekan lalu' against the publication date; 'Kamis (27/3)' with no publication date: the year the article
    names in which 27 March was a Thursday, when exactly one does."""
    if published is not None:
        typo = _WEEKDAY_BAD_YEAR.search(text)
        if typo:
            day, month = int(typo.group(1)), int(typo.group(2))
            for year in (published.year, published.year - 1):
                try:
                    when = date(year, month, day)
                except ValueError:
                    break
                if when <= published + timedelta(days=7):
                    return when.isoformat(), "date:day_month_with_unreadable_year", False
        loose = _WEEKDAY_DAY_MONTH.search(text) or _DAY_MONTH_NAME.search(text)
        if loose and not _NOT_SIGNING_DATE.search(text[max(0, loose.start() - 30) : loose.start()]):
            # "Senin 3/2" without brackets, "pada 3 Februari lalu": the latest such day up to a week after publication
            day = int(loose.group(2) if loose.re is _WEEKDAY_DAY_MONTH else loose.group(1))
            month = int(loose.group(3)) if loose.re is _WEEKDAY_DAY_MONTH else MONTHS[loose.group(2).lower()]
            for year in (published.year, published.year - 1):
                try:
                    when = date(year, month, day)
                except ValueError:
                    break
                if when <= published + timedelta(days=7):
                    return when.isoformat(), "date:day_month_of_publication_year", False
        last = _WEEKDAY_LAST.search(text)
        if last:
            back = (published.weekday() - _WEEKDAYS[last.group(1).lower()]) % 7 or 7
            return (published - timedelta(days=back)).isoformat(), "date:weekday_before_publication", False
        if _LAST_WEEK.search(text):
            start = published - timedelta(days=published.weekday() + 7)
            end = start + timedelta(days=6)
            if (start.year, start.month) == (end.year, end.month):
                return f"{start.year:04d}-{start.month:02d}", "date:last_week", False
            return (f"{start.year:04d}", "date:last_week", False) if start.year == end.year else None
        return None
    m = _WEEKDAY_DAY_MONTH.search(text)
    if m is None or not article_years:
        return None
    weekday, day, month = _WEEKDAYS[m.group(1).lower()], int(m.group(2)), int(m.group(3))
    fits = []
    for y in article_years:
        try:
            if date(y, month, day).weekday() == weekday:
                fits.append(y)
        except ValueError:
            continue
    if len(fits) == 1:
        return f"{fits[0]:04d}-{month:02d}-{day:02d}", "date:weekday_fits_article_year", False
    return None


def _annual(text: str) -> bool:
    """A yearly routine said of the signing ("program rutin ... setiap tahun"), not a plan ("akan diperpanjang setiap tahun")."""
    m = _ANNUAL.search(text)
    return bool(m) and not v.FUTURE.search(text[max(0, m.start() - 30) : m.start()])


def _is_renewal(sentences: list[Sentence], candidates: list[int]) -> bool:
    """'Perpanjangan', 'pembaruan', 'adendum', 'kembali menandatangani' about the agreement, not a planned one.

    ``candidates`` are the sentences that name an agreement."""
    for k in candidates:
        s = sentences[k]
        for pattern in (v.RENEWAL, _RENEWAL_EXTRA):
            for m in pattern.finditer(s.text):
                if not v.FUTURE.search(s.text[max(0, m.start() - 30) : m.start()]):
                    return True
    return False


def find_mous(
    sentences: list[Sentence],
    mentions: list[RegionMention],
    main_region: str | None,
    published: date | None,
    title: str | None,
    gazetteer: Gazetteer,
    dateline_end: int = 0,
) -> list[MouEvent]:
    """One MoU event per government that the article reports signing an agreement with BPJS Kesehatan.

    ``dateline_end`` is where the text's dateline ends (``find_dateline``): the place it names is where the story
    was filed, not a party. Events whose party or partner the text leaves unclear get confidence "review"."""
    # one cheap pass first: most articles name no agreement at all
    candidates = [i for i, x in enumerate(sentences) if _ANY_AGREEMENT.search(x.text.lower())]
    if not candidates:
        return []
    first = sentences[0]
    article = _Article(
        sentences,
        mentions,
        main_region,
        published,
        gazetteer,
        dateline_end,
        about_bpjs=bool(v.BPJS_KESEHATAN.search((title or "") + " " + " ".join(s.text for s in sentences[:6]))),
        bpjs_named=any(_BPJS_NAMED.search(x.text) for x in sentences) or bool(_BPJS_NAMED.search(title or "")),
        headline=_opens_with_headline(first, title) and len(sentences) > 1,
        ketenagakerjaan=any(v.KETENAGAKERJAAN.search(x.text) for x in sentences)
        and not any(_BPJS_KESEHATAN_NAMED.search(x.text) for x in sentences)
        and not _BPJS_KESEHATAN_NAMED.search(title or ""),
    )
    signings = [sg for i in candidates if (sg := _signing_in(article, i)) is not None]
    if not signings:
        return []
    renewal = _is_renewal(sentences, candidates) or any(
        _annual(sentences[k].text) for sg in signings for k in range(sg.index + 1, min(sg.index + 3, len(sentences)))
    )
    return _events(article, signings, renewal)


def _opens_with_headline(first: Sentence, title: str | None) -> bool:
    """Whether the text's first sentence is its headline: the title when one is given, else a short line
    without a full stop (texts saved with their headline on top)."""
    if title:
        return " ".join(first.text.split()).lower() == " ".join(title.split()).lower()
    return len(first.text) < 160 and not first.text.rstrip().endswith((".", "!", "?", '"', "”"))


def _signing_in(a: _Article, i: int) -> _Signing | None:
    """The signing sentence i reports, with its parties, date and any reason to doubt it; None if it reports none."""
    s = a.sentences[i]
    if _READ_ALSO.match(s.text):
        return None  # "Baca juga: ..." is the headline of another story
    found = _signing_cue(s.text)
    if found is None:
        return None
    cue, cue_at = found
    if (v.KETENAGAKERJAAN.search(s.text) or a.ketenagakerjaan) and not _BPJS_KESEHATAN_NAMED.search(s.text):
        return None  # BPJS Ketenagakerjaan's agreement; in its story a bare "BPJS" is that agency too
    review: list[str] = []
    context = " ".join(x.text for x in a.sentences[max(0, i - 1) : i + 2])
    if not v.BPJS_KESEHATAN.search(context):
        if not (a.about_bpjs and i < 4):
            return None
        review.append("BPJS Kesehatan is named only elsewhere in the article")
    elif not _BPJS_NAMED.search(context) and (not a.bpjs_named or _BETWEEN_GOVERNMENTS.search(s.text)):
        review.append("BPJS is not named as the other party; the agreement may be between governments")
    if cue == "mou:renewal_noun":
        review.append("a renewal is named but no signing verb says it was signed")
    elif not _agreement(s.text) and not _SIGNED.search(s.text):
        review.append("only 'menjalin kerja sama' names the agreement; no signing of a document is reported")
    parties, party_cue = _parties(s, cue_at, a.mentions, a.dateline_end, a.gazetteer)
    other = v.OTHER_PARTY.search(s.text)
    if (
        (other and (party_cue != "region:government_title" or not v.BPJS_KESEHATAN.search(s.text)))
        or _non_government_between(s.text)
        or (i > 0 and _BOTH.search(s.text) and _provider_without_government(a.sentences[i - 1].text))
    ):
        # a hospital's, a police station's or a prosecutor's contract, "MoU antara BPJS Kesehatan dengan Rumah
        # Sakit ..." hosted by a governor, "MoU antara keduanya" after a sentence naming a hospital and BPJS
        a.other_body_signed = True
        return None
    unspoken = _SPEAKER_TITLE.sub(" ", s.text)  # '"...," kata Gubernur saat penandatanganan': the speaker
    if a.other_body_signed and (not parties or cue != "mou:sign_verb") and not _BARE_PROVINCE.search(unspoken):
        return None  # "penandatanganan perjanjian kerja sama ini" later in a story about a hospital's agreement
    if i == 0 and a.headline:
        review.append(_HEADLINE_ONLY)
    if not parties:
        parties, party_cue = _unnamed_parties(a, i, unspoken, review)
    if not parties:
        return None
    signed_on, date_cue, past = _signing_date(a.sentences, i, a.published, a.years if a.published is None else None)
    if _PAST_CUE.search(s.text, max(0, cue_at - 25), cue_at):
        past, date_cue = True, "date:earlier_agreement"  # "Sejak penandatanganan MoU pada 2019, ..."
    if past and (party_cue not in ("region:government_title", "region:subject") or cue != "mou:sign_verb"):
        # "Pada 2022 lalu, seluruh kabupaten/kota di Sulsel ..." names no party of its own; "Sebelumnya Gubernur
        # ... dalam sambutannya pada penandatanganan MoU ..." says who spoke, not who signed
        return None
    return _Signing(i, cue, parties, party_cue, signed_on, date_cue, review, past)


def _unnamed_parties(a: _Article, i: int, unspoken: str, review: list[str]) -> tuple[list[str], str]:
    """Parties of a signing sentence that names no government: an unnamed "Pemerintah Provinsi", a government the
    neighbouring sentence names, or the article's main region (for review unless a bare title points at it)."""
    if a.main_region and a.main_region != "00" and _BARE_PROVINCE.search(unspoken):
        # "... bersama Pemerintah Provinsi serta ...": the province of the article, named without its name
        province = a.gazetteer.regions[a.main_region].province_code
        if province in a.gazetteer.regions:
            return [province], "region:unnamed_province_title"
    codes = _neighbour_party(a.sentences, i, a.mentions, a.dateline_end, a.gazetteer)
    if codes:
        return codes, "region:neighbour_sentence"
    if a.main_region and a.main_region != "00":
        if not _bare_title_fits(unspoken, a.gazetteer.regions[a.main_region].type):
            review.append("no government is named as a party; the article's main region is assumed")
        return [a.main_region], "region:main_region"
    return [], ""


def _bare_title_fits(text: str, region_type: str) -> bool:
    """Whether an unnamed title in the sentence ("Bupati", "Pemkot", "pemerintah daerah") fits the type of the
    article's main region, so that region is the party."""
    for m in _BARE_GOV.finditer(text):
        word = m.group(0).lower()
        if word.startswith(("pemda", "pemerintah daerah")):
            return region_type in ("kabupaten", "kota")
        if word.startswith(("bupati", "pemkab", "pemerintah kabupaten")):
            return region_type == "kabupaten"
        if word.startswith(("wali", "pemkot", "pemko", "pemerintah kota")):
            return region_type == "kota"
    return False


def _events(a: _Article, signings: list[_Signing], renewal: bool) -> list[MouEvent]:
    """One event per government: the sentences that name their parties go first; a sentence that only borrows a
    neighbour's or the article's region adds a date to that event, or makes its own only when nothing else named
    one; an earlier agreement ("diteken pada 2019 lalu") counts only for a government with no other signing."""
    events: dict[str, MouEvent] = {}
    ordered = sorted(signings, key=lambda x: (x.earlier, x.party_cue in ("region:neighbour_sentence", "region:main_region"), x.index))
    for sg in ordered:
        s = a.sentences[sg.index]
        borrowed = sg.party_cue in ("region:neighbour_sentence", "region:main_region")
        for code in sg.parties:
            e = events.get(code)
            if sg.earlier and e is not None:
                continue
            if e is None:
                if borrowed and events and sg.party_cue == "region:main_region":
                    continue
                e = MouEvent(code, a.gazetteer.regions[code].name, sg.signed_on, "new", s.text[:200], s.start, s.end)
                e.decided_by = [sg.cue, sg.party_cue, sg.date_cue]
                e.confidence = "review" if sg.review else "high"
                e.review_reason = "; ".join(sg.review) or None
                events[code] = e
                continue
            # a plain report confirms a vaguer one; a headline is confirmed by any body sentence about the signing
            upgrade = e.confidence == "review" and (not sg.review or (e.review_reason == _HEADLINE_ONLY and sg.index > 0))
            if sg.signed_on and (e.signed_on is None or upgrade):
                e.signed_on = sg.signed_on
                e.decided_by = [x for x in e.decided_by if not x.startswith("date:")] + [sg.date_cue]
                if not borrowed:
                    e.evidence, e.start, e.end = s.text[:200], s.start, s.end
            if upgrade:
                e.confidence, e.review_reason = "high", None
                e.decided_by = [sg.cue] + [x for x in e.decided_by if not x.startswith("mou:")]
    earlier_only = {c for sg in signings if sg.earlier for c in sg.parties} - {c for sg in signings if not sg.earlier for c in sg.parties}
    for code, e in events.items():
        own = renewal
        if code in earlier_only:  # an earlier agreement is a renewal only by its own words
            own = _is_renewal(a.sentences, [k for k, x in enumerate(a.sentences) if x.start == e.start])
        e.kind = "renewal" if own else "new"
        e.decided_by.append("kind:renewal_cue" if own else "kind:no_renewal_cue")
    return list(events.values())
