"""Parallel, resumed and Dask-run grading give the same grades as a plain run."""

import os
import signal
import time

import pytest
from nbgrader.api import Gradebook
from pipeline_helpers import ASSIGNMENT, copy_course, grades, medcode_grade

from medcode.grading.pipeline import grade_class

pytestmark = pytest.mark.pipeline
QUICK = ["s01-ada", "s02-ben", "s03-chloe", "s04-dev", "s05-eli", "s06-fay", "s07-gus", "s10-jo", "s11-kim",
         "s12-lee", "s13-max", "s20-tara"]


def expected(graded_class, students):
    return {s: (r.outcome.score, r.outcome.status) for s, r in graded_class[1].items() if s in students}


def test_one_worker_gives_the_same_grades_as_two(template_course, graded_class, tmp_path):
    students = QUICK[:6] + ["s09-ivan", "s14-nia"]
    course = copy_course(template_course, tmp_path / "serial", students)
    grade_class(course, ASSIGNMENT, workers=1, progress=False, feedback=False, report=False)
    assert grades(course) == expected(graded_class, students)


def test_a_killed_run_resumes_with_the_same_grades_and_nothing_counted_twice(template_course, graded_class, tmp_path):
    course = copy_course(template_course, tmp_path / "resume", QUICK)
    manifest = course / "reports" / ASSIGNMENT / "manifest.jsonl"
    proc = medcode_grade(course, "--workers", "2")
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline and (not manifest.exists() or len(manifest.read_text().splitlines()) < 3):
        time.sleep(0.2)
    os.kill(proc.pid, signal.SIGKILL)  # the workers die with it (PR_SET_PDEATHSIG)
    proc.wait()
    done_before = len(manifest.read_text().splitlines())
    assert 3 <= done_before < len(QUICK), "the kill came too late to test resuming"
    proc = medcode_grade(course, "--workers", "2", "--resume")
    out, _ = proc.communicate(timeout=300)
    assert proc.returncode == 0, out
    kept = int(out.split("kept from the last run ")[1].split(";")[0])
    assert kept >= done_before - 1  # a line can be torn by the kill; nothing finished is regraded otherwise
    assert grades(course) == expected(graded_class, QUICK)
    with Gradebook(f"sqlite:///{course / 'gradebook.db'}", "medical-coding") as gb:
        subs = gb.find_assignment(ASSIGNMENT).submissions
        assert sorted(s.student.id for s in subs) == sorted(QUICK)
        assert {s.student.id: s.score for s in subs} == {s: v[0] for s, v in expected(graded_class, QUICK).items()}


def test_resume_regrades_only_a_changed_submission(template_course, graded_class, tmp_path):
    students = QUICK[:3]
    course = copy_course(template_course, tmp_path / "changed", students)
    grade_class(course, ASSIGNMENT, workers=2, progress=False, feedback=False, report=False)
    nb = course / "submitted" / "s02-ben" / ASSIGNMENT / f"{ASSIGNMENT}.ipynb"
    nb.write_text(nb.read_text().replace("S72.001A", "S72.001D"))
    run = grade_class(course, ASSIGNMENT, workers=2, progress=False, feedback=False, report=False, resume=True)
    assert run.graded_now == ["s02-ben"] and run.reused == ["s01-ada", "s03-chloe"]
    assert grades(course)["s02-ben"] == (18.5, "graded")


def test_the_dask_backend_on_a_local_cluster_gives_the_same_grades(template_course, graded_class, tmp_path):
    from distributed import LocalCluster

    students = ["s01-ada", "s02-ben", "s06-fay", "s13-max", "s15-oli", "s09-ivan"]
    course = copy_course(template_course, tmp_path / "dask", students)
    with LocalCluster(n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None) as cluster:
        grade_class(course, ASSIGNMENT, backend="dask", scheduler=cluster.scheduler_address, progress=False)
    assert grades(course) == expected(graded_class, students)
    assert (course / "feedback" / "s02-ben" / ASSIGNMENT / f"{ASSIGNMENT}.html").exists()
