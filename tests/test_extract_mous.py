import pytest

from extraction import extract


def mous(text, published="2025-11-28", title=None):
    return [(m.region_code, m.signed_on, m.kind) for m in extract(text, published, title).mous]


def test_renewal_with_date_in_sentence():
    text = "Pemerintah Kota Bontang memperpanjang kerja sama dengan BPJS Kesehatan lewat penandatanganan MoU, Jumat (28/11/2025)."
    assert mous(text) == [("64.74", "2025-11-28", "renewal")]


def test_new_agreement_date_in_following_sentence():
    text = (
        "BPJS Kesehatan dan Pemkab Sigi menjalin perjanjian kerja sama UHC. "
        "Penandatanganan dilakukan bupati di kantor bupati. Senin, 3 Februari 2020."
    )
    assert mous(text, "2020-02-04") == [("72.10", "2020-02-03", "new")]


def test_pks_and_nota_kesepakatan():
    assert mous("Pemkab Semarang dan BPJS Kesehatan menandatangani PKS jaminan kesehatan, Selasa (14/3/2023).", "2023-03-15") == [
        ("33.22", "2023-03-14", "new")
    ]
    assert mous("Pemkot Kupang meneken nota kesepakatan dengan BPJS Kesehatan pada 2 Mei 2024.", "2024-05-03") == [
        ("53.71", "2024-05-02", "new")
    ]


def test_signing_yesterday():
    text = "Pemkot Mataram dan BPJS Kesehatan meneken perjanjian kerja sama penjaminan warga, kemarin."
    assert mous(text, "2025-06-11") == [("52.71", "2025-06-10", "new")]


def test_meeting_is_not_an_agreement():
    text = "Pemkab Lombok Timur menggelar rapat koordinasi bersama BPJS Kesehatan Cabang Selong, Selasa (18/3/2025)."
    assert mous(text, "2025-03-18") == []


def test_mention_of_past_agreement_is_not_a_new_signing():
    text = "Kerja sama Pemkot Bontang dengan BPJS Kesehatan sudah berjalan sejak 14 Desember 2020. Wali kota meresmikan puskesmas."
    assert mous(text) == []


def test_planned_agreement_is_not_a_signing():
    assert mous("Pemkab Malang akan menandatangani MoU dengan BPJS Kesehatan bulan depan.") == []


def test_ketenagakerjaan_mou_is_not_counted():
    assert mous("BPJS Ketenagakerjaan dan Pemkab Lombok Barat menandatangani MoU, Senin (8/9/2025).", "2025-09-09") == []


def test_one_signing_for_several_regions():
    text = "BPJS Kesehatan menandatangani perjanjian kerja sama dengan Pemkab Berau dan Pemkab Paser, Rabu (5/6/2024)."
    assert sorted(mous(text, "2024-06-06")) == [("64.01", "2024-06-05", "new"), ("64.03", "2024-06-05", "new")]


def test_the_place_of_signing_is_not_a_party():
    text = (
        "PONTIANAK - Wali Kota Singkawang, Bupati Sambas dan Bupati Landak menandatangani nota kesepakatan dengan "
        "BPJS Kesehatan di Pontianak, Rabu (14/2/2024)."
    )
    assert sorted(mous(text, "2024-02-15")) == [("61.01", "2024-02-14", "new"), ("61.08", "2024-02-14", "new"), ("61.72", "2024-02-14", "new")]


def test_a_venue_that_is_also_the_party_still_signs():
    text = "Pemkot Pontianak dan BPJS Kesehatan menandatangani perjanjian kerja sama di Pontianak, Rabu (14/2/2024)."
    assert mous(text, "2024-02-15") == [("61.71", "2024-02-14", "new")]


@pytest.mark.parametrize(
    "text",
    [
        "Penandatanganan perjanjian kerja sama UHC antara Pemkab Nagan Raya dan BPJS Kesehatan yang dijadwalkan pekan depan terpaksa ditunda.",
        "Penandatanganan PKS antara Pemkab Nagan Raya dan BPJS Kesehatan dijadwalkan pada Senin (16/12/2024).",
        "Pemkab Nagan Raya batal meneken MoU dengan BPJS Kesehatan, Selasa (10/12/2024).",
    ],
)
def test_put_off_or_planned_signings_are_not_mous(text):
    assert mous(text, "2024-12-10") == []


def test_an_agreement_that_will_run_for_years_was_still_signed():
    text = "Pemkab Nagan Raya menandatangani PKS dengan BPJS Kesehatan yang akan berlaku hingga 2027, Selasa (10/12/2024)."
    assert mous(text, "2024-12-11") == [("11.15", "2024-12-10", "new")]


@pytest.mark.parametrize(
    "text",
    [
        "RSUD Sleman kembali menandatangani perjanjian kerja sama dengan BPJS Kesehatan untuk melayani pasien JKN, Senin (8/1/2024).",
        "Polres Bima Kota menandatangani perjanjian kerja sama dengan BPJS Kesehatan, Kamis (7/3/2024).",
        "BPJS Kesehatan dan Kejari Muna menandatangani nota kesepakatan bidang perdata, Selasa (10/9/2024).",
    ],
)
def test_contracts_of_hospitals_police_and_prosecutors_are_not_government_mous(text):
    assert mous(text, "2024-09-11") == []


def test_signing_date_given_by_weekday_in_the_next_sentence():
    text = (
        "Wali Kota Sabang dan BPJS Kesehatan melakukan perpanjangan perjanjian kerja sama penyelenggaraan JKN. "
        "Penandatanganan berlangsung di Aula Kantor Wali Kota, Rabu."
    )
    assert mous(text, "2024-01-11") == [("11.72", "2024-01-10", "renewal")]
