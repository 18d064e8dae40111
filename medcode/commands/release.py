"""`medcode release`: regenerate release/ from source/ with nbgrader (never edit release/ by hand)."""

from __future__ import annotations

from medcode.cli import UsageError
from medcode.paths import PROJECT_ROOT


def register(sub) -> None:
    p = sub.add_parser("release", help="regenerate release/<id>/ from source/<id>/ with nbgrader generate_assignment")
    p.add_argument("assignments", nargs="*", help="assignment ids (default: every folder in source/)")
    p.set_defaults(func=main)


def main(args) -> int:
    from medcode.grading.nbgrader_cli import run

    ids = args.assignments or sorted(p.name for p in (PROJECT_ROOT / "source").iterdir() if p.is_dir())
    for assignment in ids:
        if not (PROJECT_ROOT / "source" / assignment).is_dir():
            raise UsageError(f"no source/{assignment}/ folder")
        result = run(["generate_assignment", assignment, "--force"], PROJECT_ROOT)
        if result.returncode:
            raise UsageError(f"nbgrader generate_assignment {assignment} failed:\n{result.stderr[-2000:]}")
        print(f"release/{assignment}/ regenerated from source/{assignment}/")
    return 0
