"""Grade students inside a long-lived process with nbgrader's own converters.

One `Grader` per worker process loads the course config once and then runs
nbgrader's Autograde (and GenerateFeedback) converter in-process for each
student it is given: no command start-up per student. Database steps run under
`gradebook_lock`; a student whose database step still fails is retried.
"""

from __future__ import annotations

import logging
import time
import warnings
from pathlib import Path

from nbgrader.converters import Autograde, GenerateFeedback
from nbgrader.coursedir import CourseDirectory
from nbgrader.preprocessors import (
    AssignLatePenalties,
    ClearHiddenTests,
    DeduplicateIds,
    Execute,
    GetGrades,
    OverwriteCells,
    SaveAutoGrades,
)
from traitlets.config import Config

from medcode.grading import gradebook_lock as gl
from medcode.grading.assess import assess
from medcode.grading.batch import max_score, release_notebooks
from medcode.grading.execute import LimitedExecute
from medcode.grading.feedback_safety import ScrubHiddenOutputs
from medcode.grading.limits import course_config, load_limits
from medcode.grading.sanitize import DropDuplicateIds

RETRIES = 3
SWAPS = {Execute: LimitedExecute, SaveAutoGrades: gl.LockedSaveAutoGrades, OverwriteCells: gl.LockedOverwriteCells,
         AssignLatePenalties: gl.LockedAssignLatePenalties, GetGrades: gl.LockedGetGrades,
         DeduplicateIds: DropDuplicateIds}


class LogCapture(logging.Handler):
    """Keeps the records of one student's run (nbgrader's log, minus the issue-1961 checksum noise)."""

    def __init__(self):
        super().__init__(logging.INFO)
        self.lines: list[str] = []

    def emit(self, record):
        text = record.getMessage()
        if "checksum" in text.lower() and "has changed" in text:  # nbgrader issue 1961: every hidden-test cell
            return  # (real tampering is found by comparing with the release: inspect_submission)
        if "Config option `display_data_priority` not recognized" in text:  # nbgrader's own config, every student
            return
        self.lines.append(f"{record.levelname}: {text}")


def _default(cls, trait: str) -> list:
    return list(cls.class_traits()[trait].default())


def grader_config(course: Path, db_url: str | None = None) -> Config:
    """The course's nbgrader config plus the limits, locks and feedback safety of `medcode grade`."""
    cfg = course_config(course)
    limits = load_limits(cfg)
    cfg.CourseDirectory.root = str(course)
    if db_url:
        cfg.CourseDirectory.db_url = db_url
    cfg.Execute.timeout = limits.cell_timeout
    cfg.Execute.interrupt_on_timeout = True
    cfg.LimitedExecute.notebook_timeout = limits.notebook_timeout
    cfg.LimitedExecute.memory_mb = limits.memory_mb
    cfg.LimitedExecute.output_chars = limits.output_chars
    for name in ("sanitize_preprocessors", "autograde_preprocessors"):
        cfg.Autograde[name] = gl.swap(list(cfg.Autograde.get(name, _default(Autograde, name))), SWAPS)
    feedback = list(cfg.GenerateFeedback.get("preprocessors", _default(GenerateFeedback, "preprocessors")))
    if ClearHiddenTests not in feedback:
        feedback.append(ClearHiddenTests)
    feedback = [p for p in feedback if p is not ScrubHiddenOutputs]  # the course config may list it already
    cfg.GenerateFeedback.preprocessors = [ScrubHiddenOutputs] + gl.swap(feedback, SWAPS)
    for key in ("begin_test_delimeter", "end_test_delimeter"):
        if key in cfg.ClearHiddenTests:
            cfg.ScrubHiddenOutputs[key] = cfg.ClearHiddenTests[key]
    return cfg


class Grader:
    """Autograde and feedback for one student at a time, in this process."""

    def __init__(self, course: Path, assignment: str, db_url: str | None = None, feedback: bool = True):
        self.course, self.assignment, self.feedback = Path(course).resolve(), assignment, feedback
        self.config = grader_config(self.course, db_url)
        self.coursedir = CourseDirectory(config=self.config)
        self.notebooks = release_notebooks(self.course, assignment)
        self.points = max_score(self.course, assignment)
        self.log = logging.getLogger(f"medcode.grading.worker.{id(self)}")
        self.log.propagate = False
        self.log.setLevel(logging.INFO)

    def _convert(self, converter_class, student: str, capture: LogCapture) -> str:
        """Run one converter for one student; nbgrader's error text, or '' on success."""
        coursedir = CourseDirectory(config=self.config, assignment_id=self.assignment, student_id=student)
        converter = converter_class(coursedir=coursedir, config=self.config, log=self.log)
        converter.force = True
        try:
            converter.start()
            return ""
        except Exception as err:  # noqa: BLE001 -- nbgrader reports its own failures as exceptions after logging them
            errors = [line for line in capture.lines if line.startswith(("ERROR", "CRITICAL"))]
            return " ".join((errors[0] if errors else f"{type(err).__name__}: {err}").split())[:300]

    def grade(self, student: str) -> dict:
        """Grade one student; returns the JSON form of their Record plus the filtered log."""
        start = time.perf_counter()
        capture = LogCapture()
        self.log.addHandler(capture)
        try:
            for attempt in range(RETRIES):
                failure = self._convert(gl.LockedAutograde, student, capture)
                if "database" not in failure.lower():
                    break
                time.sleep(0.5 * (attempt + 1))
            record = assess(self.course, self.assignment, student, self.notebooks, self.points,
                            self.coursedir.db_url, self.coursedir.course_id, failure)
            if self.feedback and record.items and (problem := self._convert(GenerateFeedback, student, capture)):
                record.outcome.message += ("; " if record.outcome.message else "") + f"no feedback: {problem}"
        finally:
            self.log.removeHandler(capture)
        return {**record.to_json(), "log": capture.lines, "seconds": round(time.perf_counter() - start, 2)}


_graders: dict[tuple, Grader] = {}


def grade_student(course: str, assignment: str, student: str, db_url: str | None = None,
                  feedback: bool = True) -> dict:
    """Entry point of a worker task: the process keeps one Grader per course and assignment."""
    key = (str(course), assignment, db_url, feedback)
    if key not in _graders:
        warnings.filterwarnings("ignore", module="nbgrader")  # SQLAlchemy autoflush notes from nbgrader's api
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        _graders[key] = Grader(Path(course), assignment, db_url, feedback)
    return _graders[key].grade(student)
