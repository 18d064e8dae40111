"""Turn what nbgrader left (gradebook rows, graded notebook) into one student's record.

Status: `error` when nbgrader could not grade, the kernel died or a cell hit the
memory cap; `timeout` when a cell hit the per-cell or notebook time limit;
otherwise `graded`. Scores always come from nbgrader's gradebook, so an item
lost to a crash scores 0 while the other items keep their points.
"""

from __future__ import annotations

from dataclasses import asdict, dataclass, field
from pathlib import Path

from medcode.grading import execute as ex
from medcode.grading import inspect_submission as insp
from medcode.grading.gradebook_lock import gradebook_lock
from medcode.grading.outcome import Outcome

TIMEOUTS = {"CellTimeoutError": "stopped after the per-cell time limit in {}",
            "TimeoutError": "stopped after the per-cell time limit in {}",
            ex.UNRESPONSIVE: "{} ignored the interrupt at its time limit; the kernel was replaced",
            ex.NOTEBOOK_TIMEOUT: "not run after the notebook time limit: {}"}
FAILURES = {ex.KERNEL_DIED: "the kernel died in {} (it exited or ran out of memory); later items still graded",
            "MemoryError": "{} ran out of memory (over the grading memory cap)"}
NOTES = {"SystemExit": "{} called sys.exit(); the rest of the notebook still ran"}


@dataclass
class Record:
    """A student's outcome plus what the report needs: item scores and whether a person should look."""

    outcome: Outcome
    items: dict = field(default_factory=dict)  # grade_id -> [score, max_score]
    needs_person: bool = False

    def to_json(self) -> dict:
        return {"outcome": asdict(self.outcome), "items": self.items, "needs_person": self.needs_person}

    @classmethod
    def from_json(cls, data: dict) -> Record:
        return cls(Outcome(**data["outcome"]), data.get("items", {}), data.get("needs_person", False))


def _group(errors: list[tuple[str, str]], templates: dict) -> list[str]:
    found: dict[str, list[str]] = {}
    for label, ename in errors:
        if ename in templates and label not in found.setdefault(ename, []):
            found[ename].append(label)
    return [templates[e].format(", ".join(labels)) for e, labels in found.items()]


def gradebook_scores(db_url: str, course_id: str, assignment: str, student: str) -> tuple[float, dict, list]:
    """(total, {grade_id: [score, max]}, grade ids flagged for manual grading) from nbgrader's gradebook."""
    from nbgrader.api import Gradebook

    with gradebook_lock(db_url), Gradebook(db_url, course_id) as gb:
        sub = gb.find_submission(assignment, student)
        items, manual = {}, []
        for nb in sub.notebooks:
            for grade in nb.grades:
                items[grade.name] = [float(grade.score), float(grade.max_score)]
                if grade.needs_manual_grade:
                    manual.append(grade.name)
        return float(sub.score), items, sorted(manual)


def assess(course: Path, assignment: str, student: str, notebooks: list[str], points: float,
           db_url: str, course_id: str, failure: str = "") -> Record:
    """The record of a student nbgrader has processed (`failure`: nbgrader's error, if it gave up)."""
    graded = [course / "autograded" / student / assignment / f"{n}.ipynb" for n in notebooks]
    if failure or not all(p.exists() for p in graded):
        msg = f"nbgrader could not grade this submission: {failure or 'no graded notebook'}"
        return Record(Outcome(student, 0.0, points, "error", msg), {}, True)
    total, items, manual = gradebook_scores(db_url, course_id, assignment, student)
    status, notes, person = "graded", [], bool(manual)
    folder = course / "submitted" / student / assignment
    for name, path in zip(notebooks, graded):
        errors = insp.cell_errors(path)
        if timeouts := _group(errors, TIMEOUTS):
            status = "timeout"
            notes += timeouts
        if failures := _group(errors, FAILURES):
            status = "error"
            notes += failures
        notes += _group(errors, NOTES)
        if cut := insp.cut_outputs(path):
            notes.append(f"output of {', '.join(cut)} cut to the grading limit")
        edited, deleted = insp.locked_cell_changes(folder / f"{name}.ipynb",
                                                   course / "release" / assignment / f"{name}.ipynb")
        if edited:
            notes.append(f"edited read-only cells {', '.join(edited)}: restored from the source before grading")
        if deleted:
            notes.append(f"deleted check cells {', '.join(deleted)}: scored 0, a person should look")
        if dups := insp.duplicated_grade_ids(folder / f"{name}.ipynb"):
            notes.append(f"cells share a grade id ({', '.join(dups)}): nbgrader graded only the last copy")
        person = person or bool(edited or deleted or dups)
    if extras := insp.extra_files(folder, notebooks):
        code = [e for e in extras if e.endswith(".py") or "/" in e]
        notes.append(f"extra files {', '.join(extras)}: copied beside the notebook, not graded"
                     + (" (Python files could change how the checks run)" if code else ""))
        person = person or bool(code)
    person = person or status != "graded"
    return Record(Outcome(student, round(total, 2), points, status, "; ".join(notes)), items, person)
