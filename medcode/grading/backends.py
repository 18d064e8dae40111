"""Where students are graded: local worker processes, or an existing Dask cluster.

Both call `medcode.grading.worker.grade_student` once per student in long-lived
processes (each keeps its nbgrader converter set-up between students) and yield
`(student, result dict or exception)` as students finish, in any order.
"""

from __future__ import annotations

import multiprocessing
import signal
from collections.abc import Iterator
from concurrent.futures import ProcessPoolExecutor, as_completed
from concurrent.futures.process import BrokenProcessPool

from medcode.grading.worker import grade_student

PR_SET_PDEATHSIG = 1


def _init_local_worker() -> None:
    """A worker dies with its parent (a killed `medcode grade` leaves no grader behind) and leaves Ctrl-C to it."""
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    try:
        import ctypes

        ctypes.CDLL("libc.so.6", use_errno=True).prctl(PR_SET_PDEATHSIG, signal.SIGKILL)
    except (OSError, AttributeError):  # not Linux: the pool's own shutdown still applies
        pass


def run_local(course: str, assignment: str, students: list[str], workers: int, db_url: str | None,
              feedback: bool) -> Iterator[tuple[str, object]]:
    """Grade on `workers` processes of this machine; a worker that crashes is replaced and its students retried once."""
    remaining, tries = list(students), {s: 0 for s in students}
    while remaining:
        ctx = multiprocessing.get_context("spawn")
        broken = []
        pool = ProcessPoolExecutor(workers, mp_context=ctx, initializer=_init_local_worker)
        try:
            futures = {pool.submit(grade_student, course, assignment, s, db_url, feedback): s for s in remaining}
            for fut in as_completed(futures):
                student = futures[fut]
                try:
                    yield student, fut.result()
                except BrokenProcessPool as err:
                    tries[student] += 1
                    if tries[student] > 1:
                        yield student, err
                    else:
                        broken.append(student)
                except Exception as err:  # noqa: BLE001 -- one failed student never stops the batch
                    yield student, err
        finally:  # also when the caller stops early (Ctrl-C): drop queued students, do not wait
            pool.shutdown(wait=False, cancel_futures=True)
        remaining = sorted(broken)


def run_dask(course: str, assignment: str, students: list[str], scheduler: str | None, workers: int,
             db_url: str | None, feedback: bool) -> Iterator[tuple[str, object]]:
    """Grade on the Dask cluster at `scheduler` (or a new local one of `workers` processes).

    Every Dask worker must see the course folder at the same path and have medcode installed.
    """
    from distributed import Client, LocalCluster
    from distributed import as_completed as dask_completed

    cluster = None
    if not scheduler:
        cluster = LocalCluster(n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None)
        scheduler = cluster.scheduler_address
    try:
        with Client(scheduler) as client:
            futures = {client.submit(grade_student, course, assignment, s, db_url, feedback, pure=False,
                                     key=f"medcode-grade-{assignment}-{s}-{id(students)}", retries=1): s
                       for s in students}
            for fut in dask_completed(list(futures)):
                try:
                    yield futures[fut], fut.result()
                except Exception as err:  # noqa: BLE001 -- one failed student never stops the batch
                    yield futures[fut], err
    finally:
        if cluster is not None:
            cluster.close()
