"""The assignment catalogue agrees with source/ and release/: ids, items and points."""

from pathlib import Path

import nbformat

from medcode.program import load_catalogue

ROOT = Path(__file__).resolve().parents[2]


def graded_cells(assignment):
    cells = []
    for path in (ROOT / "source" / assignment).glob("*.ipynb"):
        cells += [c for c in nbformat.read(path, as_version=4).cells if c.metadata.get("nbgrader", {}).get("grade")]
    return cells


def test_every_source_folder_is_an_available_catalogue_entry_and_back():
    available = {e["id"] for e in load_catalogue() if e["status"] == "available"}
    assert available == {p.name for p in (ROOT / "source").iterdir() if p.is_dir()}
    assert available == {p.name for p in (ROOT / "release").iterdir() if p.is_dir()}


def test_catalogue_items_and_points_match_the_graded_cells():
    for entry in load_catalogue():
        if entry["status"] != "available":
            continue
        cells = graded_cells(entry["id"])
        assert entry["items"] == len(cells)
        assert entry["points"] == sum(c.metadata["nbgrader"]["points"] for c in cells)
