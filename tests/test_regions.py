from extraction.aliases import REGION_ALIASES
from extraction.regions import find_dateline_region, find_region_mentions, main_region


def codes(text, gaz):
    return [(m.surface, m.code, m.office) for m in find_region_mentions(text, gaz)]


def test_gazetteer_sizes(gazetteer):
    types = [r.type for r in gazetteer.regions.values()]
    assert types.count("provinsi") == 38
    assert types.count("kabupaten") + types.count("kota") == 514
    assert gazetteer.regions["00"].name == "Indonesia"


def test_every_alias_points_at_a_real_region(gazetteer):
    for alias, code in REGION_ALIASES.items():
        assert code in gazetteer.regions, alias


def test_prefixes_decide_kota_vs_kabupaten(gazetteer):
    found = codes("Pemkab Semarang dan Pemkot Semarang serta Wali Kota Bogor dan Bupati Bogor", gazetteer)
    assert [c for _, c, _ in found] == ["33.22", "33.74", "32.71", "32.01"]


def test_a_lower_case_prefix_fixes_the_type_too(gazetteer):
    found = codes("Cakupan di provinsi Gorontalo naik, di kabupaten Gorontalo turun, dan warga kota Gorontalo puas", gazetteer)
    assert [c for _, c, _ in found] == ["75", "75.01", "75.71"]


def test_bare_name_follows_the_article(gazetteer):
    found = codes("Kabupaten Malang menganggarkan dana. Di Malang, cakupan 97 persen.", gazetteer)
    assert [c for _, c, _ in found] == ["35.07", "35.07"]


def test_bare_ambiguous_name_defaults_to_kota(gazetteer):
    assert codes("Warga Bekasi antre", gazetteer)[0][1] == "32.75"


def test_aliases_and_provinces(gazetteer):
    found = codes("Kota Taman, Kota Minyak, Kota Tepian, Lotim, Kaltim, NTB, Jatim, DKI dan Indonesia", gazetteer)
    assert [c for _, c, _ in found] == ["64.74", "64.71", "64.72", "52.03", "64", "52", "35", "31", "00"]


def test_an_island_regency_is_named_without_kepulauan(gazetteer):
    found = codes("Kabupaten Natuna (100,4 persen), Kabupaten Anambas (99,1 persen) dan warga Talaud", gazetteer)
    assert [c for _, c, _ in found] == ["21.03", "21.05", "71.04"]
    # a short form that is a word ("Seribu": a thousand) or another region ("Riau") is not the regency
    assert [c for _, c, _ in codes("Seribu warga Riau", gazetteer)] == ["14"]


def test_short_forms_of_regencies_across_the_islands(gazetteer):
    found = codes("Warga TTS, Konkep, Bolmut dan Abdya", gazetteer)
    assert [c for _, c, _ in found] == ["53.02", "74.12", "71.08", "11.12"]


def test_pemerintah_kota_with_abbreviation_in_brackets(gazetteer):
    assert codes("Pemerintah Kota (Pemkot) Bontang", gazetteer)[0][1] == "64.74"


def test_bpjs_branch_city_is_an_office(gazetteer):
    found = codes("Kepala Cabang BPJS Kesehatan Samarinda hadir. BPJS Kesehatan Cabang Selong juga.", gazetteer)
    assert found[0] == ("Samarinda", "64.72", True)


def test_common_words_need_a_prefix(gazetteer):
    assert codes("Batu bata dan Pati singkong", gazetteer) == []
    assert codes("Pemkot Batu", gazetteer)[0][1] == "35.79"


def test_datelines(gazetteer):
    assert find_dateline_region("BONTANG – Pemerintah Kota", gazetteer) == "64.74"
    assert find_dateline_region("NEWSROOM.CO.ID, BONTANG – Pemerintah", gazetteer) == "64.74"
    assert find_dateline_region("Balikpapan (ANTARA) - Pemerintah", gazetteer) == "64.71"
    assert find_dateline_region("Lombok Timur, CBM – Meskipun", gazetteer) == "52.03"
    assert find_dateline_region("Pemerintah kota menyatakan", gazetteer) is None


def test_main_region_prefers_the_most_mentioned(gazetteer):
    text = "Pemkot Bontang dan Pemprov Kalimantan Timur. Bontang lagi. Kaltim."
    mentions = find_region_mentions(text, gazetteer)
    assert main_region(mentions, None, gazetteer) == "64.74"
