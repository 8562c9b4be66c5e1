"""Extraction behaviour on short texts written for each case."""

import pytest

from extraction import extract as _extract
from extraction.decider import RULES_ONLY


def extract(text, published=None, title=None):
    """The rules' own reading: these tests pin down the candidate generator, not the trained decider."""
    return _extract(text, published, title, decider=RULES_ONLY)


def facts(text, published="2025-11-28", title=None):
    return [(f.region_code, f.metric, f.kind, f.segment, f.value, f.qualifier) for f in extract(text, published, title).facts]


def test_coverage_and_active_in_one_sentence():
    got = facts("BPJS Kesehatan mencatat capaian UHC di Kota Bontang kini 100,11 persen, sementara kepesertaan aktif berada di angka 93 persen.")
    assert ("64.74", "uhc_coverage_pct", "actual", None, 100.11, "exact") in got
    assert ("64.74", "active_participation_pct", "actual", None, 93, "exact") in got


def test_previous_year_figure_has_its_own_as_of():
    result = extract("Keaktifan peserta JKN di Kota Bontang naik menjadi 93 persen dari 87 persen pada tahun sebelumnya.", "2025-11-28")
    by_value = {f.value: f for f in result.facts}
    assert by_value[87].as_of == "2024"
    assert by_value[87].kind == "actual"


@pytest.mark.parametrize(
    "sentence, kind",
    [
        ("Pemkab Lombok Timur menargetkan keaktifan peserta JKN 80 persen.", "target"),
        ("Keaktifan peserta JKN di Kabupaten Lombok Timur masih di bawah standar minimal 80 persen.", "target"),
        ("Cakupan kepesertaan JKN Kabupaten Lombok Timur diharapkan mencapai 99 persen.", "target"),
        ("Cakupan kepesertaan JKN Kabupaten Lombok Timur kini 98 persen.", "actual"),
    ],
)
def test_target_vs_actual(sentence, kind):
    got = facts(sentence)
    assert got and got[0][2] == kind


@pytest.mark.parametrize(
    "text",
    [
        "Peserta BPJS Kesehatan di Kota Balikpapan bisa berobat gratis. Progres pembangunan puskesmas mencapai 74,36 persen.",
        "BPJS Kesehatan hadir. Prevalensi stunting di Kabupaten Lombok Timur turun menjadi 19,5 persen.",
        "BPJS Kesehatan hadir. Cakupan imunisasi dasar di Kota Bontang mencapai 92 persen.",
        "Cakupan kepesertaan BPJS Ketenagakerjaan di Kota Bontang baru 40 persen.",
        "BPJS Kesehatan hadir. Serapan anggaran Dinas Kesehatan Kota Bontang 85 persen.",
        "BPJS Kesehatan hadir. Partisipasi pemilih di Kota Bontang 77 persen.",
        "BPJS Kesehatan hadir. Angka kemiskinan Kota Bontang 4,5 persen.",
        "Iuran BPJS Kesehatan naik 5 persen tahun depan di Kota Bontang.",
        "Kepesertaan PBI APBN di Kota Bontang mencapai 40 persen dari total peserta JKN.",
        "Rasio klaim BPJS Kesehatan di Kota Bontang mencapai 95 persen.",
        "Tingkat kepuasan peserta JKN di Kota Bontang 90 persen.",
    ],
)
def test_other_percentages_are_not_facts(text):
    assert facts(text) == []


def test_ketenagakerjaan_article_yields_nothing():
    text = "BPJS Ketenagakerjaan dan Pemkab Lombok Barat meneken MoU. Pemkab mengalokasikan Rp3 miliar untuk iuran 20.000 pekerja."
    result = extract(text, "2025-09-09")
    assert result.facts == [] and result.mous == []


@pytest.mark.parametrize(
    "sentence, segment, value",
    [
        ("Pekerja Penerima Upah Badan Usaha di Kota Bontang sebanyak 70.931 peserta JKN.", "ppu", 70931),
        ("Peserta JKN segmen PBPU yang ditanggung Pemkot Bontang sebesar 58.631 peserta.", "pemda", 58631),
        ("Peserta PBI JK di Kota Bontang sejumlah 28.850 peserta yang dibiayai APBN.", "pbi_apbn", 28850),
        ("Jumlah peserta JKN di Kota Bontang secara keseluruhan 180.000 jiwa.", "total", 180000),
        ("Peserta mandiri BPJS Kesehatan di Kota Bontang tercatat 12.500 peserta.", "pbpu", 12500),
    ],
)
def test_participant_segments(sentence, segment, value):
    got = facts(sentence)
    assert ("64.74", "participants", "actual", segment, value, "exact") in got


def test_population_and_unregistered_counts_are_not_participants():
    assert facts("Jumlah penduduk Kota Bontang 180.000 jiwa menurut BPJS Kesehatan.") == []
    assert facts("Sekitar 23.000 warga Kota Kupang belum terdaftar sebagai peserta JKN.") == []


