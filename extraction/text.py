"""Sentence segmentation with character offsets into the cleaned text."""

from __future__ import annotations

import re
from dataclasses import dataclass

# A sentence ends at . ! ? (optionally followed by a closing quote or bracket) when the next
# token starts a new sentence, or at a line break. Decimal commas and thousand dots never end
# a sentence because they are followed by a digit, and common abbreviations are protected below.
_BOUNDARY = re.compile(r"(?<=[.!?])[\"”’)]*\s+(?=[\"“‘(]?[A-Z0-9])|\n+")
_ABBREVIATIONS = re.compile(
    r"(?:\b(?:No|Plt|Pj|Kab|Kec|Kel|Prov|Jl|Dr|dr|Drs|Ir|H|Hj|St|Tbk|Sdr|Bpk|dll|dsb|a\.n|u\.p|Rp|S\.Sos|S\.H|M\.Si|M\.Kes|S\.Kep|S\.KM|SKM|M\.M|S\.E)\.)$"
)


# "147. 629 warga": a thousands dot with a stray space after it is inside a number, not the end of a sentence
_STRAY_SPACE_IN_NUMBER = re.compile(r"\d\.\s\d{3}(?!\d)")


@dataclass(frozen=True, slots=True)
class Sentence:
    """One sentence of an article and where it sits in the text."""

    index: int
    start: int
    end: int
    text: str


def split_sentences(text: str) -> list[Sentence]:
    """Split cleaned article text into sentences, keeping character offsets into ``text``."""
    sentences: list[Sentence] = []
    start = 0
    pending_start = None
    for match in _BOUNDARY.finditer(text):
        piece_end = match.start()
        # the lookbehind left the terminator in the piece; check for an abbreviation before it
        candidate = text[start if pending_start is None else pending_start : piece_end]
        if match.group(0).strip() == "" and "\n" not in match.group(0) and (
            _ABBREVIATIONS.search(candidate) or _STRAY_SPACE_IN_NUMBER.match(text, piece_end - 2)
        ):
            if pending_start is None:
                pending_start = start
            start = match.end()
            continue
        begin = start if pending_start is None else pending_start
        _append(sentences, text, begin, piece_end)
        pending_start = None
        start = match.end()
    _append(sentences, text, start if pending_start is None else pending_start, len(text))
    return sentences


def _append(sentences: list[Sentence], text: str, start: int, end: int) -> None:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    if end > start:
        sentences.append(Sentence(len(sentences), start, end, text[start:end]))
