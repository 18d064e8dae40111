"""`medcode grade ASSIGNMENT`: autograde a whole class in parallel, with feedback and a report."""

from __future__ import annotations

import time
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("grade", help="autograde every submission of an assignment (parallel, resumable), "
                                     "write feedback, grades.csv and report.html")
    p.add_argument("assignment", help="assignment id, e.g. icd10cm-conventions")
    p.add_argument("--course-dir", type=Path, default=Path("."), help="course folder (default: current folder)")
    p.add_argument("--workers", type=int, default=2, help="worker processes (default: 2)")
    p.add_argument("--backend", choices=["local", "dask"], default="local",
                   help="local worker processes, or a Dask cluster (default: local)")
    p.add_argument("--scheduler", help="address of a running Dask scheduler (with --backend dask; "
                                       "without it a local Dask cluster is started)")
    p.add_argument("--resume", action="store_true", help="grade only students missing or changed since the last run")
    p.add_argument("--db-url", help="gradebook SQLAlchemy URL (default: the course's CourseDirectory.db_url)")
    p.add_argument("--no-feedback", action="store_true", help="skip nbgrader feedback")
    p.add_argument("--quiet", action="store_true", help="no progress bar")
    p.set_defaults(func=main)


def main(args) -> int:
    from medcode.cli import UsageError
    from medcode.grading.pipeline import grade_class
    from medcode.grading.summary import summary

    if args.workers < 1:
        raise UsageError("--workers must be at least 1")
    if args.scheduler and args.backend != "dask":
        raise UsageError("--scheduler needs --backend dask")
    start = time.perf_counter()
    run = grade_class(args.course_dir, args.assignment, workers=args.workers, backend=args.backend,
                      scheduler=args.scheduler, resume=args.resume, db_url=args.db_url,
                      feedback=not args.no_feedback, progress=not args.quiet)
    print(summary(run, time.perf_counter() - start))
    return 0
