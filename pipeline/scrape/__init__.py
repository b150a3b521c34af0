"""Polite, incremental scraping of notice sites into a raw store.

Modules, in the order a crawl uses them:

- ``settings``: every default in one flat place (units in comments), layered
  defaults < sources file ``settings:`` < CLI flags.
- ``sources``: loading and validating the sources file (``sources.yaml``).
- ``robots``: robots.txt per origin.
- ``http``: the polite fetcher (User-Agent, per-host delay and concurrency, retries with
  backoff, Retry-After, bounded redirects, size and time limits, gzip bombs).
- ``markers``: the strings that tell anti-bot answers and soft 404s from real pages.
- ``listing``: list-page parsers per style (``trs``, ``hanweb``, ``next_link``, ``links``).
- ``rawstore``: blobs named by sha256 plus the parquet fetch log; the readers
  ``is_raw_store``, ``iter_documents``, ``iter_failures`` used by ``notices parse``.
- ``crawl``: the crawl loop (``crawl``, ``crawl_source``).
- ``pdf``: text of text PDFs (pypdf, optional).
- ``cli``: the ``notices scrape`` subcommand.

This package file imports nothing heavy: ``pipeline.scrape.rawstore`` must stay cheap to import
for the parser, so the public names are re-exported lazily.
"""

from __future__ import annotations

import importlib
from typing import Any

__all__ = [
    "crawl",
    "crawl_source",
    "CrawlSummary",
    "SourceResult",
    "CrawlSettings",
    "Source",
    "load_sources",
    "is_raw_store",
    "iter_documents",
    "iter_failures",
]

_HOME = {
    "crawl": "crawl",
    "crawl_source": "crawl",
    "CrawlSummary": "crawl",
    "SourceResult": "crawl",
    "CrawlSettings": "settings",
    "Source": "sources",
    "load_sources": "sources",
    "is_raw_store": "rawstore",
    "iter_documents": "rawstore",
    "iter_failures": "rawstore",
}


def __getattr__(name: str) -> Any:
    """Import the module holding ``name`` on first use (keeps ``import pipeline.scrape`` cheap)."""
    module = _HOME.get(name)
    if module is None:
        raise AttributeError(f"module 'pipeline.scrape' has no attribute {name!r}")
    return getattr(importlib.import_module(f"{__name__}.{module}"), name)
