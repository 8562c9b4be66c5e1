"""Indonesian vocabulary that decides what a figure measures. Patterns are matched case-insensitively."""

from __future__ import annotations

import re


def _compile(pairs: list[tuple[str, str]]) -> list[tuple[re.Pattern[str], str]]:
    return [(re.compile(p, re.IGNORECASE), label) for p, label in pairs]


# What a percentage measures: the nearest of these before it (or, failing that, after it) decides.
# "reject" marks percentages of other things; they are never facts.
PERCENT_TOPICS = _compile([
    (r"(?:keaktifan|keper?sertaan\s+(?:jkn\s+|bpjs\s+(?:kesehatan\s+)?)?(?:yang\s+)?aktif|peserta\s+(?:jkn\s+|bpjs\s+(?:kesehatan\s+)?)?(?:yang\s+)?aktif|status\s+aktif|tingkat\s+aktif|\baktif\b)"
     # "keaktifan keper?sertaan Program Jaminan Kesehatan Nasional (JKN)", "aktif keper?sertaannya", "aktif terdaftar"
     r"(?:\s+(?:keper?sertaan\w*|peserta|terdaftar))?(?:\s+(?:program\s+)?(?:jaminan\s+kesehatan\s+nasional|jkn)(?:\s*\(jkn\))?)?", "active_participation_pct"),
    (r"cakupan|mencakup|\buhc\b|universal\s+health\s+coverage|keper?sertaan|capaian\s+jkn|terdaftar|(?:total|jumlah)\s+(?:penduduk|populasi)|dari\s+(?:seluruh\s+)?(?:penduduk|populasi|warga)|penduduk\s+(?:yang\s+)?(?:sudah\s+|telah\s+)?(?:terdaftar|menjadi\s+peserta|terlindungi|terjamin|tercover)|jaminan\s+kesehatan|menjadi\s+peserta|terdaftar\s+sebagai\s+peserta|tercover|terlindungi|(?:memiliki|punya|mempunyai)\s+(?:jkn|bpjs|kis\b|kartu\s+indonesia\s+sehat)", "uhc_coverage_pct"),
    (r"progres|pembangunan|konstruksi|fisik|serapan|penyerapan|realisasi\s+anggaran|stunting|imunisasi|vaksin\w*|kemiskinan|miskin|pemilih|partisipasi\s+pemilu|inflasi|pertumbuhan|ketenagakerjaan|bpjamsostek|jamsostek|kenaikan\s+iuran|iuran\s+naik|suku\s+bunga|bunga|diskon|denda|kepuasan|pajak|kelulusan|keterisian|\bbor\b|kematian|prevalensi|pengangguran|\bipm\b|sanitasi|air\s+bersih|elektrifikasi|listrik|jalan|kendaraan|produksi|ekspor|impor|suara|elektabilitas|survei|diabetes|hipertensi|obesitas|tbc|\bdbd\b|gizi|persalinan|kunjungan|rujukan|klaim|akreditasi|okupansi|lulus|nilai|harga|diskon|saham|bagi\s+hasil|pad\b|pendapatan|belanja|apbd\s+(?:naik|turun)|kontribusi\s+ekonomi|target\s+pad"
     # the share not (yet) enrolled, and the gap that remains, are not coverage
     r"|non[\s-]*keper?sertaan|(?:belum|tidak|non)[\s-]*aktif|belum\s+(?:terdaftar|tercover|terlindungi|menjadi\s+peserta|ter-?cover|memiliki|punya|ikut)|tidak\s+terdaftar|tersisa|sisanya|tinggal|kekurangan|memanfaatkan|pemanfaatan|asuransi\s+(?:kesehatan\s+)?(?:swasta|lain\w*|komersial)|kurang\s+dari\s+target", "reject"),
])

