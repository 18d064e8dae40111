"""Pieces of `medcode grade` that need no kernel: limits, objectives, manifest, feedback scrub, report maths."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
import pytest
from nbformat.v4 import new_code_cell, new_markdown_cell, new_notebook, new_output

from medcode.cli import main as cli_main
from medcode.grading.assess import Record
from medcode.grading.execute import memory_cap
from medcode.grading.feedback_safety import ScrubHiddenOutputs
from medcode.grading.limits import course_config, load_limits
from medcode.grading.manifest import Manifest, course_fingerprint, submission_hash
from medcode.grading.objectives import item_objectives, objective_titles
from medcode.grading.outcome import Outcome
from medcode.grading.report import item_difficulty, objective_mastery, write_report
from medcode.grading.sanitize import DropDuplicateIds

ROOT = Path(__file__).resolve().parents[2]
SOURCE = ROOT / "source" / "icd10cm-conventions" / "icd10cm-conventions.ipynb"


def grade_cell(source, grade_id, outputs=()):
    cell = new_code_cell(source, outputs=list(outputs))
    cell.metadata["nbgrader"] = {"grade": True, "grade_id": grade_id, "locked": True, "points": 2,
                                 "schema_version": 3, "solution": False, "task": False}
    return cell


def test_the_course_config_sets_all_four_limits():
    limits = load_limits(course_config(ROOT))
    assert limits.as_dict() == {"cell_timeout": 10, "notebook_timeout": 120, "memory_mb": 1024, "output_chars": 20000}


def test_the_memory_cap_limits_the_child_address_space():
    out = subprocess.run([sys.executable, "-c", "import resource; print(resource.getrlimit(resource.RLIMIT_AS)[0])"],
                         preexec_fn=memory_cap(512), capture_output=True, text=True, check=True)
    assert int(out.stdout) == 512 * 1024 * 1024


def test_items_map_to_the_objectives_of_their_prompt_cell():
    mapping = item_objectives(SOURCE)
    assert mapping["q1-check"] == ["CM-CONV-1", "CM-CONV-2"]
    assert mapping["q10-check"] == ["CM-CONV-8", "CM-CONV-3"]
    assert len(mapping) == 10 and all(mapping.values())
    assert objective_titles("icd10cm-conventions")["CM-CONV-1"].startswith("Read an ICD-10-CM code")


def test_cell_metadata_objectives_win_over_the_prompt(tmp_path):
    nb = new_notebook(cells=[new_markdown_cell("Objectives: AB-1."), grade_cell("x", "a"), grade_cell("y", "b")])
    nb.cells[2].metadata["medcode"] = {"objectives": ["AB-2"]}
    nbformat.write(nb, tmp_path / "n.ipynb")
    assert item_objectives(tmp_path / "n.ipynb") == {"a": ["AB-1"], "b": ["AB-2"]}


def test_the_manifest_ignores_a_torn_line_and_keeps_the_last_record(tmp_path):
    m = Manifest(tmp_path / "manifest.jsonl")
    m.reset()
    m.add(Record(Outcome("s1", 1, 2, "graded")), "h1")
    m.add(Record(Outcome("s1", 2, 2, "graded")), "h2")
    with m.path.open("a") as fh:
        fh.write('{"outcome": {"student_id": "s2", "sco')
    entries = m.load()
    assert list(entries) == ["s1"] and entries["s1"]["hash"] == "h2" and entries["s1"]["outcome"]["score"] == 2


def test_a_submission_hash_changes_with_its_files_and_with_the_limits(tmp_path):
    folder = tmp_path / "submitted" / "s1" / "a"
    folder.mkdir(parents=True)
    (folder / "a.ipynb").write_text("one")
    fp = course_fingerprint(tmp_path, "a", {"cell_timeout": 10})
    first = submission_hash(tmp_path, "a", "s1", fp)
    assert first == submission_hash(tmp_path, "a", "s1", fp)
    assert first != submission_hash(tmp_path, "a", "s1", course_fingerprint(tmp_path, "a", {"cell_timeout": 5}))
    (folder / "extra.txt").write_text("x")
    assert first != submission_hash(tmp_path, "a", "s1", fp)


def test_feedback_scrub_drops_hidden_lines_and_unseen_keys_from_outputs():
    tb = ["Traceback", "----> 3 check(q1)\n      4 ### BEGIN HIDDEN TESTS\n      5 grade_item(q1, \"Z99.1\")"]
    cell = grade_cell('check(q1)\n### BEGIN HIDDEN TESTS\ngrade_item(q1, "Z99.1")\n### END HIDDEN TESTS', "q1-check",
                      [new_output("error", ename="AssertionError", evalue="bad form", traceback=tb),
                       new_output("stream", name="stdout", text="the key is Z99.1\nScore: 0 of 2\n")])
    answer = new_code_cell('q1 = "A00.0"')
    answer.metadata["nbgrader"] = {"solution": True, "grade_id": "q1-answer", "locked": False}
    nb, _ = ScrubHiddenOutputs().preprocess(new_notebook(cells=[answer, cell]), {})
    outputs = nb.cells[1].outputs
    assert outputs[0].traceback == ["AssertionError: bad form"]
    assert "Z99.1" not in outputs[1].text and "Score: 0 of 2" in outputs[1].text


def test_feedback_scrub_keeps_a_code_the_student_typed():
    cell = grade_cell('### BEGIN HIDDEN TESTS\ngrade_item(q1, "Z99.1")\n### END HIDDEN TESTS', "q1-check",
                      [new_output("stream", name="stdout", text="z99.1 is right\n")])
    answer = new_code_cell('q1 = "z991"')
    nb, _ = ScrubHiddenOutputs().preprocess(new_notebook(cells=[answer, cell]), {})
    assert nb.cells[1].outputs[0].text == "z99.1 is right\n"


def test_duplicate_grade_ids_leave_the_earlier_copy_as_a_plain_cell():
    nb = new_notebook(cells=[grade_cell("a", "q1-check"), grade_cell("a", "q1-check")])
    nb, _ = DropDuplicateIds().preprocess(nb, {})
    assert "nbgrader" not in nb.cells[0].metadata and nb.cells[1].metadata["nbgrader"]["grade_id"] == "q1-check"


def test_report_maths_and_page(tmp_path):
    records = [Record(Outcome("a", 3, 4, "graded"), {"i1": [2, 2], "i2": [1, 2]}),
               Record(Outcome("b", 1, 4, "timeout"), {"i1": [0, 2], "i2": [1, 2]}, True),
               Record(Outcome("c", 0, 4, "invalid", "broken"), {}, True)]
    assert item_difficulty(records, ["i1", "i2"]) == {"i1": 0.5, "i2": 0.5}
    assert objective_mastery(records, {"i1": ["O-1"], "i2": ["O-1", "O-2"]}) == {"O-1": 0.5, "O-2": 0.5}
    html = write_report(tmp_path / "r.html", "x", records, ["i1", "i2"], {"i1": ["O-1"], "i2": ["O-2"]}, {}).read_text()
    assert html.count("data:image/png;base64,") == 3 and "<td>c</td><td>invalid</td>" in html


@pytest.mark.parametrize("argv", [["grade", "a", "--scheduler", "tcp://x:1"], ["grade", "a", "--workers", "0"]])
def test_grade_rejects_inconsistent_options_with_status_2(argv, capsys):
    assert cli_main(argv) == 2
    assert "medcode:" in capsys.readouterr().err
