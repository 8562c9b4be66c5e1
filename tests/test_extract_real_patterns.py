"""Patterns real outlets use, each in our own words: breakdowns, lists, stray spaces, gaps, provenance."""

from __future__ import annotations

import pytest

from extraction import extract as _extract
from extraction.confidence import REVIEW_RULES, assess
from extraction.decider import RULES_ONLY
from extraction.gazetteer import _spelling_variants
from extraction.model import Fact
from extraction.numbers import find_quantities
from extraction.text import split_sentences


def extract(text, published=None, title=None):
    """The rules' own reading: these tests pin down the candidate generator, not the trained decider."""
    return _extract(text, published, title, decider=RULES_ONLY)


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


def review(text: str, published: str = PUBLISHED) -> dict[tuple, str]:
    """(region, metric, kind, segment, value) → the review rule, for the facts held back."""
    return {
        (f.region_code, f.metric, f.kind, f.segment, f.value): next(c for c in f.decided_by if c.startswith("review:"))
        for f in extract(text, published).facts
        if f.confidence == "review"
    }


def test_a_percentage_about_one_segment_is_held_back():
    text = (
        "Kepesertaan aktif JKN di Kabupaten Wonosobo paling banyak dari segmen peserta yang iurannya dibiayai APBN, "
        "yaitu 402.100 orang atau 51,20 persen."
    )
    assert not any(f[1].endswith("_pct") for f in high(text))
    assert "review:one_group" in review(text).values()
    # the group named before the metric word is who pays, not what is measured
    got = high("Karena Pemkab Wonosobo membayar iuran PBI daerah, cakupan kepesertaan JKN mencapai 98,40 persen.")
    assert ("33.07", "uhc_coverage_pct", "actual", None, 98.4) in got


def test_a_figure_about_several_regions_is_held_back():
    text = "Program JKN sudah mencakup 96 persen penduduk di tujuh kabupaten di wilayah Provinsi Jambi."
    assert high(text) == set()
    assert list(review(text).values()) == ["review:several_regions"]
    assert high("Rata-rata cakupan di wilayah kerja BPJS Kesehatan Cabang Jambi sekitar 91 persen.") == set()


def test_a_general_uhc_criterion_is_not_the_regions_target():
    text = (
        "Kota Jambi sudah meraih UHC. Sebuah daerah dikatakan UHC jika minimal 95 persen penduduknya "
        "terdaftar sebagai peserta JKN."
    )
    assert not any(f[2] == "target" for f in high(text))
    assert "review:general_criterion" in review(text).values()


def test_the_size_of_a_budget_change_is_not_a_budget():
    text = "Anggaran iuran PBI BPJS Kesehatan dari APBD Kabupaten Kerinci tahun ini meningkat sekitar Rp4 miliar."
    assert not any(f[1] == "contribution_budget_idr" for f in high(text))
    # the values before and after are
    got = high("Anggaran iuran PBI BPJS Kesehatan dari APBD Kabupaten Kerinci naik dari Rp20 miliar menjadi Rp24 miliar.")
    assert {f[4] for f in got if f[1] == "contribution_budget_idr"} == {20_000_000_000, 24_000_000_000}


def test_a_quota_of_participants_is_held_back():
    text = "Pemkab Kerinci menyiapkan kuota peserta PBI JKN daerah sebanyak 21.500 jiwa untuk tahun depan."
    assert not any(f[1] == "participants" for f in high(text))


def test_active_membership_named_with_the_programme_after_it():
    text = "Keaktifan kepesertaan Program Jaminan Kesehatan Nasional (JKN) di Kota Jambi mencapai 86,30 persen."
    assert ("15.71", "active_participation_pct", "actual", None, 86.3) in high(text)


def test_abbreviations_that_collide_with_vocabulary_are_regions_after_a_prefix():
    got = high("Pemkab PPU mencatat cakupan kepesertaan JKN mencapai 97,80 persen.")
    assert ("64.09", "uhc_coverage_pct", "actual", None, 97.8) in got
    # the segment PPU is no region
    got = high("Di Kota Samarinda, peserta PPU mencapai 310.200 jiwa.")
    assert not any(f[0] == "64.09" for f in got)
    assert ("16.05", "uhc_coverage_pct", "actual", None, 88.1) in high("Cakupan UHC Kabupaten Mura mencapai 88,10 persen.")


