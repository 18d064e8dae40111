"""What has been graded, from which files: `reports/<assignment>/manifest.jsonl`.

One JSON line per finished student, appended and flushed as soon as the student
is done (a later line for the same student wins). A line holds the hash of the
student's submitted files together with the release, the source and the grading
limits, so `--resume` regrades exactly the students that are missing or whose
inputs changed. A run killed mid-write leaves at most one torn last line, which
is ignored.
"""

from __future__ import annotations

import hashlib
import json
import os
from pathlib import Path

from medcode.grading.assess import Record


def _hash_tree(digest, folder: Path) -> None:
    for path in sorted(p for p in folder.rglob("*") if p.is_file()):
        digest.update(str(path.relative_to(folder)).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest())


def course_fingerprint(course: Path, assignment: str, settings: dict) -> str:
    """Hash of what every grade depends on besides the submission: release, source, limits."""
    digest = hashlib.sha256(json.dumps(settings, sort_keys=True).encode())
    for step in ("release", "source"):
        if (course / step / assignment).is_dir():
            _hash_tree(digest, course / step / assignment)
    return digest.hexdigest()


def submission_hash(course: Path, assignment: str, student: str, fingerprint: str) -> str:
    digest = hashlib.sha256(fingerprint.encode())
    _hash_tree(digest, course / "submitted" / student / assignment)
    return digest.hexdigest()


class Manifest:
    """Append-only record of finished students."""

    def __init__(self, path: Path):
        self.path = path

    def load(self) -> dict[str, dict]:
        entries: dict[str, dict] = {}
        if not self.path.exists():
            return entries
        for line in self.path.read_text().splitlines():
            try:
                entry = json.loads(line)
                entries[entry["outcome"]["student_id"]] = entry
            except (json.JSONDecodeError, KeyError, TypeError):
                continue  # a torn line from a killed run
        return entries

    def reset(self, keep: dict[str, dict] | None = None) -> None:
        """Start the file again, holding only `keep` (written atomically)."""
        self.path.parent.mkdir(parents=True, exist_ok=True)
        tmp = self.path.with_suffix(".tmp")
        tmp.write_text("".join(json.dumps(e, sort_keys=True) + "\n" for e in (keep or {}).values()))
        os.replace(tmp, self.path)

    def add(self, record: Record, digest: str) -> None:
        line = json.dumps({**record.to_json(), "hash": digest}, sort_keys=True) + "\n"
        with self.path.open("a") as fh:
            fh.write(line)
            fh.flush()
            os.fsync(fh.fileno())