def test_budget_segments():
    got = facts("Pemkot Bontang mengalokasikan Rp24,4 miliar dari APBD untuk membayar iuran JKN warga.")
    assert got == [("64.74", "contribution_budget_idr", "actual", "pemda", 24_400_000_000, "exact")]
    got = facts("Pemerintah pusat menganggarkan Rp46,5 triliun dari APBN untuk iuran PBI JKN secara nasional.")
    assert got == [("00", "contribution_budget_idr", "actual", "pbi_apbn", 46_500_000_000_000, "exact")]


def test_claims_and_arrears_are_not_budgets():
    assert facts("BPJS Kesehatan membayar klaim rumah sakit di Kota Bontang Rp120 miliar.") == []
    assert facts("Tunggakan iuran peserta BPJS Kesehatan di Kota Bontang mencapai Rp5 miliar.") == []


def test_region_from_earlier_sentence_and_dateline():
    text = "BONTANG – Wali Kota menerima BPJS Kesehatan. Capaian UHC kini 100,11 persen."
    assert facts(text)[0][0] == "64.74"


def test_branch_city_is_not_the_fact_region():
    text = "Kepala Cabang BPJS Kesehatan Samarinda menyebut cakupan kepesertaan JKN di Kota Bontang 99 persen."
    assert facts(text)[0][0] == "64.74"


def test_several_regions_in_one_article():
    text = (
        "Cakupan kepesertaan JKN di Provinsi Kalimantan Timur kini 99,1 persen. "
        "Di Kabupaten Kutai Kartanegara, cakupan kepesertaan baru 95,6 persen."
    )
    got = {(r, v) for r, _, _, _, v, _ in facts(text)}
    assert got == {("64", 99.1), ("64.02", 95.6)}


def test_evidence_offsets_point_into_the_text():
    text = "Pemkot Bontang hadir.\nCapaian UHC di Kota Bontang kini 100,11 persen."
    f = extract(text, "2025-11-28").facts[0]
    assert text[f.start : f.end] == f.evidence


def test_repeated_figure_is_one_fact():
    text = "Pemkot Bontang menanggung iuran BPJS Kesehatan 54.000 peserta. Alokasi bantuan iuran Pemkot Bontang menjadi 54.000 peserta."
    assert len(facts(text)) == 1


def test_off_topic_text_is_not_relevant():
    result = extract("Borneo FC menang 1-0. Penguasaan bola 62 persen.", "2025-11-20")
    assert not result.relevant and result.facts == []


@pytest.mark.parametrize(
    "text, expected",
    [
        (
            "Capaian UHC Kabupaten Paser per 1 Agustus 2025 sebesar 98,45 persen dengan tingkat keaktifan 82,11 persen.",
            {("64.01", "uhc_coverage_pct", "actual", None, 98.45), ("64.01", "active_participation_pct", "actual", None, 82.11)},
        ),
        (
            "BPJS Kesehatan mencatat, dari 1,2 juta penduduk Kabupaten Paser, sebanyak 1,17 juta jiwa atau 97,5 persen telah menjadi peserta JKN.",
            {("64.01", "participants", "actual", "total", 1_170_000), ("64.01", "uhc_coverage_pct", "actual", None, 97.5)},
        ),
        (
            "Jumlah peserta BPJS Kesehatan di Kabupaten Paser mencapai 520.381 jiwa atau 98,36 persen dari total penduduk 529.070 jiwa.",
            {("64.01", "participants", "actual", "total", 520_381), ("64.01", "uhc_coverage_pct", "actual", None, 98.36)},
        ),
        ("Pemkab Sumbawa menganggarkan Rp 35.000.000.000 untuk iuran PBI daerah BPJS Kesehatan.", {("52.04", "contribution_budget_idr", "actual", "pemda", 35_000_000_000)}),
        ("Pemprov NTB mengalokasikan anggaran sebesar Rp. 45 miliar untuk iuran JKN.", {("52", "contribution_budget_idr", "actual", "pemda", 45_000_000_000)}),
        ("Pemkab Berau menyiapkan anggaran Rp 10 M untuk iuran BPJS Kesehatan warga.", {("64.03", "contribution_budget_idr", "actual", "pemda", 10_000_000_000)}),
        ("Sebanyak 12.345 peserta PBI JK di Kabupaten Paser dinonaktifkan Kemensos, kata BPJS Kesehatan.", set()),
        ("Kabupaten Paser berpenduduk sekitar 300 ribu jiwa dan cakupan JKN 95 persen.", {("64.01", "uhc_coverage_pct", "actual", None, 95)}),
    ],
)
def test_news_phrasings(text, expected):
    assert {(r, m, k, s, v) for r, m, k, s, v, _ in facts(text, "2025-08-20")} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Menurut BPJS Kesehatan, peningkatan kepesertaan JKN di Kota Bontang sebesar 5 persen dibanding tahun lalu.", set()),
        ("Peningkatan kepesertaan di Kota Bontang membuat cakupan JKN mencapai 99 persen.", {("64.74", 99)}),
        ("Dari total 3.500 peserta JKN di Kecamatan Bontang Utara, 85 persen berstatus aktif.", set()),
        (
            "BPJS Kesehatan mencatat cakupan kepesertaan JKN tertinggi di Kaltim berada di Kabupaten Mahakam Ulu (101,2 persen), "
            "Kota Bontang (100,11 persen), dan Kabupaten Berau (99,3 persen).",
            {("64.11", 101.2), ("64.74", 100.11), ("64.03", 99.3)},
        ),
    ],
)
def test_changes_subregions_and_lists(text, expected):
    assert {(r, v) for r, _, _, _, v, _ in facts(text, "2025-11-20")} == expected


