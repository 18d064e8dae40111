"""Load the program data: modules, the two tracks, the assignment catalogue, and the plan.

`data/program/modules.yaml` holds the modules (objectives, prerequisites, lessons);
`data/program/track-<name>.yaml` holds a track's terms, courses, weeks, hours and the
week each lesson, assignment and mock exam falls in. `plan()` turns a track into one
row per placed item with its month and week.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

import yaml

from medcode import paths

COURSE_KEYS = {"id", "title", "module", "start_week", "weeks", "hours_per_week", "items"}


class ProgramError(ValueError):
    """The program data cannot be read: a missing file, track or key."""


def default_data_dir() -> Path:
    return paths.DATA_DIR / "program"


def default_lessons_dir() -> Path:
    return paths.PROJECT_ROOT / "lessons"


def default_catalogue_path() -> Path:
    return paths.PROJECT_ROOT / "assignments" / "catalogue.yaml"


@dataclass(frozen=True)
class Module:
    id: str
    title: str
    colour: str
    requires: tuple[str, ...]
    lessons: dict[str, list[str]]
    objectives: dict[str, str]
    mock_exams: tuple[str, ...] = ()
    general_education: bool = False


@dataclass(frozen=True)
class Placement:
    id: str
    week: int


@dataclass(frozen=True)
class Course:
    id: str
    title: str
    module: str
    term: str
    start_week: int
    weeks: int
    hours_per_week: float
    items: tuple[Placement, ...]

    @property
    def end_week(self) -> int:
        return self.start_week + self.weeks - 1


@dataclass(frozen=True)
class Term:
    id: str
    title: str
    start_week: int
    weeks: int

    @property
    def end_week(self) -> int:
        return self.start_week + self.weeks - 1


@dataclass(frozen=True)
class Track:
    id: str
    title: str
    credential: str
    months: int
    weeks_per_month: int
    max_weekly_hours: float
    prepares_for: tuple[str, ...]
    terms: tuple[Term, ...]
    courses: tuple[Course, ...]
    milestones: tuple[tuple[str, int], ...] = field(default=())

    @property
    def total_weeks(self) -> int:
        return sum(t.weeks for t in self.terms)

    def month_of(self, week: int) -> int:
        """Program month (1-based) of a program week."""
        return (week - 1) // self.weeks_per_month + 1


@dataclass(frozen=True)
class PlanItem:
    id: str
    kind: str  # lesson | assignment | mock_exam
    path: str
    month: int
    week: int
    course: str
    module: str
    status: str  # available | planned


def _read_yaml(path: Path):
    if not path.is_file():
        raise ProgramError(f"no such file: {path}")
    try:
        return yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise ProgramError(f"{path.name}: not valid YAML ({err.__class__.__name__})") from err


def _need(mapping, key: str, where: str):
    if not isinstance(mapping, dict) or key not in mapping:
        raise ProgramError(f"{where}: missing key '{key}'")
    return mapping[key]


def load_modules(data_dir: Path | None = None) -> dict[str, Module]:
    """All modules by id, with objectives merged from any `objectives_file`."""
    data_dir = Path(data_dir or default_data_dir())
    raw = _need(_read_yaml(data_dir / "modules.yaml"), "modules", "modules.yaml")
    modules = {}
    for entry in raw:
        where = f"modules.yaml module {entry.get('id', '?') if isinstance(entry, dict) else '?'}"
        objectives = dict(entry.get("objectives") or {})
        if entry.get("objectives_file"):
            objectives = {**_read_yaml(data_dir / entry["objectives_file"]), **objectives}
        modules[_need(entry, "id", where)] = Module(
            id=entry["id"],
            title=_need(entry, "title", where),
            colour=entry.get("colour", "#7f7f7f"),
            requires=tuple(entry.get("requires") or ()),
            lessons={k: list(v or []) for k, v in (entry.get("lessons") or {}).items()},
            objectives={str(k): str(v) for k, v in objectives.items()},
            mock_exams=tuple(entry.get("mock_exams") or ()),
            general_education=bool(entry.get("general_education", False)),
        )
    return modules


def track_names(data_dir: Path | None = None) -> list[str]:
    """Names of the tracks in the data directory (from track-<name>.yaml), sorted."""
    data_dir = Path(data_dir or default_data_dir())
    return sorted(p.stem.removeprefix("track-") for p in data_dir.glob("track-*.yaml"))


def load_track(name: str, data_dir: Path | None = None) -> Track:
    """One track; raises ProgramError for an unknown name or a missing key."""
    data_dir = Path(data_dir or default_data_dir())
    if name not in track_names(data_dir):
        raise ProgramError(f"unknown track '{name}'; choose one of: {', '.join(track_names(data_dir))}")
    where = f"track-{name}.yaml"
    raw = _read_yaml(data_dir / where)
    terms, courses, start = [], [], 1
    for t in _need(raw, "terms", where):
        term = Term(_need(t, "id", where), t.get("title", t["id"]), start, int(_need(t, "weeks", where)))
        terms.append(term)
        start = term.end_week + 1
        for c in _need(t, "courses", f"{where} term {term.id}"):
            cw = f"{where} course {c.get('id', '?') if isinstance(c, dict) else '?'}"
            if isinstance(c, dict) and set(c) - COURSE_KEYS:
                raise ProgramError(f"{cw}: unknown keys {sorted(set(c) - COURSE_KEYS)} (quote titles with commas)")
            items = tuple(Placement(str(_need(i, "id", cw)), int(_need(i, "week", cw))) for i in c.get("items") or ())
            courses.append(Course(
                id=_need(c, "id", cw), title=_need(c, "title", cw), module=_need(c, "module", cw), term=term.id,
                start_week=int(_need(c, "start_week", cw)), weeks=int(_need(c, "weeks", cw)),
                hours_per_week=float(_need(c, "hours_per_week", cw)), items=items,
            ))
    return Track(
        id=_need(raw, "id", where), title=_need(raw, "title", where), credential=raw.get("credential", name),
        months=int(_need(raw, "months", where)), weeks_per_month=int(_need(raw, "weeks_per_month", where)),
        max_weekly_hours=float(_need(raw, "max_weekly_hours", where)),
        prepares_for=tuple(raw.get("prepares_for") or ()), terms=tuple(terms), courses=tuple(courses),
        milestones=tuple((m["label"], int(m["week"])) for m in raw.get("milestones") or ()),
    )


def load_catalogue(path: Path | None = None) -> list[dict]:
    """The assignment catalogue's entries (planned ones too), in file order."""
    path = Path(path or default_catalogue_path())
    entries = _read_yaml(path) or []
    if not isinstance(entries, list) or not all(isinstance(e, dict) and "id" in e for e in entries):
        raise ProgramError(f"{path.name}: expected a list of entries, each with an id")
    return entries


