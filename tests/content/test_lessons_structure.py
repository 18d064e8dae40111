"""Lessons are committed executed top to bottom, open with objectives and close with the assignment."""

import re
from pathlib import Path

import nbformat
import pytest

ROOT = Path(__file__).resolve().parents[2]
LESSONS = sorted((ROOT / "lessons").glob("*.ipynb"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_was_executed_in_order_on_a_fresh_kernel(path):
    counts = [c.execution_count for c in nbformat.read(path, as_version=4).cells if c.cell_type == "code"]
    assert counts == list(range(1, len(counts) + 1)), "re-run the lesson top to bottom on a fresh kernel"


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_starts_with_objectives_and_one_import_cell(path):
    nb = nbformat.read(path, as_version=4)
    assert nb.cells[0].cell_type == "markdown" and "Learning objectives" in nb.cells[0].source
    assert re.search(r"\b[A-Z]+(-[A-Z]+)*-\d+\b", nb.cells[0].source), "objective ids from the program data"
    first_code = next(c for c in nb.cells if c.cell_type == "code")
    assert first_code.source.startswith(("from medcode", "import medcode"))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_ends_with_self_check_and_assignment_pointer(path):
    nb = nbformat.read(path, as_version=4)
    text = "\n".join(c.source for c in nb.cells)
    assert "Self-check" in text and "assignment" in nb.cells[-1].source.lower()


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_outputs_hold_no_error_or_memory_address(path):
    for cell in nbformat.read(path, as_version=4).cells:
        for out in cell.get("outputs", []):
            assert out.get("output_type") != "error", f"cell raised: {cell.source[:60]}"
            assert not re.search(r"0x[0-9a-f]{8,}", str(out.get("data", {}).get("text/plain", "")))


@pytest.mark.parametrize("path", LESSONS, ids=[p.stem for p in LESSONS])
def test_lesson_lists_the_objectives_the_program_gives_it(path):
    from medcode.program import load_modules

    modules = load_modules().values()
    known = {oid for m in modules for oid in m.objectives}
    wanted = next((ids for m in modules for lesson, ids in m.lessons.items() if lesson == path.stem), None)
    assert wanted, f"{path.stem} is not a lesson of any module in data/program/modules.yaml"
    first = nbformat.read(path, as_version=4).cells[0].source
    listed = set(re.findall(r"\b[A-Z]+(?:-[A-Z]+)*-\d+\b", first)) & known
    assert listed == set(wanted), f"objectives in the lesson {sorted(listed)} differ from the program {wanted}"
