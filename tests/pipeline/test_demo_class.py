"""The real pipeline on the bundled sample class records each student's expected outcome."""

import csv

import pytest
from pipeline_helpers import ASSIGNMENT

from medcode.grading import samples

pytestmark = pytest.mark.pipeline


def test_every_sample_student_gets_the_expected_score_and_status(graded_class):
    _, records = graded_class
    expected = samples.expected_outcomes()
    got = {s: {"score": r.outcome.score, "status": r.outcome.status} for s, r in records.items()}
    assert got == {s: {"score": float(e["score"]), "status": e["status"]} for s, e in expected.items()}


def test_grades_csv_has_one_row_per_submission_with_the_agreed_columns(graded_class):
    course, records = graded_class
    with (course / "reports" / ASSIGNMENT / "grades.csv").open() as fh:
        rows = list(csv.DictReader(fh))
    assert list(rows[0]) == ["student_id", "score", "max_score", "status", "message"]
    assert sorted(r["student_id"] for r in rows) == sorted(records)
    assert {r["status"] for r in rows} <= {"graded", "timeout", "error", "invalid", "missing"}
