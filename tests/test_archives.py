"""Reading web archives: damaged records, the byte prefilter, HTTP streaming, CC-NEWS lists, the address rule,
and the per-file outputs merged into the warehouse without duplicates."""

from __future__ import annotations

import threading
from dataclasses import replace
from datetime import UTC, datetime
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from archives import prefilter
from archives.fetch import (
    ArchiveAddressError,
    ArchiveTruncatedError,
    cc_news_files,
    month_range,
    open_archive,
)
from archives.http_payload import parse_response, plain_response
from archives.prefilter import could_be_relevant, python_rule
from archives.reader import iter_records
from cleaning.page import CleaningError, clean_page
from devtools.warc_archives import (
    ArchivedPage,
    ArchiveServer,
    cc_news_tree,
    corpus_pages,
    mixed_pages,
    write_paths_gz,
    write_warc,
)
from extraction import is_relevant
from pantau.settings import get_settings

from .conftest import table_counts

UA = "PantauTest/1.0"


def _read(path: Path, max_bytes: int = 10 << 20):
    skipped = []
    with path.open("rb") as fh:
        records = list(iter_records(fh, max_bytes, skipped))
    return records, skipped


def _tricky_pages() -> list[ArchivedPage]:
    """Relevant pages written the ways markup can hide a term from a naive byte search."""
    when = datetime(2019, 3, 4, 8, tzinfo=UTC)
    bodies = {
        "entity": "Peserta BPJS&nbsp;Kesehatan di kota itu bertambah, dan jaminan kesehatan warga kini ditanggung pemerintah daerah sepenuhnya.",
        "tags": "Program Jaminan<br>Kesehatan  Nasional menjangkau 96 persen penduduk, kata kepala dinas di depan para peserta rapat kerja.",
        "upper": "CAKUPAN JKN DI KABUPATEN ITU MENCAPAI 97 PERSEN PENDUDUK, SEHINGGA PEMERINTAH DAERAH MENERIMA PENGHARGAAN TAHUN INI.",
        "kis": "Warga yang memegang Kartu Indonesia Sehat bisa berobat gratis di puskesmas, ujar kepala puskesmas kepada warga desa.",
    }
    pages = []
    for name, text in bodies.items():
        html = (f"<html><head><title>Berita {name}</title></head><body><article><h1>Berita {name}</h1>"
                f"<p>{text}</p><p>{text}</p></article></body></html>")
        pages.append(ArchivedPage(f"https://kabar-daerah.example/2019/03/{name}", when, html.encode(), relevant=True))
    utf16 = "<html><head><meta charset='utf-16'><title>UHC</title></head><body><article><p>" + bodies["upper"] * 2 + "</p></article></body></html>"
    pages.append(ArchivedPage("https://kabar-daerah.example/2019/03/utf16", when, utf16.encode("utf-16"), "text/html; charset=UTF-16", True))
    return pages


def test_damaged_records_are_skipped_counted_and_the_rest_still_loads(tmp_path):
    pages = list(mixed_pages(300, relevant=corpus_pages()[:20]))
    pdf = ArchivedPage("https://ekonomi-pekan.example/laporan.pdf", pages[0].captured, b"%PDF-1.7 binary", "application/pdf")
    pages.insert(150, pdf)
    faults = {40: "truncated", 90: "bad_length", 200: "huge"}
    written = write_warc(tmp_path / "bad.warc.gz", pages, faults)
    records, skipped = _read(written.path)
    urls = {r.url for r in records}
    damaged = {pages[i].url for i in faults}
    # every undamaged page is read, none of the damaged ones is handed out
    assert urls == {p.url for p in pages} - damaged
    reasons = " | ".join(s.reason for s in skipped)
    assert len(skipped) == 3, reasons
    assert "Gzip" in reasons and "does not match" in reasons and "record too large" in reasons
    assert {s.url for s in skipped} >= {pages[90].url, pages[200].url}
    # a record after the damage keeps its original URL and capture time
    after = next(r for r in records if r.url == pages[201].url)
    assert after.captured_at == pages[201].captured and after.payload == pages[201].body