@pytest.mark.parametrize(
    "text, expected",
    [
        # a national level quoted beside a region's figure is Indonesia's
        ("Cakupan JKN di Kabupaten Sleman 99 persen, di atas rata-rata nasional yang sebesar 97,3 persen.", ("00", "uhc_coverage_pct", "actual", 97.3)),
        ("Target nasional tahun 2025 adalah 98 persen untuk cakupan kepesertaan JKN.", ("00", "uhc_coverage_pct", "target", 98)),
        # a region measured against the national target: the target stays Indonesia's (the schema's convention)
        ("Cakupan JKN Kabupaten Sleman 93 persen, masih di bawah target nasional 98 persen.", ("00", "uhc_coverage_pct", "target", 98)),
        ("Keaktifan peserta JKN di Kota Tarakan 84 persen, melampaui target nasional sebesar 80 persen.", ("00", "active_participation_pct", "target", 80)),
        ("Keaktifan peserta JKN di Kota Tarakan 84 persen, di atas ambang batas nasional sebesar 80 persen.", ("00", "active_participation_pct", "target", 80)),
        ("Keaktifan peserta JKN di Kota Tarakan 71 persen, jauh di bawah rerata nasional saat ini 76,4 persen.", ("00", "active_participation_pct", "actual", 76.4)),
        ("Cakupan JKN di Kabupaten Sambas masih di bawah angka nasional, yang mencapai 96,1 persen.", ("00", "uhc_coverage_pct", "actual", 96.1)),
        ("Di Kabupaten Sambas, Menkes menyebut cakupan kepesertaan JKN kini 97 persen penduduk Indonesia.", ("00", "uhc_coverage_pct", "actual", 97)),
    ],
)
def test_national_figures_beside_a_region(text, expected):
    assert expected in {g[:3] + (g[4],) for g in facts(text)}


def test_jaminan_kesehatan_nasional_is_not_a_national_scope():
    got = facts("Cakupan jaminan kesehatan nasional di Kabupaten Sleman sebesar 97 persen.")
    assert [g[0] for g in got] == ["34.04"]


def test_list_of_places_takes_the_topic_of_the_sentence_before():
    got = facts(
        "Tiga daerah di Sulawesi Selatan belum mencapai UHC. Ketiganya adalah Kabupaten Jeneponto (91,3 persen), "
        "Kabupaten Takalar (92,05 persen) dan Kabupaten Gowa (93,8 persen)."
    )
    assert {(g[0], g[1], g[4]) for g in got} == {
        ("73.04", "uhc_coverage_pct", 91.3), ("73.05", "uhc_coverage_pct", 92.05), ("73.06", "uhc_coverage_pct", 93.8)
    }


def test_list_of_places_without_a_topic_gives_nothing():
    assert facts("Kabupaten Jeneponto (91,3 persen) dan Kabupaten Gowa (93,8 persen) masuk daftar itu.") == []


def test_count_beside_coverage_is_the_total_membership():
    got = facts("Program JKN berjalan baik. Hingga Desember 2024, cakupan di Kabupaten Bantul baru 95,6 persen atau sekitar 921 ribu jiwa.")
    assert ("34.02", "participants", "actual", "total", 921000, "approx") in got
    got = facts("Kepesertaan JKN di Kabupaten Bantul sebanyak 1.012.873 jiwa atau 95,04 persen.")
    assert ("34.02", "participants", "actual", "total", 1012873, "exact") in got


def test_count_referring_back_keeps_the_segment():
    got = facts(
        "Warga Kabupaten Sikka yang iuran BPJS Kesehatannya dibayar pemerintah daerah bertambah menjadi 34.520 orang. "
        "Sebelumnya, pada Januari 2024 jumlahnya 29.870 orang."
    )
    assert ("53.07", "participants", "actual", "pemda", 29870, "exact") in got
    # without a count before it, "jumlahnya" alone says nothing about JKN
    assert facts("Sebelumnya, pada Januari 2024 jumlahnya 29.870 orang di Kabupaten Sikka.") == []


