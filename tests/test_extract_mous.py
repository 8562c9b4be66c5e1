import pytest

from extraction import extract as _extract
from extraction.decider import RULES_ONLY


def extract(text, published=None, title=None):
    """The rules' own reading: these tests pin down the candidate generator, not the trained decider."""
    return _extract(text, published, title, decider=RULES_ONLY)


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


def details(text, published="2025-11-28", title=None):
    return extract(text, published, title).mous


def test_a_governor_signing_with_regents_attending_is_only_the_province():
    text = (
        "Gubernur Lampung menandatangani nota kesepakatan dengan BPJS Kesehatan tentang percepatan UHC, Kamis (9/3/2023), "
        "disaksikan Bupati Tanggamus dan Bupati Pesawaran. Wali Kota Metro turut hadir dalam penandatanganan tersebut."
    )
    assert mous(text, "2023-03-10") == [("18", "2023-03-09", "new")]


def test_several_regents_signing_together_each_sign_one_agreement():
    text = (
        "Bupati Gianyar, Bupati Tabanan dan Bupati Buleleng masing-masing meneken PKS dengan BPJS Kesehatan Cabang Denpasar "
        "di Hotel Inna, Denpasar, Senin (4/3/2024)."
    )
    assert sorted(mous(text, "2024-03-05")) == [("51.02", "2024-03-04", "new"), ("51.04", "2024-03-04", "new"), ("51.08", "2024-03-04", "new")]


@pytest.mark.parametrize(
    "text",
    [
        "Pemkab Lahat dan BPJS Kesehatan membahas draf perjanjian kerja sama UHC, Rabu (5/6/2024).",
        "Pemkab Lahat berencana menandatangani MoU dengan BPJS Kesehatan setelah APBD perubahan disahkan.",
        "Agar bisa menjalin kerja sama UHC dengan BPJS Kesehatan, Pemkab Lahat harus mendaftarkan hampir semua warganya.",
        "Pemkab Lahat belum menandatangani perjanjian kerja sama dengan BPJS Kesehatan tahun ini.",
        "Pemkab Lahat menggelar rapat bersama BPJS Kesehatan membahas perpanjangan PKS yang berakhir bulan depan.",
        "PKS UHC antara Pemkab Lahat dan BPJS Kesehatan akan diperpanjang setelah kedua pihak menyepakati besaran anggaran.",
    ],
)
def test_drafts_plans_conditions_and_meetings_are_not_signings(text):
    assert mous(text, "2024-06-06") == []


def test_an_agreement_is_not_the_pks_party():
    text = "Caleg PKS Kota Dumai menyebut banyak warga belum terdaftar sebagai peserta BPJS Kesehatan, Selasa (5/4/2022)."
    assert mous(text, "2022-04-06") == []


def test_a_hospital_agreement_witnessed_by_the_regent_is_not_the_governments():
    text = "Bupati Sintang menyaksikan penandatanganan perjanjian kerja sama antara RSUD Ade M Djoen dan BPJS Kesehatan, Senin (8/1/2024)."
    assert mous(text, "2024-01-09") == []


def test_another_bodys_agreement_in_a_bpjs_article_is_not_an_mou():
    text = (
        "BPJS Kesehatan Cabang Pekanbaru mendata warga yang belum terdaftar. "
        "Baca juga: Pemprov Riau dan Kejati Teken MoU Pendampingan Hukum. "
        "Pemprov Riau dan Kejati Riau menandatangani MoU pendampingan hukum, Senin (7/8/2023)."
    )
    assert mous(text, "2023-08-09") == []


def test_an_undated_signing_is_kept_without_a_date():
    (m,) = details("Pemerintah Kabupaten Siak resmi menandatangani nota kesepahaman dengan BPJS Kesehatan tentang program UHC.")
    assert (m.region_code, m.signed_on, m.confidence) == ("14.08", None, "high")
    assert "date:none" in m.decided_by and "region:government_title" in m.decided_by


def test_day_and_month_take_the_year_of_publication_even_across_new_year():
    text = "Pemkab Tanggamus dan BPJS Kesehatan meneken perjanjian kerja sama penjaminan warga, Kamis (28/12)."
    assert mous(text, "2024-01-02") == [("18.06", "2023-12-28", "new")]


