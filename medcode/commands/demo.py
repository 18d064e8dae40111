"""`medcode demo`: run the instructor pipeline on the bundled sample class."""

from __future__ import annotations

from pathlib import Path

from medcode.paths import PROJECT_ROOT


def register(sub) -> None:
    p = sub.add_parser("demo", help="release, autograde, feedback and export on the sample class")
    p.add_argument("--dir", type=Path, default=PROJECT_ROOT / "build" / "demo-course",
                   help="course folder to (re)create (default: build/demo-course)")
    p.add_argument("--workers", type=int, default=2, help="grading worker processes (default: 2)")
    p.set_defaults(func=main)


def main(args) -> int:
    from medcode.grading.demo import run_demo

    run_demo(args.dir, workers=args.workers)
    return 0
