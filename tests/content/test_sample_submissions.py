"""The committed sample class is what its spec makes from the current release."""

from pathlib import Path

from medcode.grading import samples

ROOT = Path(__file__).resolve().parents[2]


def files_under(folder: Path) -> dict[str, str]:
    return {str(p.relative_to(folder)): p.read_text() for p in sorted(folder.rglob("*")) if p.is_file()}


def test_committed_submissions_match_the_spec_and_release(tmp_path):
    samples.write_submissions(tmp_path)
    assert files_under(samples.SAMPLES_DIR / "submitted") == files_under(tmp_path), \
        "regenerate with: python -m medcode.grading.samples"


def test_the_class_has_at_least_twelve_students_with_expected_outcomes():
    spec = samples.load_spec()
    assert len(spec["students"]) >= 12
    for student in spec["students"]:
        assert {"score", "status"} <= set(student["expect"]) and student["story"]
