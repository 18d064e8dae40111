"""One graded sample class per test session, shared by the pipeline tests (grading it takes about a minute)."""

from __future__ import annotations

from pathlib import Path

import pytest
from pipeline_helpers import ASSIGNMENT, copy_course, jupyter_env

from medcode.grading.demo import prepare_course
from medcode.grading.pipeline import grade_class


@pytest.fixture(scope="session")
def template_course(tmp_path_factory) -> Path:
    """A course with the generated release and the sample submissions, not yet graded."""
    base = tmp_path_factory.mktemp("grading")
    jupyter_env(base / "jupyter")
    course = base / "template"
    prepare_course(course, ASSIGNMENT)
    return course


@pytest.fixture(scope="session")
def graded_class(template_course, tmp_path_factory):
    """The whole sample class graded by `grade_class` with two local workers: (course, {student: Record})."""
    course = copy_course(template_course, tmp_path_factory.mktemp("class") / "course")
    run = grade_class(course, ASSIGNMENT, workers=2, progress=False)
    return course, {r.outcome.student_id: r for r in run.records}
