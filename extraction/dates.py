"""Indonesian date expressions, resolved against the article's publication date."""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date, timedelta

MONTHS = {
    "januari": 1, "jan": 1, "februari": 2, "pebruari": 2, "feb": 2, "maret": 3, "mar": 3, "april": 4, "apr": 4,
    "mei": 5, "juni": 6, "jun": 6, "juli": 7, "jul": 7, "agustus": 8, "agu": 8, "agt": 8, "ags": 8,
    "september": 9, "sep": 9, "sept": 9, "oktober": 10, "okt": 10, "november": 11, "nov": 11, "nopember": 11, "nop": 11,
    "desember": 12, "des": 12,
}
_MONTH = r"(?:" + "|".join(sorted(MONTHS, key=len, reverse=True)) + r")"
_DAY_NAME = r"(?:Senin|Selasa|Rabu|Kamis|Jumat|Jum'at|Sabtu|Minggu|Ahad)"


@dataclass(frozen=True, slots=True)
class DateMention:
    """A date named in a sentence: ``value`` is ISO text at the precision the text gives."""

    value: str  # "YYYY-MM-DD" | "YYYY-MM" | "YYYY"
    start: int
    end: int
    relative: bool = False  # "tahun lalu", "tahun ini": derived from the publication date


_FULL_NUMERIC = re.compile(r"\b(\d{1,2})[/\-.](\d{1,2})[/\-.]((?:19|20)\d{2}|\d{2})\b")
_DAY_MONTH_NUMERIC = re.compile(rf"(?:{_DAY_NAME}\s*,?\s*)?\(\s*(\d{{1,2}})/(\d{{1,2}})\s*\)")
_FULL_WORDS = re.compile(rf"\b(\d{{1,2}})\s+({_MONTH})\.?\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_DAY_MONTH_WORDS = re.compile(rf"(?:\b{_DAY_NAME}\s*,?\s*)\(?(\d{{1,2}})\s+({_MONTH})\b\)?(?!\s+(?:19|20)\d{{2}})", re.IGNORECASE)
# "triwulan III 2024", "semester I 2025": the figure stands at the end of the period
_PERIOD = re.compile(r"\b(triwulan|kuartal|semester)\s+(IV|I{1,3}|[1-4])\s+((?:19|20)\d{2})\b", re.IGNORECASE)
_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "1": 1, "2": 2, "3": 3, "4": 4}
# A month named without its year ("per Oktober", "Oktober lalu"): the latest such month up to publication
_FULL_MONTH = r"(?:januari|februari|pebruari|maret|april|mei|juni|juli|agustus|september|oktober|november|nopember|desember)"
_MONTH_ALONE = re.compile(
    # "bulan Desember kemarin" is last December as a whole: "kemarin" here is no "yesterday" of its own
    rf"(?:\b(?:per|pada|bulan|hingga|sampai|akhir|awal|pertengahan|sejak)\s+({_FULL_MONTH})\b(?!\s+(?:tahun\s+)?(?:19|20)\d{{2}})(?:\s+(?:lalu|kemarin)\b)?"
    rf"|\b({_FULL_MONTH})\s+(?:lalu|kemarin)\b)",
    re.IGNORECASE,
)
_MONTH_YEAR = re.compile(rf"\b({_MONTH})\s+((?:19|20)\d{{2}})\b", re.IGNORECASE)
_YEAR = re.compile(r"\b(?:tahun\s+|TA\s+|akhir\s+|awal\s+|pertengahan\s+|semester\s+[I12]+\s+)?((?:19|20)\d{2})\b", re.IGNORECASE)
# A weekday on its own ("kata dia di Mataram, Kamis."): the latest such day up to publication
_WEEKDAYS = {"senin": 0, "selasa": 1, "rabu": 2, "kamis": 3, "jumat": 4, "jum'at": 4, "sabtu": 5, "minggu": 6, "ahad": 6}
_DAY_ALONE = re.compile(rf"\b({_DAY_NAME})\b(?!\s*(?:\(|,?\s*\d|lalu|depan|ini|ke\b|kemarin))")
_RELATIVE = [
    (re.compile(r"\btahun\s+(?:lalu|sebelumnya|kemarin)\b", re.IGNORECASE), -1),
    (re.compile(r"\btahun\s+(?:ini|berjalan)\b", re.IGNORECASE), 0),
    (re.compile(r"\btahun\s+(?:depan|mendatang)\b", re.IGNORECASE), 1),
]
_DAY_RELATIVE = [
    (re.compile(r"(?<!tahun )(?<!bulan )(?<!pekan )\bkemarin\b", re.IGNORECASE), -1),
    (re.compile(r"\bhari\s+ini\b", re.IGNORECASE), 0),
]
_MONTH_RELATIVE = [
    (re.compile(r"\bbulan\s+(?:lalu|sebelumnya|kemarin)\b", re.IGNORECASE), -1),
    (re.compile(r"\bbulan\s+ini\b", re.IGNORECASE), 0),
]


