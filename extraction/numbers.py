"""Indonesian number parsing: decimal commas, thousand dots, scale words and qualifiers."""

from __future__ import annotations

import re
from dataclasses import dataclass

SCALES = {
    "ribu": 1_000,
    "rb": 1_000,
    "juta": 1_000_000,
    "jt": 1_000_000,
    "miliar": 1_000_000_000,
    "milyar": 1_000_000_000,
    "m": 1_000_000_000,
    "triliun": 1_000_000_000_000,
    "trilyun": 1_000_000_000_000,
    "t": 1_000_000_000_000,
}

NUMBER_WORDS = {
    "nol": 0, "satu": 1, "se": 1, "dua": 2, "tiga": 3, "empat": 4, "lima": 5, "enam": 6, "tujuh": 7,
    "delapan": 8, "sembilan": 9, "sepuluh": 10, "sebelas": 11, "seratus": 100, "setengah": 0.5,
    "seribu": 1000, "sejuta": 1_000_000,
}

# A numeral in Indonesian style (1.234.567 or 93,28) or English style (1,234,567 or 93.28).
# Real text has stray spaces inside numerals ("147. 629", "87, 86 persen"): a space after a thousands dot
# before three digits, or after a decimal comma before the one or two decimals of a percentage.
NUMERAL = r"\d{1,3}(?:\.\s?\d{3}(?!\d))+(?:,\d+)?|\d{1,3}(?:,\d{3}){2,}|\d+(?:[.,]\d+)?"
_PERCENT_NUMERAL = rf"\d{{1,3}},\s\d{{1,2}}(?=\s*(?:%|persen\b))|{NUMERAL}"
_WORD_NUMERAL = r"(?:" + "|".join(sorted((w for w in NUMBER_WORDS if w != "se"), key=len, reverse=True)) + r")"

QUALIFIERS: list[tuple[str, str]] = [
    (r"lebih\s+dari|di\s+atas|melebihi|melampaui|minimal|sedikitnya|setidaknya|paling\s+sedikit|>=?|≥", "at_least"),
    (r"sekitar|kurang\s+lebih|hampir|mendekati|kira-kira|lebih\s+kurang|±|\+/-", "approx"),
]
_QUALIFIER_RE = [(re.compile(r"(?:" + p + r")\s*$", re.IGNORECASE), q) for p, q in QUALIFIERS]


def parse_numeral(token: str) -> float:
    """Parse one numeral written the Indonesian way (or unambiguously the English way).

    ``"262.865.343"`` → 262865343, ``"93,28"`` → 93.28, ``"54.000"`` → 54000, ``"1,5"`` → 1.5.
    """
    token = re.sub(r"(?<=[.,])\s+", "", token.strip())
    if token.lower() in NUMBER_WORDS:
        return float(NUMBER_WORDS[token.lower()])
    if re.fullmatch(r"\d{1,3}(?:\.\d{3})+(?:,\d+)?", token):
        return float(token.replace(".", "").replace(",", "."))
    if re.fullmatch(r"\d{1,3}(?:,\d{3}){2,}", token):
        return float(token.replace(",", ""))
    if re.fullmatch(r"\d+,\d+", token):
        return float(token.replace(",", "."))
    if re.fullmatch(r"\d+\.\d{1,2}", token):
        # "98.5 persen": a dot followed by one or two digits is a decimal point, never a thousands dot
        return float(token)
    if re.fullmatch(r"\d+", token):
        return float(token)
    raise ValueError(f"not a numeral: {token!r}")


def qualifier_before(prefix: str) -> str:
    """The qualifier (``exact``, ``at_least``, ``approx``) that the words just before a number give it."""
    tail = prefix[-40:]
    tail = re.sub(r"(?:angka|sebesar|sebanyak|sejumlah|mencapai|menjadi|yakni|yaitu|adalah|sampai|hingga|ke|di)\s*$", "", tail.rstrip(), flags=re.IGNORECASE).rstrip()
    for pattern, qualifier in _QUALIFIER_RE:
        if pattern.search(tail) or pattern.search(prefix[-40:].rstrip()):
            return qualifier
    return "exact"


