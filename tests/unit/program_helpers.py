"""Copies of the real program data in a temporary folder, for tests that break one thing."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import yaml

from medcode import paths

REAL_DATA = paths.DATA_DIR / "program"
REAL_CATALOGUE = paths.PROJECT_ROOT / "assignments" / "catalogue.yaml"


class ProgramCopy:
    """data/program, the catalogue and an empty lessons folder under tmp_path."""

    def __init__(self, tmp_path: Path):
        self.data_dir = tmp_path / "program"
        shutil.copytree(REAL_DATA, self.data_dir)
        self.catalogue_path = tmp_path / "catalogue.yaml"
        shutil.copy(REAL_CATALOGUE, self.catalogue_path)
        self.lessons_dir = tmp_path / "lessons"
        self.lessons_dir.mkdir()

    def kwargs(self) -> dict:
        return {"data_dir": self.data_dir, "lessons_dir": self.lessons_dir, "catalogue_path": self.catalogue_path}

    def read(self, name: str):
        return yaml.safe_load((self.data_dir / name).read_text(encoding="utf-8"))

    def write(self, name: str, data) -> None:
        (self.data_dir / name).write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def edit_track(self, name: str, change) -> None:
        """Apply change(track_dict) to track-<name>.yaml."""
        data = self.read(f"track-{name}.yaml")
        change(data)
        self.write(f"track-{name}.yaml", data)

    def edit_modules(self, change) -> None:
        data = self.read("modules.yaml")
        change({m["id"]: m for m in data["modules"]})
        self.write("modules.yaml", data)

    def edit_catalogue(self, change) -> None:
        data = yaml.safe_load(self.catalogue_path.read_text(encoding="utf-8"))
        change(data)
        self.catalogue_path.write_text(yaml.safe_dump(data, sort_keys=False), encoding="utf-8")

    def add_lesson_file(self, lesson_id: str) -> None:
        nb = {"cells": [], "metadata": {}, "nbformat": 4, "nbformat_minor": 5}
        (self.lessons_dir / f"{lesson_id}.ipynb").write_text(json.dumps(nb), encoding="utf-8")


def course(track: dict, course_id: str) -> dict:
    """A course of a track dict by id."""
    return next(c for t in track["terms"] for c in t["courses"] if c["id"] == course_id)


def item(track: dict, item_id: str) -> dict:
    """A placed item of a track dict by id."""
    return next(i for t in track["terms"] for c in t["courses"] for i in c.get("items", []) if i["id"] == item_id)
