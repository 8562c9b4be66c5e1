"""Is an article about JKN / BPJS Kesehatan at all?"""

from __future__ import annotations

import re

_STRONG = re.compile(
    r"bpjs\s+kesehatan|\bjkn\b|jaminan\s+kesehatan\s+nasional|universal\s+health\s+coverage|\buhc\b|kartu\s+indonesia\s+sehat|\bjkn-kis\b|penerima\s+bantuan\s+iuran|\bpbi\s*(?:jk|jkn|apbd|apbn)\b",
    re.IGNORECASE,
)
_BPJS = re.compile(r"\bbpjs\b(?!\s*(?:ketenagakerjaan|tk\b))", re.IGNORECASE)
_HEALTH = re.compile(r"kesehatan|iuran|peserta|puskesmas|rumah\s+sakit|faskes|berobat", re.IGNORECASE)


def is_relevant(text: str, title: str | None = None) -> bool:
    """True when the article is about JKN / BPJS Kesehatan (not only BPJS Ketenagakerjaan)."""
    whole = f"{title or ''}\n{text}"
    if _STRONG.search(whole):
        return True
    return bool(_BPJS.search(whole) and _HEALTH.search(whole))