# Words that make a count a count of JKN participants.
PARTICIPANT_CONTEXT = re.compile(
    r"peserta|keper?sertaan|terdaftar|didaftarkan|mendaftarkan|\bjkn\b|\bbpjs\b|\bpbi\b|iuran|\buhc\b|\bkis\b|dijamin|ditanggung|menanggung|menjangkau|penerima\s+bantuan|mengikutsertakan|jaminan\s+kesehatan",
    re.IGNORECASE,
)
# Counts that are about people outside JKN, or about people who are not (or no longer) covered.
# Counts of people who are not (or no longer) covered: the words come right after the count.
COUNT_NOT_COVERED = re.compile(
    r"^(?:\s+(?:di\s+)?[A-Z]\w*){0,3}\W{0,3}(?i:yang\s+)?(?i:belum|tidak\s+(?!mampu)|non-?aktif|dinonaktifkan|menunggak)"
    # "38.500 warga Kabupaten Pringsewu hingga kini belum terdaftar"
    r"|^(?:\s+(?i:jiwa|orang|warga|penduduk|peserta))?(?:\s+(?!tidak\b|mampu\b)[a-z]+){0,2}(?:\s+(?:di\s+)?[A-Z][\w.]*){0,3}\s+(?i:yang\s+)?(?i:hingga\s+(?:kini|saat\s+ini)\s+|saat\s+ini\s+|masih\s+|sampai\s+(?:kini|sekarang)\s+)?"
    r"(?i:belum|tidak\s+(?!mampu)|non-?aktif|dinonaktifkan|menunggak)",
)
# "Penduduk yang belum terdaftar JKN sebanyak 32.567 jiwa": those not covered, named before the figure.
COUNT_NOT_COVERED_BEFORE = re.compile(
    r"\b(?:belum|tidak\s+(?!mampu)|non-?aktif)\s+(?:[\w-]+\s+){0,6}?(?:sebanyak|mencapai|berjumlah|ada|sekitar|yakni|yaitu|sejumlah)?\s*$",
    re.IGNORECASE,
)
# Counts about people outside JKN (other programmes, events, patients).
COUNT_REJECT = re.compile(
    r"non[\s-]*keper?sertaan|ketambahan|penambahan|tambahan|tersisa|\bsisa\b|kehilangan|hilangnya|mencoret|migrasi|dialihkan|dipindahkan|beralih|menonaktifkan|penonaktifan|di-?non-?aktif-?kan|dicoret|dihapus|ketenagakerjaan|bpjamsostek|vaksin\w*|\bmelayani\b|\bdilayani\b|pengunjung|pelatihan|lomba|seminar|sosialisasi|senam|jalan\s+sehat|pasien|kunjungan|rawat\s+(?:inap|jalan)|pemilih|korban|meninggal|kasus|tunggakan|menunggak|nonaktif|non-aktif|tidak\s+aktif",
    re.IGNORECASE,
)
# A count that is the population itself: the population words lead straight into the number
# ("jumlah penduduk Kota Bontang 180.000 jiwa", "berpenduduk 1,2 juta jiwa").
POPULATION = re.compile(
    r"(?:(?i:jumlah|total)\s+(?i:penduduk|populasi)(?:nya)?(?:\s+(?:Kota|Kabupaten|Provinsi|di))?(?:\s+[A-Z][\w-]*){0,3}|(?i:penduduknya|berpenduduk(?:\s+lebih)?|populasi|potensi))"
    r"(?:\s+(?i:saat\s+ini|kini|sekarang|pada\s+\d{4}|tahun\s+\d{4}|tercatat))?"
    r"\s*(?i:yang\s+)?(?i:sebanyak|sekitar|mencapai|berjumlah|sebesar|yakni|yaitu|adalah|ada|hanya|lebih\s+dari|,)?\s*$"
)

