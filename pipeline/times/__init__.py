"""Times: every stated time of a notice, its staged windows and the headline downtime.

Modules, in the order they run: :mod:`.grammar` finds points and ranges in the text, :mod:`.resolve`
fills years and relative days, :mod:`.clauses` reads each expression's clause (kind, estimate,
component), :mod:`.downtime` chooses the headline downtime, :mod:`.extract` puts them together.
Rules: ``rules/time_cues.yaml``, checked and compiled by :mod:`.cues`.
"""

from .extract import extract_windows

__all__ = ["extract_windows"]