def test_weekday_and_day_month_without_publication_date_take_the_article_year_that_fits():
    text = (
        "Pemkab Buru dan BPJS Kesehatan menandatangani perjanjian kerja sama pelunasan tunggakan iuran, Selasa (11/3). "
        "Kepesertaan warga diaktifkan kembali mulai 1 April 2025."
    )
    # 11 March was a Tuesday in 2025, not in 2024
    assert mous(text, None) == [("81.04", "2025-03-11", "new")]


def test_last_week_is_the_month_of_the_week_before_publication():
    text = "Pemerintah Kota Prabumulih telah menandatangani MoU dengan BPJS Kesehatan tentang UHC, pekan lalu."
    assert mous(text, "2019-07-22") == [("16.74", "2019-07", "new")]


def test_venue_dateline_and_branch_city_are_not_parties():
    text = (
        "AMBON – Pemkab Seram Bagian Barat dan BPJS Kesehatan cabang Ambon menandatangani MoU jaminan kesehatan warga "
        "di Hotel Santika, Ambon, Rabu (6/3/2024)."
    )
    assert mous(text, "2024-03-07") == [("81.06", "2024-03-06", "new")]


def test_regional_office_listing_provinces_is_not_a_party():
    text = (
        "Dinas Kesehatan Provinsi Kalimantan Utara dan BPJS Kesehatan Wilayah Kaltim, Kalsel, Kalteng dan Kaltara "
        "menandatangani perjanjian kerja sama kepesertaan, Selasa (12/3/2019)."
    )
    assert mous(text, "2019-03-13") == [("65", "2019-03-12", "new")]


def test_province_named_after_a_regency_is_where_it_lies():
    text = "Pemerintah Kabupaten Pohuwato, Gorontalo, menandatangani perjanjian kerja sama dengan BPJS Kesehatan, Jumat (5/7/2024)."
    assert mous(text, "2024-07-06") == [("75.04", "2024-07-05", "new")]


def test_quoted_praise_and_award_recipient_are_not_parties():
    text = (
        '"Kami bangga pada Pemkab Boalemo," kata Kepala BPJS Kesehatan Cabang Gorontalo saat penandatanganan nota kesepakatan '
        "antara Gubernur Gorontalo dan BPJS Kesehatan sekaligus penyerahan penghargaan kepada Pemkab Pohuwato, Senin (2/12/2024)."
    )
    assert mous(text, "2024-12-03") == [("75", "2024-12-02", "new")]


def test_the_signing_date_is_not_the_programme_year_or_a_deadline():
    text = (
        "Pemerintah Aceh kembali melakukan penandatanganan MoU dengan BPJS Kesehatan tentang program JKA tahun 2021. "
        "Penandatanganan dilakukan Gubernur Aceh di Banda Aceh, Rabu (30/12/2020)."
    )
    assert mous(text, "2020-12-31") == [("11", "2020-12-30", "renewal")]
    text = "Pemkot Dumai menandatangani PKS dengan BPJS Kesehatan agar cakupan mencapai 98 persen sebelum 1 Januari 2020, pekan lalu."
    assert mous(text, "2019-10-16") == [("14.72", "2019-10", "new")]


def test_a_weekday_date_of_the_speech_before_dates_the_signing_reported_after_it():
    text = (
        '"Semua warga harus terlindungi," ujar Bupati Nunukan, Kamis (4/4/2019). '
        "Selain menyerahkan kartu, bupati juga meresmikan kepesertaan warga dengan ditandatanganinya perjanjian bersama BPJS Kesehatan oleh Pemkab Nunukan."
    )
    assert mous(text, "2019-04-05") == [("65.03", "2019-04-04", "new")]


def test_a_planned_extension_does_not_make_a_new_agreement_a_renewal():
    text = (
        "Pemkab Bengkalis dan BPJS Kesehatan meneken MoU penjaminan warga miskin, Senin (6/1/2025). "
        "Kerja sama ini rencananya akan diperpanjang pada tahun depan."
    )
    assert mous(text, "2025-01-07") == [("14.03", "2025-01-06", "new")]


