"""Stable keys of extracted facts and MoU mentions, so analysts' corrections survive re-extraction.

A row id such as ``<article>-f003`` says where a fact sat in the extractor's output; a better extractor
finds one more figure earlier in the text and every later id shifts. The keys here name what the fact
*is* instead: the article it comes from and the figure it states. Re-extracting the same article finds
the same figure under the same key, whatever else changed around it.
"""

from __future__ import annotations

import hashlib


def value_text(value: float | int) -> str:
    """The value as the key spells it: six decimals at most, no trailing zeros (``100.11``, ``24400000000``).

    Rounding to six decimals keeps parsing noise (``93.28000000000001``) out of the key.
    """
    text = f"{float(value):.6f}".rstrip("0").rstrip(".")
    return "0" if text in ("", "-0") else text


def fact_key(article_id: str, region_code: str, metric: str, kind: str, segment: str | None, value: float | int) -> str:
    """sha1 of article, region, metric, kind, segment and value: the same figure keeps its key across runs.

    Two sentences of one article stating the same figure share a key; a correction on it applies to both.
    """
    parts = (article_id, region_code, metric, kind, segment or "", value_text(value))
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()


def mention_key(article_id: str, region_code: str, partner: str) -> str:
    """sha1 of article, region and partner: an article reports one signing per government and partner.

    The signing date and kind stay out of the key so that a better date reading keeps the analysts' decision.
    """
    parts = (article_id, region_code, partner)
    return hashlib.sha1("|".join(parts).encode("utf-8")).hexdigest()
