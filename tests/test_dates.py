from datetime import date

import pytest

from extraction.dates import find_dates, parse_published

PUB = date(2025, 11, 28)


@pytest.mark.parametrize(
    "sentence, published, expected",
    [
        ("di Pendopo, Jumat (28/11/2025).", PUB, "2025-11-28"),
        ("pada Kamis, 23 November 2017.", PUB, "2017-11-23"),
        ("katanya, Rabu (19/11).", date(2025, 11, 19), "2025-11-19"),
        ("rapat Selasa (30/12).", date(2026, 1, 3), "2025-12-30"),
        ("mencapai 98 persen pada Desember 2017", PUB, "2017-12"),
        ("awal 2018 bisa mencapai 100 persen", PUB, "2018"),
        ("naik dari 87 persen pada tahun sebelumnya", PUB, "2024"),
        ("dibanding tahun lalu", date(2023, 3, 1), "2022"),
        ("Per November 2025, BPJS mencatat", PUB, "2025-11"),
        ("sejak 14 Desember 2020", PUB, "2020-12-14"),
        ("tahun ini", PUB, "2025"),
        ("diteken kemarin di balai kota", PUB, "2025-11-27"),
        ("tahun kemarin", PUB, "2024"),
    ],
)
def test_find_dates(sentence, published, expected):
    assert find_dates(sentence, published)[0].value == expected


def test_day_month_without_publication_date_is_dropped():
    assert find_dates("Rabu (19/11)", None) == []


def test_parse_published():
    assert parse_published("2025-11-28T10:00:00+07:00") == PUB
    assert parse_published("kemarin") is None
    assert parse_published(None) is None


@pytest.mark.parametrize(
    "text, value",
    [
        ("hingga triwulan III 2024", "2024-09"),
        ("pada semester I 2025", "2025-06"),
        ("per Oktober", "2024-10"),
        ("Oktober lalu", "2024-10"),
        ("pada Juni", "2025-06"),
        ("bulan Agustus ini", "2025-08"),
        ("Nop 2024", "2024-11"),
    ],
)
def test_periods_and_months_without_a_year(text, value):
    assert [d.value for d in find_dates(text, date(2025, 6, 1))] == [value]


@pytest.mark.parametrize(
    "text, value",
    [
        ("kata dia di Mataram, Kamis.", "2024-01-11"),  # the publication day itself
        ("Penandatanganan berlangsung di Aula Kantor Wali Kota, Rabu.", "2024-01-10"),
        ("acara digelar Sabtu pagi", "2024-01-06"),
    ],
)
def test_weekday_alone_is_the_latest_such_day(text, value):
    assert [d.value for d in find_dates(text, date(2024, 1, 11))] == [value]


def test_weekday_words_that_are_not_a_date():
    assert find_dates("Minggu lalu ia datang, dan Senin depan kembali.", date(2024, 1, 11)) == []
