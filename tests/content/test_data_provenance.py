"""Every data file is named in data/README.md with its provenance."""

from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
DATA = ROOT / "data"
GENERATED = ("sample_submissions/submitted",)  # described once as a folder


def test_every_data_file_has_a_provenance_entry():
    readme = (DATA / "README.md").read_text()
    missing = []
    for path in sorted(DATA.rglob("*")):
        rel = path.relative_to(DATA).as_posix()
        if path.is_dir() or path.name == "README.md" or rel.startswith(GENERATED):
            continue
        if f"`{path.name}`" not in readme and path.name not in readme:
            missing.append(rel)
    assert not missing, f"add provenance to data/README.md for: {missing}"


def test_readme_names_source_year_and_licence_columns():
    readme = (DATA / "README.md").read_text()
    for word in ("source", "licence", "public domain", "AMA"):
        assert word.lower() in readme.lower(), word
