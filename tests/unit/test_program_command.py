"""`medcode program`: the plan of both tracks as JSON and table, the picture, release dates, errors."""

from __future__ import annotations

import json

import pytest

from medcode import cli
from medcode.program import load_catalogue, load_modules
from medcode.program.tracks import lesson_ids


def run(capsys, *argv):
    code = cli.main(["program", *argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.mark.parametrize("track, months", [("diploma", 10), ("associate", 20)])
def test_json_plan_has_schema_months_and_every_item(capsys, track, months):
    code, out, _ = run(capsys, "--track", track, "--json")
    plan = json.loads(out)
    assert code == 0
    assert plan["track"] == track and plan["months"] == months
    for row in plan["items"]:
        assert {"id", "kind", "path", "month", "week"} <= set(row)
        assert row["kind"] in {"lesson", "assignment", "mock_exam"}
        assert 1 <= row["month"] <= months and 1 <= row["week"] <= months * 4
        assert row["month"] == (row["week"] - 1) // 4 + 1
    ids = [row["id"] for row in plan["items"]]
    assert len(ids) == len(set(ids))
    assert set(lesson_ids(load_modules())) | {e["id"] for e in load_catalogue()} == set(ids)


def test_json_kinds_and_paths_follow_the_item(capsys):
    rows = {r["id"]: r for r in json.loads(run(capsys, "--json")[1])["items"]}
    assert rows["04-icd10cm-conventions"]["kind"] == "lesson"
    assert rows["04-icd10cm-conventions"]["path"] == "lessons/04-icd10cm-conventions.ipynb"
    assert rows["icd10cm-conventions"]["kind"] == "assignment"
    assert rows["icd10cm-conventions"]["path"] == "release/icd10cm-conventions/"
    assert rows["cpc-mock"]["kind"] == rows["cic-mock"]["kind"] == "mock_exam"


def test_all_fifteen_lessons_are_in_the_plan_in_order(capsys):
    rows = json.loads(run(capsys, "--track", "associate", "--json")[1])["items"]
    lessons = [r["id"] for r in rows if r["kind"] == "lesson"]
    assert len(lessons) == 15 and lessons == sorted(lessons)


def test_table_lists_items_with_month_and_week(capsys):
    code, out, _ = run(capsys, "--track", "associate")
    assert code == 0
    assert out.startswith("Associate Degree")
    assert "20 months" in out.splitlines()[0]
    assert any(line.split()[:2] == ["20", "78"] and "cic-mock" in line for line in out.splitlines())


def test_start_date_adds_release_dates_to_assignments_only(capsys):
    rows = json.loads(run(capsys, "--start", "2027-01-04", "--json")[1])["items"]
    by_id = {r["id"]: r for r in rows}
    assert by_id["terminology"]["release"] == "2027-02-01"  # week 5
    assert by_id["cpc-mock"]["release"] == "2027-09-27"  # week 39
    assert all("release" not in r for r in rows if r["kind"] == "lesson")
    code, out, _ = run(capsys, "--start", "2027-01-04")
    assert code == 0 and "release" in out.splitlines()[1]
    assert any("terminology" in line and line.endswith("2027-02-01") for line in out.splitlines())


def test_plot_writes_a_png(capsys, tmp_path):
    target = tmp_path / "diploma.png"
    code, out, _ = run(capsys, "--plot", str(target))
    assert code == 0 and f"wrote {target}" in out
    assert target.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")


@pytest.mark.parametrize("argv, message", [
    (["--track", "bachelor"], "unknown track 'bachelor'; choose one of: associate, diploma"),
    (["--start", "04/01/2027"], "start date '04/01/2027' is not a date in the form YYYY-MM-DD"),
    (["--plot", "timeline.svg"], "--plot needs a .png file name, not 'timeline.svg'"),
    (["--plot", "no/such/folder/t.png"], "no such folder for --plot: no/such/folder"),
])
def test_user_errors_print_one_line_and_exit_2(capsys, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2
    assert err == f"medcode: {message}\n"


def test_check_passes_on_the_repository_data(capsys):
    code, out, _ = run(capsys, "--check")
    assert code == 0 and out == "program data: no problems\n"


def test_alignment_json_lists_every_exam_section(capsys):
    data = json.loads(run(capsys, "--alignment", "--json")[1])
    assert data["track"] == "diploma"
    exams = {s["exam"] for s in data["sections"]}
    assert exams == {"CPC", "CCA", "CCS"}
    assert all({"section", "weight", "modules", "graded_items", "gap"} <= set(s) for s in data["sections"])


def test_alignment_table_ends_with_the_gap_count(capsys):
    code, out, _ = run(capsys, "--alignment", "--track", "associate")
    assert code == 0
    assert out.splitlines()[-1].startswith("gaps (no graded item yet): ")
