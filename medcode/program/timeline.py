"""The timeline picture: a Gantt chart of a track's courses by month, coloured by module.

Assignments are dots on their course's bar (filled when available, hollow when planned),
mock exams are diamonds, and certification-exam milestones are dashed lines. Drawn on a
bare Agg figure (no pyplot state), so the same data give the same PNG bytes.
"""

from __future__ import annotations

import io
import textwrap
from pathlib import Path

from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from medcode.program.tracks import Track, load_modules, load_track, plan, weekly_hours


def timeline_figure(track: str | Track, data_dir=None, catalogue_path=None, lessons_dir=None) -> Figure:
    """The Gantt chart of one track as a matplotlib Figure."""
    track = track if isinstance(track, Track) else load_track(track, data_dir)
    modules = load_modules(data_dir)
    items = plan(track, data_dir, catalogue_path, lessons_dir)
    wpm = track.weeks_per_month
    courses = sorted(track.courses, key=lambda c: (c.start_week, track.courses.index(c)))
    row = {c.id: i for i, c in enumerate(courses)}

    fig = Figure(figsize=(13, 2.2 + 0.42 * len(courses)), dpi=100)
    FigureCanvasAgg(fig)
    ax = fig.add_subplot()
    for c in courses:
        ax.barh(row[c.id], c.weeks / wpm, left=(c.start_week - 1) / wpm, height=0.7,
                color=modules[c.module].colour, edgecolor="white")
    for it in items:
        x, y = (it.week - 0.5) / wpm, row[it.course]
        if it.kind == "mock_exam":
            ax.plot(x, y, marker="D", markersize=10, color="black", markerfacecolor="gold", zorder=3)
        elif it.kind == "assignment":
            face = "black" if it.status == "available" else "white"
            ax.plot(x, y, marker="o", markersize=6, color="black", markerfacecolor=face, zorder=3)
    for m in range(1, track.months, 2):
        ax.axvspan(m, m + 1, color="#f4f4f4", zorder=0)
    for t in track.terms[1:]:
        ax.axvline((t.start_week - 1) / wpm, color="#999999", linewidth=0.8, zorder=0)
    chars_per_month = 110 / track.months
    for t in track.terms:
        label = textwrap.fill(f"{t.id} {t.title}", width=max(10, int(chars_per_month * t.weeks / wpm)))
        ax.text((t.start_week - 1 + t.weeks / 2) / wpm, -0.75, label, ha="center", va="bottom",
                fontsize=7.5, color="#444444")
    for label, week in track.milestones:
        ax.axvline(week / wpm, color="#c0392b", linestyle="--", linewidth=1.2)
        ax.text(week / wpm, len(courses) - 0.1, f"{label} ", color="#c0392b", fontsize=8, ha="right", va="bottom")

    ax.set_yticks(range(len(courses)), [f"{c.id}  {c.title}" for c in courses], fontsize=8)
    ax.set_ylim(len(courses), -1.9)
    ax.set_xlim(0, track.months + 0.1)
    ax.set_xticks([m - 0.5 for m in range(1, track.months + 1)], [str(m) for m in range(1, track.months + 1)])
    ax.set_xlabel("program month")
    hours = sum(weekly_hours(track).values())
    ax.set_title(f"{track.title}: {track.months} months, {hours:g} contact hours, "
                 f"at most {track.max_weekly_hours:g} a week; prepares for {' / '.join(track.prepares_for)}",
                 fontsize=10, loc="left")

    used = list(dict.fromkeys(c.module for c in courses))
    handles = [Patch(color=modules[m].colour, label=modules[m].title) for m in used]
    handles += [Line2D([], [], marker="o", color="black", linestyle="", markerfacecolor="black", label="assignment (available)"),
                Line2D([], [], marker="o", color="black", linestyle="", markerfacecolor="white", label="assignment (planned)"),
                Line2D([], [], marker="D", color="black", linestyle="", markerfacecolor="gold", label="mock exam")]
    ax.legend(handles=handles, loc="upper left", bbox_to_anchor=(1.01, 1.0), fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def timeline_png(track: str | Track, data_dir=None, catalogue_path=None, lessons_dir=None) -> bytes:
    """The chart as PNG bytes (no software or date metadata, so the bytes are reproducible)."""
    buf = io.BytesIO()
    timeline_figure(track, data_dir, catalogue_path, lessons_dir).savefig(buf, format="png", metadata={"Software": None})
    return buf.getvalue()


def save_timeline(track: str | Track, path: Path, data_dir=None, catalogue_path=None, lessons_dir=None) -> Path:
    """Write the chart to a PNG file and return its path."""
    path = Path(path)
    path.write_bytes(timeline_png(track, data_dir, catalogue_path, lessons_dir))
    return path