def test_damaged_file_through_the_backfill_steps_counts_every_skip(tmp_path, pipeline_env):
    from pantau.backfill import merge_archive_outputs, process_archive
    from warehouse.db import writer

    pages = list(mixed_pages(200, relevant=corpus_pages()[:10]))
    pages.insert(100, ArchivedPage("https://ekonomi-pekan.example/foto.jpg", pages[0].captured, b"\xff\xd8\xff", "image/jpeg"))
    path = write_warc(tmp_path / "bad.warc.gz", pages, {30: "truncated", 60: "bad_length", 150: "huge"}).path
    summary = process_archive(str(path), get_settings())
    assert summary["skipped"] == 4  # truncated member, wrong length, 40 MB record, a JPEG
    with writer(pipeline_env) as con:
        merge_archive_outputs(con, get_settings(), log=lambda _: None)
        reasons = [r[0] for r in con.execute("select reason from raw.archive_skips order by record_offset").fetchall()]
        assert len(reasons) == 4 and any(r.startswith("not HTML (image/jpeg") for r in reasons)
        assert con.execute("select skipped, records from raw.archive_files").fetchone() == (4, summary["records"])
        relevant_urls = {u for (u,) in con.execute("select url from raw.article_urls").fetchall()}
    intact = [p for i, p in enumerate(pages) if p.relevant and i not in (30, 60, 150)]
    assert {p.url for p in intact} <= relevant_urls


def test_prefilter_loses_no_relevant_article_and_drops_the_off_topic(tmp_path):
    relevant_pages = corpus_pages() + _tricky_pages()
    path = write_warc(tmp_path / "mix.warc.gz", mixed_pages(600, seed=3, relevant=relevant_pages)).path
    records, _ = _read(path)
    lost, passed_off_topic, off_topic, relevant_urls = [], 0, 0, set()
    for rec in records:
        html = rec.payload.decode(rec.charset or "utf-8", errors="replace")
        try:
            page = clean_page(html, rec.url)
            relevant = is_relevant(page.text, page.title)
        except CleaningError:
            relevant = False
        kept = could_be_relevant(rec.payload, rec.charset)
        if rec.charset is None:
            assert kept == python_rule(rec.payload)  # Hyperscan's scan and the Python rule agree
        if relevant:
            relevant_urls.add(rec.url)
        if relevant and not kept:
            lost.append(rec.url)
        if not relevant:
            off_topic += 1
            passed_off_topic += kept
    assert lost == []
    assert {p.url for p in _tricky_pages()} <= relevant_urls  # the hard cases are relevant to full cleaning
    assert len(relevant_urls) > 90 and off_topic > 600
    assert passed_off_topic / off_topic < 0.05  # the synthetic off-topic pages never reach the HTML parser


@pytest.mark.parametrize("rule", [could_be_relevant, python_rule])
def test_prefilter_on_bytes(rule):
    assert rule(b"<p>Iuran peserta BPJS naik</p>")
    assert rule(b"<p>Kartu <b>Indonesia</b> Sehat</p>") and rule(b"PBI-JK") and rule(b"Universal&nbsp;Health")
    assert not rule(b"<p>kartu tanda penduduk warga desa itu hilang di Indonesia yang sehat</p>")
    assert could_be_relevant("<p>jaminan kesehatan daerah</p>".encode("utf-16"), "utf-16")
    assert not rule(b"<p>jaminan pinjaman bank dan kartu kredit untuk penerima gaji</p>")
    assert not rule(b"<p>Skor akhir pertandingan 2-1 untuk tim tamu</p>")


_PIECES = ["bpjs", "BPJ", "jkn", "JKn", "uhc", "jaminan", "JAMINAN", "jam", " kesehatan", "universal", "niv", " Health",
           "kartu", "artu", " indonesia", " sehat", "penerima", "rim", " bantuan", "pbi", "-jk", "apb", "x", " ", "<b>", "&nbsp;"]


@given(st.lists(st.sampled_from(_PIECES), max_size=12))
@settings(max_examples=150, deadline=None, derandomize=True)
def test_hyperscan_anchors_give_the_python_rule(pieces):
    """Hyperscan looks for a piece of each word and confirms the word around it: the same rule, at the
    buffer's edges, in any case, with words cut or run together."""
    payload = "".join(pieces).encode()
    assert prefilter._scan(payload) == python_rule(payload)
    assert prefilter._scan(memoryview(payload)) == python_rule(payload)


