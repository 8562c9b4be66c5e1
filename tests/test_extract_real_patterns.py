"""Patterns real outlets use, each in our own words: breakdowns, lists, stray spaces, gaps, provenance."""

from __future__ import annotations

import pytest

from extraction import extract
from extraction.confidence import REVIEW_RULES, assess
from extraction.gazetteer import _spelling_variants
from extraction.model import Fact
from extraction.numbers import find_quantities
from extraction.text import split_sentences

PUBLISHED = "2024-06-10"


def high(text: str, published: str = PUBLISHED) -> set[tuple]:
    """(region, metric, kind, segment, value) of the facts that reach the marts."""
    return {
        (f.region_code, f.metric, f.kind, f.segment, f.value)
        for f in extract(text, published).facts
        if f.confidence == "high"
    }


def test_a_breakdown_names_each_segment_before_its_bare_count():
    text = (
        "Kepesertaan JKN di Kabupaten Lombok Timur sudah 98 persen. Dari jumlah itu, peserta PBI APBN mencapai "
        "612.400, PBI APBD sebanyak 185.020, PPU 98.311, PBPU 40.077 dan BP mencapai 9.870."
    )
    got = high(text)
    for segment, value in [("pbi_apbn", 612400), ("pemda", 185020), ("ppu", 98311), ("pbpu", 40077), ("bp", 9870)]:
        assert ("52.03", "participants", "actual", segment, value) in got


def test_a_segment_written_out_in_full_counts_too():
    text = (
        "Jumlah peserta JKN Kabupaten Sleman tercatat 1.102.500 jiwa. Rinciannya pekerja penerima upah (PPU) "
        "301.220, pekerja bukan penerima upah (PBPU) 150.400, dan bukan pekerja (BP) 30.115."
    )
    got = high(text)
    assert ("34.04", "participants", "actual", "ppu", 301220) in got
    assert ("34.04", "participants", "actual", "pbpu", 150400) in got
    assert ("34.04", "participants", "actual", "bp", 30115) in got


def test_a_small_number_after_a_segment_name_is_not_a_count():
    assert [q for q in find_quantities("Tahap PBI 2 dimulai bulan depan.") if q.unit == "count"] == []


def test_the_place_after_each_figure_of_a_list():
    text = (
        "Menurut data BPJS Kesehatan, cakupan kepesertaan mencapai 97,10 persen di Kabupaten Pasaman; "
        "95,20 persen di Kabupaten Pasaman Barat; dan 96,40 persen di Kabupaten Kepulauan Mentawai."
    )
    got = high(text)
    assert ("13.08", "uhc_coverage_pct", "actual", None, 97.1) in got
    assert ("13.12", "uhc_coverage_pct", "actual", None, 95.2) in got
    assert ("13.09", "uhc_coverage_pct", "actual", None, 96.4) in got


def test_a_bare_name_in_a_list_of_kabupaten_is_a_kabupaten():
    text = (
        "Daerah yang belum mencapai UHC yakni Kabupaten Agam (88,10 persen), Sijunjung (81,50 persen) "
        "dan Solok (76,25 persen)."
    )
    got = high(text)
    assert ("13.02", "uhc_coverage_pct", "actual", None, 76.25) in got
    assert not any(f[0] == "13.72" for f in got)


@pytest.mark.parametrize("variant", ["Limapuluh Kota", "Lima Puluh Kota", "Limapuluhkota"])
def test_compound_names_with_gaps_closed(variant):
    assert variant in _spelling_variants("Lima Puluh Kota")
    got = high(f"Cakupan kepesertaan JKN di Kabupaten {variant} mencapai 84,20 persen.")
    assert ("13.07", "uhc_coverage_pct", "actual", None, 84.2) in got


def test_stray_spaces_inside_numbers():
    assert [q.value for q in find_quantities("jumlah penduduk 147. 629 warga")] == [147629]
    assert [q.value for q in find_quantities("cakupan 91, 46 persen")] == [91.46]
    # a year and a figure after a comma stay apart
    assert [q.value for q in find_quantities("pada 2023, 87 persen")] == [87.0]
    assert len(split_sentences("Penduduknya 310. 216 orang. Cakupan 90 persen.")) == 2


def test_items_of_a_list_continue_in_the_words_of_the_first():
    text = (
        "UHC tertinggi dicapai Kota Kotamobagu dengan jumlah peserta 120.400 jiwa atau 99,10 persen. "
        "Kemudian Kabupaten Bolaang Mongondow dengan jumlah 230.500 jiwa atau 96 persen. "
        "Minahasa Utara sebanyak 210.300 jiwa atau 95,40 persen, dan Minahasa Selatan 201.100 jiwa atau 95,30 persen."
    )
    got = high(text)
    assert ("71.01", "uhc_coverage_pct", "actual", None, 96.0) in got
    assert ("71.01", "participants", "actual", "total", 230500) in got
    assert ("71.06", "uhc_coverage_pct", "actual", None, 95.4) in got
    assert ("71.05", "uhc_coverage_pct", "actual", None, 95.3) in got


def test_those_not_enrolled_and_the_remaining_gap_are_not_coverage():
    text = (
        "Penduduk yang belum terdaftar JKN di Kabupaten Donggala mencapai 5.120 orang atau 2,10 persen. "
        "Di Kabupaten Sigi yang belum tercover tersisa 1,45 persen atau sebanyak 4.010 orang."
    )
    assert high(text) == set()


def test_every_fact_says_what_decided_it():
    fact = extract("Cakupan kepesertaan JKN di Kota Bontang mencapai 100,11 persen per Mei 2024.", PUBLISHED).facts[0]
    decisions = {cue.split(":")[0] for cue in fact.decided_by}
    assert {"metric", "kind", "region", "time"} <= decisions
    assert "metric:kepesertaan" in fact.decided_by
    assert "region:nearest_name" in fact.decided_by
    assert fact.confidence == "high" and fact.review_reason is None


def _fact(**kw) -> Fact:
    base = dict(region_code="64.74", region_name="Kota Bontang", metric="participants", kind="actual", segment="total",
                value=1000, qualifier="exact", as_of=None, evidence="x", start=0, end=1)
    base.update(kw)
    return Fact(**base)


def test_a_count_of_unknown_segment_goes_to_review_with_its_reason():
    f = assess(_fact(segment=None))
    assert f.confidence == "review" and f.review_reason and "review:segment_unknown" in f.decided_by
    assert assess(_fact()).confidence == "high"


def test_review_rules_have_names_and_reasons():
    assert REVIEW_RULES and all(r.name and r.reason for r in REVIEW_RULES)
    assert len({r.name for r in REVIEW_RULES}) == len(REVIEW_RULES)