def test_a_signing_that_names_no_government_borrows_the_article_region_for_review():
    text = (
        "Cakupan JKN di Kabupaten Ogan Ilir terus naik. Kabupaten Ogan Ilir kini menanggung iuran ribuan warga. "
        "Penandatanganan MoU dengan BPJS Kesehatan berlangsung di aula, Jumat (7/6/2024)."
    )
    (m,) = details(text, "2024-06-08")
    assert m.region_code == "16.10" and m.confidence == "review" and m.review_reason


def test_working_together_alone_is_for_review_until_a_signing_confirms_it():
    (m,) = details("Pemkab Tanah Laut telah lama menjalin kerja sama dengan BPJS Kesehatan dalam menjamin warga miskin.")
    assert m.region_code == "63.01" and m.confidence == "review"
    text = (
        "Pemkab Tanah Laut memperpanjang kerja sama dengan BPJS Kesehatan. "
        "Perpanjangan ditandai dengan ditanda tanganinya adendum perjanjian kerja sama pada Kamis (3/6)."
    )
    (m,) = details(text, "2021-06-04")
    assert (m.region_code, m.signed_on, m.kind, m.confidence) == ("63.01", "2021-06-03", "renewal", "high")


def test_the_end_of_the_old_agreement_is_not_the_signing_date():
    text = "Pemkab Kampar melakukan adendum perjanjian kerja sama dengan BPJS Kesehatan karena perjanjian lama berakhir pada 30 Juni 2021."
    assert mous(text, "2021-06-25") == [("14.01", None, "renewal")]


def test_a_mistyped_year_keeps_the_day_and_month():
    text = "Pemkab Sukoharjo dan BPJS Kesehatan meneken nota kesepakatan penjaminan warga, Kamis (6/7/20233)."
    assert mous(text, "2023-07-07") == [("33.11", "2023-07-06", "new")]


def test_governments_across_a_province_sign_among_themselves_without_bpjs_only_for_review():
    text = (
        "Pemerintah Provinsi bersama pemerintah kabupaten dan kota se Provinsi Bengkulu menandatangani PKS sharing "
        "pembiayaan iuran di Hotel Mercure Kota Bengkulu, Selasa (15/3/2022). Program JKN menjadi prioritas daerah."
    )
    assert all(m.confidence == "review" for m in details(text, "2022-03-16"))


def test_a_hospitals_mou_hosted_by_the_governor_is_not_his_but_his_own_at_the_same_event_is():
    text = (
        "Gubernur Bengkulu menghadiri penandatanganan MoU antara BPJS Kesehatan dengan Rumah Sakit Raflesia, Senin (3/11/2025). "
        "Gubernur menyambut baik penandatanganan MoU tersebut. "
        "Di saat bersamaan, Gubernur Helmi juga menandatangani MoU UHC tahun 2026 dengan BPJS Kesehatan."
    )
    assert mous(text, "2025-11-04") == [("17", "2025-11-03", "new")]


def test_an_agreement_between_both_after_a_hospital_is_named_is_the_hospitals():
    text = (
        "RSUD Kepahiang kembali bekerja sama dengan BPJS Kesehatan. "
        "Hal itu ditandai dengan penandatanganan MoU antara keduanya, Rabu (5/3/2025). "
        '"Kami bersyukur dengan penandatanganan perjanjian ini," kata Bupati Kepahiang.'
    )
    assert mous(text, "2025-03-06") == []


def test_the_province_unnamed_in_the_signing_is_the_province_of_the_article():
    text = (
        "Warga Kabupaten Majene yang kurang mampu tetap terjamin tahun depan. "
        "Hal itu ditandai penandatanganan nota kesepakatan yang dilakukan BPJS Kesehatan bersama Pemerintah Provinsi, Senin (1/12/2025)."
    )
    assert mous(text, "2025-12-02") == [("76", "2025-12-01", "new")]


def test_a_signing_only_in_the_headline_is_for_review():
    text = "Pemkab Ogan Ilir Teken MoU dengan BPJS Kesehatan\nWarga miskin diminta segera mengurus kartu di kantor desa."
    (m,) = details(text, "2024-06-08")
    assert m.region_code == "16.10" and m.confidence == "review"


