"""How long a stated period lasts: a day-precision end counts the whole day.

``10月1日至10月7日`` runs through the 7th, so it lasts 168 hours, not the 144 of midnight to
midnight. An end that is the day business resumes (``10月8日起恢复``) is the opposite: the outage
ends as that day begins. A window's end is taken as a resume day when a ``resume`` window of the
same notice starts on it at day precision.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Iterable

__all__ = ["end_moment", "duration_hours", "DAY"]

DAY = dt.timedelta(days=1)


def _midnight(t: dt.datetime) -> bool:
    return t.hour == 0 and t.minute == 0 and t.second == 0 and t.microsecond == 0


def end_moment(end: dt.datetime, precision: str | None, resume_days: Iterable[dt.datetime] = ()) -> dt.datetime:
    """The moment a stated ``end`` means: the end of its day when it is a day-precision end of a
    range, the time itself otherwise (a clock time, or the day business resumes)."""
    if precision != "day" or not _midnight(end) or end in set(resume_days):
        return end
    return end + DAY


def duration_hours(
    start: dt.datetime | None,
    end: dt.datetime | None,
    end_precision: str | None,
    resume_days: Iterable[dt.datetime] = (),
) -> float | None:
    """Hours from ``start`` to the moment ``end`` means (see :func:`end_moment`); None when either
    side is missing or the end is before the start."""
    if start is None or end is None or end < start:
        return None
    return round((end_moment(end, end_precision, resume_days) - start).total_seconds() / 3600, 2)
