"""Helpers of the pipeline tests: course copies, grades, the `medcode grade` command."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from medcode.grading import samples
from medcode.grading.outcome import read_csv

ROOT = Path(__file__).resolve().parents[2]
ASSIGNMENT = samples.load_spec()["assignment"]


def jupyter_env(base: Path) -> None:
    for var, sub in (("JUPYTER_CONFIG_DIR", "config"), ("JUPYTER_DATA_DIR", "data"),
                     ("JUPYTER_RUNTIME_DIR", "runtime"), ("IPYTHONDIR", "ipython")):
        os.environ.setdefault(var, str(base / sub))


def copy_course(template: Path, dest: Path, students: list[str] | None = None) -> Path:
    """A copy of the template course, optionally with only some students' submissions."""
    shutil.copytree(template, dest)
    if students is not None:
        for folder in (dest / "submitted").iterdir():
            if folder.name not in students:
                shutil.rmtree(folder)
    return dest


def grades(course: Path) -> dict:
    return {o.student_id: (o.score, o.status) for o in read_csv(course / "reports" / ASSIGNMENT / "grades.csv")}


def medcode_grade(course: Path, *extra: str, **kw) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "medcode.cli", "grade", ASSIGNMENT, "--course-dir", str(course),
                             "--quiet", *extra], cwd=ROOT, stdout=subprocess.PIPE, stderr=subprocess.STDOUT,
                            text=True, **kw)
