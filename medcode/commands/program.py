"""`medcode program`: a track's plan, timeline picture, release dates and exam alignment."""

from __future__ import annotations

import json
from pathlib import Path


def register(sub) -> None:
    p = sub.add_parser("program", help="the diploma or associate track: plan, timeline, release dates, exam alignment")
    p.add_argument("--track", default="diploma", help="track name (diploma or associate; default diploma)")
    p.add_argument("--json", action="store_true", help="print JSON instead of a table")
    p.add_argument("--plot", metavar="FILE.png", help="write the timeline picture to this PNG file")
    p.add_argument("--start", metavar="YYYY-MM-DD", help="first day of week 1: show each assignment's release date")
    p.add_argument("--alignment", action="store_true", help="show how graded work covers the CPC, CCA and CCS exams")
    p.add_argument("--check", action="store_true", help="validate the program data; exit 1 if there are problems")
    p.set_defaults(func=run)


def run(args) -> int:
    from medcode.cli import UsageError
    from medcode import program

    if args.check:
        problems = program.validate()
        print("\n".join(problems) if problems else "program data: no problems")
        return 1 if problems else 0
    try:
        track = program.load_track(args.track)
        start = program.parse_start(args.start) if args.start else None
    except (program.ProgramError, ValueError) as err:
        raise UsageError(str(err)) from None
    if args.plot:
        _plot(track, Path(args.plot))
    if args.alignment:
        return _alignment(track, args.json)
    items = program.plan(track)
    releases = {r.id: r.date.isoformat() for r in program.release_dates(items, start)} if start else {}
    if args.json:
        rows = [{"id": i.id, "kind": i.kind, "path": i.path, "month": i.month, "week": i.week,
                 "course": i.course, "module": i.module, "status": i.status,
                 **({"release": releases[i.id]} if i.id in releases else {})} for i in items]
        out = {"track": track.id, "months": track.months, "items": rows}
        if start:
            out["start"] = start.isoformat()
        print(json.dumps(out, indent=2))
        return 0
    print(f"{track.title}: {track.months} months, {len(track.terms)} terms, at most {track.max_weekly_hours:g} contact hours a week")
    print((f"{'month':>5} {'week':>4}  {'kind':<10} {'status':<9} {'course':<7} {'id':<28}" + ("  release" if start else "")).rstrip())
    for i in items:
        line = f"{i.month:>5} {i.week:>4}  {i.kind:<10} {i.status:<9} {i.course:<7} {i.id:<28}"
        print((line + f"  {releases.get(i.id, '')}").rstrip() if start else line.rstrip())
    return 0


def _plot(track, path: Path) -> None:
    from medcode.cli import UsageError
    from medcode.program.timeline import save_timeline

    if path.suffix.lower() != ".png":
        raise UsageError(f"--plot needs a .png file name, not '{path}'")
    if not path.parent.is_dir():
        raise UsageError(f"no such folder for --plot: {path.parent}")
    save_timeline(track, path)
    print(f"wrote {path}")


def _alignment(track, as_json: bool) -> int:
    from medcode.program import alignment, gaps

    rows = alignment(track.id)
    if as_json:
        print(json.dumps({"track": track.id, "sections": [r.to_dict() for r in rows]}, indent=2))
        return 0
    print(f"Certification alignment of the {track.id} track (graded items available now; planned work in brackets)")
    for r in rows:
        weight = "?" if r.weight is None else f"{r.weight[0]:g}" if r.weight[0] == r.weight[1] else f"{r.weight[0]:g}-{r.weight[1]:g}"
        unit = "q" if r.unit == "questions" else "%"
        planned = f" [{', '.join(r.planned)}]" if r.planned else ""
        print(f"{r.exam:<4} {r.section:<25} {weight:>6}{unit} {r.graded_items:>3} items  {', '.join(r.modules) or '-'}{planned}")
    print(f"gaps (no graded item yet): {len(gaps(rows))} of {len(rows)} sections")
    return 0
