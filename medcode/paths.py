"""Where the course's folders and the package's caches live."""

from __future__ import annotations

import os
from pathlib import Path

PACKAGE_DIR = Path(__file__).resolve().parent
PROJECT_ROOT = PACKAGE_DIR.parent
DATA_DIR = Path(os.environ.get("MEDCODE_DATA_DIR", PROJECT_ROOT / "data"))


def cache_dir() -> Path:
    """Folder for built indexes; MEDCODE_CACHE_DIR overrides ~/.cache/medcode."""
    root = os.environ.get("MEDCODE_CACHE_DIR") or Path.home() / ".cache" / "medcode"
    path = Path(root)
    path.mkdir(parents=True, exist_ok=True)
    return path


def publish(tmp: Path | str, path: Path) -> None:
    """Move a freshly built cache file into place atomically, readable by every user,
    and remove older builds of the same index (same name up to the first dash)."""
    os.chmod(tmp, 0o644)
    os.replace(tmp, path)  # atomic: parallel graders never see half an index
    stem = path.name.split("-")[0]
    for old in path.parent.glob(f"{stem}-*.sqlite"):
        if old != path:
            old.unlink(missing_ok=True)
