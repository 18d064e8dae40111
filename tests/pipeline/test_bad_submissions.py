"""Every kind of bad submission ends with a recorded outcome, and costs only the items it touches."""

import json

import nbformat
import pytest
from nbgrader.api import Gradebook
from pipeline_helpers import ASSIGNMENT

pytestmark = pytest.mark.pipeline
FULL = 2.0


def items(records, student):
    return {k: v[0] for k, v in records[student].items.items()}


def lost_only(records, student, lost: set):
    scores = items(records, student)
    assert {k for k, v in scores.items() if v < FULL} == lost, scores


def test_a_loop_costs_only_its_item_and_is_reported_as_a_timeout(graded_class):
    _, records = graded_class
    lost_only(records, "s08-hana", {"q3-check"})
    assert "per-cell time limit in q3-answer" in records["s08-hana"].outcome.message


def test_a_loop_that_ignores_the_interrupt_gets_a_fresh_kernel_and_the_rest_is_graded(graded_class):
    _, records = graded_class
    lost_only(records, "s22-val", {"q3-check"})
    assert records["s22-val"].outcome.status == "timeout"
    assert "kernel was replaced" in records["s22-val"].outcome.message


def test_a_kernel_that_exits_costs_only_its_item(graded_class):
    _, records = graded_class
    lost_only(records, "s14-nia", {"q4-check"})
    assert records["s14-nia"].outcome.status == "error" and "kernel died in q4-answer" in records["s14-nia"].outcome.message


def test_a_memory_blow_up_stops_at_the_cap_and_costs_only_its_item(graded_class):
    _, records = graded_class
    lost_only(records, "s17-quin", {"q7-check"})
    assert "ran out of memory" in records["s17-quin"].outcome.message


def test_sys_exit_in_a_cell_is_noted_and_the_rest_still_runs(graded_class):
    _, records = graded_class
    lost_only(records, "s15-oli", {"q5-check"})
    assert records["s15-oli"].outcome.status == "graded" and "sys.exit()" in records["s15-oli"].outcome.message


def test_a_huge_output_is_cut_while_it_arrives(graded_class):
    course, records = graded_class
    assert records["s16-pia"].outcome.score == 20
    graded = course / "autograded" / "s16-pia" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    assert graded.stat().st_size < 200_000
    assert "cut to the grading limit" in records["s16-pia"].outcome.message


def test_a_broken_notebook_is_invalid_and_leaves_no_false_zero_in_the_gradebook(graded_class):
    course, records = graded_class
    assert records["s09-ivan"].outcome.status == "invalid"
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "medical-coding") as gb:
        students = {s.student.id for s in gb.find_assignment(ASSIGNMENT).submissions}
    assert "s09-ivan" not in students and "s18-raj" not in students and "s01-ada" in students


def test_a_renamed_notebook_is_missing_and_names_what_was_found(graded_class):
    _, records = graded_class
    o = records["s18-raj"].outcome
    assert o.status == "missing" and "icd10cm-conventions-Copy1.ipynb" in o.message


def test_extra_files_are_listed_and_python_files_need_a_person(graded_class):
    _, records = graded_class
    assert records["s19-sol"].outcome.score == 20
    assert "helper.py, notes.txt" in records["s19-sol"].outcome.message and records["s19-sol"].needs_person


def test_a_duplicated_grade_cell_is_graded_once_instead_of_failing_the_submission(graded_class):
    course, records = graded_class
    assert records["s20-tara"].outcome.score == 20 and records["s20-tara"].needs_person
    nb = nbformat.read(course / "autograded" / "s20-tara" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb", as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    assert ids.count("q1-check") == 1


def test_edited_and_deleted_check_cells_are_reported_from_the_release_comparison(graded_class):
    _, records = graded_class
    assert "edited read-only cells q2-check" in records["s10-jo"].outcome.message
    assert "deleted check cells q9-check" in records["s13-max"].outcome.message
    assert records["s10-jo"].needs_person and records["s13-max"].needs_person
    assert not records["s01-ada"].needs_person and not records["s02-ben"].needs_person


def test_the_shown_log_has_no_checksum_noise_from_hidden_tests(graded_class):
    course, _ = graded_class
    log = (course / "reports" / ASSIGNMENT / "grading.log").read_text()
    assert "checksum" not in log.lower()
    manifest = [json.loads(line) for line in (course / "reports" / ASSIGNMENT / "manifest.jsonl").open()]
    assert len(manifest) == len({m["outcome"]["student_id"] for m in manifest})