def test_a_condition_for_any_region_is_held_back_but_commentary_after_a_figure_is_not():
    assert high("Sebuah daerah harus mampu mencapai 95 persen kepesertaan JKN untuk meraih status UHC.") == set()
    got = high("UHC Kabupaten Bangka Barat sudah mencapai 96,10 persen, namun belum memenuhi syarat UHC non cut off.")
    assert ("19.05", "uhc_coverage_pct", "actual", None, 96.1) in got


def test_a_list_introduced_as_other_regions_keeps_each_named_region():
    text = "Daerah lain yang belum mencapai UHC yakni Kabupaten Tanah Datar (85,40 persen) dan Dharmasraya (80,20 persen)."
    got = high(text)
    assert ("13.04", "uhc_coverage_pct", "actual", None, 85.4) in got
    assert ("13.10", "uhc_coverage_pct", "actual", None, 80.2) in got
    assert high("Sementara daerah lainnya masih di bawah 95 persen kepesertaannya.") == set()


def test_active_members_beside_their_share_are_not_the_whole_membership():
    text = (
        "Di Provinsi Bengkulu, dari 2.040.500 peserta JKN, sebanyak 1.733.100 jiwa atau 84,93 persen berstatus aktif."
    )
    got = high(text)
    assert ("17", "participants", "actual", "total", 2040500) in got
    assert not any(f[4] == 1733100 for f in got)
    assert ("17", "active_participation_pct", "actual", None, 84.93) in got


def test_the_card_named_after_indonesia_is_not_indonesia():
    text = "Kepesertaan masyarakat Kutai Timur dalam program Kartu Indonesia Sehat (KIS) mencapai 97 persen."
    got = high(text)
    assert ("64.08", "uhc_coverage_pct", "actual", None, 97.0) in got
    assert not any(f[0] == "00" for f in got)


def test_additional_participants_are_a_change_not_a_count():
    text = "Guna mencapai UHC, Kabupaten Lombok Utara membutuhkan tambahan peserta sebanyak 12.400 orang."
    assert not any(f[1] == "participants" for f in high(text))


def test_a_clause_of_its_own_after_dengan_kata_lain():
    text = (
        "Cakupan JKN di Indonesia hampir mencapai 92,5 persen dari jumlah penduduk, dengan kata lain masih ada "
        "sekitar 7,5 persen masyarakat yang belum menjadi peserta."
    )
    got = high(text)
    assert ("00", "uhc_coverage_pct", "actual", None, 92.5) in got
    assert not any(f[4] == 7.5 for f in got)


def test_a_segment_named_after_its_count_and_membership_without_a_noun():
    text = (
        "Saat ini jumlah kepesertaan JKN di Kota Solok 62.310 Pekerja Bukan Penerima Upah yang dibayarkan "
        "Pemerintah Daerah, 21.400 PBI Jaminan Kesehatan yang dibayarkan pemerintah pusat, 3.120 Bukan Pekerja."
    )
    got = high(text)
    assert ("13.72", "participants", "actual", "pemda", 62310) in got
    assert ("13.72", "participants", "actual", "pbi_apbn", 21400) in got
    assert ("13.72", "participants", "actual", "bp", 3120) in got
    got = high("Hingga akhir 2019 jumlah peserta JKN di Provinsi Jambi sudah mencapai 3.210.455 dari seluruh penduduk.")
    assert ("15", "participants", "actual", "total", 3210455) in got


def test_an_english_decimal_point_before_a_scale_word():
    assert [q.value for q in find_quantities("mandiri 176.073 ribu jiwa")] == [176073]
    assert [q.value for q in find_quantities("tercatat 7, 9 juta jiwa")] == [7_900_000]


def test_items_of_a_ranking_with_counts_and_shares():
    text = (
        "Kabupaten Landak menempati urutan kedua yaitu 352.100 peserta JKN dengan persentase 94,10 persen. "
        "Kabupaten Ketapang sudah menjangkau 455 ribu peserta atau 80,20 persen. "
        "Kabupaten Kubu Raya mencapai 261.400 atau 76,90 persen."
    )
    got = high(text)
    assert ("61.08", "participants", "actual", "total", 352100) in got
    assert ("61.04", "uhc_coverage_pct", "actual", None, 80.2) in got
    assert ("61.12", "participants", "actual", "total", 261400) in got
    assert ("61.12", "uhc_coverage_pct", "actual", None, 76.9) in got