def test_budget_referring_back():
    got = facts(
        "Pemkot Palangka Raya menyiapkan anggaran Rp30 miliar untuk premi BPJS Kesehatan warga tidak mampu. "
        "Jumlah tersebut naik dibanding tahun sebelumnya yang sebesar Rp26,5 miliar."
    )
    assert {g[4] for g in got if g[1] == "contribution_budget_idr"} == {30_000_000_000, 26_500_000_000}


def test_this_city_is_the_article_region_not_the_national_figure_before():
    got = facts(
        "Cakupan kepesertaan JKN di Kota Madiun 99,4 persen. Secara nasional cakupannya 97,3 persen. "
        "Kota ini juga berada di atas standar 95 persen."
    )
    assert ("35.77", "uhc_coverage_pct", "target", None, 95, "exact") in got


def test_a_list_under_a_heading_sentence_keeps_its_topic():
    got = facts(
        "BPJS Kesehatan merilis capaian kepesertaan JKN di Banten per 1 Maret 2025. Berikut datanya:\n"
        "- Kab. Pandeglang: 96,2%\n- Kab. Lebak: 95,8 persen\n- Kota Tangsel: 99,01%\n- Kota Cilegon: 101,3%\n- Kota Serang: 97%"
    )
    assert {(g[0], g[4]) for g in got if g[1] == "uhc_coverage_pct"} == {
        ("36.01", 96.2), ("36.02", 95.8), ("36.74", 99.01), ("36.72", 101.3), ("36.73", 97)
    }


def test_a_list_under_another_topic_gives_nothing():
    text = (
        "Cakupan JKN di Banten sudah 97 persen. Sementara itu prevalensi stunting masih tinggi. Berikut datanya:\n"
        "- Kab. Pandeglang: 29,4%\n- Kab. Lebak: 26,2%"
    )
    assert {(g[0], g[4]) for g in facts(text)} == {("36", 97)}


def test_this_province_is_the_province_named_before():
    got = facts("Kepesertaan JKN di Banten mencapai 12,4 juta jiwa. Persentase peserta aktif di provinsi ini 77,6 persen.")
    assert ("36", "active_participation_pct", "actual", None, 77.6, "exact") in got


@pytest.mark.parametrize("alias, code", [("Tangsel", "36.74"), ("Jaksel", "31.74"), ("Kotim", "62.02"), ("Polman", "76.04"), ("Solo", "33.72")])
def test_press_abbreviations_of_regions(alias, code):
    assert facts(f"Cakupan kepesertaan JKN di {alias} mencapai 97,5 persen.")[0][0] == code


def test_people_not_yet_enrolled_are_not_participants():
    got = facts("Sebanyak 38.500 warga Kabupaten Pringsewu hingga kini belum terdaftar sebagai peserta JKN.")
    assert [g for g in got if g[1] == "participants"] == []


def test_a_date_after_the_next_figure_belongs_to_that_figure():
    result = extract("Anggaran iuran JKN bagi PBI daerah Kabupaten Pringsewu tahun ini Rp 9,8 miliar, turun dari Rp 12 miliar pada 2023.", "2024-09-05")
    as_of = {f.value: f.as_of for f in result.facts}
    assert as_of == {9_800_000_000: "2024", 12_000_000_000: "2023"}


def test_that_regency_refers_to_the_one_named_before():
    got = facts("Sebanyak 5.000 warga Pringsewu didaftarkan ke JKN. Cakupan kepesertaan di kabupaten itu baru 89,3 persen, terendah di Lampung.")
    assert ("18.10", "uhc_coverage_pct", "actual", None, 89.3, "exact") in got


def test_segment_breakdown_keeps_each_segment():
    got = facts(
        "Peserta JKN Kota Cirebon terdiri atas PBI APBN sebanyak 98.441 jiwa, PBI APBD 61.220 jiwa, PPU 112.305 jiwa, "
        "PBPU 58.102 jiwa dan BP 8.544 jiwa."
    )
    assert {(g[3], g[4]) for g in got} == {("pbi_apbn", 98441), ("pemda", 61220), ("ppu", 112305), ("pbpu", 58102), ("bp", 8544)}


def test_pbpu_registered_by_the_government_is_pemda():
    got = facts("Pemkab Sumbawa menanggung iuran PBPU Pemda sebanyak 12.000 jiwa peserta JKN.")
    assert got[0][3] == "pemda"


def test_minimal_right_before_the_figure_is_a_threshold():
    got = facts("Target cakupan JKN NTB pada akhir 2025 adalah 98 persen dengan tingkat keaktifan minimal 75 persen.")
    assert ("52", "active_participation_pct", "target", None, 75, "at_least") in got


