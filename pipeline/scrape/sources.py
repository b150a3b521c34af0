"""The sources file: one entry per site to crawl, validated strictly.

Layout (see the commented sample ``sources.yaml`` at the repo root)::

    settings:            # optional; overrides of CrawlSettings for every source
      delay: 2.0
    sources:
      - name: xinzhou-ybj
        city: 忻州市
        start_urls: [https://ybj.example.gov.cn/tzgg/index.html]
        allow: [https://ybj.example.gov.cn/tzgg/]
        max_pages: 5
        style: trs

Unknown keys and bad values raise ``ConfigError`` naming the key and the entry.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Mapping
from urllib.parse import urlsplit

from .errors import ConfigError
from .settings import PER_SOURCE_KEYS, CrawlSettings, check_value
from .urls import canonical_url

__all__ = ["Source", "SourcesFile", "STYLES", "load_sources", "parse_sources", "url_allowed"]

# List-page styles the crawler knows (pipeline.scrape.listing has one parser each).
STYLES = ("trs", "hanweb", "next_link", "links")

# Names end up in file names of the fetch log, so keep them plain.
_NAME = re.compile(r"^[a-z0-9][a-z0-9_.-]{0,63}$")

_SOURCE_KEYS = frozenset(
    {"name", "city", "province", "start_urls", "allow", "style", "encoding", "notes"}
) | PER_SOURCE_KEYS


@dataclass(frozen=True, slots=True)
class Source:
    """One site (or one column of a site) to crawl."""

    name: str
    start_urls: tuple[str, ...]
    allow: tuple[str, ...]
    city: str | None = None
    province: str | None = None
    style: str = "links"
    encoding: str | None = None  # hint for list pages whose header and meta both lie
    overrides: Mapping[str, Any] = field(default_factory=dict)  # per-source settings
    notes: str | None = None

    def settings(self, base: CrawlSettings, cli: Mapping[str, Any] | None = None) -> CrawlSettings:
        """Settings for this source: ``base`` < the source's own keys < CLI flags."""
        merged = base.merged(self.overrides, where=f"source {self.name!r}")
        return merged.merged(cli or {}, where="command line")

    def allows(self, url: str) -> bool:
        """True when ``url`` is http(s) and starts with one of the ``allow`` prefixes."""
        return url_allowed(url, self.allow)


@dataclass(frozen=True, slots=True)
class SourcesFile:
    """A parsed sources file: file-level settings and the sources."""

    settings: CrawlSettings
    sources: tuple[Source, ...]

    def only(self, names: list[str] | None) -> tuple[Source, ...]:
        """The sources called ``names`` (all when None); an unknown name is a ConfigError."""
        if not names:
            return self.sources
        known = {s.name: s for s in self.sources}
        missing = [n for n in names if n not in known]
        if missing:
            raise ConfigError(f"--only: no source named {', '.join(map(repr, missing))}")
        return tuple(known[n] for n in names)


def url_allowed(url: str, allow: tuple[str, ...]) -> bool:
    """True when ``url`` is http(s) and, in its canonical form (dot segments resolved; refused when
    its path decodes to another folder than it reads, see ``urls.hostile_path``), starts with one
    of the ``allow`` prefixes (canonical too)."""
    canon = canonical_url(url)
    if canon is None:
        return False
    return any(canon.startswith(_canonical_prefix(prefix)) for prefix in allow)


@functools.lru_cache(maxsize=1024)
def _canonical_prefix(prefix: str) -> str:
    """An allow prefix in the form canonical URLs are written in (as written when it has none)."""
    return canonical_url(prefix) or prefix