def test_an_earlier_agreement_counts_only_for_a_government_with_no_other_signing():
    text = (
        "Pemkot Jambi dan BPJS Kesehatan meneken MoU UHC, Senin (3/2/2020). "
        "Sebelumnya, Pemkab Muaro Jambi juga telah meneken MoU serupa pada 2019. "
        "Kerja sama pertama Pemkot Jambi dengan BPJS Kesehatan diteken pada 2016 lalu."
    )
    assert sorted(mous(text, "2020-02-04")) == [("15.05", "2019", "new"), ("15.71", "2020-02-03", "new")]


def test_a_signing_reported_weeks_later_keeps_its_date():
    assert mous("Pemkab Sumenep telah menandatangani PKS dengan BPJS Kesehatan pada 10 Januari 2024 lalu.", "2024-03-20") == [
        ("35.29", "2024-01-10", "new")
    ]
    assert mous("Pemkab Sumenep dan BPJS Kesehatan meneken PKS, Selasa (19/3/2024) lalu.", "2024-03-21") == [("35.29", "2024-03-19", "new")]


@pytest.mark.parametrize(
    "text",
    [
        "Pemkab Sragen menargetkan penandatanganan PKS dengan BPJS Kesehatan rampung pekan depan.",
        "Pemkab Sragen masih menunggu tanda tangan bupati untuk PKS dengan BPJS Kesehatan.",
        "Penandatanganan MoU antara Pemkab Sragen dan BPJS Kesehatan baru bisa dilakukan bulan depan.",
    ],
)
def test_targets_and_waiting_are_not_signings(text):
    assert mous(text, "2024-03-20") == []


def test_a_governor_watching_a_city_sign_is_not_a_party():
    text = "Gubernur Jawa Barat menyaksikan penandatanganan MoU antara Pemkot Bandung dan BPJS Kesehatan, Jumat (1/3/2024)."
    assert mous(text, "2024-03-02") == [("32.73", "2024-03-01", "new")]


def test_a_province_and_its_capital_signing_together_are_two_agreements():
    text = "Pemprov Jatim dan Pemkot Surabaya bersama BPJS Kesehatan meneken kesepakatan bersama, Jumat (1/3/2024)."
    assert sorted(mous(text, "2024-03-02")) == [("35", "2024-03-01", "new"), ("35.78", "2024-03-01", "new")]


def test_a_signing_of_an_agreement_that_will_run_for_years_is_done():
    text = "Penandatanganan PKS dengan BPJS Kesehatan yang akan berlaku tiga tahun itu dilakukan Bupati Wonogiri, Senin (6/1/2025)."
    assert mous(text, "2025-01-07") == [("33.12", "2025-01-06", "new")]


def test_regencies_listed_after_yakni_each_sign():
    text = (
        "BPJS Kesehatan Cabang Kupang menandatangani PKS dengan empat kabupaten, yakni Kabupaten Kupang, "
        "Timor Tengah Selatan, Belu dan Malaka, Jumat (1/3/2024)."
    )
    assert sorted(c for c, _, _ in mous(text, "2024-03-02")) == ["53.01", "53.02", "53.04", "53.21"]


def test_agreeing_to_sign_is_not_signing():
    assert mous("Pemkab Kutai Timur dan BPJS Kesehatan telah sepakat menandatangani MoU UHC.", "2024-03-02") == []


def test_regents_who_sign_their_own_pks_at_the_governors_signing_are_parties():
    text = (
        "Gubernur Sulteng dan BPJS Kesehatan menandatangani MoU, Jumat (1/3/2024). "
        "Penandatanganan itu juga diikuti Bupati Sigi dan Wali Kota Palu yang meneken PKS masing-masing."
    )
    assert sorted(c for c, _, _ in mous(text, "2024-03-02")) == ["72", "72.10", "72.71"]


def test_a_weekday_followed_by_lalu_is_the_last_such_day_before_publication():
    text = "Pemkab Jepara dan BPJS Kesehatan menandatangani perjanjian kerja sama UHC, Kamis lalu."
    assert mous(text, "2024-05-13") == [("33.20", "2024-05-09", "new")]


