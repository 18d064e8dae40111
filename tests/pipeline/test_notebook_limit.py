"""The notebook-wide time limit stops a submission whose cell timeouts would add up."""

import pytest
from pipeline_helpers import ASSIGNMENT, copy_course

from medcode.grading import samples
from medcode.grading.pipeline import grade_class

pytestmark = pytest.mark.pipeline
LOOP = "while True:\n    pass"


def test_cells_after_the_notebook_limit_are_not_run_and_their_items_score_zero(template_course, tmp_path):
    course = copy_course(template_course, tmp_path / "limit", [])
    with (course / "nbgrader_config.py").open("a") as fh:
        fh.write("\nc.GradingLimits.cell_timeout = 2\nc.GradingLimits.notebook_timeout = 4\n")
    spec = {"assignment": ASSIGNMENT, "students": [
        {"id": "loops", "answers": {"q1": "E11"}, "replace_cells": {f"q{i}-answer": LOOP for i in (2, 3, 4)}}]}
    samples.write_submissions(course / "submitted", spec, release_root=course / "release")
    record = grade_class(course, ASSIGNMENT, workers=1, progress=False, feedback=False, report=False).records[0]
    assert record.outcome.status == "timeout"
    assert "notebook time limit" in record.outcome.message
    assert record.items["q1-check"][0] == 2 and record.outcome.score == 2