# Segments of participants and budgets: nearest cue before the figure decides, then after it.
SEGMENT_CUES = _compile([
    (r"pekerja\s+bukan\s+penerima\s+upah|\bpbpu\b|peserta\s+mandiri|\bmandiri\b", "pbpu"),
    (r"bukan\s+pekerja|\bBP\b", "bp"),
    (r"\bjka\b|ditanggung\s+(?:oleh\s+)?(?:pemda|apbd|daerah|pemerintah\s+(?:daerah|aceh|provinsi|kabupaten|kota))|pbi\s*(?:jk|jkn)?\s*(?:apbd|daerah)|pbi\s+(?:pemda|pemkot|pemkab|pemprov)|\bapbd\b|\bpemda\b|pemerintah\s+daerah|\bpemkot\b|\bpemkab\b|\bpemprov\b|pemerintah\s+(?:kota|kabupaten|provinsi)|didaftarkan\s+(?:oleh\s+)?pemerintah|kuota|mengalokasikan|dialokasikan|alokasi|menganggarkan|anggaran\s+daerah|menanggung\s+iuran|ditanggung\s+pemerintah|jaminan\s+kesehatan\s+(?:daerah|aceh)|jamkesda|integrasi|pemerintah\s+aceh", "pemda"),
    (r"pbi\s*(?:jk|jkn)?\s*(?:apbn|pusat)|pbi\s+jaminan\s+kesehatan|penerima\s+bantuan\s+iuran\s+jaminan\s+kesehatan|\bpbi[\s-]*jk\b|\bapbn\w*|pemerintah\s+pusat|kemensos|kementerian\s+sosial", "pbi_apbn"),
    (r"pekerja\s+penerima\s+upah|\bppu\b|badan\s+usaha|perusahaan|\basn\b|\bpns\b|\btni\b|polri|penyelenggara\s+negara|karyawan", "ppu"),
    (r"total\s+peserta|jumlah\s+peserta|seluruh\s+peserta|total\s+keper?sertaan|secara\s+keseluruhan|keseluruhan", "total"),
])
CENTRAL_BUDGET = re.compile(r"\bapbn\w*|pemerintah\s+pusat|kemensos|kementerian\s+sosial|kementerian\s+keuangan", re.IGNORECASE)
PEMDA_CUE = re.compile(r"\bapbd\b|\bpemda\b|pemerintah\s+daerah|\bpemkot\b|\bpemkab\b|\bpemprov\b|pemerintah\s+(?:kota|kabupaten|provinsi)", re.IGNORECASE)

# Rupiah that pay JKN contributions; anything else (buildings, claims, arrears) is not a budget fact.
BUDGET_CONTEXT = re.compile(r"iuran|\bpbi\b|\buhc\b|\bjkn\b|\bbpjs\b|jaminan\s+kesehatan|premi|keper?sertaan|peserta|kesehatan\s+gratis|berobat\s+gratis", re.IGNORECASE)
BUDGET_ACTION = re.compile(r"anggaran|porsi|kontribusi|sharing|berbagi|menanggung|ditanggung|alokasi|mengalokasikan|dialokasikan|menganggarkan|dianggarkan|menyiapkan|disiapkan|dana|membayar|dibayarkan|bayar|menggelontorkan|digelontorkan|mengucurkan|menyediakan|disediakan|biaya", re.IGNORECASE)
BUDGET_REJECT = re.compile(r"silpa|sisa\s+lebih|klaim|tunggakan|menunggak|utang|hutang|piutang|denda|defisit|surplus|pendapatan|investasi|\bhonor\b|honorarium|gaji|insentif|pembangunan|gedung|renovasi|rehabilitasi|pengadaan|ketenagakerjaan|bpjamsostek|kapitasi|dibayarkan\s+bpjs|dibayar\s+bpjs|bpjs\s+(?:kesehatan\s+)?(?:telah\s+)?(?:membayar|membayarkan)|korupsi|kerugian", re.IGNORECASE)