def test_an_agreement_signed_every_year_is_a_renewal():
    text = "Pemprov Bali dan BPJS Kesehatan menandatangani kesepakatan bersama, Senin (6/1/2025). Kesepakatan ini diteken setiap tahun."
    assert mous(text, "2025-01-07") == [("51", "2025-01-06", "renewal")]


def test_signers_named_after_a_lead_that_dates_the_event_take_its_date():
    text = (
        "Gubernur Riau, Kamis (12/12), menyaksikan penandatanganan integrasi Jamkesda ke program JKN. "
        "Naskah perjanjian diteken Kepala BPJS Kesehatan Cabang Pekanbaru bersama Wali Kota Dumai dan Sekretaris Kabupaten Siak."
    )
    assert sorted(mous(text, "2019-12-14")) == [("14.08", "2019-12-12", "new"), ("14.72", "2019-12-12", "new")]


def test_a_governor_speaking_at_a_signing_is_not_its_party():
    text = (
        '"Anggaran iuran harus disiapkan," kata Gubernur saat penandatanganan kerja sama UHC dengan BPJS Kesehatan di Kota Jambi, Senin (4/11). '
        "Cakupan provinsi naik seiring tercapainya MoU UHC dengan Pemkab Kerinci dan Merangin pada acara tersebut."
    )
    assert sorted(mous(text, "2024-11-05")) == [("15.01", "2024-11-04", "new"), ("15.02", "2024-11-04", "new")]


def test_an_abbreviation_after_a_bpjs_regional_office_is_that_office():
    text = (
        '"Warga sudah terlindungi," kata Deputi Direksi BPJS Kesehatan Wilayah Sumatera Barat dan Riau (Sumbar Riau) '
        "saat penandatanganan PKS dengan Pemkab Pesisir Selatan, Rabu (6/3/2024)."
    )
    assert mous(text, "2024-03-07") == [("13.01", "2024-03-06", "new")]


def test_a_speech_at_an_earlier_signing_names_no_party():
    text = (
        "Sebelumnya Gubernur Papua dalam sambutannya pada penandatanganan MoU integrasi Jamkesda dengan BPJS Kesehatan "
        "di Jayapura, baru-baru ini, meminta bupati tidak menunda."
    )
    assert mous(text, "2017-03-15") == []


def test_a_dateline_with_the_outlet_in_brackets_is_not_a_party():
    text = (
        "Judul berita\nSubjudul\nPalu,  (Kabar Sulteng) - Sebanyak lima daerah di Provinsi Sulawesi Tengah menandatangani "
        "perjanjian kerja sama dengan BPJS Kesehatan."
    )
    assert all(m.confidence == "review" for m in details(text, "2018-12-27"))


def test_both_parties_named_in_the_sentence_before_and_a_headline_confirmed_by_the_body():
    text = (
        "BPJS Kesehatan Jalin MoU dengan Pemkab Jepara\n"
        "BPJS Kesehatan bersama Pemerintah Kabupaten Jepara terus berupaya memperluas layanan bagi warga. "
        "Salah satunya lewat penandatanganan kerja sama program UHC antara kedua belah pihak, Kamis (4/4/2019)."
    )
    (m,) = details(text, "2019-04-05")
    assert (m.region_code, m.signed_on, m.confidence) == ("33.20", "2019-04-04", "high")


@pytest.mark.parametrize(
    "text",
    [
        "Sejak penandatanganan MoU UHC dengan BPJS Kesehatan pada 2019, cakupan kepesertaan di Kota Blitar terus naik.",
        "Berdasarkan PKS antara Pemkab Blitar dan BPJS Kesehatan, iuran warga miskin dibayar pemkab.",
        "Pemkab Blitar menolak menandatangani perpanjangan PKS dengan BPJS Kesehatan karena anggaran terbatas.",
        "Pemkab Blitar mengakhiri kerja sama dengan BPJS Kesehatan, Jumat (1/3/2024).",
    ],
)
def test_references_refusals_and_endings_are_not_signings(text):
    assert mous(text, "2024-03-03") == []