_HEADS = [
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=UTF-8\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\r\ncontent-type: Text/HTML \r\nX-A: b\r\ncontent-length:5\r\n\r\nhello",
    b"HTTP/1.0 404 Not Found\r\nContent-Type: image/jpeg\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Type: image/png\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\nhello",  # its length disagrees
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\nhello",  # no length
    b"HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello",  # no type
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: identity\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\nContent-Length: 10\r\n\r\n5\r\nhello\r\n",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n folded\r\nContent-Length: 5\r\n\r\nhello",
    b"HTTP/1.1 200 OK\nContent-Type: text/html\nContent-Length: 5\n\nhello",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-16\r\nContent-Length: 6\r\n\r\n\xff\xfeh\x00i\x00",
    b"HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: 4\r\n\r\n\xff\xfeh\x00",
]


@pytest.mark.parametrize("block", _HEADS)
def test_a_plain_response_reads_as_the_full_parser_reads_it(block):
    """The screen's short path (no header parser) takes only what ``parse_response`` reads the same way."""
    plain = plain_response(block)
    full = parse_response(block, 1 << 20)
    if plain is not None:
        content_type, body = plain
        assert content_type == full.content_type and bytes(body) == full.payload == full.body and full.length_agrees
        assert not prefilter._wide(full.charset, full.payload)
    plain_ones = {0, 1, 2, 3}
    assert (plain is not None) == (_HEADS.index(block) in plain_ones)


def test_month_ranges():
    assert month_range("2019-11..2020-02") == ["2019-11", "2019-12", "2020-01", "2020-02"]
    assert month_range("2016-08") == ["2016-08"]
    for bad in ("2019-13", "2019-05..2019-01", "201905"):
        with pytest.raises(ValueError):
            month_range(bad)


def test_cc_news_months_and_warc_urls_are_streamed_from_an_http_archive(tmp_path, pipeline_env, monkeypatch):
    from pantau.backfill import list_archives, process_archive

    corpus = corpus_pages()
    rels = cc_news_tree(
        tmp_path / "cc",
        {
            "2019-03": [list(mixed_pages(60, seed=1, relevant=corpus[0:5])), list(mixed_pages(60, seed=2, relevant=corpus[5:10]))],
            "2019-04": [list(mixed_pages(60, seed=3, relevant=corpus[10:15]))],
        },
    )
    with ArchiveServer(tmp_path / "cc") as server:
        monkeypatch.setenv("PANTAU_CC_NEWS_BASE", server.base_url)
        settings = get_settings()
        files = list_archives([], "2019-03..2019-04", settings)
        assert files == [{"location": f"{server.base_url}/{r}", "refusal": None} for r in rels]
        summaries = [process_archive(f["location"], settings, log=lambda _: None) for f in files]
    assert [s["relevant"] for s in summaries] == [5, 5, 5]
    assert all(s["records"] == 65 and s["skipped"] == 0 for s in summaries)


class _Redirect(BaseHTTPRequestHandler):
    target = ""

    def do_GET(self):
        self.send_response(302)
        self.send_header("Location", self.target)
        self.end_headers()

    def log_message(self, *args):
        pass


def test_archive_reads_keep_to_the_archives_own_origin(tmp_path):
    write_warc(tmp_path / "other" / "x.warc.gz", mixed_pages(5))
    with ArchiveServer(tmp_path / "other") as other:
        # a redirect from one loopback origin to another is refused, as the crawler refuses it
        _Redirect.target = f"{other.base_url}/x.warc.gz"
        redirector = ThreadingHTTPServer(("127.0.0.1", 0), _Redirect)
        threading.Thread(target=redirector.serve_forever, daemon=True).start()
        try:
            with pytest.raises(ArchiveAddressError):
                open_archive(f"http://127.0.0.1:{redirector.server_address[1]}/x.warc.gz", UA)
        finally:
            redirector.shutdown()
            redirector.server_close()
        # a CC-NEWS list on one origin naming files on another private origin is refused
        root = tmp_path / "cc"
        write_paths_gz(root / "crawl-data/CC-NEWS/2019/03/warc.paths.gz", [f"{other.base_url}/x.warc.gz"])
        with ArchiveServer(root) as cc:
            [listed] = cc_news_files(["2019-03"], cc.base_url, UA)
        assert "is not on the list's origin" in listed.refusal
        # the archive's own origin is fine, streamed
        with open_archive(f"{other.base_url}/x.warc.gz", UA) as fh:
            assert fh.read(2) == b"\x1f\x8b"
    with pytest.raises(ArchiveAddressError):
        open_archive("ftp://127.0.0.1/x.warc.gz", UA)