def load_sources(path: str | Path, base: CrawlSettings | None = None) -> SourcesFile:
    """Read and validate a sources YAML file.

    ``base`` is the layer below the file's ``settings:`` block (the defaults when None).
    Raises ``ConfigError`` with the file name, the entry and the key on any problem.
    """
    import yaml

    path = Path(path)
    try:
        data = yaml.safe_load(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise ConfigError(f"{path}: cannot read sources file: not UTF-8 text ({exc.reason} at byte {exc.start})") from exc
    except OSError as exc:
        raise ConfigError(f"{path}: cannot read sources file: {exc}") from exc
    except yaml.YAMLError as exc:
        raise ConfigError(f"{path}: not valid YAML: {' '.join(str(exc).split())}") from exc
    try:
        return parse_sources(data, base)
    except ConfigError as exc:
        raise ConfigError(f"{path}: {exc}") from exc


def parse_sources(data: Any, base: CrawlSettings | None = None) -> SourcesFile:
    """Validate an already-parsed sources mapping (see ``load_sources``)."""
    base = base or CrawlSettings()
    if not isinstance(data, dict):
        raise ConfigError("top level must be a mapping with a 'sources' list")
    _string_keys(data, "top level")
    unknown = set(data) - {"settings", "sources"}
    if unknown:
        raise ConfigError(f"unknown top-level key {sorted(unknown)[0]!r} (known: settings, sources)")
    file_settings = data.get("settings") or {}
    if not isinstance(file_settings, dict):
        raise ConfigError("'settings' must be a mapping")
    _string_keys(file_settings, "settings")
    settings = base.merged(file_settings, where="settings")
    entries = data.get("sources")
    if not isinstance(entries, list) or not entries:
        raise ConfigError("'sources' must be a non-empty list")
    sources: list[Source] = []
    seen: set[str] = set()
    for index, entry in enumerate(entries):
        source = _parse_entry(entry, index)
        if source.name in seen:
            raise ConfigError(f"source {source.name!r}: 'name' is used twice")
        seen.add(source.name)
        source.settings(settings)  # validates the overrides now, not mid-crawl
        sources.append(source)
    return SourcesFile(settings=settings, sources=tuple(sources))


def _parse_entry(entry: Any, index: int) -> Source:
    """One source entry -> Source, or ConfigError naming the entry and the key."""
    where = f"sources[{index}]"
    if not isinstance(entry, dict):
        raise ConfigError(f"{where}: each source must be a mapping")
    _string_keys(entry, where)
    name = entry.get("name")
    if not isinstance(name, str) or not _NAME.match(name):
        raise ConfigError(
            f"{where}: 'name' must be lower-case letters, digits, '-', '_' or '.', got {name!r}"
        )
    where = f"source {name!r}"
    unknown = sorted(set(entry) - _SOURCE_KEYS)
    if unknown:
        raise ConfigError(f"{where}: unknown key {unknown[0]!r} (known: {', '.join(sorted(_SOURCE_KEYS))})")
    city, province = entry.get("city"), entry.get("province")
    for key, value in (("city", city), ("province", province)):
        if value is not None and (not isinstance(value, str) or not value.strip()):
            raise ConfigError(f"{where}: {key!r} must be a non-empty string")
    if not city and not province:
        raise ConfigError(f"{where}: needs 'city' or 'province'")
    start_urls = _url_list(entry, "start_urls", where)
    allow = _url_list(entry, "allow", where)
    for url in start_urls:
        if not url_allowed(url, allow):
            raise ConfigError(f"{where}: 'start_urls' entry {url!r} is not under any 'allow' prefix")
    style = entry.get("style", "links")
    if style not in STYLES:
        raise ConfigError(f"{where}: 'style' must be one of {', '.join(STYLES)}, got {style!r}")
    encoding = entry.get("encoding")
    if encoding is not None:
        import codecs

        try:
            codecs.lookup(str(encoding))
        except LookupError as exc:
            raise ConfigError(f"{where}: 'encoding' {encoding!r} is not a known encoding") from exc
    notes = entry.get("notes")
    if notes is not None and not isinstance(notes, str):
        raise ConfigError(f"{where}: 'notes' must be a string")
    overrides = {k: check_value(k, v, where) for k, v in entry.items() if k in PER_SOURCE_KEYS}
    return Source(
        name=name, start_urls=start_urls, allow=allow, city=city, province=province, style=style,
        encoding=encoding, overrides=overrides, notes=notes,
    )


def _string_keys(mapping: Mapping[Any, Any], where: str) -> None:
    """Refuse a key that is not a string (``1:``, ``true:``, ``2021-10-20:`` in YAML)."""
    for key in mapping:
        if not isinstance(key, str):
            raise ConfigError(f"{where}: key {key!r} is not a name (keys must be strings)")


def _url_list(entry: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """A required non-empty list of absolute http(s) URLs."""
    value = entry.get(key)
    if isinstance(value, str):
        value = [value]
    if not isinstance(value, list) or not value:
        raise ConfigError(f"{where}: {key!r} must be a non-empty list of URLs")
    for url in value:
        try:
            parts = urlsplit(url) if isinstance(url, str) else None
        except ValueError:  # an unclosed IPv6 bracket ...
            parts = None
        if parts is None or parts.scheme not in ("http", "https") or not parts.netloc:
            raise ConfigError(f"{where}: {key!r} entry {url!r} is not an absolute http(s) URL")
    return tuple(value)
