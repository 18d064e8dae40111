"""What a class's submissions are, and which of them nbgrader cannot grade at all.

Damaged or missing notebooks are recorded before nbgrader runs (it would stop on
them or score them as a silent zero); medcode.grading.pipeline sends the rest
through nbgrader's own autograde.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from medcode.grading import inspect_submission as insp
from medcode.grading.nbgrader_cli import run
from medcode.grading.outcome import Outcome


def release_notebooks(course: Path, assignment: str) -> list[str]:
    return sorted(p.stem for p in (course / "release" / assignment).glob("*.ipynb"))


def submitted_students(course: Path, assignment: str) -> list[str]:
    return sorted(p.parent.name for p in (course / "submitted").glob(f"*/{assignment}") if p.is_dir())


def max_score(course: Path, assignment: str) -> float:
    total = 0.0
    for name in release_notebooks(course, assignment):
        nb = nbformat.read(course / "release" / assignment / f"{name}.ipynb", as_version=4)
        total += sum(float(c.metadata["nbgrader"].get("points", 0)) for c in insp.grade_cells(nb).values())
    return total


def precheck(course: Path, assignment: str, student: str, notebooks: list[str], points: float) -> Outcome | None:
    """An outcome for a submission nbgrader cannot grade, or None when it can."""
    folder = course / "submitted" / student / assignment
    problems = []
    for name in notebooks:
        problem = insp.notebook_problem(folder / f"{name}.ipynb")
        if problem == "missing":
            found = sorted(p.name for p in folder.glob("*.ipynb"))
            return Outcome(student, 0.0, points, "missing",
                           f"{name}.ipynb was not submitted" + (f" (found: {', '.join(found)})" if found else ""))
        if problem:
            problems.append(f"{name}.ipynb: {problem}")
    if problems:
        return Outcome(student, 0.0, points, "invalid", "; ".join(problems))
    return None


def export(course: Path, assignment: str) -> Path:
    """nbgrader's own CSV export of the gradebook, beside grades.csv."""
    target = course / "reports" / assignment / "nbgrader-export.csv"
    target.parent.mkdir(parents=True, exist_ok=True)
    run(["export", "--to", str(target)], course)
    return target
