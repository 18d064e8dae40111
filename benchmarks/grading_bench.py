"""Class grading speed: `medcode grade --workers 2` against serial `nbgrader autograde`.

Run with `python -m benchmarks.grading_bench` (MEDCODE_BENCH_N=20 for a quick run;
default 200 submissions). Both graders see the same generated submissions of
icd10cm-conventions, cycling through the sample class's answer patterns that
finish normally (right, partly right, wrong, blank, edited or deleted checks,
sys.exit, huge output, extra files). The floor is nbclient
executing one graded notebook in-process (kernel start and run), per notebook.
Per-submission cost of `medcode grade` = wall time x workers / N (core-seconds).
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

import nbformat

from medcode.grading import samples
from medcode.grading.demo import prepare_course
from medcode.grading.nbgrader_cli import nbgrader_env
from medcode.paths import PROJECT_ROOT

WORKERS = 2
SLOW_OR_BROKEN = {"timeout", "error", "invalid", "missing"}


def patterns() -> list[dict]:
    """Sample students that finish normally; not the duplicated cell, which plain nbgrader fails on."""
    return [s for s in samples.load_spec()["students"]
            if s["expect"]["status"] not in SLOW_OR_BROKEN and not s.get("duplicate_cells")]


def make_class(course: Path, n: int) -> str:
    spec = samples.load_spec()
    assignment = spec["assignment"]
    prepare_course(course, assignment)
    shutil.rmtree(course / "submitted")
    pats = patterns()
    students = [{**pats[i % len(pats)], "id": f"b{i:04d}-{pats[i % len(pats)]['id']}"} for i in range(n)]
    samples.write_submissions(course / "submitted", {"assignment": assignment, "students": students},
                              release_root=course / "release")
    return assignment


def timed(args: list[str], cwd: Path) -> float:
    start = time.perf_counter()
    subprocess.run(args, cwd=cwd, env=nbgrader_env(), check=True, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    return time.perf_counter() - start


def floor(notebook: Path, runs: int) -> float:
    """Seconds per in-process nbclient execution of `notebook` (kernel start and run)."""
    from nbclient import NotebookClient

    times = []
    for _ in range(runs):
        nb = nbformat.read(notebook, as_version=4)
        start = time.perf_counter()
        NotebookClient(nb, timeout=30, kernel_name="python3", allow_errors=True,
                       resources={"metadata": {"path": str(notebook.parent)}}).execute()
        times.append(time.perf_counter() - start)
    return sorted(times)[len(times) // 2]


def main() -> dict:
    n = int(os.environ.get("MEDCODE_BENCH_N", "200"))
    root = PROJECT_ROOT / "build" / "bench-grading"
    ours, bare, serial = root / "medcode-grade", root / "medcode-grade-no-feedback", root / "nbgrader-serial"
    assignment = make_class(ours, n)
    for copy in (bare, serial):
        shutil.rmtree(copy, ignore_errors=True)
        shutil.copytree(ours, copy)
    grade = [sys.executable, "-m", "medcode.cli", "grade", assignment, "--workers", str(WORKERS), "--quiet"]
    t_ours = timed(grade + ["--course-dir", str(ours)], ours)
    t_bare = timed(grade + ["--course-dir", str(bare), "--no-feedback"], bare)  # like for like with autograde
    t_serial = timed([sys.executable, "-m", "nbgrader", "autograde", assignment, "--force"], serial)
    graded = sorted((ours / "autograded").glob(f"*/{assignment}/{assignment}.ipynb"))
    t_floor = floor(graded[0], runs=min(10, max(3, n // 20)))
    per_sub = t_ours * WORKERS / n
    figures = {"n": n, "medcode_per_min": 60 * n / t_ours, "serial_per_min": 60 * n / t_serial,
               "ratio": t_serial / t_ours, "ratio_no_feedback": t_serial / t_bare, "floor_s": t_floor,
               "per_submission_s": per_sub, "cost_over_floor": per_sub / t_floor,
               "cost_over_floor_no_feedback": t_bare * WORKERS / n / t_floor}
    print(f"N = {n} submissions of {assignment}, {os.cpu_count()} cores")
    print(f"medcode grade --workers {WORKERS}: {figures['medcode_per_min']:.1f} submissions/min ({t_ours:.1f} s, "
          "autograde + feedback + report)")
    print(f"nbgrader autograde (serial):  {figures['serial_per_min']:.1f} submissions/min ({t_serial:.1f} s)")
    print(f"medcode grade --workers {WORKERS} --no-feedback: {60 * n / t_bare:.1f} submissions/min ({t_bare:.1f} s)")
    print(f"speed-up: {figures['ratio']:.2f}x serial with feedback and report; "
          f"{figures['ratio_no_feedback']:.2f}x like for like (target >= 1.8x on 2 cores)")
    print(f"floor (nbclient in-process, kernel start + run): {t_floor:.2f} s per notebook")
    print(f"per-submission cost of medcode grade: {per_sub:.2f} core-s = {figures['cost_over_floor']:.2f}x the floor "
          f"(target <= 1.3x); without feedback {figures['cost_over_floor_no_feedback']:.2f}x")
    return figures


if __name__ == "__main__":
    main()