# Actual vs target: the nearest of these before the figure in its sentence decides; default actual.
_TARGET_WORDS = r"target\w*|ditargetkan|menargetkan|sasaran|standar(?:\s+minimal)?|ambang|batas\s+minimal|syarat|dicanangkan|proyeksi|diproyeksikan|rencana\w*"
KIND_CUES = _compile([
    (rf"\b(?:{_TARGET_WORDS}|diharapkan|harap\w*|berharap|diupayakan|mengupayakan|mewajibkan|diwajibkan|prediksi|diprediksi|menuju|mengejar|akan|bisa\s+mencapai|mampu\s+mencapai|dapat\s+mencapai|(?:dapat|bisa)\s+tercapai|optimis\w*|paling\s+sedikit|sekurang-kurangnya|mempertahankan|menjaga|berkomitmen|komitmen|ingin|mendukung|dukungan|suksesnya|menyukseskan|mendorong|(?:bisa|dapat)\s+(?:naik|meningkat)|minimal(?=\s+(?:mencapai\s+|sebesar\s+)?(?:\d|$))|paling\s+tidak|wajib|harus|seharusnya|idealnya|ditetapkan)\b", "target"),
    (r"\b(?:kini|saat\s+ini|telah|sudah|baru|hanya|terdapat|tercatat|mencatat|berada\s+di|realisasi|capaian|per\s+\w+\s+\d{4}|hingga\s+kini|sampai\s+saat\s+ini|sebelumnya|dari(?=\s+(?:\d|$)))\b", "actual"),
])
# Counts and budgets are targets only when the text says so outright ("berharap kuota 12 ribu" is not).
KIND_CUES_STRICT = _compile([
    (rf"\b(?:{_TARGET_WORDS})\b", "target"),
    (r"\b(?:kini|saat\s+ini|telah|sudah|tercatat|mencatat|realisasi|sebanyak|sejumlah|sebesar)\b", "actual"),
])