def lesson_ids(modules: dict[str, Module]) -> list[str]:
    """The curriculum's lesson ids, in numeric (program) order."""
    return sorted(lid for m in modules.values() for lid in m.lessons)


def item_kind(item_id: str, modules: dict[str, Module], catalogue: list[dict]) -> str | None:
    """lesson, assignment or mock_exam; None for an id the curriculum does not know."""
    if item_id in lesson_ids(modules):
        return "lesson"
    entry = next((e for e in catalogue if e["id"] == item_id), None)
    if entry is None:
        return None
    declared = str(entry.get("kind", "")).replace(" ", "_")
    if declared == "mock_exam" or any(item_id in m.mock_exams for m in modules.values()):
        return "mock_exam"
    return "assignment"


def item_path(item_id: str, kind: str) -> str:
    """Repo-relative file (lesson) or folder (assignment, mock exam released to students)."""
    return f"lessons/{item_id}.ipynb" if kind == "lesson" else f"release/{item_id}/"


def plan(
    track: str | Track,
    data_dir: Path | None = None,
    catalogue_path: Path | None = None,
    lessons_dir: Path | None = None,
) -> list[PlanItem]:
    """Every placed item of a track, sorted by week then course order."""
    track = track if isinstance(track, Track) else load_track(track, data_dir)
    modules = load_modules(data_dir)
    catalogue = load_catalogue(catalogue_path)
    status = {e["id"]: e.get("status", "planned") for e in catalogue}
    lessons_dir = Path(lessons_dir or default_lessons_dir())
    rows = []
    for order, course in enumerate(track.courses):
        for p in course.items:
            kind = item_kind(p.id, modules, catalogue) or "unknown"
            path = item_path(p.id, kind)
            if kind == "lesson":
                state = "available" if (lessons_dir / f"{p.id}.ipynb").is_file() else "planned"
            else:
                state = status.get(p.id, "planned")
            rows.append((p.week, order, PlanItem(p.id, kind, path, track.month_of(p.week), p.week,
                                                 course.id, course.module, state)))
    return [row[2] for row in sorted(rows, key=lambda r: (r[0], r[1]))]


def weekly_hours(track: Track) -> dict[int, float]:
    """Contact hours of each program week, summed over the courses running that week."""
    hours = {w: 0.0 for w in range(1, track.total_weeks + 1)}
    for c in track.courses:
        for w in range(c.start_week, c.end_week + 1):
            hours[w] = hours.get(w, 0.0) + c.hours_per_week
    return hours
