"""The certification alignment matrix: coverage per exam section, graded counts and gaps."""

from __future__ import annotations

import json

import pytest
from program_helpers import ProgramCopy

from medcode.program import alignment, gaps, graded_count, load_certifications


@pytest.fixture
def copy(tmp_path):
    c = ProgramCopy(tmp_path)
    c.source_dir = tmp_path / "source"
    c.source_dir.mkdir()
    return c


def matrix(copy, track=None):
    rows = alignment(track, data_dir=copy.data_dir, catalogue_path=copy.catalogue_path, source_dir=copy.source_dir)
    return {(r.exam, r.section): r for r in rows}


def write_source(folder, points):
    folder.mkdir(parents=True)
    cells = [{"cell_type": "code", "metadata": {"nbgrader": {"grade": True, "grade_id": f"q{i}", "points": p}},
              "source": "", "outputs": []} for i, p in enumerate(points)]
    cells.append({"cell_type": "markdown", "metadata": {"nbgrader": {"grade": False}}, "source": ""})
    (folder / "a.ipynb").write_text(json.dumps({"cells": cells, "metadata": {}, "nbformat": 4, "nbformat_minor": 5}))


def test_weights_come_from_the_certification_data_with_source_and_year(copy):
    certs = {c["id"]: c for c in load_certifications(copy.data_dir)}
    assert set(certs) == {"CPC", "CCA", "CCS"}
    assert all(c["source"] and c["year"] for c in certs.values())
    cpc = {s["id"]: s["weight"] for s in certs["CPC"]["sections"]}
    assert cpc["evaluation-management"] == [6, 6] and cpc["anesthesia"] == [4, 4]
    assert sum(w[0] for w in cpc.values() if w) == 72
    cca = {s["id"]: s["weight"] for s in certs["CCA"]["sections"]}
    assert cca["classification"] == [30, 34] and cca["reimbursement"] == [15, 19]


def test_catalogue_items_count_for_every_section_of_the_assignment_module(copy):
    copy.edit_catalogue(lambda c: c[1].update(status="available", items=12, points=24))  # terminology
    rows = matrix(copy)
    assert rows[("CPC", "terminology")].graded_items == 12
    assert rows[("CPC", "terminology")].assignments == ("terminology",)
    assert not rows[("CPC", "terminology")].gap
    assert rows[("CCS", "terminology")].graded_items == 12


def test_planned_assignments_count_zero_and_are_listed_as_planned(copy):
    rows = matrix(copy)
    msdrg = rows[("CCA", "reimbursement")]
    assert msdrg.graded_items == 0 and msdrg.planned == ("msdrg",) and msdrg.gap
    assert graded_count({"id": "msdrg", "status": "planned", "items": 9}).basis == "planned"


def test_available_assignment_without_counts_is_counted_from_its_source_notebook(copy):
    copy.edit_catalogue(lambda c: [e.pop(k, None) for e in c for k in ("items", "points")])
    write_source(copy.source_dir / "icd10cm-conventions", [2, 2, 3])
    count = graded_count({"id": "icd10cm-conventions", "status": "available"}, copy.source_dir)
    assert (count.items, count.points, count.basis) == (3, 7.0, "source notebook")
    assert matrix(copy)[("CPC", "icd10cm")].graded_items == 3


def test_available_assignment_without_counts_or_source_counts_as_planned(copy):
    copy.edit_catalogue(lambda c: [e.pop(k, None) for e in c for k in ("items", "points")])
    count = graded_count({"id": "icd10cm-conventions", "status": "available"}, copy.source_dir)
    assert (count.items, count.basis) == (0, "planned")
    assert matrix(copy)[("CPC", "icd10cm")].gap


def test_catalogue_certification_list_limits_the_exams_an_assignment_counts_for(copy):
    copy.edit_catalogue(lambda c: c[1].update(status="available", items=5, certification=["CPC"]))
    rows = matrix(copy)
    assert rows[("CPC", "terminology")].graded_items == 5
    assert rows[("CCS", "terminology")].graded_items == 0


def test_mock_exam_covers_every_section_of_its_exam(copy):
    copy.edit_catalogue(lambda c: next(e for e in c if e["id"] == "cpc-mock").update(status="available", items=100))
    rows = matrix(copy)
    cpc = [r for (exam, _), r in rows.items() if exam == "CPC"]
    assert all(r.graded_items >= 100 and "cpc-mock" in r.assignments for r in cpc)
    assert all("cpc-mock" not in r.assignments for (exam, _), r in rows.items() if exam != "CPC")


def test_track_counts_only_the_modules_it_teaches(copy):
    assert matrix(copy, "diploma")[("CCA", "health-records")].modules == ("records",)
    assert matrix(copy, "associate")[("CCA", "health-records")].modules == ("records", "him")


def test_gaps_are_the_sections_without_graded_items(copy):
    write_source(copy.source_dir / "icd10cm-conventions", [1] * 4)
    rows = list(matrix(copy).values())
    found = gaps(rows)
    assert found and all(r.graded_items == 0 for r in found)
    assert {(r.exam, r.section) for r in rows if r not in found} == {
        ("CPC", "icd10cm"), ("CPC", "guidelines"), ("CCA", "classification"), ("CCS", "icd-coding")}


def test_real_repository_alignment_reports_the_conventions_assignment(copy):
    rows = {(r.exam, r.section): r for r in alignment("diploma")}
    assert "icd10cm-conventions" in rows[("CPC", "icd10cm")].assignments + rows[("CPC", "icd10cm")].planned
    assert rows[("CPC", "anatomy")].to_dict()["weight"] == [4, 4]
