"""The program timeline widget: track toggle, picture and table, instructor start date."""

from __future__ import annotations

import datetime as dt

import pytest

from medcode.program import ProgramError
from medcode.widgets.program_timeline import ProgramTimeline


def test_shows_the_diploma_by_default_with_picture_and_table():
    w = ProgramTimeline()
    assert "medcode-program-timeline" in w._dom_classes
    assert w.track.value == "diploma"
    assert "10 months" in w.summary.value
    assert bytes(w.picture.value).startswith(b"\x89PNG")
    assert w.table.value.count("<tr>") == len(w.items) + 1
    assert "release" not in w.table.value


def test_select_track_switches_plan_picture_and_summary():
    w = ProgramTimeline()
    diploma_png = w.picture.value
    w.select_track("associate")
    assert "20 months" in w.summary.value
    assert bytes(w.picture.value) != bytes(diploma_png)
    assert any(i.course == "HCC502" or i.week > 40 for i in w.items)


def test_unknown_track_is_refused():
    with pytest.raises(ProgramError, match="unknown track 'bachelor'"):
        ProgramTimeline().select_track("bachelor")


def test_instructor_start_date_shows_release_dates():
    w = ProgramTimeline(instructor=True)
    assert w.start in w.children[0].children
    w.set_start(dt.date(2027, 1, 4))
    assert w.releases["terminology"] == dt.date(2027, 2, 1)
    assert "<th>release</th>" in w.table.value and "2027-02-01" in w.table.value
    assert "last week ends 2027-10-10" in w.summary.value
    w.set_start("2027-09-06")
    assert w.releases["terminology"] == dt.date(2027, 10, 4)
    w.set_start(None)
    assert w.releases == {} and "release" not in w.table.value


def test_student_view_has_no_date_picker_and_ignores_a_start():
    w = ProgramTimeline(instructor=False, start=dt.date(2027, 1, 4))
    assert w.start not in w.children[0].children
    assert w.releases == {}
