"""Program timeline: pick a track, see its Gantt chart and plan; instructors add a start date.

A thin view over medcode.program: the plan, the picture and the release dates all come
from there. Tests drive it with `.select_track(name)` and `.set_start(date)`.
"""

from __future__ import annotations

import datetime as dt
import html

import ipywidgets as W

from medcode import program


def plan_html(items: list[program.PlanItem], releases: dict[str, dt.date] | None = None) -> str:
    """The plan as an HTML table; with releases, a release-date column for assignments and mock exams."""
    head = ["month", "week", "kind", "item", "status"] + (["release"] if releases is not None else [])
    rows = []
    for i in items:
        cells = [str(i.month), str(i.week), i.kind.replace("_", " "), i.id, i.status]
        if releases is not None:
            cells.append(releases[i.id].isoformat() if i.id in releases else "")
        rows.append("<tr>" + "".join(f"<td>{html.escape(c)}</td>" for c in cells) + "</tr>")
    header = "<tr>" + "".join(f"<th>{h}</th>" for h in head) + "</tr>"
    return f"<table class='medcode-program-plan'>{header}{''.join(rows)}</table>"


class ProgramTimeline(W.VBox):
    """Track toggle, timeline picture and plan table; with instructor=True, a start-date picker."""

    def __init__(self, track: str = "diploma", instructor: bool = False, start: dt.date | None = None,
                 data_dir=None, catalogue_path=None, lessons_dir=None):
        self._sources = {"data_dir": data_dir, "catalogue_path": catalogue_path, "lessons_dir": lessons_dir}
        names = program.track_names(data_dir)
        self.track = W.ToggleButtons(options=names, value=track if track in names else names[0], description="Track:")
        self.start = W.DatePicker(description="Week 1 starts:", value=start)
        self.summary = W.HTML()
        self.picture = W.Image(format="png")
        self.table = W.HTML()
        self.instructor = instructor
        self.items: list[program.PlanItem] = []
        self.releases: dict[str, dt.date] = {}
        controls = [self.track] + ([self.start] if instructor else [])
        super().__init__([W.HBox(controls), self.summary, self.picture, self.table])
        self.add_class("medcode-program-timeline")
        self.track.observe(lambda change: self.refresh(), names="value")
        self.start.observe(lambda change: self.refresh(), names="value")
        self.refresh()

    def __repr__(self) -> str:
        return f"ProgramTimeline(track={self.track.value!r}, instructor={self.instructor})"

    def select_track(self, name: str) -> None:
        """Show another track (diploma or associate)."""
        if name not in self.track.options:
            raise program.ProgramError(f"unknown track '{name}'; choose one of: {', '.join(self.track.options)}")
        self.track.value = name

    def set_start(self, date: dt.date | str | None) -> None:
        """Set the first day of week 1 (a date or YYYY-MM-DD); None clears it."""
        self.start.value = program.parse_start(date) if isinstance(date, str) else date

    def refresh(self) -> None:
        """Redraw the picture, the summary and the table for the current track and start date."""
        src = self._sources
        track = program.load_track(self.track.value, src["data_dir"])
        self.items = program.plan(track, src["data_dir"], src["catalogue_path"], src["lessons_dir"])
        start = self.start.value if self.instructor else None
        self.releases = {r.id: r.date for r in program.release_dates(self.items, start)} if start else {}
        self.picture.value = program.timeline_png(track, src["data_dir"], src["catalogue_path"], src["lessons_dir"])
        end = f"; last week ends {(start + dt.timedelta(weeks=track.total_weeks, days=-1)).isoformat()}" if start else ""
        self.summary.value = (f"<b>{html.escape(track.title)}</b>: {track.months} months, {len(track.terms)} terms, "
                              f"prepares for {html.escape(' / '.join(track.prepares_for))}{end}")
        self.table.value = plan_html(self.items, self.releases if start else None)