def test_names_joined_before_one_figure_share_it():
    # full coverage holds for each of them
    got = high("Sedangkan di Kota Padang Panjang dan Kota Solok, Program JKN sudah mencakup 100 persen penduduk.")
    assert {("13.74", 100.0), ("13.72", 100.0)} <= {(f[0], f[4]) for f in got}
    # any other figure is theirs together: a sum or an average, no one region's
    text = "Rata-rata cakupan JKN Bali, NTB dan NTT baru 71,40 persen."
    assert high(text) == set()
    assert set(review(text).values()) == {"review:several_regions"}


def test_enrolment_words_make_a_count_the_whole_membership():
    got = high("Warga Kabupaten Gowa yang telah masuk ke dalam program JKN adalah sebanyak 701.300 jiwa.")
    assert ("73.06", "participants", "actual", "total", 701300) in got


def test_the_place_a_region_is_compared_within_is_not_its_subject():
    got = high("Kabupaten Mappi menjadi yang pertama di Papua Selatan yang meraih UHC dengan cakupan 98,10 persen.")
    assert ("93.03", "uhc_coverage_pct", "actual", None, 98.1) in got
    assert not any(f[0] == "93" for f in got)


def test_a_name_after_a_speech_attribution_is_the_speakers():
    text = (
        'Di Kabupaten Kotawaringin Timur, "kepesertaan JKN sudah mencapai 96 persen," kata Kepala BPJS Kesehatan '
        "Wilayah Kalimantan Tengah."
    )
    got = high(text)
    assert ("62.02", "uhc_coverage_pct", "actual", None, 96.0) in got


def test_a_numeral_written_out_takes_no_scale_word():
    assert [q.value for q in find_quantities("jumlah peserta JKN mencapai 187.982.949 juta jiwa")] == [187982949]


def test_who_pays_for_a_share_of_the_population():
    text = (
        "Dari jumlah penduduk Aceh yang mencapai 5.400.100 jiwa, sebanyak 1,6 juta jiwa atau 29,6 persen "
        "iurannya ditanggung oleh Pemerintah Aceh melalui program JKA di BPJS Kesehatan."
    )
    got = high(text)
    assert ("11", "participants", "actual", "pemda", 1_600_000) in got
    assert not any(f[1] == "uhc_coverage_pct" for f in got)
    # people beside the share of those not enrolled are not enrolled either
    assert high("Di Kota Ambon masih ada sekitar 52.000 atau 13 persen warga yang belum terdaftar JKN.") == set()


def test_national_figures_announced_in_jakarta_are_the_nations():
    text = "JAKARTA - Direktur BPJS Kesehatan mengatakan jumlah peserta JKN telah mencapai 278 juta jiwa atau 98 persen."
    got = high(text)
    assert ("00", "participants", "actual", "total", 278_000_000) in got
    assert ("00", "uhc_coverage_pct", "actual", None, 98.0) in got
    # Jakarta's own figures are Jakarta's when the body names it
    assert ("31", "uhc_coverage_pct", "actual", None, 99.0) in high(
        "JAKARTA - Pemprov DKI Jakarta mencatat cakupan JKN warganya mencapai 99 persen."
    )


def test_a_province_as_subject_in_its_capital():
    got = high("BANDA ACEH - Pemerintah Aceh mengalokasikan Rp1,2 triliun untuk iuran JKA bagi 2,1 juta warga di BPJS Kesehatan.")
    assert ("11", "contribution_budget_idr", "actual", "pemda", 1_200_000_000_000) in got
    assert ("71", "uhc_coverage_pct", "actual", None, 97.5) in high("MANADO - Pemprov Sulut mencatat cakupan JKN mencapai 97,5 persen.")


def test_a_kabupaten_followed_by_its_province_named_twice():
    text = "Pemerintah Kabupaten Lombok Barat, Provinsi Nusa Tenggara Barat (NTB) mengalokasikan Rp64 miliar untuk iuran JKN."
    assert ("52.01", "contribution_budget_idr", "actual", "pemda", 64_000_000_000) in high(text)


def test_the_share_a_payer_covers_beside_its_count_is_not_coverage():
    text = "Warga tidak mampu di Kabupaten Merauke yang ditanggung APBD jumlahnya 14.900 jiwa atau sekitar 5,30 persen."
    assert not any(f[1] == "uhc_coverage_pct" for f in high(text))


