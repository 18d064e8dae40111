"""Release dates: week w of the program opens on start + 7 (w - 1) days."""

from __future__ import annotations

import datetime as dt

import pytest

from medcode.program import parse_start, plan, release_dates
from medcode.program.schedule import week_start


def test_week_one_starts_on_the_start_date_and_each_week_a_week_later():
    start = dt.date(2027, 1, 4)
    assert week_start(start, 1) == start
    assert week_start(start, 2) == dt.date(2027, 1, 11)
    assert week_start(start, 80) == dt.date(2028, 7, 10)


def test_every_assignment_and_mock_exam_gets_a_date_and_no_lesson_does():
    items = plan("diploma")
    releases = release_dates(items, dt.date(2027, 9, 6))
    assert {r.id for r in releases} == {i.id for i in items if i.kind in {"assignment", "mock_exam"}}
    dates = {r.id: r.date for r in releases}
    assert dates["terminology"] == dt.date(2027, 10, 4)  # week 5
    assert dates["cic-mock"] == dt.date(2028, 6, 5)  # week 40
    assert releases[0].to_dict() == {"id": "terminology", "kind": "assignment", "week": 5, "release": "2027-10-04"}


def test_associate_releases_run_over_twenty_months():
    releases = release_dates(plan("associate"), dt.date(2027, 1, 4))
    assert releases[-1].id == "cic-mock" and releases[-1].date == dt.date(2028, 6, 26)  # week 78
    assert [r.date for r in releases] == sorted(r.date for r in releases)


@pytest.mark.parametrize("text", ["2027-02-30", "next monday", "", "04/01/2027"])
def test_bad_start_dates_are_refused_with_the_expected_form(text):
    with pytest.raises(ValueError, match="YYYY-MM-DD"):
        parse_start(text)
