"""Grade every submission of an assignment with nbgrader and record an outcome for each.

Damaged or missing notebooks are recorded before nbgrader runs (it would stop on
them or score them as a silent zero); everything else goes through nbgrader's own
autograde, and the gradebook, the graded notebooks and the original submissions
then decide each student's status and message.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import nbformat
from tqdm import tqdm

from medcode.grading import inspect_submission as insp
from medcode.grading.nbgrader_cli import nbgrader_env, run
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


def autograde(course: Path, assignment: str, students: list[str], force: bool = True, progress: bool = True) -> str:
    """One `nbgrader autograde` over `students`, with a progress bar; returns nbgrader's log."""
    others = [s for s in submitted_students(course, assignment) if s not in students]
    args = [sys.executable, "-m", "nbgrader", "autograde", assignment]
    if others:
        args.append(f"--CourseDirectory.student_id_exclude={','.join(others)}")
    if force:
        args.append("--force")
    proc = subprocess.Popen(args, cwd=course, env=nbgrader_env(), stdout=subprocess.PIPE,
                            stderr=subprocess.STDOUT, text=True)
    log = []
    total = len(students) * len(release_notebooks(course, assignment))
    with tqdm(total=total, desc=f"autograde {assignment}", unit="notebook", disable=not progress) as bar:
        for line in proc.stdout:
            log.append(line)
            if "Setting destination file permissions" in line or "Skipping existing assignment" in line:
                bar.update(1)
    proc.wait()
    return "".join(log)


def read_outcome(course: Path, assignment: str, student: str, notebooks: list[str], points: float) -> Outcome:
    """The recorded outcome of a student nbgrader has processed."""
    from nbgrader.api import Gradebook, MissingEntry

    graded = [course / "autograded" / student / assignment / f"{n}.ipynb" for n in notebooks]
    if not all(p.exists() for p in graded):
        return Outcome(student, 0.0, points, "error", "nbgrader could not grade this submission; see the autograde log")
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        try:
            score = gb.find_submission(assignment, student).score
        except MissingEntry:
            return Outcome(student, 0.0, points, "error", "no gradebook entry after autograde")
    notes, status = [], "graded"
    for name, path in zip(notebooks, graded):
        if timed_out := insp.timed_out_cells(path):
            status = "timeout"
            notes.append(f"stopped after the per-cell time limit in {', '.join(timed_out)}")
        edited, deleted = insp.locked_cell_changes(course / "submitted" / student / assignment / f"{name}.ipynb",
                                                   course / "release" / assignment / f"{name}.ipynb")
        if edited:
            notes.append(f"edited read-only cells {', '.join(edited)}: restored from the source before grading")
        if deleted:
            notes.append(f"deleted check cells {', '.join(deleted)}: scored 0, a person should look")
    return Outcome(student, round(float(score), 2), points, status, "; ".join(notes))


def grade_assignment(course: Path, assignment: str, progress: bool = True) -> tuple[list[Outcome], str]:
    """Autograde every submission of `assignment` in `course`; an outcome for each, and nbgrader's log."""
    notebooks = release_notebooks(course, assignment)
    points = max_score(course, assignment)
    outcomes, gradeable = [], []
    for student in submitted_students(course, assignment):
        early = precheck(course, assignment, student, notebooks, points)
        (outcomes.append(early) if early else gradeable.append(student))
    log = autograde(course, assignment, gradeable, progress=progress) if gradeable else ""
    outcomes += [read_outcome(course, assignment, s, notebooks, points) for s in gradeable]
    return sorted(outcomes, key=lambda o: o.student_id), log


def feedback_and_export(course: Path, assignment: str) -> None:
    """nbgrader's own feedback (hidden tests cleared by the course config) and CSV export."""
    run(["generate_feedback", assignment, "--force"], course)
    report_dir = course / "reports" / assignment
    report_dir.mkdir(parents=True, exist_ok=True)
    run(["export", "--to", str(report_dir / "nbgrader-export.csv")], course)