def test_so_many_residents_covered_is_the_membership_not_the_population():
    got = facts("Sebanyak 166.879 penduduk Bone Bolango kini terlindungi program JKN.")
    assert ("75.03", "participants", "actual", "total", 166879, "exact") in got


def test_a_region_compared_with_does_not_take_over_the_article():
    got = facts(
        "Pemerintah Kota Depok menanggung iuran JKN bagi 84.120 warga miskin. Persentase peserta aktif di Depok 78 persen, "
        "lebih rendah dari Kota Bekasi yang sudah 82 persen. Iuran itu dibayar dari APBD sebesar Rp 42,4 miliar."
    )
    assert ("32.76", "contribution_budget_idr", "actual", "pemda", 42_400_000_000, "exact") in got


def test_a_share_of_the_members_named_after_the_total():
    got = facts("Dari 1,3 juta peserta JKN di Batam, sebanyak 640 ribu merupakan peserta segmen PPU.")
    assert {(g[3], g[4]) for g in got} == {("total", 1_300_000), ("ppu", 640_000)}


def test_where_a_figure_is_expected_to_go_is_a_target():
    got = facts("Integrasi ini akan membuat cakupan JKN Sulawesi Tengah naik dari 84 persen menjadi di atas 90 persen.")
    assert {(g[2], g[4]) for g in got} == {("actual", 84), ("target", 90)}


@pytest.mark.parametrize(
    "text",
    [
        "Cakupan JKN di Jawa Tengah 96 persen. Dari jumlah peserta itu, Kabupaten Sleman 45 persen di antaranya merupakan peserta PBI.",
        "Cakupan JKN Kota Semarang sudah 98 persen. Kota Magelang (26 persen) menjadi penyumbang peserta terbanyak.",
    ],
)
def test_a_lone_figure_after_a_name_is_not_a_list_item(text):
    assert [g for g in facts(text) if g[4] in (45, 26)] == []


def test_people_named_as_not_enrolled_before_the_figure_are_not_participants():
    assert facts("Penduduk Kabupaten Kendal yang belum terdaftar JKN sebanyak 32.567 jiwa.") == []
    # those the government now pays for are
    got = facts("Pemkab Kendal menanggung iuran 20.000 warga tidak mampu yang belum terdaftar JKN.")
    assert ("33.24", "participants", "actual", "pemda", 20000, "exact") in got



def test_a_count_restating_the_share_not_enrolled_is_not_participants():
    text = ("Menurut Dinas Kesehatan, warga Kabupaten Sikka yang belum punya kartu BPJS Kesehatan atau belum masuk "
            "program JKN tinggal 1,2 persen atau 3.950 jiwa.")
    assert [g for g in facts(text) if g[1] == "participants"] == []
    # the same count beside a share of those enrolled is the region's membership
    got = facts("Warga Kabupaten Sikka yang sudah terdaftar program JKN mencapai 98,8 persen atau 321.050 jiwa.")
    assert ("53.07", "participants", "actual", "total", 321050, "exact") in got


@pytest.mark.parametrize(
    "text",
    [
        "Pemkab Lumajang menyiapkan Rp 10 miliar untuk pembangunan gedung RSUD, sedangkan untuk iuran JKN disiapkan Rp 40 miliar.",
        "Pemkab Lumajang menyiapkan Rp 40 miliar untuk iuran JKN, sedangkan untuk pembangunan gedung RSUD disiapkan Rp 10 miliar.",
    ],
)
def test_what_money_is_for_is_read_in_its_own_clause(text):
    assert [g[4] for g in facts(text) if g[1] == "contribution_budget_idr"] == [40_000_000_000]


@pytest.mark.parametrize(
    "text, expected",
    [
        ("Kota Solok telah memenuhi syarat UHC non cut off dengan cakupan JKN 98,2 persen dan tingkat keaktifan 80,56 persen.",
         {("13.72", "uhc_coverage_pct", "actual", 98.2), ("13.72", "active_participation_pct", "actual", 80.56)}),
        ("Peserta aktif JKN di Kabupaten Ngawi mencapai 720.000 jiwa atau 84,7 persen dari total peserta.",
         {("35.21", "participants", "actual", 720000), ("35.21", "active_participation_pct", "actual", 84.7)}),
        ("Sebanyak 92 persen penduduk Kabupaten Ngawi sudah memiliki JKN, namun hanya 75 persen yang aktif.",
         {("35.21", "uhc_coverage_pct", "actual", 92), ("35.21", "active_participation_pct", "actual", 75)}),
        ("Target nasional UHC adalah 98 persen dengan keaktifan 80 persen.",
         {("00", "uhc_coverage_pct", "target", 98), ("00", "active_participation_pct", "target", 80)}),
    ],
)
def test_coverage_and_activity_phrasings(text, expected):
    assert {(g[0], g[1], g[2], g[4]) for g in facts(text)} == expected


