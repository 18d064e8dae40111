"""`medcode demo`: the instructor pipeline end to end on the bundled sample class."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from medcode.grading import batch, samples
from medcode.grading.nbgrader_cli import run
from medcode.grading.outcome import write_csv
from medcode.paths import PROJECT_ROOT


def prepare_course(course: Path, assignment: str) -> None:
    """A fresh course folder: config, source, the generated release, the sample submissions."""
    if course.exists():
        shutil.rmtree(course)
    course.mkdir(parents=True)
    shutil.copy(PROJECT_ROOT / "nbgrader_config.py", course)
    shutil.copytree(PROJECT_ROOT / "source" / assignment, course / "source" / assignment)
    result = run(["generate_assignment", assignment, "--force"], course)
    if result.returncode:
        raise RuntimeError(f"nbgrader generate_assignment failed:\n{result.stdout}{result.stderr}")
    shutil.copytree(samples.SAMPLES_DIR / "submitted", course / "submitted")


def table(outcomes, expected: dict | None = None) -> str:
    head = f"{'student':<11} {'score':>6} {'of':>4}  {'status':<8} message"
    lines = [head, "-" * len(head)]
    for o in outcomes:
        lines.append(f"{o.student_id:<11} {o.score:>6g} {o.max_score:>4g}  {o.status:<8} {o.message}")
    return "\n".join(lines)


def run_demo(course: Path, progress: bool = True) -> list:
    spec = samples.load_spec()
    assignment = spec["assignment"]
    start = time.perf_counter()
    print(f"== 1/4 generate the release of '{assignment}' from source/ (nbgrader generate_assignment)")
    prepare_course(course, assignment)
    print(f"== 2/4 autograde {len(spec['students'])} sample submissions (nbgrader autograde, per-cell timeout)")
    outcomes, log = batch.grade_assignment(course, assignment, progress=progress)
    (course / "reports" / assignment).mkdir(parents=True, exist_ok=True)
    (course / "reports" / assignment / "autograde.log").write_text(log)
    print("== 3/4 feedback and export (nbgrader generate_feedback, nbgrader export)")
    batch.feedback_and_export(course, assignment)
    grades = write_csv(outcomes, course / "reports" / assignment / "grades.csv")
    print("== 4/4 outcomes")
    print(table(outcomes))
    print(f"\ngrades: {grades}\nfeedback: {course / 'feedback'}\n"
          f"{len(outcomes)} submissions, each with a recorded outcome, in {time.perf_counter() - start:.0f} s")
    return outcomes
