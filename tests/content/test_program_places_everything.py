"""The real repository: every lesson file and catalogue entry is placed in both tracks, and the data validate."""

from __future__ import annotations

import pytest

from medcode import paths
from medcode.program import load_catalogue, load_track, plan, track_names, validate


def test_program_data_validate():
    assert validate() == []


def test_both_tracks_exist_with_their_lengths():
    assert track_names() == ["associate", "diploma"]
    assert load_track("diploma").months == 10
    assert load_track("associate").months == 20


@pytest.mark.parametrize("track", ["diploma", "associate"])
def test_every_lesson_file_and_catalogue_entry_is_placed(track):
    placed = {i.id for i in plan(track)}
    lesson_files = {p.stem for p in (paths.PROJECT_ROOT / "lessons").glob("*.ipynb")}
    assert lesson_files <= placed
    assert {e["id"] for e in load_catalogue()} <= placed


@pytest.mark.parametrize("track", ["diploma", "associate"])
def test_available_items_have_their_files(track):
    for item in plan(track):
        if item.status == "available":
            assert (paths.PROJECT_ROOT / item.path).exists(), item.path