def test_a_table_takes_metric_and_kind_from_its_header():
    text = (
        "BPJS Kesehatan merilis capaian kepesertaan JKN per 1 Januari 2026.\n"
        "| Kabupaten/Kota | Jumlah Peserta | Cakupan | Keaktifan | Target Keaktifan |\n"
        "|---|---|---|---|---|\n"
        "| Kota Banjarmasin | 701.220 | 98,4% | 79,1% | 80% |\n"
        "| Kabupaten Tanah Laut | 362.015 | 96,7% | 77,5% | 80% |\n"
        "Data itu dirilis pekan ini."
    )
    got = {(g[0], g[1], g[2], g[3], g[4]) for g in facts(text)}
    assert got == {
        ("63.71", "participants", "actual", "total", 701220), ("63.71", "uhc_coverage_pct", "actual", None, 98.4),
        ("63.71", "active_participation_pct", "actual", None, 79.1), ("63.71", "active_participation_pct", "target", None, 80),
        ("63.01", "participants", "actual", "total", 362015), ("63.01", "uhc_coverage_pct", "actual", None, 96.7),
        ("63.01", "active_participation_pct", "actual", None, 77.5), ("63.01", "active_participation_pct", "target", None, 80),
    }


def test_a_table_of_other_figures_gives_nothing():
    text = (
        "Dinas Kesehatan merilis data JKN dan stunting.\n| Kabupaten | Prevalensi Stunting |\n|---|---|\n| Kabupaten Tanah Laut | 21,3% |"
    )
    assert facts(text) == []


def test_a_headline_figure_rounding_a_body_figure_is_one_statement():
    text = "Keaktifan Peserta JKN Denpasar 82 Persen\nTingkat keaktifan peserta JKN di Kota Denpasar mencapai 82,4 persen per Juli 2025."
    assert [g[4] for g in facts(text)] == [82.4]
    # a headline figure the body does not restate stays
    text = "Cakupan JKN Kota Denpasar 99 Persen\nTingkat keaktifan peserta JKN di Kota Denpasar mencapai 82,4 persen."
    assert sorted(g[4] for g in facts(text)) == [82.4, 99]


def test_a_province_that_pays_is_not_where_the_people_live():
    got = facts(
        "Dari 451.000 penduduk Kabupaten Bireuen, 440.300 jiwa telah terdaftar JKN. Sebanyak 180.450 jiwa di antaranya "
        "iurannya dibayar Pemerintah Aceh, dan 95.200 jiwa dibayar pemerintah pusat."
    )
    assert {(g[0], g[3], g[4]) for g in got} == {("11.11", "total", 440300), ("11.11", "pemda", 180450), ("11.11", "pbi_apbn", 95200)}


def test_from_and_to_counts_share_their_noun():
    got = facts("Kuota peserta JKN yang iurannya ditanggung Pemkot Ternate ditambah dari 15.000 menjadi 22.500 jiwa.")
    assert {(g[3], g[4]) for g in got} == {("pemda", 15000), ("pemda", 22500)}


def test_a_count_of_active_members_is_not_the_total():
    got = facts("Peserta aktif JKN di Kabupaten Ngawi mencapai 720.000 jiwa atau 84,7 persen dari total peserta.")
    assert ("35.21", "participants", "actual", None, 720000, "exact") in got


def test_below_another_region_is_a_ranking_not_a_threshold():
    got = facts(
        "Kabupaten Banjar menempati peringkat ketiga se-Kalsel dengan capaian UHC 97,8 persen, di bawah Kota Banjarbaru "
        "(99,2 persen) dan Kabupaten Balangan (99,1 persen)."
    )
    assert {(g[0], g[2], g[4]) for g in got} == {("63.03", "actual", 97.8), ("63.72", "actual", 99.2), ("63.11", "actual", 99.1)}


def test_a_target_after_a_sentence_naming_the_topic_without_a_figure():
    got = facts(
        "Cakupan kepesertaan JKN di Kabupaten Banjar terus naik. "
        "Menurut dia, dari target 98 persen pada 2025, Kabupaten Banjar kini mencapai 96,4 persen."
    )
    assert {(g[1], g[2], g[4]) for g in got} == {("uhc_coverage_pct", "target", 98), ("uhc_coverage_pct", "actual", 96.4)}


def test_a_year_that_introduces_the_next_figure_is_that_figures():
    result = extract("Cakupan JKN Kota Pekalongan pada 2022 sebesar 90 persen, 2023 sebesar 93 persen dan 2024 mencapai 96 persen.", "2025-02-11")
    assert [(f.value, f.as_of) for f in result.facts] == [(90, "2022"), (93, "2023"), (96, "2024")]


