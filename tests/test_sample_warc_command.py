"""`pantau sample-warc` (make sample-warc): the bundled sample site as a WARC file to try the backfill with."""

from __future__ import annotations

from pantau import cli


def test_sample_warc_writes_every_corpus_page(tmp_path, capsys):
    from devtools.warc_archives import corpus_pages, gunzip_members

    out = tmp_path / "sample.warc.gz"
    assert cli.main(["sample-warc", str(out)]) == 0
    assert f"pantau backfill --warc {out}" in capsys.readouterr().out
    members = list(gunzip_members(out.read_bytes()))
    # a warcinfo record, then a request and a response per page
    assert len(members) == 1 + 2 * len(corpus_pages())
    assert sum(m.startswith(b"WARC/1.") and b"WARC-Type: response" in m[:400] for m in members) == len(corpus_pages())
