"""Release dates: the calendar day each assignment and mock exam opens, for a start date.

Program week 1 begins on the start date; an item placed in week w is released on the
first day of that week, start + 7 * (w - 1) days.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from medcode.program.tracks import PlanItem


@dataclass(frozen=True)
class Release:
    id: str
    kind: str
    week: int
    date: dt.date

    def to_dict(self) -> dict:
        return {"id": self.id, "kind": self.kind, "week": self.week, "release": self.date.isoformat()}


def parse_start(text: str) -> dt.date:
    """A YYYY-MM-DD date; ValueError with a readable message otherwise."""
    try:
        return dt.date.fromisoformat(text)
    except (TypeError, ValueError):
        raise ValueError(f"start date '{text}' is not a date in the form YYYY-MM-DD") from None


def week_start(start: dt.date, week: int) -> dt.date:
    """First day of a program week."""
    return start + dt.timedelta(days=7 * (week - 1))


def release_dates(items: list[PlanItem], start: dt.date) -> list[Release]:
    """Release date of every assignment and mock exam in a plan, in plan order."""
    return [Release(i.id, i.kind, i.week, week_start(start, i.week)) for i in items if i.kind != "lesson"]