@pytest.mark.parametrize(
    "text, code",
    [
        ("Pemerintah Kabupaten Sleman, Provinsi DIY menanggung iuran JKN sebanyak 41.200 warga kurang mampu.", "34.04"),
        # before the 2022 split the press located Papua Tengah's regencies in Papua
        ("Pemerintah Kabupaten Nabire, Provinsi Papua, menanggung iuran JKN sebanyak 18.500 warga kurang mampu.", "94.01"),
        # and Kalimantan Utara's in Kalimantan Timur before 2012
        ("Pemerintah Kota Tarakan, Kalimantan Timur, menanggung iuran JKN sebanyak 12.300 warga kurang mampu.", "65.71"),
    ],
)
def test_a_province_that_locates_the_name_before_it_is_no_subject(text, code):
    assert {g[0] for g in facts(text) if g[1] == "participants"} == {code}


def test_a_government_named_between_a_place_and_the_figure_takes_it():
    text = ("Kepala Dinas Kesehatan Provinsi Jambi dalam rapat kabupaten dan kota di Hotel Ratu, Kota Jambi, Selasa, "
            "mengatakan pemprov mengalokasikan anggaran sebesar Rp 96 miliar untuk iuran JKN warga miskin.")
    assert {g[0] for g in facts(text) if g[1] == "contribution_budget_idr"} == {"15"}
    # "Pemko" is the kota's government, as "Pemkot" is
    text = ("Kota Jambi menambah kuota PBI daerah. Provinsi Jambi mendukung langkah itu. "
            "Tahun ini, Pemko mengalokasikan Rp 12 miliar untuk iuran JKN warga miskin.")
    assert {g[0] for g in facts(text) if g[1] == "contribution_budget_idr"} == {"15.71"}


def test_a_province_named_as_a_government_is_no_locator():
    text = "Dalam rapat di Kota Mataram, Pemerintah Provinsi NTB menanggung iuran JKN sebanyak 45.000 warga miskin."
    assert {g[0] for g in facts(text) if g[1] == "participants"} == {"52"}


def test_a_segment_that_begins_with_the_counts_noun_is_that_counts_own():
    text = ("Peserta JKN di Kota Bukittinggi terdiri dari 4.210 Bukan Pekerja, 12.845 Pekerja Bukan Penerima Upah, "
            "dan 20.377 Pekerja Penerima Upah.")
    got = {(g[4], g[3]) for g in facts(text) if g[1] == "participants"}
    assert {(4210, "bp"), (12845, "pbpu"), (20377, "ppu")} <= got


def test_a_share_that_became_active_members_is_keaktifan():
    text = "BPJS Kesehatan mencatat, dari 1,1 juta warga Kabupaten Garut yang terdaftar JKN, 74,2 persen menjadi peserta aktif."
    assert ("32.05", "active_participation_pct", "actual", None, 74.2, "exact") in facts(text)


def test_a_part_of_the_whole_membership_takes_the_segment_named_after_it():
    text = ("Dari jumlah total peserta JKN di Kota Medan, 912.400 jiwa di antaranya merupakan peserta "
            "Penerima Bantuan Iuran yang dibayar APBD.")
    assert {(g[3], g[4]) for g in facts(text) if g[1] == "participants"} == {("pemda", 912400)}


def test_a_list_of_places_names_its_count_noun_once():
    text = ("Rinciannya, di Kabupaten Gowa jumlah penduduk yang terdaftar sebagai peserta JKN sebanyak 745.120 jiwa, "
            "Takalar 301.455, Maros 356.890, dan Kota Parepare 148.302.")
    got = {(g[0], g[3], g[4]) for g in facts(text) if g[1] == "participants"}
    assert got == {("73.06", "total", 745120), ("73.05", "total", 301455), ("73.09", "total", 356890), ("73.72", "total", 148302)}
    # a number after a name that is a share or money is no count of the list
    text = "Di Kabupaten Gowa peserta JKN sebanyak 745.120 jiwa, sedangkan anggaran Takalar 301.455 juta rupiah."
    assert {g[4] for g in facts(text) if g[1] == "participants"} == {745120}


def test_a_list_of_places_takes_its_topic_from_the_sentence_before():
    text = ("Warga tidak mampu yang iuran JKN-nya ditanggung APBD Pemprov Jawa Tengah tersebar di lima daerah. "
            "Terbanyak di Kabupaten Brebes sebanyak 61.250 orang, kemudian Kabupaten Tegal 48.330 orang dan Kota Tegal 9.120 orang.")
    got = {(g[0], g[3], g[4]) for g in facts(text) if g[1] == "participants"}
    assert got == {("33.29", "pemda", 61250), ("33.28", "pemda", 48330), ("33.76", "pemda", 9120)}
    # a list of those not enrolled is none of participants
    text = ("Warga yang belum terdaftar program JKN masih tersebar di lima daerah. "
            "Terbanyak di Kabupaten Brebes sebanyak 61.250 orang, kemudian Kabupaten Tegal 48.330 orang dan Kota Tegal 9.120 orang.")
    assert [g for g in facts(text) if g[1] == "participants"] == []


