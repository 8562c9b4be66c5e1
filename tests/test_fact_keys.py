"""Stable fact keys and the migration of warehouses created before facts carried confidence and keys."""

from __future__ import annotations

import duckdb
import pytest

from warehouse import load
from warehouse.db import writer
from warehouse.keys import fact_key, mention_key, value_text


def _fact(**over) -> dict:
    base = {
        "region_code": "33.76", "region_name": "Kota Tegal", "metric": "uhc_coverage_pct", "kind": "actual",
        "segment": None, "value": 97.4, "qualifier": "exact", "as_of": None, "evidence": "Cakupan 97,4 persen.",
        "start": 0, "end": 20, "confidence": "high", "decided_by": ["metric:cakupan"], "review_reason": None,
    }
    return {**base, **over}


def test_value_text_is_canonical():
    assert value_text(100.11) == "100.11"
    assert value_text(24_400_000_000) == "24400000000"
    assert value_text(12000.0) == "12000"
    assert value_text(93.28000000000001) == "93.28"
    assert value_text(0) == "0"


def test_fact_key_names_the_figure_not_its_position():
    key = fact_key("a1", "33.76", "uhc_coverage_pct", "actual", None, 97.4)
    assert key == fact_key("a1", "33.76", "uhc_coverage_pct", "actual", None, 97.40000000001)
    assert len(key) == 40 and int(key, 16) >= 0
    # every part of the identity changes the key; a missing segment is not the segment "total"
    others = {
        fact_key("a2", "33.76", "uhc_coverage_pct", "actual", None, 97.4),
        fact_key("a1", "33.28", "uhc_coverage_pct", "actual", None, 97.4),
        fact_key("a1", "33.76", "active_participation_pct", "actual", None, 97.4),
        fact_key("a1", "33.76", "uhc_coverage_pct", "target", None, 97.4),
        fact_key("a1", "33.76", "uhc_coverage_pct", "actual", "total", 97.4),
        fact_key("a1", "33.76", "uhc_coverage_pct", "actual", None, 97.5),
    }
    assert key not in others and len(others) == 6


def test_mention_key_ignores_date_and_kind():
    assert mention_key("a1", "33.28", "BPJS Kesehatan") == mention_key("a1", "33.28", "BPJS Kesehatan")
    assert mention_key("a1", "33.28", "BPJS Kesehatan") != mention_key("a1", "33.29", "BPJS Kesehatan")


def _article(con, article_id: str) -> None:
    con.execute(
        """insert into raw.articles (article_id, canonical_url, text, text_sha256, fingerprints, relevant, cleaned_at)
           values (?, 'http://127.0.0.1/' || ?, 't', 's', [], true, now())""",
        [article_id, article_id],
    )


def test_keys_survive_reextraction_when_positions_shift(tmp_path):
    path = tmp_path / "w.duckdb"
    with writer(path) as con:
        _article(con, "a1")
        load.save_extractions(con, [("a1", [_fact()], [])], "v1")
        before = con.execute("select fact_id, fact_key from raw.facts").fetchall()
        # a new extractor finds an earlier figure: the old one moves to position 1 but keeps its key
        load.save_extractions(con, [("a1", [_fact(metric="active_participation_pct", value=70), _fact()], [])], "v2")
        after = dict(con.execute("select fact_key, fact_id from raw.facts").fetchall())
    (old_id, old_key), = before
    assert old_key in after and after[old_key] != old_id


def test_extraction_confidence_and_cues_are_stored(tmp_path):
    path = tmp_path / "w.duckdb"
    mou = {"region_code": "33.28", "region_name": "Kabupaten Tegal", "partner": "BPJS Kesehatan", "signed_on": None,
           "kind": "new", "evidence": "e", "start": 0, "end": 1, "confidence": "review", "decided_by": ["date:none"],
           "review_reason": "no signing verb"}
    with writer(path) as con:
        _article(con, "a1")
        load.save_extractions(
            con, [("a1", [_fact(confidence="review", decided_by=["region:nearest_name"], review_reason="two regions")], [mou])], "v1"
        )
        fact = con.execute("select confidence, decided_by, review_reason, fact_key from raw.facts").fetchone()
        mention = con.execute("select confidence, decided_by, review_reason, mention_key from raw.mou_mentions").fetchone()
    assert fact == ("review", ["region:nearest_name"], "two regions", fact_key("a1", "33.76", "uhc_coverage_pct", "actual", None, 97.4))
    assert mention == ("review", ["date:none"], "no signing verb", mention_key("a1", "33.28", "BPJS Kesehatan"))


OLD_FACTS = """create table raw.facts (
    fact_id varchar primary key, article_id varchar not null, region_code varchar not null, region_name varchar not null,
    metric varchar not null, kind varchar not null, segment varchar, value double not null, qualifier varchar not null,
    as_of varchar, evidence varchar not null, evidence_start integer not null, evidence_end integer not null,
    extractor_version varchar not null)"""
OLD_MOUS = """create table raw.mou_mentions (
    mention_id varchar primary key, article_id varchar not null, region_code varchar not null, region_name varchar not null,
    partner varchar not null, signed_on varchar, kind varchar not null, evidence varchar not null,
    evidence_start integer not null, evidence_end integer not null, extractor_version varchar not null)"""


@pytest.mark.parametrize("opens", [1, 2])
def test_old_warehouse_is_migrated_idempotently(tmp_path, opens):
    path = tmp_path / "old.duckdb"
    con = duckdb.connect(str(path))
    con.execute("create schema raw")
    con.execute(OLD_FACTS)
    con.execute(OLD_MOUS)
    con.execute("insert into raw.facts values ('a1-f000', 'a1', '64.74', 'Kota Bontang', 'uhc_coverage_pct', 'actual', null, 100.11, 'exact', null, 'e', 0, 1, 'v0')")
    con.execute("insert into raw.mou_mentions values ('a1-m00', 'a1', '64.74', 'Kota Bontang', 'BPJS Kesehatan', '2025-11-28', 'renewal', 'e', 0, 1, 'v0')")
    con.close()
    for _ in range(opens):
        with writer(path):
            pass
    fresh = tmp_path / "new.duckdb"
    with writer(fresh):
        pass
    con = duckdb.connect(str(path), read_only=True)
    new = duckdb.connect(str(fresh), read_only=True)
    try:
        for table in ("facts", "mou_mentions"):
            columns = f"select column_name, data_type from information_schema.columns where table_schema = 'raw' and table_name = '{table}' order by ordinal_position"
            assert con.execute(columns).fetchall() == new.execute(columns).fetchall()
        assert con.execute("select fact_key, confidence, decided_by, review_reason from raw.facts").fetchall() == [
            (fact_key("a1", "64.74", "uhc_coverage_pct", "actual", None, 100.11), "high", [], None)
        ]
        assert con.execute("select mention_key, confidence from raw.mou_mentions").fetchall() == [
            (mention_key("a1", "64.74", "BPJS Kesehatan"), "high")
        ]
    finally:
        con.close()
        new.close()
