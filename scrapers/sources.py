"""Reading and validating ``sources.yaml``: what to crawl and how to discover its articles."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

import yaml

KINDS = ("sitemap", "rss", "listing", "search")


class SourcesError(ValueError):
    """sources.yaml is malformed; the message names the file and the entry."""


@dataclass(frozen=True)
class Source:
    """One source of articles."""

    name: str
    kind: str
    urls: tuple[str, ...]
    max_age_days: int | None = None  # sitemap lastmod / feed date horizon; None = take everything listed
    allow: tuple[str, ...] = ()  # URL substrings an article URL must contain (any)
    deny: tuple[str, ...] = ()  # URL substrings that exclude an article URL
    link_selector: str | None = None  # listing: CSS selector of article links
    next_selector: str | None = None  # listing: CSS selector of the next-page link
    max_pages: int = 5  # listing: how many index pages to follow
    provinces: tuple[str, ...] = ()  # Kemendagri codes of the provinces the source reports on ('64'); () = national or unknown
    extra: dict = field(default_factory=dict)


def _as_tuple(value, where: str, key: str) -> tuple[str, ...]:
    if value is None:
        return ()
    if isinstance(value, str):
        return (value,)
    if isinstance(value, list) and all(isinstance(v, str) for v in value):
        return tuple(value)
    raise SourcesError(f"{where}: '{key}' must be a string or a list of strings")


def _province_codes(value, where: str) -> tuple[str, ...]:
    # YAML reads an unquoted 64 as a number; codes are two-digit strings everywhere else ('64', '64.74')
    if isinstance(value, int) and not isinstance(value, bool):
        value = [value]
    if isinstance(value, list):
        value = [str(v) if isinstance(v, int) and not isinstance(v, bool) else v for v in value]
    codes = _as_tuple(value, where, "provinces")
    for code in codes:
        if not (len(code) == 2 and code.isdigit() and code[0] != "0"):
            raise SourcesError(f"{where}: 'provinces' holds Kemendagri province codes such as 64 (got {code!r})")
    return codes


def parse_sources(data: object, origin: str = "sources.yaml") -> list[Source]:
    """Validate the parsed YAML; raise SourcesError naming the offending entry."""
    if not isinstance(data, dict) or not isinstance(data.get("sources"), list):
        raise SourcesError(f"{origin}: expected a mapping with a list under 'sources:'")
    sources: list[Source] = []
    seen: set[str] = set()
    known = {"name", "kind", "urls", "max_age_days", "allow", "deny", "link_selector", "next_selector", "max_pages", "provinces", "notes"}
    for i, entry in enumerate(data["sources"]):
        where = f"{origin}: source #{i + 1}"
        if not isinstance(entry, dict):
            raise SourcesError(f"{where}: expected a mapping, got {type(entry).__name__}")
        name = entry.get("name")
        if not isinstance(name, str) or not name.strip():
            raise SourcesError(f"{where}: 'name' is missing or empty")
        where = f"{origin}: source '{name}'"
        if name in seen:
            raise SourcesError(f"{where}: duplicate name")
        seen.add(name)
        kind = entry.get("kind")
        if kind not in KINDS:
            raise SourcesError(f"{where}: 'kind' must be one of {', '.join(KINDS)} (got {kind!r})")
        urls = _as_tuple(entry.get("urls"), where, "urls")
        if not urls:
            raise SourcesError(f"{where}: 'urls' must list at least one URL")
        for url in urls:
            parts = urlsplit(url)
            if parts.scheme not in ("http", "https") or not parts.hostname:
                raise SourcesError(f"{where}: URL {url!r} is not an http(s) URL")
        unknown = set(entry) - known
        if unknown:
            raise SourcesError(f"{where}: unknown key(s) {', '.join(sorted(unknown))}")
        if kind == "listing" and not entry.get("link_selector"):
            raise SourcesError(f"{where}: a 'listing' source needs 'link_selector'")
        max_age = entry.get("max_age_days")
        if max_age is not None and (not isinstance(max_age, int) or max_age <= 0):
            raise SourcesError(f"{where}: 'max_age_days' must be a positive whole number")
        provinces = _province_codes(entry.get("provinces"), where)
        sources.append(
            Source(
                name=name,
                kind=kind,
                urls=urls,
                max_age_days=max_age,
                allow=_as_tuple(entry.get("allow"), where, "allow"),
                deny=_as_tuple(entry.get("deny"), where, "deny"),
                link_selector=entry.get("link_selector"),
                next_selector=entry.get("next_selector"),
                max_pages=int(entry.get("max_pages", 5)),
                provinces=provinces,
            )
        )
    return sources


def load_sources(path: str | Path) -> list[Source]:
    """Load and validate a sources file."""
    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except FileNotFoundError as exc:
        raise SourcesError(f"{path}: file not found") from exc
    except yaml.YAMLError as exc:
        raise SourcesError(f"{path}: not valid YAML: {exc}") from exc
    return parse_sources(data, str(path))
