"""Which learning objectives each graded item measures.

Read from the source notebook, in this order for each grade cell:
1. the cell's own metadata `medcode.objectives` (a list of ids), if present;
2. otherwise the last "Objectives: ID, ID." line of a markdown cell above it
   (each item's prompt cell states its objectives; the prompt governs the cells
   that follow it until the next prompt with an Objectives line).
Objective titles come from data/program/objectives-<assignment>.yaml when it exists.
"""

from __future__ import annotations

import re
from pathlib import Path

import nbformat
import yaml

from medcode.paths import DATA_DIR

LINE = re.compile(r"Objectives?:\s*([^<\n]+)")
OBJECTIVE_ID = re.compile(r"[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)+")


def item_objectives(notebook: Path) -> dict[str, list[str]]:
    """{grade_id of each grade cell: [objective ids]} (an empty list when none is stated)."""
    nb = nbformat.read(notebook, as_version=4)
    current: list[str] = []
    mapping = {}
    for cell in nb.cells:
        if cell.cell_type == "markdown" and (match := LINE.search(cell.source)):
            current = OBJECTIVE_ID.findall(match.group(1))
        meta = cell.metadata.get("nbgrader", {})
        if meta.get("grade"):
            mapping[meta["grade_id"]] = list(cell.metadata.get("medcode", {}).get("objectives") or current)
    return mapping


def objective_titles(assignment: str, data_dir: Path = DATA_DIR) -> dict[str, str]:
    path = data_dir / "program" / f"objectives-{assignment}.yaml"
    if not path.exists():
        return {}
    data = yaml.safe_load(path.read_text()) or {}
    return {str(k): str(v) for k, v in data.items() if isinstance(v, str)}