def test_a_sector_named_as_the_subject_reaches_past_dan_yang():
    text = "Di Provinsi Aceh, potensi kepesertaan sektor formal berjumlah 700.100 jiwa dan yang terdaftar 330.200 jiwa atau 47,20 persen."
    assert not any(f[1] == "uhc_coverage_pct" for f in high(text))


def test_several_regions_within_a_named_province():
    text = "Kota Singkawang adalah satu dari 14 kabupaten/kota di Kalimantan Barat yang mencapai UHC dengan cakupan 97,20 persen."
    assert not any(f[0] == "61" for f in high(text))


def test_an_award_criterion_is_no_regions_target():
    text = "Penghargaan UHC Awards diberikan kepada Pemkot Blitar dengan kepesertaan UHC minimal 95 persen."
    assert not any(f[2] == "target" for f in high(text))


def test_each_region_of_a_list_gives_its_figures_in_the_order_of_the_first():
    text = (
        "Capaian UHC untuk Kota Tegal saat ini sudah mencapai 88,10 persen. Dengan prosentase aktif peserta 81,20 persen. "
        "Kemudian untuk Kabupaten Brebes 86, 40 persen. Prosentase aktif 77,50 persen. "
        "Kabupaten Tegal mencapai 84,30 persen Jumlah peserta 1,3 juta orang dari 1,45 juta orang."
    )
    got = high(text)
    assert ("33.29", "uhc_coverage_pct", "actual", None, 86.4) in got
    assert ("33.29", "active_participation_pct", "actual", None, 77.5) in got
    assert ("33.28", "uhc_coverage_pct", "actual", None, 84.3) in got
    assert ("33.28", "participants", "actual", "total", 1_300_000) in got
    assert not any(f[4] == 1_450_000 for f in got)


def test_a_total_budget_when_it_names_several_recipients():
    got = high("Total anggaran APBD Kabupaten Pesawaran Rp40 miliar untuk kepesertaan BPJS Kesehatan bagi PBI, honorer dan ASN.")
    assert ("18.09", "contribution_budget_idr", "actual", "total", 40_000_000_000) in got
    got = high("Total anggaran yang disiapkan Pemkot Metro untuk iuran BPJS Kesehatan sebesar Rp12 miliar.")
    assert ("18.72", "contribution_budget_idr", "actual", "pemda", 12_000_000_000) in got


def test_a_goal_to_have_been_reached_is_a_target():
    text = "Dalam RPJMN 2024, ditargetkan cakupan UHC sudah mencapai 98 persen penduduk."
    assert ("00", "uhc_coverage_pct", "target", None, 98.0) in high(text)


def test_a_purpose_clause_aims_at_each_of_its_figures():
    text = (
        "Kabupaten Lombok Timur mencatat cakupan JKN 95,10 persen. Guna mencapai target 98 persen dan tingkat "
        "keaktifan 80 persen, dibutuhkan tambahan peserta sebanyak 40.000 orang."
    )
    got = high(text)
    assert ("52.03", "uhc_coverage_pct", "target", None, 98.0) in got
    assert ("52.03", "active_participation_pct", "target", None, 80.0) in got
    assert not any(f[2] == "actual" and f[4] in (98.0, 80.0) for f in got)


def test_the_place_named_after_a_share_of_its_population():
    text = "Hingga kini peserta JKN sudah mencakup 97,20 persen dari jumlah penduduk Kabupaten Bantul."
    assert ("34.02", "uhc_coverage_pct", "actual", None, 97.2) in high(text)


def test_shares_of_money_and_of_the_not_yet_active_are_not_coverage():
    assert high("Pemkot Kupang menganggarkan 10 persen APBD-nya untuk iuran BPJS Kesehatan warganya.") == set()
    text = "Cakupan JKN di Kota Bengkulu sudah bagus, tetapi 12 persen atau sekitar 40 ribu peserta belum aktif."
    assert not any(f[4] == 12.0 for f in high(text))


def test_below_a_figure_is_where_it_stands_not_a_target():
    text = "Di Kabupaten Seruyan, tingkat kepesertaan JKN masih di bawah 60 persen."
    assert not any(f[2] == "target" for f in high(text))