def test_bpjs_speaking_of_its_own_signings_names_no_government():
    text = (
        "Kepala BPJS Kesehatan Cabang Kediri mengatakan, pihaknya telah menandatangani PKS dengan sepuluh kabupaten/kota "
        "di wilayah kerjanya. Cakupan di Kabupaten Blitar mencapai 97 persen."
    )
    assert all(m.confidence == "review" for m in details(text, "2024-03-03"))


def test_last_year_dates_the_signing_to_the_year_before_publication():
    text = "Tahun lalu Pemkab Blitar dan BPJS Kesehatan menandatangani perjanjian kerja sama UHC."
    assert mous(text, "2024-03-03") == [("35.05", "2023", "new")]


@pytest.mark.parametrize(
    ("text", "signed_on"),
    [
        ("Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC, Senin 3/2.", "2020-02-03"),
        ("Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC pada 3 Februari lalu.", "2020-02-03"),
    ],
)
def test_day_and_month_written_loosely_take_the_publication_year(text, signed_on):
    assert mous(text, "2020-02-10") == [("61.01", signed_on, "new")]


def test_the_day_an_agreement_takes_effect_is_not_its_signing():
    text = "Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC yang berlaku pada 1 Maret."
    assert mous(text, "2020-02-10") == [("61.01", None, "new")]


def test_a_lead_without_a_full_stop_is_not_taken_for_the_headline_when_the_title_is_known():
    text = "SAMBAS - Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC, Senin (3/2/2020)\nWarga diminta mengurus kartu."
    (m,) = details(text, "2020-02-04", title="Sambas Teken PKS UHC")
    assert (m.region_code, m.confidence) == ("61.01", "high")


def test_an_unnamed_title_confirms_the_main_region_only_when_its_type_fits():
    lead = "Cakupan JKN di Kabupaten Bangli terus naik. Kabupaten Bangli menanggung iuran ribuan warga. "
    (m,) = details(lead + "Penandatanganan MoU dengan BPJS Kesehatan dilakukan bupati, Jumat (7/6/2024).", "2024-06-08")
    assert (m.region_code, m.confidence) == ("51.06", "high")
    (m,) = details(lead + "Penandatanganan MoU dengan BPJS Kesehatan dilakukan wali kota, Jumat (7/6/2024).", "2024-06-08")
    assert (m.region_code, m.confidence) == ("51.06", "review")


def test_a_signing_described_next_as_a_yearly_routine_is_a_renewal():
    text = (
        "Pemprov Bengkulu dan BPJS Kesehatan menandatangani kesepakatan bersama, Senin (6/1/2025). "
        "Kepala BPJS Kesehatan menyebut kegiatan ini program rutin yang dilaksanakan setiap tahun."
    )
    assert mous(text, "2025-01-07") == [("17", "2025-01-06", "renewal")]


def test_a_titled_name_before_a_dash_is_not_a_dateline():
    text = "Bupati Sigi – yang baru dilantik – menandatangani MoU dengan BPJS Kesehatan, Senin (3/2/2025)."
    assert mous(text, "2025-02-04") == [("72.10", "2025-02-03", "new")]


@pytest.mark.parametrize(
    "text",
    [
        "Gubernur Kalbar bersama Bupati Sambas dan Wali Kota Singkawang menyaksikan penandatanganan MoU antara Pemprov Kalbar dan BPJS Kesehatan, Selasa (3/2/2025).",
        "Bupati Sambas, Bupati Landak dan Wali Kota Singkawang hadir dalam penandatanganan MoU antara Gubernur Kalbar dan BPJS Kesehatan, Selasa (3/2/2025).",
        "MoU dengan BPJS Kesehatan ditandatangani Gubernur Kalbar dan disaksikan oleh Bupati Sambas, Selasa (3/2/2025).",
        "Gubernur Kalbar didampingi Bupati Sambas menandatangani MoU dengan BPJS Kesehatan, Selasa (3/2/2025).",
        "Gubernur Kalbar dan para bupati se-Kalbar menandatangani MoU dengan BPJS Kesehatan, Selasa (3/2/2025).",
    ],
)
def test_regents_who_accompany_watch_or_attend_the_governors_signing_are_not_parties(text):
    assert mous(text, "2025-02-04") == [("61", "2025-02-03", "new")]


