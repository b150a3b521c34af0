"""robots.txt per origin (RFC 9309), fetched once per crawl and cached.

Parsed by Protego (Scrapy's parser): wildcards and ``$`` ends (``Disallow: /*.pdf$``) and the
longest match between Allow and Disallow (``Allow: /col/col123/`` after ``Disallow: /col/``), which
``urllib.robotparser`` gets wrong (it ignores wildcards and takes the first rule that matches).

- 200: parsed; rules for ``notice-pipeline`` (else ``*``) apply, Crawl-delay too (capped).
- 4xx (404, 410, even 401/403): "unavailable", everything is allowed (RFC 9309 2.3.1.3).
- 5xx, timeouts, network errors (after the fetcher's retries): "unreachable", nothing on that
  origin is fetched this run (RFC 9309 2.3.1.4), logged with reason ``robots_unreachable``.
"""

from __future__ import annotations

import logging
import threading
from dataclasses import dataclass
from typing import Callable

from protego import Protego

from .http import Fetcher, Response
from .settings import CrawlSettings
from .urls import origin

__all__ = ["RobotsCache", "RobotsRules", "AGENT_TOKEN", "parse_robots"]

log = logging.getLogger(__name__)

# The product token robots.txt groups are matched against.
AGENT_TOKEN = "notice-pipeline"

# Called with the robots.txt response and its outcome, so the crawler can log it.
OnFetch = Callable[[Response, str], None]

# RFC 9309 2.5: crawlers must read at least 500 KiB; more is pointless.
_ROBOTS_MAX_BYTES = 512 * 1024


@dataclass(slots=True)
class RobotsRules:
    """The verdict for one origin."""

    parser: Protego | None  # None = no rules (allow all) or unreachable
    unreachable: bool = False
    crawl_delay: float | None = None

    def allows(self, url: str) -> bool:
        """True when the rules let AGENT_TOKEN fetch ``url``."""
        if self.unreachable:
            return False
        if self.parser is None:
            return True
        return bool(self.parser.can_fetch(url, AGENT_TOKEN))


def parse_robots(text: str) -> RobotsRules:
    """The rules of a robots.txt text (the ``notice-pipeline`` group, else ``*``)."""
    parser = Protego.parse(text)
    delay = parser.crawl_delay(AGENT_TOKEN)
    return RobotsRules(parser, crawl_delay=float(delay) if delay is not None else None)


class RobotsCache:
    """Fetches and remembers robots.txt per origin; thread-safe, one fetch per origin."""

    def __init__(self, fetcher: Fetcher, settings: CrawlSettings) -> None:
        self._fetcher = fetcher
        self._settings = settings
        self._lock = threading.Lock()
        self._locks: dict[str, threading.Lock] = {}
        self._rules: dict[str, RobotsRules] = {}

    def rules(self, url: str, on_fetch: OnFetch | None = None) -> RobotsRules:
        """The rules of ``url``'s origin, fetching robots.txt on first use.

        ``on_fetch(response, outcome)`` is called when this call fetched robots.txt (to log it).
        """
        key = origin(url)
        with self._lock:
            lock = self._locks.setdefault(key, threading.Lock())
        with lock:
            if key not in self._rules:
                self._rules[key] = self._load(key, on_fetch)
            return self._rules[key]

    def check(self, url: str, on_fetch: OnFetch | None = None) -> str | None:
        """None when ``url`` may be fetched, else ``robots_disallowed`` / ``robots_unreachable``."""
        rules = self.rules(url, on_fetch)
        if rules.unreachable:
            return "robots_unreachable"
        return None if rules.allows(url) else "robots_disallowed"

    def delay_for(self, url: str, delay: float) -> float:
        """``delay`` raised to the origin's Crawl-delay (capped by max_crawl_delay)."""
        crawl_delay = self.rules(url).crawl_delay
        if crawl_delay is None:
            return delay
        return max(delay, min(crawl_delay, self._settings.max_crawl_delay))

    def _load(self, key: str, on_fetch: OnFetch | None) -> RobotsRules:
        """Fetch and parse ``<origin>/robots.txt``."""
        import dataclasses

        cfg = dataclasses.replace(self._settings, max_bytes=min(self._settings.max_bytes, _ROBOTS_MAX_BYTES))
        resp = self._fetcher.fetch(f"{key}/robots.txt", settings=cfg)
        status = resp.status
        if resp.reason is None and status is not None and 200 <= status < 300 and resp.body is not None:
            outcome, rules = "fetched", parse_robots(resp.body.decode("utf-8", "replace"))
        elif resp.reason is None and status is not None and 400 <= status < 500 and status != 429:
            # Not a failure: no robots.txt means no restrictions.
            outcome, rules = "fetched", RobotsRules(None)
        else:  # 429, 5xx, timeouts, oversize or cut-off files: stay on the safe side
            outcome, rules = "error", RobotsRules(None, unreachable=True)
        if rules.unreachable:
            log.warning("robots.txt of %s unreachable (%s); skipping that origin this run",
                        key, resp.reason or resp.status)
        if on_fetch:
            on_fetch(resp, outcome)
        return rules