# A percentage right after these is a change, not a level ("naik 5 persen").
CHANGE_BEFORE = re.compile(r"(?:naik|turun|meningkat|menurun|bertambah|berkurang|kenaikan|penurunan|peningkatan|penambahan|tambahan|pengurangan|tumbuh|selisih|lonjakan|melonjak|anjlok)\s+(?:sebesar\s+|sebanyak\s+|sekitar\s+|hampir\s+|lebih\s+dari\s+)?$", re.IGNORECASE)
# "40 persen dari total peserta": a segment's share of participants, not coverage of the population.
SHARE_OF_PARTICIPANTS = re.compile(
    r"\s*(?:(?:dari|atas)\s+(?:total|jumlah|seluruh|keseluruhan)\s+(?:peserta|keper?sertaan)|di\s+antaranya|dari\s+(?:jumlah|total)\s+(?:itu|tersebut))",
    re.IGNORECASE,
)
PERCENT_FIGURE = re.compile(r"\d\s*(?:%|persen\b)", re.IGNORECASE)
# "hanya 75 persen yang aktif": the topic named right after the figure is its own
ACTIVE_RIGHT_AFTER = re.compile(r"\s*(?:di\s+antaranya\s+)?(?:yang\s+|(?:menjadi\s+)?peserta\s+(?:jkn\s+)?(?:yang\s+)?)?(?:sudah\s+|masih\s+|berstatus\s+)?aktif\b", re.IGNORECASE)
# A line of a list: "- Kab. Lebak: 95,8 persen", "1. Kota Serang 97 %"
LIST_ITEM = re.compile(
    r"^\s*(?:[-–•*·]|\d{1,2}[.)])\s"
    # or a line holding only a name and its figure: "Kota Bontang 100,11 persen"
    r"|^\s*(?:(?:Kota|Kabupaten|Kab\.|Provinsi)\s+)?[A-Z][\w'.-]*(?:\s+[A-Z][\w'.-]*){0,3}\s*[:=(]?\s*\d[\d.,]*\s*(?:%|(?i:persen))\)?\s*[.;,]?\s*$",
)
# "peningkatan keper?sertaan JKN di Kota Bontang sebesar 5 persen": the change of a level, not the level.
CHANGE_OF_TOPIC = re.compile(
    r"(?:peningkatan|kenaikan|penurunan|pertumbuhan|penambahan|tambahan)\s+(?:jumlah\s+)?(?:cakupan\s+)?(?:keper?sertaan|peserta|keaktifan|cakupan)\b(?:(?!cakupan|keaktifan|keper?sertaan|uhc|persentase)[^.;,]){0,60}?\b(?:sebesar|sekitar|hingga|mencapai|yakni)\s*$",
    re.IGNORECASE,
)
NOW = re.compile(r"\bkini\b|saat\s+ini|hingga\s+kini|sampai\s+(?:saat\s+)?ini|sekarang|terkini|hingga\s+hari\s+ini", re.IGNORECASE)
# A national level named right before a figure ("rata-rata nasional 95,7 persen", "capaian UHC nasional yaitu
# 98 %"): about Indonesia, even beside a region's own figure. "Jaminan Kesehatan Nasional" is the programme.
_NATIONAL_TAIL = (
    r"(?:[\w-]+\s+){0,2}?(?<!kesehatan )nasional\s*(?:(?:uhc|jkn|cakupan|keaktifan|keper?sertaan)\s+)?(?:(?:tahun\s+|pada\s+)?\d{4}\s*)?"
    # "rerata nasional saat ini 76,7 persen", "angka nasional masih 95 persen", "angka nasional, yang mencapai 79 %"
    r"(?:(?:saat\s+ini|kini|masih|hanya)\s+)?(?:sebesar|yakni|yaitu|adalah|sebanyak|mencapai|di\s+angka|baru|sudah|telah|ialah|"
    r",?\s*yang\s+(?:sebesar|besarnya|mencapai|baru|sudah)|yang|,|:)?\s*(?:sekitar\s+|lebih\s+dari\s+)?$"
)
NATIONAL_LEVEL = re.compile(r"\b(?:rata-rata|rerata|capaian|cakupan|angka|persentase|tingkat)\s+" + _NATIONAL_TAIL, re.IGNORECASE)
# A national target is Indonesia's, also when a region is measured against it ("di bawah target nasional 95
# persen"), as the label schema has it: on 406 labelled articles the rules gain a right fact and lose four wrong ones.
NATIONAL_TARGET = re.compile(
    r"\b(?:target|sasaran|standar|ambang(?:\s+batas)?|batas(?:\s+minimal)?)\s+" + _NATIONAL_TAIL,
    re.IGNORECASE,
)
# A figure right after a name in a list ("Kabupaten Jeneponto (91,3 persen), Kabupaten Takalar (92,05 persen)").
NAME_JUST_BEFORE = re.compile(r"[A-Z][\w'-]+(?:\s*(?:\(|:|=|sebesar|dengan|yakni|yaitu|tercatat|mencapai|sudah|telah|baru|masih|kini|di\s+angka)){0,2}\s*$")
# A count with no segment named is the region's whole membership when it is what is enrolled ("terdaftar",
# "keper?sertaan JKN ... sebanyak") or stands beside the coverage percentage ("1.012.873 jiwa atau 95,04 persen").
TOTAL_HINT = re.compile(r"terdaftar|terlindungi|tercover|terjamin|\bikut\s+(?:bpjs|jkn|program)|mengikuti\s+(?:program\s+)?(?:bpjs|jkn)|tergabung|masuk\s+(?:ke\s*dalam\s+|ke\s+)?(?:program\s+)?(?:jkn|bpjs)|menjadi\s+peserta|keper?sertaan(?:\s+(?:jkn|bpjs))|peserta\s+(?:jkn|bpjs)(?:[\s-]+(?:kis|kesehatan))?\s+(?:di|se|sebanyak|mencapai|tercatat|sudah|telah|berjumlah)", re.IGNORECASE)
BESIDE_COVERAGE = re.compile(r"^\s*(?:jiwa|orang|peserta|penduduk|warga)?(?:\s+(?:jkn|bpjs)(?:[\s-]+(?:kis|kesehatan))?)?\s*(?:atau|yakni|yaitu|\(|dengan\s+persentase)\s*(?:sekitar\s+|sebesar\s+)?\d[\d.,]*\s*(?:persen|%)", re.IGNORECASE)
# A count that refers back to the previous sentence's count ("jumlahnya", "jumlah tersebut", "angka itu").
COUNT_ANAPHORA = re.compile(r"\bjumlah(?:nya|\s+(?:tersebut|itu|ini))\b|\bangka(?:nya|\s+(?:tersebut|itu|ini))\b", re.IGNORECASE)
# "95,6 persen atau sekitar 921 ribu jiwa": the count of those the percentage covers.
COUNT_AFTER_PERCENT = re.compile(r"(?:persen|%)\s*\)?\s*(?:atau|yakni|yaitu|sebanyak|dengan\s+jumlah)\s+(?:sekitar\s+|sebanyak\s+|hampir\s+|lebih\s+dari\s+|kurang\s+lebih\s+)?$", re.IGNORECASE)
# "Kota ini", "daerah tersebut": the region the article is about.
THIS_REGION = re.compile(r"\b(kota|kabupaten|daerah|wilayah|provinsi)\s+(?:ini|itu|tersebut)\b", re.IGNORECASE)
NATIONAL = re.compile(r"\brpjmn\b|^\W*(?:sedangkan|sementara|adapun|untuk)\s+(?:tingkat\s+|angka\s+|capaian\s+|secara\s+)?nasional\b|rencana\s+pembangunan\s+jangka\s+menengah\s+nasional|secara\s+nasional|tingkat\s+nasional|skala\s+nasional|seluruh\s+indonesia", re.IGNORECASE)
# A government named by its office alone ("Pemkot menganggarkan ..."), not followed by a name.
BARE_GOVERNMENT = re.compile(
    r"\b(?:[Pp]emkot|[Pp]emko|Pemerintah\s+[Kk]ota|Wali\s*[Kk]ota|Walikota|[Pp]emkab|Pemerintah\s+[Kk]abupaten|Bupati|[Pp]emprov|Pemerintah\s+[Pp]rovinsi|Gubernur)\b(?!\s+(?:\([^)]*\)\s+)?[A-Z])"
)