@dataclass(frozen=True, slots=True)
class Quantity:
    """A number found in a sentence, with its unit and where it sits (offsets within the sentence)."""

    value: float
    unit: str  # "percent" | "rupiah" | "count"
    start: int
    end: int
    qualifier: str
    count_noun: str | None = None  # for counts: peserta, jiwa, orang, ...


_NUM = rf"(?:{NUMERAL}|{_WORD_NUMERAL})"
_SCALE = r"(?:ribu|rb|juta|jt|miliar|milyar|triliun|trilyun)"
PERCENT_RE = re.compile(rf"(?<![\w.,])({_PERCENT_NUMERAL})(?:\s*(?:-|–|hingga|sampai)\s*({NUMERAL}))?\s*(?:%|persen\b|per\s+sen\b)", re.IGNORECASE)
RUPIAH_RE = re.compile(
    rf"\bRp\.?\s*({NUMERAL})(?:\s*(?:-|–|hingga|sampai)\s*(?:Rp\.?\s*)?({NUMERAL}))?\s*({_SCALE}|[MT]\b)?\.?",
    re.IGNORECASE,
)
RUPIAH_WORD_RE = re.compile(rf"(?<![\w.,])({_NUM})\s+({_SCALE})\s+rupiah\b", re.IGNORECASE)
# "164.599 warganya": a noun may carry its possessive suffix
COUNT_NOUNS = r"(?:peserta|jiwa|orang|warga|penduduk|penerima|masyarakat|KK|kepala\s+keluarga|pekerja|karyawan|pegawai)(?:nya)?"
COUNT_RE = re.compile(
    rf"(?<![\w.,/])(\d{{1,3}},\s\d{{1,2}}(?=\s+{_SCALE})|{_NUM})(?:\s*(?:-|–)\s*({NUMERAL}))?(?:\s+({_SCALE}))?(-?an)?\s+(?:(lebih|an)\s+)?"
    # "640 ribu merupakan peserta PPU": a verb may stand between the number and what it counts
    rf"(?:(?:di\s+antaranya|merupakan|adalah|ialah|tercatat\s+sebagai|terdaftar\s+sebagai)\s+)?({COUNT_NOUNS})\b",
    re.IGNORECASE,
)


# "PPU 160.537", "PBI APBD sebanyak 214.330", "segmen bukan pekerja 1.585": in a breakdown by segment the
# segment's name is what the bare number counts
_SEGMENT_NAME = (
    r"(?:penerima\s+bantuan\s+iuran|pbi)(?:\s*(?:jk|jkn))?(?:\s*\((?:pbi\s*)?[\w\s]{0,12}\))?(?:\s*(?:dari\s+)?(?:apbn|apbd|pusat|daerah|pbn))?"
    r"|pekerja\s+(?:bukan\s+)?penerima\s+upah(?:\s*\([\w\s]{0,10}\))?|ppu(?:\s*(?:bu|pn|badan\s+usaha|penyelenggara\s+negara))?|pbpu(?:\s+pemda)?"
    r"|bukan\s+pekerja(?:\s*\(bp\))?|\bbp\b|peserta\s+mandiri|\bmandiri|jamkesda|\bjka\b"
    r"|(?:yang\s+)?(?:ditanggung|dibiayai|dibayar(?:kan)?)\s+(?:oleh\s+)?(?:apbd|apbn|pemda|pemerintah(?:\s+(?:daerah|pusat|kabupaten|kota|provinsi))?|pemkab|pemkot|pemprov)"
)
SEGMENT_COUNT_RE = re.compile(
    rf"(?:{_SEGMENT_NAME})\s*(?:(?:yang\s+)?(?:sebanyak|mencapai|berjumlah|sejumlah|ada|yakni|yaitu|tercatat|sudah\s+mencapai|adalah)\s+|:\s*|=\s*)?"
    rf"({NUMERAL})(?:\s+({_SCALE}))?(?![\d.,]*\s*(?:%|persen|rupiah)|\s*[-/])",
    re.IGNORECASE,
)


