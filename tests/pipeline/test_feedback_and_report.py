"""Feedback never reveals hidden tests or keys; the report has its plots and the needs-a-person list."""

import re

import nbformat
import pytest
from pipeline_helpers import ASSIGNMENT

from medcode.grading.feedback_safety import LITERAL, hidden_lines, normalized

pytestmark = pytest.mark.pipeline


def keys(course):
    source = nbformat.read(course / "source" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    found = set()
    for cell in source.cells:
        for line in hidden_lines(cell.source, "BEGIN HIDDEN TESTS", "END HIDDEN TESTS"):
            found |= {m.group(2) for m in LITERAL.finditer(line)}
    return found


def test_every_student_with_a_graded_notebook_has_feedback(graded_class):
    course, records = graded_class
    for student, record in records.items():
        html = course / "feedback" / student / ASSIGNMENT / f"{ASSIGNMENT}.html"
        assert html.exists() == bool(record.items), student


def test_feedback_never_shows_hidden_tests_or_a_key_the_student_did_not_type(graded_class):
    course, _ = graded_class
    release = normalized((course / "release" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text())
    all_keys = keys(course)
    assert len(all_keys) >= 10
    pages = list((course / "feedback").glob(f"*/{ASSIGNMENT}/*.html"))
    assert len(pages) >= 15
    for page in pages:
        text = page.read_text()
        assert "BEGIN HIDDEN" not in text and "grade_item(" not in text, page
        typed = normalized((course / "submitted" / page.parts[-3] / ASSIGNMENT / f"{ASSIGNMENT}.ipynb").read_text())
        visible = normalized(re.sub(r"<[^>]+>", " ", text))
        for key in all_keys:
            if normalized(key) not in typed and normalized(key) not in release:
                assert normalized(key) not in visible, (page, key)


def test_an_error_before_the_hidden_part_shows_the_message_not_the_hidden_lines(graded_class):
    course, _ = graded_class
    text = (course / "feedback" / "s21-uri" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "Your answer should be a code in quotes" in text
    assert '"E11"' not in text.replace("&quot;", '"')


def test_feedback_names_the_failed_item_and_the_rule(graded_class):
    course, _ = graded_class
    text = (course / "feedback" / "s02-ben" / ASSIGNMENT / f"{ASSIGNMENT}.html").read_text()
    assert "q3-check" in text and "seventh_character" in text


def test_the_report_has_three_plots_objectives_and_the_needs_a_person_list(graded_class):
    course, records = graded_class
    html = (course / "reports" / ASSIGNMENT / "report.html").read_text()
    assert len(re.findall(r'<img alt="[^"]+" src="data:image/png;base64,', html)) == 3
    for objective in [f"CM-CONV-{i}" for i in range(1, 9)]:
        assert objective in html
    section = html.split("<h2>Needs a person</h2>")[1].split("<h2>")[0]
    for student, record in records.items():
        assert (f"<td>{student}</td>" in section) == record.needs_person, student
    for student in ("s08-hana", "s09-ivan", "s10-jo", "s13-max", "s14-nia", "s18-raj"):
        assert f"<td>{student}</td>" in section
