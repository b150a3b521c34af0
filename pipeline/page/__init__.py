"""Page: the notice body of a page's text, with its title, publisher and publication date.

Modules, in the order :func:`.clean.clean_page` uses them: :mod:`.lines` reads one line on its own
(chrome, footer, info line), :mod:`.infolines` reads 来源/发布时间 lines, :mod:`.title` finds the
heading, :mod:`.signature` and :mod:`.dateline` read the signature and a news dateline,
:mod:`.publisher` chooses the publisher. :mod:`.agencies` knows issuing bodies' names, :mod:`.stamps`
machine and official dates, :mod:`.model` holds the records. Rules: ``rules/page.yaml``, compiled by
:mod:`.rules`.
"""

from .agencies import is_agency_name
from .clean import clean_page
from .lines import is_breadcrumb, is_section_heading, line_kind
from .model import CleanPage, PageHints, TextDate, use_text_date
from .publisher import expand_publisher
from .stamps import parse_meta_date, parse_stamp

__all__ = ["CleanPage", "clean_page", "PageHints", "parse_stamp", "parse_meta_date", "is_agency_name",
           "expand_publisher", "is_breadcrumb", "is_section_heading", "line_kind", "TextDate", "use_text_date"]