def _valid(year: int, month: int, day: int | None = None) -> bool:
    try:
        date(year, month, day or 1)
    except ValueError:
        return False
    return 1990 <= year <= 2100


def _year_for(day: int, month: int, published: date | None) -> int | None:
    """A day and month without a year belong to the publication year, or the year before when that
    would put them more than a week after publication (a January article about 28/12)."""
    if published is None:
        return None
    year = published.year
    if _valid(year, month, day) and date(year, month, day) > published and (date(year, month, day) - published).days > 7:
        year -= 1
    return year


def find_dates(sentence: str, published: date | None) -> list[DateMention]:
    """Every date expression in a sentence, most precise first where they overlap, in text order."""
    found: list[DateMention] = []
    taken: list[tuple[int, int]] = []

    def add(value: str, start: int, end: int, relative: bool = False) -> None:
        if any(start < te and ts < end for ts, te in taken):
            return
        found.append(DateMention(value, start, end, relative))
        taken.append((start, end))

    for m in _FULL_NUMERIC.finditer(sentence):
        d, mo, y = int(m.group(1)), int(m.group(2)), int(m.group(3))
        if y < 100:
            y += 2000
        if _valid(y, mo, d):
            add(f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
    for m in _FULL_WORDS.finditer(sentence):
        d, mo, y = int(m.group(1)), MONTHS[m.group(2).lower()], int(m.group(3))
        if _valid(y, mo, d):
            add(f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
    for m in _DAY_MONTH_NUMERIC.finditer(sentence):
        d, mo = int(m.group(1)), int(m.group(2))
        y = _year_for(d, mo, published)
        if y and _valid(y, mo, d):
            add(f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
    for m in _DAY_MONTH_WORDS.finditer(sentence):
        d, mo = int(m.group(1)), MONTHS[m.group(2).lower()]
        y = _year_for(d, mo, published)
        if y and _valid(y, mo, d):
            add(f"{y:04d}-{mo:02d}-{d:02d}", m.start(), m.end())
    for m in _MONTH_YEAR.finditer(sentence):
        mo, y = MONTHS[m.group(1).lower()], int(m.group(2))
        if len(m.group(1)) >= 3 and _valid(y, mo):
            add(f"{y:04d}-{mo:02d}", m.start(), m.end())
    for m in _PERIOD.finditer(sentence):
        kind, n, y = m.group(1).lower(), _ROMAN[m.group(2).lower()], int(m.group(3))
        mo = n * 6 if kind == "semester" else n * 3
        if mo <= 12 and _valid(y, mo):
            add(f"{y:04d}-{mo:02d}", m.start(), m.end())
    if published is not None:
        for m in _MONTH_ALONE.finditer(sentence):
            mo = MONTHS[(m.group(1) or m.group(2)).lower()]
            this_year = mo <= published.month or sentence[m.end() : m.end() + 4].lower() == " ini"  # "Agustus ini"
            y = published.year if this_year else published.year - 1
            add(f"{y:04d}-{mo:02d}", m.start(), m.end(), relative=True)
    for m in _YEAR.finditer(sentence):
        y = int(m.group(1))
        # a year glued to "Rp" or a count noun is a number, not a year
        after = sentence[m.end() : m.end() + 12].lower()
        if re.match(r"\s*(persen|%|peserta|jiwa|orang|warga|penduduk)", after):
            continue
        if _valid(y, 1):
            add(f"{y:04d}", m.start(), m.end())
    if published is not None:
        for pattern, delta in _RELATIVE:
            for m in pattern.finditer(sentence):
                add(f"{published.year + delta:04d}", m.start(), m.end(), relative=True)
        for m in _DAY_ALONE.finditer(sentence):
            back = (published.weekday() - _WEEKDAYS[m.group(1).lower()]) % 7
            add((published - timedelta(days=back)).isoformat(), m.start(), m.end(), relative=True)
        for pattern, delta in _DAY_RELATIVE:
            for m in pattern.finditer(sentence):
                add((published + timedelta(days=delta)).isoformat(), m.start(), m.end(), relative=True)
        for pattern, delta in _MONTH_RELATIVE:
            for m in pattern.finditer(sentence):
                y, mo = published.year, published.month + delta
                if mo < 1:
                    y, mo = y - 1, 12
                add(f"{y:04d}-{mo:02d}", m.start(), m.end(), relative=True)
    found.sort(key=lambda d: d.start)
    return found


def parse_published(value: str | date | None) -> date | None:
    """Accept an ISO date, an ISO datetime or a date; anything else is treated as unknown."""
    if value is None or isinstance(value, date):
        return value
    m = re.match(r"\s*(\d{4})-(\d{2})-(\d{2})", str(value))
    if not m:
        return None
    y, mo, d = (int(g) for g in m.groups())
    return date(y, mo, d) if _valid(y, mo, d) else None