def bare_government_type(word: str) -> str:
    """The region type a bare government word stands for: kota, kabupaten or provinsi."""
    w = word.lower()
    if "kab" in w or "bupati" in w:
        return "kabupaten"
    if "prov" in w or "gubernur" in w:
        return "provinsi"
    return "kota"


# The other BPJS: sentences about it never give JKN facts.
KETENAGAKERJAAN = re.compile(r"ketenagakerjaan|bpjamsostek|jamsostek|\bbpjs\s*tk\b", re.IGNORECASE)
# A region or a metric word between two figures starts a new statement; the kind of the first does not carry over.
CONTINUATION_BREAK = re.compile(r"\b(?:Kota|Kabupaten|Provinsi|Pemkot|Pemkab|Pemprov|Kab\.)\s|(?i:keaktifan|cakupan|keper?sertaan|\buhc\b|peserta|sedangkan|sementara|namun)")
# "mengejar target 95 persen" in the sentence after a coverage figure is that figure's target
TARGET_JUST_BEFORE = re.compile(
    r"\b(?:target(?:nya)?|ditargetkan|sasaran|standar(?:\s+minimal)?)(?:\s+nasional)?(?:\s+(?:tahun\s+|pada\s+)?\d{4})?"
    r"\s+(?:sebesar\s+|mencapai\s+|minimal\s+|adalah\s+|yaitu\s+|yakni\s+|ialah\s+)?$",
    re.IGNORECASE,
)
ANAPHORA = re.compile(r"^\W*(?:dan|sedangkan|sementara|namun|tetapi|bahkan|adapun|untuk|kemudian|lalu|disusul|selanjutnya|berikutnya|menyusul)\b|angka\s+(?:ini|tersebut|itu)|capaian\s+(?:ini|tersebut|itu)|jumlah\s+(?:ini|tersebut)|persentase\s+(?:ini|tersebut)", re.IGNORECASE)

