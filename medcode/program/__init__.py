"""The program structure: a 10-month diploma and a 20-month associate track.

Loads the tracks from `data/program/`, places every lesson, assignment and mock exam in a
week and month, validates placement, order, load and length, aligns graded work with the
CPC, CCA and CCS exams, draws the timeline and dates each release.
"""

from medcode.program.alignment import SectionCoverage, alignment, gaps, graded_count, load_certifications
from medcode.program.schedule import Release, parse_start, release_dates
from medcode.program.tracks import (
    Course,
    Module,
    PlanItem,
    ProgramError,
    Track,
    load_catalogue,
    load_modules,
    load_track,
    plan,
    track_names,
    weekly_hours,
)
from medcode.program.validate import validate

__all__ = [
    "Course", "Module", "PlanItem", "ProgramError", "Release", "SectionCoverage", "Track",
    "alignment", "gaps", "graded_count", "load_catalogue", "load_certifications", "load_modules",
    "load_track", "parse_start", "plan", "release_dates", "save_timeline", "timeline_figure",
    "timeline_png", "track_names", "validate", "weekly_hours",
]


def __getattr__(name):
    """The timeline functions load matplotlib, so they are imported on first use."""
    if name in {"save_timeline", "timeline_figure", "timeline_png"}:
        from medcode.program import timeline

        return getattr(timeline, name)
    raise AttributeError(f"module 'medcode.program' has no attribute '{name}'")
