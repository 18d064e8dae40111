"""One submission's recorded outcome, the row of reports/<assignment>/grades.csv."""

from __future__ import annotations

import csv
from dataclasses import asdict, dataclass, fields
from pathlib import Path

STATUSES = ("graded", "timeout", "error", "invalid", "missing")


@dataclass
class Outcome:
    student_id: str
    score: float
    max_score: float
    status: str
    message: str = ""

    def __post_init__(self):
        if self.status not in STATUSES:
            raise ValueError(f"unknown status {self.status!r}")


COLUMNS = [f.name for f in fields(Outcome)]


def write_csv(outcomes: list[Outcome], path: Path) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="") as fh:
        writer = csv.DictWriter(fh, fieldnames=COLUMNS)
        writer.writeheader()
        for o in sorted(outcomes, key=lambda o: o.student_id):
            writer.writerow(asdict(o))
    return path


def read_csv(path: Path) -> list[Outcome]:
    with path.open() as fh:
        return [Outcome(r["student_id"], float(r["score"]), float(r["max_score"]), r["status"], r["message"])
                for r in csv.DictReader(fh)]
