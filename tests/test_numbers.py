import pytest

from extraction.numbers import find_quantities, parse_numeral


@pytest.mark.parametrize(
    "token, value",
    [("100,11", 100.11), ("93,28", 93.28), ("54.000", 54000), ("262.865.343", 262865343), ("202.753", 202753),
     ("1,5", 1.5), ("98.5", 98.5), ("12", 12), ("1,234,567", 1234567)],
)
def test_parse_numeral(token, value):
    assert parse_numeral(token) == pytest.approx(value)


def test_parse_numeral_rejects_garbage():
    with pytest.raises(ValueError):
        parse_numeral("12a")


@pytest.mark.parametrize(
    "sentence, unit, value, qualifier",
    [
        ("Capaian UHC mencapai 100,11 persen.", "percent", 100.11, "exact"),
        ("iuran 135 ribu lebih warga ditanggung", "count", 135_000, "at_least"),
        ("sebanyak 2.000-an jiwa didaftarkan", "count", 2000, "approx"),
        ("12 ribuan peserta PBI", "count", 12_000, "approx"),
        ("keaktifan 93,28% tercatat", "percent", 93.28, "exact"),
        ("telah mencapai lebih dari 98% penduduk", "percent", 98, "at_least"),
        ("cakupan di atas 95 persen", "percent", 95, "at_least"),
        ("sekitar 86 persen", "percent", 86, "approx"),
        ("hampir 90 persen", "percent", 90, "approx"),
        ("Pemkot menyiapkan Rp24,4 miliar untuk iuran", "rupiah", 24_400_000_000, "exact"),
        ("anggaran Rp 24 Milyar", "rupiah", 24_000_000_000, "exact"),
        ("sebesar Rp1,2 triliun", "rupiah", 1_200_000_000_000, "exact"),
        ("dana Rp500 juta", "rupiah", 500_000_000, "exact"),
        ("kuota 12 ribu peserta", "count", 12_000, "exact"),
        ("sebanyak 54.000 peserta", "count", 54_000, "exact"),
        ("menjangkau 202.753 jiwa", "count", 202_753, "exact"),
        ("sekitar 1,5 juta jiwa", "count", 1_500_000, "approx"),
        ("dua juta jiwa terdaftar", "count", 2_000_000, "exact"),
        ("lima ratus rupiah", None, None, None),
    ],
)
def test_find_quantities(sentence, unit, value, qualifier):
    found = find_quantities(sentence)
    if unit is None:
        assert not [q for q in found if q.unit == "rupiah" and q.value > 1000]
        return
    q = next(q for q in found if q.unit == unit)
    assert q.value == pytest.approx(value)
    assert q.qualifier == qualifier


def test_range_keeps_lower_bound():
    q = find_quantities("cakupan 95-98 persen")[0]
    assert q.unit == "percent" and q.value == 95


def test_year_is_not_a_count():
    assert not [q for q in find_quantities("Pada 2025 peserta bertambah") if q.unit == "count"]


def test_a_count_noun_with_its_possessive_suffix():
    from extraction.numbers import find_quantities

    got = find_quantities("Pemkab telah mendaftarkan 52.310 warganya sebagai peserta PBPU Pemda.")
    assert [(q.value, q.unit, q.count_noun) for q in got] == [(52310, "count", "warga")]


def test_a_membership_number_straight_after_its_words():
    from extraction.numbers import find_quantities

    got = find_quantities("Cakupan sudah 91,2 persen dengan jumlah peserta 188.604.")
    assert (188604, "count", "peserta") in [(q.value, q.unit, q.count_noun) for q in got]
    got = find_quantities("Total peserta JKN-KIS 412.977 tercatat per Juni.")
    assert (412977, "count", "peserta") in [(q.value, q.unit, q.count_noun) for q in got]


def test_a_count_written_with_an_english_thousands_comma():
    from extraction.numbers import find_quantities

    got = find_quantities("Sisanya 17,146 peserta akan dijamin Pemkab, dan 2,5 juta jiwa lainnya oleh APBN.")
    assert [(q.value, q.unit) for q in got] == [(17146, "count"), (2500000, "count")]
