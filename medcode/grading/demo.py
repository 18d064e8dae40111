"""`medcode demo`: the instructor pipeline end to end on the bundled sample class."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

from medcode.grading import batch, samples
from medcode.grading.nbgrader_cli import run
from medcode.grading.pipeline import grade_class
from medcode.grading.summary import summary
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
    register_students(course)


def register_students(course: Path) -> None:
    """Give the synthetic students names in the gradebook, so the formgrader shows more than ids."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        for student in samples.load_spec()["students"]:
            first, last = samples.display_name(student["id"])
            gb.update_or_create_student(student["id"], first_name=first, last_name=last)


def run_demo(course: Path, workers: int = 2, progress: bool = True) -> list:
    spec = samples.load_spec()
    assignment = spec["assignment"]
    start = time.perf_counter()
    print(f"== 1/3 generate the release of '{assignment}' from source/ (nbgrader generate_assignment)")
    prepare_course(course, assignment)
    print(f"== 2/3 grade {len(spec['students'])} sample submissions with `medcode grade --workers {workers}` "
          "(nbgrader autograde and feedback in worker processes, with time, memory and output limits)")
    graded = grade_class(course, assignment, workers=workers, progress=progress)
    print("== 3/3 export the gradebook (nbgrader export)")
    batch.export(course, assignment)
    print(summary(graded, time.perf_counter() - start))
    print(f"feedback: {course / 'feedback'}")
    return graded.outcomes
