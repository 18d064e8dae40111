"""Safe gradebook writes from many worker processes.

SQLite allows one writer at a time, and nbgrader reads, then writes, inside one
transaction: two workers doing that at once can fail with "database is locked".
So every nbgrader step that touches a SQLite gradebook runs under an exclusive
file lock next to the database (kernel execution, the slow part, runs outside
it). Other databases (e.g. PostgreSQL, whose URL nbgrader takes as
`CourseDirectory.db_url`) handle concurrent writers themselves: no lock.
"""

from __future__ import annotations

import contextlib
import fcntl
import threading
from pathlib import Path

from nbgrader.converters import Autograde
from nbgrader.preprocessors import AssignLatePenalties, GetGrades, OverwriteCells, SaveAutoGrades
from sqlalchemy.engine import make_url

_local = threading.local()


def sqlite_path(db_url: str) -> Path | None:
    url = make_url(db_url)
    return Path(url.database) if url.get_backend_name() == "sqlite" and url.database else None


@contextlib.contextmanager
def gradebook_lock(db_url: str):
    """Exclusive across processes (and threads) for a SQLite gradebook; a no-op otherwise."""
    path = sqlite_path(db_url)
    depth = getattr(_local, "depth", 0)
    if path is None or depth:
        _local.depth = depth + 1
        try:
            yield
        finally:
            _local.depth = depth
        return
    with open(path.with_name(path.name + ".lock"), "a+") as fh:
        fcntl.flock(fh, fcntl.LOCK_EX)
        _local.depth = 1
        try:
            yield
        finally:
            _local.depth = 0
            fcntl.flock(fh, fcntl.LOCK_UN)


def _locked(base):
    class Locked(base):
        def preprocess(self, nb, resources):
            with gradebook_lock(resources["nbgrader"]["db_url"]):
                return super().preprocess(nb, resources)
    Locked.__name__ = Locked.__qualname__ = f"Locked{base.__name__}"
    return Locked


LockedOverwriteCells = _locked(OverwriteCells)
LockedSaveAutoGrades = _locked(SaveAutoGrades)
LockedAssignLatePenalties = _locked(AssignLatePenalties)
LockedGetGrades = _locked(GetGrades)


class LockedAutograde(Autograde):
    """nbgrader's Autograde, its database steps under the gradebook lock."""

    def init_assignment(self, assignment_id, student_id):
        with gradebook_lock(self.coursedir.db_url):
            super().init_assignment(assignment_id, student_id)


def swap(preprocessors: list, replacements: dict) -> list:
    """The list with each class replaced by its locked or limited stand-in."""
    return [replacements.get(p, p) for p in preprocessors]
