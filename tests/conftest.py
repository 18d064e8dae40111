"""Shared test set-up: caches and Jupyter folders stay inside the project or a temp folder."""

import os
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
os.environ.setdefault("MEDCODE_CACHE_DIR", str(ROOT / "build" / "cache"))
os.environ.setdefault("PYDEVD_DISABLE_FILE_VALIDATION", "1")