def test_a_council_or_a_vertical_office_named_after_a_region_is_not_its_government():
    text = "DPRD Kota Binjai dan BPJS Kesehatan menandatangani nota kesepahaman sosialisasi JKN, Selasa (4/6/2024)."
    assert all(m.confidence == "review" for m in details(text, "2024-06-05"))
    text = "Kantor Kementerian Agama Kabupaten Langkat menandatangani PKS dengan BPJS Kesehatan, Selasa (4/6/2024)."
    assert all(m.confidence == "review" for m in details(text, "2024-06-05"))


def test_a_day_and_month_followed_by_lalu_is_that_day():
    text = "Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC 28 Januari lalu."
    assert mous(text, "2020-02-10") == [("61.01", "2020-01-28", "new")]
    assert mous("Pemkab Sambas dan BPJS Kesehatan menandatangani PKS UHC pada 5 Mei.", "2020-05-06") == [("61.01", "2020-05-05", "new")]


def test_a_bare_bpjs_in_a_story_about_bpjs_ketenagakerjaan_is_that_agency():
    text = (
        "Pemkab Kotabaru teken MoU dengan BPJS Ketenagakerjaan untuk melindungi pekerja rentan. "
        "MoU dengan BPJS tersebut ditandatangani Bupati Kotabaru, Rabu (5/2/2025)."
    )
    assert mous(text, "2025-02-06") == []


def test_tanda_tangan_as_a_verb_signs():
    text = "Gubernur Kalsel dan BPJS Kesehatan tanda tangan MoU jaminan kesehatan daerah yang dihadiri para bupati, Rabu (5/2/2025)."
    assert mous(text, "2025-02-06") == [("63", "2025-02-05", "new")]


def test_a_plan_to_renew_every_year_leaves_the_first_signing_new():
    text = (
        "Bupati Kepulauan Sangihe meneken MoU dengan BPJS Kesehatan Cabang Manado pada Senin (1/3/2021) di Tahuna. "
        "Menurut bupati, kerja sama ini akan diperpanjang setiap tahun."
    )
    assert mous(text, "2021-03-03") == [("71.03", "2021-03-01", "new")]


def test_last_december_is_the_month_not_yesterday():
    text = "Kepala BPJS Kesehatan Cabang Sorong mengatakan, pada bulan Desember kemarin Pemkot Sorong sudah menandatangani MoU pendaftaran seluruh warganya."
    assert mous(text, "2022-01-12") == [("96.71", "2021-12", "new")]


def test_a_signing_that_continues_the_meeting_of_the_lead_takes_its_day():
    text = (
        "Tondano, Warta Sehat – BPJS Kesehatan Cabang Manado menggelar pertemuan pembahasan UHC dengan Pemkab Minahasa (14/2). "
        "Pertemuan tersebut diakhiri dengan penandatanganan Kesepakatan Bersama antara Bupati Minahasa dan BPJS Kesehatan."
    )
    assert mous(text, "2023-03-02") == [("71.02", "2023-02-14", "new")]


def test_the_weekday_dated_day_is_the_signing_not_the_datelines():
    text = ("Kupang (9/3) – Pemkab Sumba Timur menandatangani perjanjian kerja sama UHC dengan BPJS Kesehatan, "
            "Rabu (8/3) di Kupang.")
    assert mous(text, "2023-03-09") == [("53.11", "2023-03-08", "new")]
    # without a weekday on either, the first date stays
    assert mous("Kupang (9/3) – Pemkab Sumba Timur menandatangani perjanjian kerja sama UHC dengan BPJS Kesehatan (8/3).",
                "2023-03-09") == [("53.11", "2023-03-09", "new")]


def test_today_in_a_speech_is_the_day_the_story_dated_just_before():
    text = (
        "Program berobat gratis bagi warga Alor berlanjut lewat acara di aula kantor bupati, Selasa (10/6/2025). "
        "Bupati Alor mengatakan, hari ini penandatanganan MoU antara Pemkab Alor dan BPJS Kesehatan menjadi hari yang dinanti warga."
    )
    assert {m[1] for m in mous(text, "2025-06-11")} == {"2025-06-10"}
