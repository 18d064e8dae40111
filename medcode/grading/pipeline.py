"""`medcode grade`: a whole class through nbgrader, in parallel, resumable, ending with a report.

1. Every submission is hashed; with `resume`, students whose hash matches the
   manifest keep their recorded outcome, the rest are graded again.
2. Damaged or missing notebooks get their outcome at once (and any stale
   gradebook row is removed, so the export shows no false zero).
3. The others go to worker processes (local or Dask) that run nbgrader's
   Autograde and GenerateFeedback in-process; each result is appended to the
   manifest the moment it arrives, so a killed run loses nothing finished.
4. grades.csv, grading.log (nbgrader's log without the issue-1961 noise) and
   report.html are written from all outcomes.
"""

from __future__ import annotations

import shutil
from dataclasses import dataclass, field
from pathlib import Path

from nbgrader.coursedir import CourseDirectory
from tqdm import tqdm

from medcode.grading import backends, objectives
from medcode.grading.assess import Record
from medcode.grading.batch import max_score, precheck, release_notebooks, submitted_students
from medcode.grading.gradebook_lock import gradebook_lock
from medcode.grading.limits import load_limits
from medcode.grading.manifest import Manifest, course_fingerprint, submission_hash
from medcode.grading.outcome import Outcome, write_csv
from medcode.grading.report import write_report
from medcode.grading.worker import grader_config


@dataclass
class GradeRun:
    records: list[Record]
    graded_now: list[str] = field(default_factory=list)
    reused: list[str] = field(default_factory=list)
    reports: Path | None = None

    @property
    def outcomes(self) -> list[Outcome]:
        return [r.outcome for r in self.records]


def _forget(course: Path, assignment: str, student: str, db_url: str, course_id: str) -> None:
    """Remove what an earlier run left for a student who now has nothing gradeable."""
    from nbgrader.api import Gradebook, MissingEntry

    for step in ("autograded", "feedback"):
        shutil.rmtree(course / step / student / assignment, ignore_errors=True)
    with gradebook_lock(db_url), Gradebook(db_url, course_id) as gb:
        try:
            gb.remove_submission(assignment, student)
        except MissingEntry:
            pass


def _outputs_exist(course: Path, assignment: str, student: str, record: Record, notebooks: list[str],
                   feedback: bool) -> bool:
    if not record.items:
        return True
    steps = ["autograded"] + (["feedback"] if feedback else [])
    suffix = {"autograded": ".ipynb", "feedback": ".html"}
    return all((course / s / student / assignment / f"{n}{suffix[s]}").exists() for s in steps for n in notebooks)


def _check_gradebook(db_url: str, course_id: str, assignment: str) -> None:
    from nbgrader.api import Gradebook, MissingEntry

    with gradebook_lock(db_url), Gradebook(db_url, course_id) as gb:
        try:
            gb.find_assignment(assignment)
        except MissingEntry:
            raise FileNotFoundError(f"'{assignment}' is not in the gradebook {db_url}: "
                                    f"run `nbgrader generate_assignment {assignment}` in the course folder") from None


def _warm_up() -> None:
    """Build the code-set index once here, not inside the first students' kernels (their time is limited)."""
    from medcode.checking import check

    check("E11", "E11")


def grade_class(course: Path, assignment: str, workers: int = 2, backend: str = "local", scheduler: str | None = None,
                resume: bool = False, db_url: str | None = None, feedback: bool = True, progress: bool = True,
                report: bool = True) -> GradeRun:
    course = Path(course).resolve()
    notebooks = release_notebooks(course, assignment)
    if not notebooks:
        raise FileNotFoundError(f"no release of '{assignment}' in {course / 'release'}")
    points = max_score(course, assignment)
    config = grader_config(course, db_url)
    coursedir = CourseDirectory(config=config)
    db, course_id = coursedir.db_url, coursedir.course_id
    _check_gradebook(db, course_id, assignment)
    out_dir = course / "reports" / assignment
    manifest = Manifest(out_dir / "manifest.jsonl")
    fingerprint = course_fingerprint(course, assignment, {**load_limits(config).as_dict(), "db": db, "feedback": feedback})
    students = submitted_students(course, assignment)
    hashes = {s: submission_hash(course, assignment, s, fingerprint) for s in students}
    previous = manifest.load() if resume else {}
    keep = {s: previous[s] for s in students if s in previous and previous[s].get("hash") == hashes[s]
            and _outputs_exist(course, assignment, s, Record.from_json(previous[s]), notebooks, feedback)}
    manifest.reset(keep)
    records = {s: Record.from_json(e) for s, e in keep.items()}
    todo, log = [], []
    for student in (s for s in students if s not in keep):
        early = precheck(course, assignment, student, notebooks, points)
        if early:
            _forget(course, assignment, student, db, course_id)
            records[student] = Record(early, {}, True)
            manifest.add(records[student], hashes[student])
        else:
            todo.append(student)
    if todo:
        _warm_up()
        run = (backends.run_dask(str(course), assignment, todo, scheduler, workers, db_url, feedback)
               if backend == "dask" else backends.run_local(str(course), assignment, todo, workers, db_url, feedback))
        with tqdm(total=len(students), initial=len(students) - len(todo), desc=f"grade {assignment}",
                  unit="student", disable=not progress) as bar:
            for student, result in run:
                if isinstance(result, BaseException):
                    record = Record(Outcome(student, 0.0, points, "error", f"the grading worker failed: {result}"[:300]),
                                    {}, True)
                else:
                    record = Record.from_json(result)
                    log += [f"[{student}] {line}" for line in result.get("log", []) if not line.startswith("INFO")]
                records[student] = record
                manifest.add(record, hashes[student])
                bar.update(1)
    ordered = [records[s] for s in students]
    write_csv([r.outcome for r in ordered], out_dir / "grades.csv")
    (out_dir / "grading.log").write_text("\n".join(log) + ("\n" if log else ""))
    if report:
        mapping = {}
        for name in notebooks:
            nb_path = course / "source" / assignment / f"{name}.ipynb"
            mapping.update(objectives.item_objectives(nb_path if nb_path.exists() else
                                                      course / "release" / assignment / f"{name}.ipynb"))
        write_report(out_dir / "report.html", assignment, ordered, list(mapping), mapping,
                     objectives.objective_titles(assignment))
    return GradeRun(ordered, [s for s in students if s not in keep], sorted(keep), out_dir)
