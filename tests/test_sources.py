"""The project's sources.yaml: every province has a regional source, and the `provinces` key's rules."""

from __future__ import annotations

from collections import defaultdict
from urllib.parse import urlsplit

import pytest
from lokal import wilayah

from pantau.settings import PROJECT_ROOT
from scrapers.sources import SourcesError, load_sources, parse_sources

SOURCES = load_sources(PROJECT_ROOT / "scrapers" / "sources.yaml")
PROVINCES = {p.code: p.name for p in wilayah.list_wilayah()}


def _covering(kinds: tuple[str, ...]) -> dict[str, list[str]]:
    by_province: dict[str, list[str]] = defaultdict(list)
    for source in SOURCES:
        if source.kind in kinds:
            for code in source.provinces:
                by_province[code].append(source.name)
    return by_province


def test_the_gazetteer_has_38_provinces():
    assert len(PROVINCES) == 38


def test_every_province_is_covered_by_a_regional_feed():
    # a search feed alone is not enough: the daily run must follow an outlet that reports from the province
    covered = _covering(("rss", "sitemap", "listing"))
    missing = {code: name for code, name in PROVINCES.items() if not covered.get(code)}
    assert not missing, f"provinces without a regional source: {missing}"


def test_every_province_code_in_the_file_is_a_real_province():
    used = {code for s in SOURCES for code in s.provinces}
    assert used <= PROVINCES.keys(), sorted(used - PROVINCES.keys())


def test_each_antara_desk_is_its_own_host_and_reports_on_a_province():
    desks = [s for s in SOURCES if all(urlsplit(u).hostname.endswith(".antaranews.com") for u in s.urls)]
    regional = [s for s in desks if urlsplit(s.urls[0]).hostname != "www.antaranews.com"]
    assert len(regional) >= 30
    assert all(s.provinces for s in regional), [s.name for s in regional if not s.provinces]
    hosts = [urlsplit(s.urls[0]).hostname for s in regional]
    assert len(hosts) == len(set(hosts))


def test_no_feed_is_listed_twice():
    urls = [u for s in SOURCES for u in s.urls]
    assert len(urls) == len(set(urls))


@pytest.mark.parametrize(
    "value, codes",
    [(64, ("64",)), ([52, 53], ("52", "53")), ("91", ("91",)), (["31", 32], ("31", "32"))],
)
def test_provinces_accept_numbers_and_strings(value, codes):
    entry = {"name": "a", "kind": "rss", "urls": ["https://a.id/feed"], "provinces": value}
    assert parse_sources({"sources": [entry]})[0].provinces == codes


@pytest.mark.parametrize("value", ["64.74", [6], ["abc"], [True], {"64": "Kaltim"}, ["064"]])
def test_provinces_reject_what_is_not_a_province_code(value):
    entry = {"name": "x", "kind": "rss", "urls": ["https://a.id/feed"], "provinces": value}
    with pytest.raises(SourcesError, match="source 'x'"):
        parse_sources({"sources": [entry]})


def test_a_source_with_only_name_kind_and_urls_has_no_provinces():
    source = parse_sources({"sources": [{"name": "a", "kind": "rss", "urls": ["https://a.id/feed"]}]})[0]
    assert source.provinces == ()