def test_a_coverage_striven_for_is_a_target():
    assert ("35.78", "uhc_coverage_pct", "target", None, 99, "at_least") in facts(
        "Cakupan kepesertaan JKN di Kota Surabaya diupayakan di atas 99 persen.")


@pytest.mark.parametrize("text", [
    "Untuk iuran JKN warga miskin, Pemkab Karo mengalokasikan anggaran Rp 215.000.000 per bulan.",
    "Alokasi anggaran iuran JKN Pemkab Karo Rp 2,6 miliar setahun, jadi sebulannya sekitar Rp 215 juta.",
])
def test_a_months_share_of_a_budget_is_no_allocation(text):
    assert [g for g in facts(text) if g[1] == "contribution_budget_idr" and g[4] < 1_000_000_000] == []


@pytest.mark.parametrize("text", [
    "Peserta JKN di Kota Kendari 301.400 jiwa atau 88 persen dari total penduduk di daerah tersebut yang sebanyak 342.500 jiwa.",
    "Sudah 97 persen terdaftar JKN dari jumlah penduduk Kota Kendari yang kurang lebih 342.500 jiwa.",
    "Jumlah penduduk di Kota Kendari ini ada sebanyak 342.500 orang, dan peserta JKN 301.400 orang.",
])
def test_the_population_however_worded_is_no_participants(text):
    assert 342500 not in [g[4] for g in facts(text) if g[1] == "participants"]


def test_the_population_that_is_enrolled_is_participants():
    got = facts("Dari total penduduk Kota Kendari yang terdaftar JKN sebanyak 301.400 jiwa.")
    assert 301400 in [g[4] for g in got if g[1] == "participants"]


def test_the_size_of_a_change_in_members_is_no_count_of_them():
    got = facts("Pemkab Klaten menanggung iuran JKN 61.200 jiwa, naik 3.500 jiwa dibanding tahun lalu.")
    assert [g[4] for g in got if g[1] == "participants"] == [61200]


def test_a_headline_above_the_dateline_names_its_own_region():
    text = ("Pemkab Madiun Raih UHC Award, Cakupan JKN Tembus 98,4 Persen\n\n"
            "MADIUN – Pemerintah Kabupaten Madiun menerima penghargaan UHC dari BPJS Kesehatan.")
    assert ("35.19", "uhc_coverage_pct", "actual", None, 98.4, "exact") in facts(text, title="Pemkab Madiun Raih UHC Award, Cakupan JKN Tembus 98,4 Persen")


def test_a_share_of_those_not_enrolled_is_no_coverage_however_near_the_programmes_name():
    text = "Warga Kabupaten Purwakarta yang belum terdaftar Jaminan Kesehatan Nasional (JKN) tercatat 4,6 persen dari total penduduk."
    assert [g for g in facts(text) if g[1] == "uhc_coverage_pct"] == []


def test_the_people_of_the_place_named_right_after_the_figure():
    text = "Kabupaten Semarang mendukung program itu. Sudah 97 Persen Warga Jateng Terdaftar JKN."
    assert ("33", "uhc_coverage_pct", "actual", None, 97, "exact") in facts(text)


def test_the_gap_still_to_go_is_no_level():
    text = "Cakupan JKN Kabupaten Jepara baru 71 persen, untuk mencapai UHC masih dibutuhkan sekitar 24 persen lagi."
    assert [g[4] for g in facts(text) if g[1] == "uhc_coverage_pct"] == [71]


@pytest.mark.parametrize("text", [
    "Pemkot Bogor mewajibkan cakupan UHC di Kota Bogor mencapai 98 persen tahun depan.",
    "Prediksi akhir tahun, cakupan kepesertaan JKN Kota Bogor capai 98 persen.",
])
def test_a_coverage_required_or_predicted_is_a_target(text):
    assert ("32.71", "uhc_coverage_pct", "target", None, 98, "exact") in facts(text)


def test_a_list_led_by_those_made_inactive_is_no_list_of_participants():
    text = ("Peserta PBI JKN yang dinonaktifkan Kemensos di wilayah itu terdiri atas 12.430 jiwa di Kabupaten Sumbawa, "
            "8.210 jiwa di Kabupaten Dompu, dan 6.115 jiwa di Kota Bima.")
    assert [g for g in facts(text) if g[1] == "participants"] == []


def test_arrears_named_far_before_the_amount_are_no_budget():
    text = ("Menurut Dinkes, masih ada tunggakan pembayaran iuran BPJS Kesehatan masyarakat di Kabupaten Belitung Timur "
            "mencapai Rp18 miliar.")
    assert [g for g in facts(text) if g[1] == "contribution_budget_idr"] == []
