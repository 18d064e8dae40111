"""Certification alignment: which modules and how many graded items cover each exam section.

Sections (AAPC CPC) and domains (AHIMA CCA, CCS) with their weights live in
`data/program/certifications.yaml`. An assignment covers a section when its module is one
of the section's modules (and, if the catalogue lists certifications for it, the exam is
among them); a mock exam listed for an exam covers all its sections. Graded items come from
the catalogue's `items`/`points` when present, else from the nbgrader graded cells of an
available assignment's source notebooks, else the assignment counts as planned with 0 items.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from medcode import paths
from medcode.program.tracks import (
    ProgramError,
    _read_yaml,
    default_data_dir,
    load_catalogue,
    load_track,
)


@dataclass(frozen=True)
class GradedCount:
    id: str
    items: int
    points: float
    basis: str  # "catalogue" | "source notebook" | "planned"


@dataclass(frozen=True)
class SectionCoverage:
    exam: str
    section: str
    title: str
    weight: tuple[float, float] | None
    unit: str
    modules: tuple[str, ...]
    assignments: tuple[str, ...]
    planned: tuple[str, ...]
    graded_items: int

    @property
    def gap(self) -> bool:
        """No graded item covers this section yet."""
        return self.graded_items == 0

    def to_dict(self) -> dict:
        return {"exam": self.exam, "section": self.section, "title": self.title,
                "weight": list(self.weight) if self.weight else None, "unit": self.unit,
                "modules": list(self.modules), "assignments": list(self.assignments),
                "planned": list(self.planned), "graded_items": self.graded_items, "gap": self.gap}


def load_certifications(data_dir: Path | None = None) -> list[dict]:
    """The certifications with their sections, as written in certifications.yaml."""
    raw = _read_yaml(Path(data_dir or default_data_dir()) / "certifications.yaml")
    if not isinstance(raw, dict) or "certifications" not in raw:
        raise ProgramError("certifications.yaml: missing key 'certifications'")
    return raw["certifications"]


def _source_cells(folder: Path) -> tuple[int, float]:
    """Graded cells and their points in an assignment's nbgrader source notebooks."""
    items, points = 0, 0.0
    for nb in sorted(folder.glob("*.ipynb")):
        for cell in json.loads(nb.read_text(encoding="utf-8")).get("cells", []):
            meta = cell.get("metadata", {}).get("nbgrader", {})
            if meta.get("grade"):
                items += 1
                points += float(meta.get("points", 0))
    return items, points


def graded_count(entry: dict, source_dir: Path | None = None) -> GradedCount:
    """How many graded items an assignment has, and where that number comes from."""
    if entry.get("status") != "available":
        return GradedCount(entry["id"], 0, 0.0, "planned")
    if "items" in entry or "points" in entry:
        return GradedCount(entry["id"], int(entry.get("items", 0)), float(entry.get("points", 0)), "catalogue")
    folder = Path(source_dir or paths.PROJECT_ROOT / "source") / entry["id"]
    items, points = _source_cells(folder) if folder.is_dir() else (0, 0.0)
    return GradedCount(entry["id"], items, points, "source notebook" if items else "planned")


def alignment(
    track: str | None = None,
    data_dir: Path | None = None,
    catalogue_path: Path | None = None,
    source_dir: Path | None = None,
) -> list[SectionCoverage]:
    """One row per exam section; with a track, only the modules that track teaches count."""
    catalogue = load_catalogue(catalogue_path)
    taught = {c.module for c in load_track(track, data_dir).courses} if track else None
    counts = {e["id"]: graded_count(e, source_dir) for e in catalogue}
    rows = []
    for cert in load_certifications(data_dir):
        mocks = set(cert.get("mock_exams") or ())
        for s in cert["sections"]:
            modules = tuple(m for m in s["modules"] if taught is None or m in taught)
            covering = [e for e in catalogue
                        if e["id"] in mocks or (e.get("module") in modules
                                                and cert["id"] in e.get("certification", [cert["id"]]))]
            weight = tuple(s["weight"]) if s.get("weight") else None
            rows.append(SectionCoverage(
                exam=cert["id"], section=s["id"], title=s["title"], weight=weight, unit=cert["unit"],
                modules=modules,
                assignments=tuple(e["id"] for e in covering if counts[e["id"]].items),
                planned=tuple(e["id"] for e in covering if not counts[e["id"]].items),
                graded_items=sum(counts[e["id"]].items for e in covering),
            ))
    return rows


def gaps(rows: list[SectionCoverage]) -> list[SectionCoverage]:
    """The sections no graded item covers yet."""
    return [r for r in rows if r.gap]
