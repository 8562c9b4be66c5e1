"""Issue 16, items 2–4: what an archive or a file list holds cannot make the reader lose good records,
keep bad ones, or hold more than a limit of decoded bytes. Every fixture is generated here
(``devtools.hostile_archives``); every server listens on 127.0.0.1."""

from __future__ import annotations

import re

import pytest

from archives.fetch import ArchiveListError, cc_news_files, open_archive, read_file_list
from archives.reader import iter_records
from devtools.hostile_archives import (
    RouteServer,
    cut_in_last_record,
    hostile_list_lines,
    lying_length,
    paths_bomb,
    payload_bomb,
    relevant_local_warc,
    transport_bomb,
)
from devtools.warc_archives import write_paths_gz

UA = "PantauTest/1.0"
LIMIT = 10 << 20


def _read(stream):
    skipped = []
    records = list(iter_records(stream, LIMIT, skipped))
    return records, skipped


def _check(hostile, records, skipped):
    assert {r.url for r in records} == hostile.good_urls  # every good record, nothing else
    assert len(skipped) == 1, [s.reason for s in skipped]
    assert re.search(hostile.skip_reason, skipped[0].reason), skipped[0].reason
    assert all(len(r.payload) <= LIMIT for r in records)


def test_a_content_length_of_10_gb_costs_that_record_only(tmp_path):
    hostile = lying_length(tmp_path / "10gb.warc.gz", extra=10 << 30)
    with hostile.path.open("rb") as fh:
        _check(hostile, *_read(fh))


def test_a_content_length_5_mb_too_long_swallows_nothing(tmp_path):
    hostile = lying_length(tmp_path / "5mb.warc.gz", extra=5 << 20)
    with hostile.path.open("rb") as fh:
        records, skipped = _read(fh)
    _check(hostile, records, skipped)
    assert not any("JKN" in r.payload.decode() for r in records)  # no bogus page made of other records


@pytest.mark.parametrize("compressed", [True, False], ids=["warc.gz", "warc"])
def test_a_file_cut_inside_its_last_record_lists_it_and_keeps_the_rest(tmp_path, compressed):
    hostile = cut_in_last_record(tmp_path / ("cut.warc.gz" if compressed else "cut.warc"), compressed)
    with hostile.path.open("rb") as fh:
        _check(hostile, *_read(fh))


def test_a_payload_that_inflates_to_1_gib_is_skipped_after_10_mb_of_decoding(tmp_path):
    hostile = payload_bomb(tmp_path / "bomb.warc.gz")
    assert hostile.path.stat().st_size < 2 << 20
    with hostile.path.open("rb") as fh:
        _check(hostile, *_read(fh))


def test_an_archive_served_with_content_encoding_is_decoded_as_it_streams(tmp_path):
    hostile = transport_bomb(tmp_path / "served.warc")
    routes = {"/served.warc": (200, hostile.served_headers, hostile.path.read_bytes())}
    with RouteServer(routes) as server, open_archive(f"{server.base_url}/served.warc", UA) as fh:
        _check(hostile, *_read(fh))


def test_a_file_list_that_inflates_to_1_gib_is_refused(tmp_path):
    bomb = paths_bomb(tmp_path / "warc.paths.gz").read_bytes()
    with RouteServer({"/crawl-data/CC-NEWS/2019/03/warc.paths.gz": (200, {}, bomb)}) as server:
        with pytest.raises(ArchiveListError, match="decodes to more than"):
            read_file_list(f"{server.base_url}/crawl-data/CC-NEWS/2019/03/warc.paths.gz", UA, None)
        with pytest.raises(ArchiveListError):
            cc_news_files(["2019-03"], server.base_url, UA)


def test_a_file_list_names_only_http_files_on_its_own_origin(tmp_path):
    local = relevant_local_warc(tmp_path / "local" / "x.warc.gz")
    with RouteServer({}) as other, RouteServer({}) as cc:
        lines = hostile_list_lines(local, other.base_url, ["crawl-data/CC-NEWS/2019/03/good.warc.gz"], str(local))
        path = tmp_path / "list.gz"
        write_paths_gz(path, lines)
        cc.routes["/crawl-data/CC-NEWS/2019/03/warc.paths.gz"] = (200, {}, path.read_bytes())
        listed = cc_news_files(["2019-03"], cc.base_url, UA)
    by_line = dict(zip(lines, listed, strict=True))
    for line in lines[:5]:  # local files, other schemes, another origin
        assert by_line[line].refusal and "refused" in by_line[line].refusal, line
    # a bare path is a path on the list's own origin, never a local file
    assert by_line[str(local)].refusal is None and by_line[str(local)].location == f"{cc.base_url}{local}"
    assert by_line[lines[-1]].location == f"{cc.base_url}/crawl-data/CC-NEWS/2019/03/good.warc.gz"