# MoU vocabulary.
AGREEMENT_STRONG = re.compile(r"\bmou\b|memorandum\s+of\s+understanding|nota\s+kesepa(?:katan|haman)|nota\s+kesepahaman|perjanjian\s+kerja\s*sama|\bpks\b|kesepakatan\s+bersama|nota\s+kerja\s*sama|penandatanganan\s+kerja\s*sama|penandatanganan\s+kesepakatan", re.IGNORECASE)
AGREEMENT_WEAK = re.compile(r"kerja\s*sama|kesepakatan|kesepahaman|perjanjian", re.IGNORECASE)
RENEWAL = re.compile(r"memperbarui|memperbaharui|pembaruan|pembaharuan|perpanjangan|memperpanjang|diperpanjang|diperbarui|kembali\s+(?:menandatangani|meneken|menjalin)|lanjutan|melanjutkan|adendum|addendum", re.IGNORECASE)
MEETING = re.compile(r"\brapat\b|\brakor\b|forum|koordinasi|sosialisasi|audiensi|kunjungan|silaturahmi|pertemuan|monev|evaluasi", re.IGNORECASE)
# Who signs: a government ...
GOVERNMENT_PARTY = re.compile(
    r"\b(?:Pemkab|Pemkot|Pemprov|Pemda|Pemerintah\s+(?:Kota|Kabupaten|Provinsi|Daerah)|Bupati|Wakil\s+Bupati|Wali\s*[Kk]ota|Walikota|"
    r"Gubernur|Wakil\s+Gubernur|Sekda|Sekretaris\s+Daerah|Penjabat|Pj\.?\s+(?:Bupati|Wali|Gubernur))\b"
)
# ... or a provider or another body, whose contract with BPJS Kesehatan is not a government's agreement
OTHER_PARTY = re.compile(
    r"\b(?:RSUD|RSU|RS|Rumah\s+Sakit|Puskesmas|Klinik|Apotek|Laboratorium|Polres\w*|Polda|Polsek|Kejari|Kejati|Kejaksaan|Pengadilan|"
    r"Kodim|Korem|Lapas|Rutan|Universitas|Poltekkes|Bank|PT|Perumda|PDAM|BUMD|Kantor\s+Pos|Dukcapil|Imigrasi|Kantor\s+Pajak|KPP)\b"
)
# A signing that did not happen: put off or called off.
CALLED_OFF = re.compile(r"\bditunda\b|tertunda|\bdiundur\b|\bmolor\b|\bbatal\b|dibatalkan|\burung\b|gagal\s+(?:diteken|ditandatangani)", re.IGNORECASE)
FUTURE = re.compile(r"\bakan\b|rencana\w*|berencana|segera|dijadwalkan|direncanakan|bakal", re.IGNORECASE)
PAST_MARK = re.compile(r"sejak|semenjak|sebelumnya|terakhir|\blalu\b|pernah|dulu|silam|pertama\s+kali|lima\s+tahun|periode\s+sebelumnya", re.IGNORECASE)
BPJS_KESEHATAN = re.compile(r"bpjs(?!\s*(?:ketenagakerjaan|tk\b))|jaminan\s+sosial|\bjkn\b|jaminan\s+kesehatan", re.IGNORECASE)

