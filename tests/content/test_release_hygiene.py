"""release/ is exactly what nbgrader generates from source/ now, and holds no solution or hidden-test text."""

import re
import shutil
from pathlib import Path

import nbformat
import pytest

from medcode.grading.nbgrader_cli import run

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENTS = sorted(p.name for p in (ROOT / "source").iterdir() if p.is_dir())
MARKERS = ("BEGIN SOLUTION", "END SOLUTION", "BEGIN HIDDEN TESTS", "END HIDDEN TESTS")


def cells(path):
    nb = nbformat.read(path, as_version=4)
    return [(c.cell_type, c.source, c.metadata.get("nbgrader")) for c in nb.cells]


@pytest.fixture(scope="module")
def regenerated(tmp_path_factory):
    course = tmp_path_factory.mktemp("course")
    shutil.copy(ROOT / "nbgrader_config.py", course)
    shutil.copytree(ROOT / "source", course / "source")
    for assignment in ASSIGNMENTS:
        result = run(["generate_assignment", assignment, "--force"], course)
        assert result.returncode == 0, result.stderr[-2000:]
    return course / "release"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_matches_what_nbgrader_generates_from_source(assignment, regenerated):
    committed = sorted(p.name for p in (ROOT / "release" / assignment).rglob("*") if p.is_file())
    fresh = sorted(p.name for p in (regenerated / assignment).rglob("*") if p.is_file())
    assert committed == fresh, "release/ files differ from a fresh nbgrader generate_assignment: run `make release`"
    for name in fresh:
        if name.endswith(".ipynb"):
            assert cells(ROOT / "release" / assignment / name) == cells(regenerated / assignment / name), \
                f"release/{assignment}/{name} is stale or hand-edited: run `make release`"


@pytest.mark.parametrize("assignment", ASSIGNMENTS)
def test_release_holds_no_solution_or_hidden_test_text(assignment):
    source_nb = nbformat.read(next((ROOT / "source" / assignment).glob("*.ipynb")), as_version=4)
    secret_lines = set()
    for cell in source_nb.cells:
        for region in re.findall(r"### BEGIN (?:SOLUTION|HIDDEN TESTS)\n(.*?)### END", cell.source, re.S):
            secret_lines |= {line.strip() for line in region.splitlines() if line.strip()}
    assert secret_lines
    for path in (ROOT / "release" / assignment).rglob("*"):
        if path.is_file():
            text = path.read_text()
            for marker in MARKERS:
                assert marker not in text, f"{path.name} contains '{marker}'"
            for line in secret_lines:
                assert line not in text, f"{path.name} leaks solution or hidden-test line: {line}"
