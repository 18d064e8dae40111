"""What a submission looks like before and after nbgrader: damaged, tampered, timed out."""

from __future__ import annotations

import json
from pathlib import Path

import nbformat


def notebook_problem(path: Path) -> str | None:
    """Why nbgrader cannot read this notebook file, or None if it can."""
    if not path.exists():
        return "missing"
    try:
        nb = nbformat.reads(path.read_text(encoding="utf-8"), as_version=4)
    except json.JSONDecodeError as err:
        return f"the notebook file is damaged (not valid JSON: {err.msg} at line {err.lineno}, column {err.colno})"
    except (UnicodeDecodeError, nbformat.reader.NotJSONError, ValueError) as err:
        return f"the notebook file is damaged ({type(err).__name__}: {str(err)[:120]})"
    try:
        nbformat.validate(nb)
    except nbformat.ValidationError as err:
        return f"the notebook file is not a valid notebook ({err.message[:120]})"
    return None


def grade_cells(nb) -> dict[str, nbformat.NotebookNode]:
    return {c.metadata["nbgrader"]["grade_id"]: c for c in nb.cells
            if c.metadata.get("nbgrader", {}).get("grade_id")}


def locked_cell_changes(submitted: Path, release: Path) -> tuple[list[str], list[str]]:
    """(edited, deleted) grade ids of locked cells, comparing a submission to its release."""
    given = {k: c for k, c in grade_cells(nbformat.read(release, as_version=4)).items()
             if c.metadata["nbgrader"].get("locked")}
    sent = grade_cells(nbformat.read(submitted, as_version=4))
    edited = sorted(k for k, c in given.items() if k in sent and sent[k].source.strip() != c.source.strip())
    deleted = sorted(k for k in given if k not in sent)
    return edited, deleted


def cell_label(cell, number: int) -> str:
    return cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {number}"


def cell_errors(autograded: Path) -> list[tuple[str, str]]:
    """(cell label, error name) of every error output in a graded notebook, in cell order."""
    nb = nbformat.read(autograded, as_version=4)
    return [(cell_label(cell, i), o.get("ename", ""))
            for i, cell in enumerate(nb.cells, 1) for o in cell.get("outputs", [])
            if o.get("output_type") == "error"]


def cut_outputs(autograded: Path) -> list[str]:
    """Labels of cells whose output the grader cut to the output limit."""
    nb = nbformat.read(autograded, as_version=4)
    return [cell_label(cell, i) for i, cell in enumerate(nb.cells, 1)
            if any("output cut (grading limit)" in str(o.get("text", "")) + str(o.get("data", {}))
                   for o in cell.get("outputs", []))]


def duplicated_grade_ids(submitted: Path) -> list[str]:
    """Grade ids that appear on more than one cell of a submission (nbgrader keeps the last)."""
    nb = nbformat.read(submitted, as_version=4)
    ids = [c.metadata.get("nbgrader", {}).get("grade_id") for c in nb.cells]
    return sorted({i for i in ids if i and ids.count(i) > 1})


IGNORED_PARTS = {".ipynb_checkpoints", "__pycache__", "timestamp.txt"}  # timestamp.txt: nbgrader's own


def extra_files(folder: Path, notebooks: list[str]) -> list[str]:
    """Files in a submission folder other than the assignment's notebooks."""
    expected = {f"{n}.ipynb" for n in notebooks}
    return sorted(str(p.relative_to(folder)) for p in folder.rglob("*")
                  if p.is_file() and str(p.relative_to(folder)) not in expected
                  and not IGNORED_PARTS & set(p.relative_to(folder).parts))