# A percentage about one segment or group of people (the formal sector, the poor, PBPU members, women,
# children) is not the region's coverage: the words stand in the figure's own clause, before it.
ONE_GROUP = re.compile(
    r"\b(?:segmen|sektor|formal|informal|perempuan|laki-laki|pria|wanita|usia|lansia|balita|anak-anak|\bpbpu\b|\bppu\b|\bpbi\b|"
    r"mandiri|penerima\s+upah|bukan\s+pekerja|kurang\s+mampu|tidak\s+mampu|miskin|dibiayai\s+apb[nd]|iuran\w*\s+dibayar\w*)",
    re.IGNORECASE,
)
# "di sembilan kabupaten dan kota", "dari 14 kabupaten/kota", "13 kabupaten lainnya": a figure about several
# regions together (or a BPJS branch's working area) is no single region's.
SEVERAL_REGIONS = re.compile(
    # number words in lower case: "Lima Puluh Kota" is a kabupaten's name, not a count of cities
    r"\b(?:\d{1,2}|dua|tiga|empat|lima|enam|tujuh|delapan|sembilan|sepuluh|sebelas|[a-z]+\s+belas|[a-z]+\s+puluh(?:\s+[a-z]+)?|beberapa|seluruh|semua|sejumlah|para|per)\s+"
    r"(?i:kabupaten|kota|daerah|wilayah|provinsi|kab/kota|kabupaten/kota|kabupaten\s+dan\s+kota|desa|kelurahan|kecamatan)\b|(?i:wilayah\s+(?:kerja|layanan|pelayanan))"
    r"|\b(?i:desa|kelurahan|kecamatan)\s+(?i:ini|itu|tersebut)\b|\b(?i:daerah|kabupaten|wilayah|provinsi)\s+(?i:lain|lainnya)\b",
)
# A general rule about what counts as UHC, not a figure of the region: "dikatakan UHC jika minimal 95 persen".
# "469 ribu peserta atau 81,50 persen": the share of the population that a count of members makes
PERCENT_BESIDE_COUNT = re.compile(r"\d[\d.,]*(?:\s+(?:ribu|juta))?\s*(?:jiwa|orang|peserta|penduduk|warga)?\s*(?:atau|yakni|\()\s*(?:sekitar\s+|sebesar\s+|mencapai\s+)?$", re.IGNORECASE)
# a minimum stated with a law or an award's category is that rule's, for every region
CRITERION = re.compile(r"\b(?:perpres|peraturan\s+presiden|ketentuan|regulasi|penghargaan|award\w*|predikat|kategori)\b", re.IGNORECASE)
# A condition or a rule for any region, not a figure of this one: "dikatakan UHC jika ...", "sebuah daerah harus ..."
CONDITION = re.compile(
    r"\b(?:kriteria|(?:seandainya|apabila|jika)(?!\s+dibanding)|(?<!memenuhi )syarat(?:nya)?|persyaratan|mensyaratkan|disyaratkan|dikatakan\s+(?:sudah\s+|telah\s+)?(?:mencapai|uhc|memenuhi|berhasil)|"
    r"(?:sebuah|suatu|setiap)\s+(?:daerah|wilayah|kabupaten|kota|provinsi|pemda))\b",
    re.IGNORECASE,
)
# A change of a budget, not the budget: "meningkat Rp16 miliar", "pemangkasan ... sebesar Rp17 miliar".
BUDGET_CHANGE = re.compile(
    r"(?:naik|turun|meningkat\w*|menaikkan|menambah|memangkas|mengurangi|menurun|bertambah|berkurang|kenaikan|penurunan|peningkatan|penambahan|pengurangan|pemangkasan|dipangkas|refocusing|selisih)"
    r"(?:\s+[\w()-]+){0,8}?\s+(?:sebesar\s+|sekitar\s+|hampir\s+|lebih\s+(?:dari|kurang)\s+|kurang\s+lebih\s+)?$",
    re.IGNORECASE,
)
