"""Run real nbgrader commands in a course folder, with this environment's tools on PATH."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path


def nbgrader_env() -> dict:
    env = dict(os.environ)
    bin_dir = str(Path(sys.executable).parent)  # nbgrader calls `alembic` from PATH
    env["PATH"] = bin_dir + os.pathsep + env.get("PATH", "")
    env.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
    return env


def run(args: list[str], course_dir: Path, timeout: float | None = None) -> subprocess.CompletedProcess:
    """`nbgrader ARGS` in course_dir; output captured, never raises on a non-zero exit."""
    return subprocess.run([sys.executable, "-m", "nbgrader", *args], cwd=course_dir, env=nbgrader_env(),
                          capture_output=True, text=True, timeout=timeout, check=False)
