"""The demo class: synthetic submissions made from the released notebook and a spec.

`data/sample_submissions/students.yaml` says what each synthetic student typed;
`write_submissions` turns the current release into their notebooks, so the
fixtures always match what students are given.
"""

from __future__ import annotations

import json
from pathlib import Path

import nbformat
import yaml

from medcode.paths import DATA_DIR, PROJECT_ROOT

SAMPLES_DIR = DATA_DIR / "sample_submissions"
DEFAULT_DAY = "2026-11-02"  # submission day of a spec that names none


def load_spec(path: Path = SAMPLES_DIR / "students.yaml") -> dict:
    spec = yaml.safe_load(path.read_text())
    ids = [s["id"] for s in spec["students"]]
    if len(ids) != len(set(ids)):
        raise ValueError("student ids in the sample spec repeat")
    return spec


def answer_line(item: str, answer) -> str:
    return f"{item} = {json.dumps(answer)}"


def _fill(nb, student: dict):
    answers = student.get("answers", {})
    replace = student.get("replace_cells", {})
    deleted = set(student.get("delete_cells", []))
    duplicated = set(student.get("duplicate_cells", []))
    kept = []
    for cell in nb.cells:
        grade_id = cell.metadata.get("nbgrader", {}).get("grade_id", "")
        if grade_id in deleted:
            continue
        item = grade_id.removesuffix("-answer")
        if grade_id in replace:
            cell.source = replace[grade_id].rstrip("\n")
        elif grade_id.endswith("-answer") and item in answers:
            cell.source = answer_line(item, answers[item])
        kept.append(cell)
        if grade_id in duplicated:  # a copy right below, grade id and all (ids of cells must stay unique)
            copy = nbformat.from_dict(json.loads(json.dumps(cell)))
            copy["id"] = f"{cell.get('id', grade_id)}-copy"
            kept.append(copy)
    nb.cells = kept
    return nb


def write_submissions(dest: Path, spec: dict | None = None, release_root: Path = PROJECT_ROOT / "release") -> list[str]:
    """Write every sample student's submission under dest/<student>/<assignment>/; returns the ids."""
    spec = spec or load_spec()
    assignment = spec["assignment"]
    release_nb = release_root / assignment / f"{assignment}.ipynb"
    for n, student in enumerate(spec["students"]):
        folder = dest / student["id"] / assignment
        folder.mkdir(parents=True, exist_ok=True)
        # nbgrader's submission time: fixed, so fixtures and grades never depend on the clock
        day = spec.get("submitted_on", DEFAULT_DAY)
        (folder / "timestamp.txt").write_text(f"{day} {17 + n // 60:02d}:{n % 60:02d}:00.000000 UTC")
        target = folder / student.get("rename", f"{assignment}.ipynb")
        for name, text in student.get("extra_files", {}).items():
            (folder / name).write_text(text)
        if "raw" in student:
            target.write_text(student["raw"])
            continue
        nb = _fill(nbformat.read(release_nb, as_version=4), student)
        nbformat.write(nb, target)
    return [s["id"] for s in spec["students"]]


def display_name(student_id: str) -> tuple[str, str]:
    """(first, last) name shown in the formgrader: s01-ada -> ("Ada", "Sample")."""
    return student_id.split("-", 1)[-1].capitalize(), "Sample"


def expected_outcomes(spec: dict | None = None) -> dict[str, dict]:
    spec = spec or load_spec()
    return {s["id"]: s["expect"] for s in spec["students"]}


if __name__ == "__main__":
    print(write_submissions(SAMPLES_DIR / "submitted"))