def test_rerunning_a_file_or_all_files_changes_no_row_counts(tmp_path, pipeline_env):
    from pantau.backfill import merge_archive_outputs, process_archive
    from warehouse.db import writer

    corpus = corpus_pages()
    files = [write_warc(tmp_path / f"f{k}.warc.gz", mixed_pages(80, seed=k, relevant=corpus[k::3])).path for k in range(3)]
    # a copy of one story captured again a month later, in another file
    again = replace(corpus[0], captured=corpus[0].captured.replace(year=corpus[0].captured.year + 1))
    files.append(write_warc(tmp_path / "recapture.warc.gz", [again]).path)
    settings = get_settings()

    def run(paths):
        for p in paths:
            process_archive(str(p), settings, log=lambda _: None)
        with writer(pipeline_env) as con:
            merge_archive_outputs(con, settings, log=lambda _: None)
        return table_counts(pipeline_env)

    first = run(files)
    assert first["raw.articles"] >= 100 and first["raw.facts"] > 100 and first["raw.archive_files"] == 4
    assert run(files[1:2]) == first  # one file again
    assert run(files) == first  # everything again
    outputs = sorted(Path(settings.archive_output).glob("*.parquet"))
    assert len(outputs) == 4  # each re-run replaced its own output


def test_sitemap_archive_reaches_back_to_the_date_for_sitemap_sources_only(tmp_path, capsys):
    from datetime import date

    import yaml

    from pantau import cli

    from .conftest import write_sources

    sources = write_sources(
        tmp_path / "sources.yaml",
        [
            {"name": "desk", "kind": "sitemap", "urls": ["https://news.example/sitemap.xml"], "max_age_days": 7},
            {"name": "feed", "kind": "rss", "urls": ["https://news.example/rss"]},
        ],
    )
    derived = cli.sitemap_archive_sources(sources, "2015-01-01", tmp_path / "out" / "sources.yaml")
    entries = yaml.safe_load(derived.read_text())["sources"]
    assert [e["name"] for e in entries] == ["desk"]
    assert entries[0]["max_age_days"] == (date.today() - date(2015, 1, 1)).days + 1
    assert cli.main(["backfill", "--sitemap-archive"]) != 0
    assert "--since" in capsys.readouterr().err
    assert cli.main(["backfill", "--cc-news", "2019-13"]) != 0


class _CutShort(BaseHTTPRequestHandler):
    body = b""

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Length", str(len(self.body)))
        self.end_headers()
        self.wfile.write(self.body[: len(self.body) // 2])  # the connection drops half-way

    def log_message(self, *args):
        pass


def test_a_connection_lost_mid_file_fails_the_file_and_keeps_its_previous_output(tmp_path, pipeline_env):
    from pantau.backfill import output_name, process_archive

    _CutShort.body = write_warc(tmp_path / "x.warc.gz", mixed_pages(400, relevant=corpus_pages()[:5])).path.read_bytes()
    server = ThreadingHTTPServer(("127.0.0.1", 0), _CutShort)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{server.server_address[1]}/x.warc.gz"
    settings = get_settings()
    previous = Path(settings.archive_output) / output_name(url)
    previous.parent.mkdir(parents=True)
    previous.write_bytes(b"an earlier run's output")
    try:
        with pytest.raises(ArchiveTruncatedError, match="connection ended"):
            process_archive(url, settings, log=lambda _: None)
    finally:
        server.shutdown()
        server.server_close()
    assert previous.read_bytes() == b"an earlier run's output"
    assert sorted(p.name for p in previous.parent.iterdir()) == [previous.name]  # no temporary file left