# "jumlah peserta JKN-KIS sudah mencapai 187.982.949": a bare number that the words before call the participants
MEMBERSHIP_NUMBER_RE = re.compile(
    rf"\b(?:jumlah|total|pencapaian|capaian)\s+(?:peserta|kepesertaan)\b(?:[^.,;:%]{{0,60}}?\b(?:mencapai|sebanyak|sejumlah|berjumlah|tercatat|sebesar|yakni|yaitu|ada)"
    # or the number straight after the words: "dengan jumlah peserta 274.974"
    rf"|(?:\s+(?:jkn|bpjs|kis)[\w-]*)?)\s+"
    rf"({NUMERAL})(?:\s+({_SCALE}))?(?![\d.,]*\s*(?:%|persen|rupiah))",
    re.IGNORECASE,
)
SEGMENT_NAME_RE = re.compile(_SEGMENT_NAME, re.IGNORECASE)
_MAY_NAME_A_SEGMENT = re.compile(r"pbi|ppu|pbpu|\bbp\b|pekerja|mandiri|jamkesda|\bjka\b|ditanggung|dibiayai|dibayar|bantuan", re.IGNORECASE)
# "Kabupaten Kubu Raya mencapai 274.898 atau 77,70 persen": a bare count beside the share of the population it makes
COUNT_BESIDE_SHARE_RE = re.compile(rf"(?<![\w.,/])(\d{{1,3}}(?:\.\d{{3}})+)(?:\s+({_SCALE}))?\s+(?=atau\s+(?:sekitar\s+|sebesar\s+|mencapai\s+)?\d[\d.,]*\s*(?:%|persen))", re.IGNORECASE)
# "21.400 PBI Jaminan Kesehatan, 3.120 Bukan Pekerja": a bare number followed by the segment it counts
COUNT_THEN_SEGMENT_RE = re.compile(rf"(?<![\w.,/])({NUMERAL})(?:\s+({_SCALE}))?\s+(?={_SEGMENT_NAME})", re.IGNORECASE)


# "ditambah dari 15.000 menjadi 22.500 jiwa": the first figure counts the same people
FROM_TO_COUNT_RE = re.compile(
    rf"\bdari\s+({_NUM})(?:\s+({_SCALE}))?\s+(?:{COUNT_NOUNS}\s+)?menjadi\s+(?:{_NUM})(?:\s+{_SCALE})?\s+({COUNT_NOUNS})\b",
    re.IGNORECASE,
)


def _decimal_before_scale(token: str, scale: str | None) -> str:
    """"176.073 ribu jiwa" is 176 thousand written with an English decimal point: one dot group before a
    scale word counts thousands, not millions, of people."""
    if scale and scale.lower() in ("ribu", "rb", "juta", "jt") and re.fullmatch(r"\d{1,3}\.\s?\d{3}", token):
        return token.replace(" ", "").replace(".", ",")
    return token


def _scaled(token: str, scale: str | None) -> float:
    value = parse_numeral(token)
    # "187.982.949 juta": a numeral already written out to its last unit takes no scale word
    if scale and re.fullmatch(r"\d{1,3}(?:\.\s?\d{3}){2,}", token.strip()):
        return value
    if scale:
        value *= SCALES[scale.lower()]
    return value


