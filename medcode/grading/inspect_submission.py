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


def timed_out_cells(autograded: Path) -> list[str]:
    """Grade ids (or cell numbers) of cells that hit the per-cell timeout."""
    nb = nbformat.read(autograded, as_version=4)
    out = []
    for i, cell in enumerate(nb.cells, 1):
        for o in cell.get("outputs", []):
            if o.get("output_type") == "error" and o.get("ename") in ("CellTimeoutError", "TimeoutError", "DeadKernelError"):
                out.append(cell.metadata.get("nbgrader", {}).get("grade_id") or f"cell {i}")
                break
    return out
