"""Check the program data: placement, order, load, length and objectives.

`validate()` returns a list of problems, one readable line each, and an empty list when
the data are sound. Each rule is a small function so a test can break one thing at a time.
"""

from __future__ import annotations

from pathlib import Path

from medcode.program.tracks import (
    Module,
    ProgramError,
    Track,
    default_catalogue_path,
    default_data_dir,
    default_lessons_dir,
    item_kind,
    lesson_ids,
    load_catalogue,
    load_modules,
    load_track,
    track_names,
    weekly_hours,
)

# Program lengths (FIELD_NOTES, "Programs"): a diploma in about 10 months, an associate degree in about 20.
EXPECTED_MONTHS = {"diploma": 10, "associate": 20}


def check_placement(track: Track, modules: dict[str, Module], catalogue: list[dict], lesson_files: list[str]) -> list[str]:
    """Every lesson (file or curriculum) and catalogue entry placed once; nothing unknown placed."""
    problems, seen = [], {}
    for course in track.courses:
        for p in course.items:
            if p.id in seen:
                problems.append(f"{track.id}: {p.id} is placed twice ({seen[p.id]} and {course.id})")
            seen[p.id] = course.id
            if item_kind(p.id, modules, catalogue) is None:
                problems.append(f"{track.id}: {course.id} places {p.id}, which is neither a lesson id nor a catalogue id")
    curriculum = lesson_ids(modules)
    for lid in lesson_files:
        if lid not in curriculum:
            problems.append(f"lessons/{lid}.ipynb is not a lesson of any module in modules.yaml")
    wanted = [(lid, "lesson") for lid in dict.fromkeys(curriculum + lesson_files)]
    wanted += [(e["id"], f"catalogue entry ({e.get('status', 'planned')})") for e in catalogue]
    for item_id, what in wanted:
        if item_id not in seen:
            problems.append(f"{track.id}: {what} {item_id} is not placed")
    return problems


def check_weeks(track: Track, modules: dict[str, Module]) -> list[str]:
    """Courses sit inside their term and teach a known module; items sit inside their course."""
    problems = []
    terms = {t.id: t for t in track.terms}
    for c in track.courses:
        term = terms[c.term]
        if c.module not in modules:
            problems.append(f"{track.id}: course {c.id} teaches unknown module '{c.module}'")
        if c.weeks < 1 or c.start_week < term.start_week or c.end_week > term.end_week:
            problems.append(f"{track.id}: course {c.id} (weeks {c.start_week}-{c.end_week}) "
                            f"is outside term {term.id} (weeks {term.start_week}-{term.end_week})")
        for p in c.items:
            if not c.start_week <= p.week <= c.end_week:
                problems.append(f"{track.id}: {p.id} in week {p.week} is outside course {c.id} "
                                f"(weeks {c.start_week}-{c.end_week})")
    return problems


def check_prerequisites(track: Track, modules: dict[str, Module], catalogue: list[dict]) -> list[str]:
    """Prerequisite modules end before dependants start; lessons in order; assignments after their lesson."""
    problems = []
    for c in track.courses:
        for req in modules[c.module].requires if c.module in modules else ():
            for r in (x for x in track.courses if x.module == req):
                if r.end_week >= c.start_week:
                    problems.append(f"{track.id}: course {c.id} ({c.module}) starts in week {c.start_week} "
                                    f"before its prerequisite {r.id} ({req}) ends in week {r.end_week}")
    week = {p.id: p.week for c in track.courses for p in c.items}
    placed_lessons = [lid for lid in lesson_ids(modules) if lid in week]
    for earlier, later in zip(placed_lessons, placed_lessons[1:]):
        if week[later] < week[earlier]:
            problems.append(f"{track.id}: lesson {later} (week {week[later]}) comes before lesson {earlier} (week {week[earlier]})")
    for e in catalogue:
        lesson = e.get("lesson")
        if e["id"] in week and lesson in week and week[e["id"]] < week[lesson]:
            problems.append(f"{track.id}: {e['id']} (week {week[e['id']]}) comes before its lesson {lesson} (week {week[lesson]})")
    return problems


def check_hours(track: Track) -> list[str]:
    """No week's contact hours exceed the track's stated maximum."""
    return [f"{track.id}: week {w} has {h:g} contact hours, over the stated maximum of {track.max_weekly_hours:g}"
            for w, h in weekly_hours(track).items() if h > track.max_weekly_hours]


def check_length(track: Track) -> list[str]:
    """Terms add up to the stated months, and the stated months are the track's expected length."""
    problems = []
    if track.total_weeks != track.months * track.weeks_per_month:
        problems.append(f"{track.id}: terms total {track.total_weeks} weeks, but {track.months} months "
                        f"of {track.weeks_per_month} weeks is {track.months * track.weeks_per_month}")
    expected = EXPECTED_MONTHS.get(track.id)
    if expected is not None and track.months != expected:
        problems.append(f"{track.id}: lasts {track.months} months; the {track.id} track should total {expected}")
    return problems


def check_objectives(modules: dict[str, Module], catalogue: list[dict]) -> list[str]:
    """Objective ids are unique and exist where lessons and the catalogue cite them; modules and lessons cited exist."""
    problems, owner = [], {}
    for m in modules.values():
        for oid in m.objectives:
            if oid in owner:
                problems.append(f"objective {oid} is defined by both {owner[oid]} and {m.id}")
            owner.setdefault(oid, m.id)
        problems += [f"module {m.id} requires unknown module '{r}'" for r in m.requires if r not in modules]
        for lid, oids in m.lessons.items():
            problems += [f"lesson {lid} cites unknown objective {o}" for o in oids if o not in m.objectives]
    lessons = lesson_ids(modules)
    for e in catalogue:
        problems += [f"catalogue entry {e['id']} cites unknown objective {o}" for o in e.get("objectives") or () if o not in owner]
        if e.get("module") and e["module"] not in modules:
            problems.append(f"catalogue entry {e['id']} names unknown module '{e['module']}'")
        if e.get("lesson") and e["lesson"] not in lessons:
            problems.append(f"catalogue entry {e['id']} names unknown lesson '{e['lesson']}'")
    return problems


def validate(data_dir: Path | None = None, lessons_dir: Path | None = None, catalogue_path: Path | None = None) -> list[str]:
    """All problems of the program data, each track checked against the lessons folder and the catalogue."""
    data_dir = Path(data_dir or default_data_dir())
    lessons_dir = Path(lessons_dir or default_lessons_dir())
    try:
        modules = load_modules(data_dir)
        catalogue = load_catalogue(catalogue_path or default_catalogue_path())
    except ProgramError as err:
        return [str(err)]
    lesson_files = sorted(p.stem for p in lessons_dir.glob("*.ipynb"))
    problems = check_objectives(modules, catalogue)
    names = track_names(data_dir)
    problems += [f"no track-{n}.yaml in {data_dir}" for n in EXPECTED_MONTHS if n not in names]
    for name in names:
        try:
            track = load_track(name, data_dir)
        except ProgramError as err:
            problems.append(str(err))
            continue
        problems += check_placement(track, modules, catalogue, lesson_files)
        problems += check_weeks(track, modules)
        problems += check_prerequisites(track, modules, catalogue)
        problems += check_hours(track)
        problems += check_length(track)
    return problems