def find_quantities(sentence: str) -> list[Quantity]:
    """Every percentage, rupiah amount and counted quantity in one sentence."""
    found: list[Quantity] = []
    taken: list[tuple[int, int]] = []

    def overlaps(s: int, e: int) -> bool:
        return any(s < te and ts < e for ts, te in taken)

    for m in PERCENT_RE.finditer(sentence):
        try:
            value = parse_numeral(m.group(1))
        except ValueError:
            continue
        qualifier = qualifier_before(sentence[: m.start()])
        found.append(Quantity(value, "percent", m.start(), m.end(), qualifier))
        taken.append((m.start(), m.end()))
    for m in RUPIAH_RE.finditer(sentence):
        scale = m.group(3)
        if scale and scale.upper() in ("M", "T") and scale not in ("M", "T"):
            scale = None
        try:
            value = _scaled(m.group(1), scale)
        except ValueError:
            continue
        found.append(Quantity(round(value), "rupiah", m.start(), m.end(), qualifier_before(sentence[: m.start()])))
        taken.append((m.start(), m.end()))
    for m in RUPIAH_WORD_RE.finditer(sentence):
        if overlaps(m.start(), m.end()):
            continue
        try:
            value = _scaled(m.group(1), m.group(2))
        except ValueError:
            continue
        found.append(Quantity(round(value), "rupiah", m.start(), m.end(), qualifier_before(sentence[: m.start()])))
        taken.append((m.start(), m.end()))
    for m in COUNT_RE.finditer(sentence):
        if overlaps(m.start(), m.end()):
            continue
        token = m.group(1)
        if token.lower() == "se":
            continue
        try:
            if not m.group(3) and re.fullmatch(r"\d{1,3},\d{3}", token):
                value = float(token.replace(",", ""))  # "17,146 peserta": people come whole, so a thousands comma
            else:
                value = _scaled(_decimal_before_scale(token, m.group(3)), m.group(3))
        except ValueError:
            continue
        if re.fullmatch(r"(19|20)\d\d", token) and not m.group(3):
            continue  # "2025 peserta" is almost always a year running into a noun
        # "2.000-an jiwa", "ribuan peserta" are round figures; "135 ribu lebih warga" is a floor
        tail = (m.group(5) or "").lower()
        qualifier = "approx" if m.group(4) or tail == "an" else "at_least" if tail == "lebih" else qualifier_before(sentence[: m.start()])
        found.append(Quantity(round(value), "count", m.start(), m.end(), qualifier, m.group(6).lower().removesuffix("nya")))
        taken.append((m.start(), m.end()))
    # the segment-led patterns only where a segment could be named at all: most sentences name none
    segments = _MAY_NAME_A_SEGMENT.search(sentence) is not None
    # bare numbers that the words around them make counts: group 1 the numeral, group 2 an optional scale word
    bare_counts = (
        (SEGMENT_COUNT_RE, "segment", segments),  # "PBI APBD sebanyak 214.330"; "PBI 2" is an item number
        (COUNT_THEN_SEGMENT_RE, "segment", segments),
        (COUNT_BESIDE_SHARE_RE, "beside_share", True),
        (MEMBERSHIP_NUMBER_RE, "peserta", "eserta" in sentence),
    )
    for pattern, noun, applies in bare_counts:
        for m in pattern.finditer(sentence) if applies else ():
            end = m.end(2) if m.group(2) else m.end(1)
            if overlaps(m.start(1), end) or (re.fullmatch(r"(19|20)\d\d", m.group(1)) and not m.group(2)):
                continue
            try:
                value = _scaled(m.group(1), m.group(2))
            except ValueError:
                continue
            if value >= 100:
                found.append(Quantity(round(value), "count", m.start(1), end, qualifier_before(sentence[: m.start(1)]), noun))
                taken.append((m.start(1), end))
    for m in FROM_TO_COUNT_RE.finditer(sentence):
        if overlaps(m.start(1), m.end(1)):
            continue
        try:
            value = _scaled(m.group(1), m.group(2))
        except ValueError:
            continue
        found.append(Quantity(round(value), "count", m.start(1), m.end(2) if m.group(2) else m.end(1), "exact", m.group(3).lower()))
    found.sort(key=lambda q: q.start)
    return found
