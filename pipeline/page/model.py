"""The records of the page reader: what the HTML cleaner knows about a page (:class:`PageHints`),
what the reader finds (:class:`CleanPage`), a date the text gives (:class:`TextDate`)."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import NamedTuple



@dataclass(slots=True)
class PageHints:
    """What the HTML cleaner (or a fetch) already knows about the page."""

    title: str | None = None
    publisher: str | None = None  # e.g. <meta name="ContentSource">
    author: str | None = None
    published: dt.datetime | None = None  # e.g. <meta name="PubDate">
    site_name: str | None = None


@dataclass(slots=True)
class CleanPage:
    """The body of a notice and the metadata found around it."""

    body_text: str
    title: str | None = None
    publisher: str | None = None
    publisher_evidence: str | None = None  # where it was read: 来源:X, signature:X, body:<sentence> ...
    published_at: dt.datetime | None = None
    published_evidence: str | None = None  # the info line, the signature date, meta:PubDate ...
    # Offsets into body_text of the words that gave the title, publisher and publication date;
    # None when they stood outside the body (an info line above it, an HTML <meta>).
    title_span: tuple[int, int] | None = None
    publisher_span: tuple[int, int] | None = None
    published_span: tuple[int, int] | None = None
    host_stamp: dt.datetime | None = None  # a repost/update stamp of the hosting site
    # The date the text itself gives (its signature, a news lead) when a page stamp above the body
    # was preferred: the publication date if that stamp turns out to be a repost's (see parse.py).
    text_date: TextDate | None = None
    # Issuing bodies credited by the page's 来源/作者/转自 lines and meta tags (agency names only),
    # the chosen publisher among them or not: where they sit tells the notice's place.
    sources: list[str] = field(default_factory=list)
    skip_spans: list[tuple[int, int]] = field(default_factory=list)
    # Account names on a byline under the title (某市医保 2022-12-28): no issuer, but the place's name.
    accounts: list[str] = field(default_factory=list)


class TextDate(NamedTuple):
    """A publication date read in the body, with the words and the body span that gave it."""

    when: dt.datetime
    evidence: str
    span: tuple[int, int]


def use_text_date(page: CleanPage) -> bool:
    """Replace the page's publication date by the date its text gives (a repost's stamp was
    dropped); False when the text gives none."""
    if page.text_date is None:
        return False
    page.published_at, page.published_evidence, page.published_span = page.text_date
    page.text_date = None
    return True
