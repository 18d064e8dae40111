"""The `medcode` command: one sub-command per module in `medcode.commands`.

Each module there defines `register(subparsers)`, which adds its parser and sets
`func(args) -> int` as the parser's default. Errors a user can cause (a malformed
or unknown code, a missing file) print one clear line and exit with status 2.
"""

from __future__ import annotations

import argparse
import pkgutil
import sys
from importlib import import_module

import medcode.commands
from medcode.codesets.record import CodeError


class UsageError(Exception):
    """A user's mistake: printed as one line, exit status 2."""


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="medcode", description="Tools of the open medical-coding course.")
    sub = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for info in sorted(pkgutil.iter_modules(medcode.commands.__path__), key=lambda m: m.name):
        import_module(f"medcode.commands.{info.name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    args = build_parser().parse_args(argv)
    try:
        return args.func(args) or 0
    except (CodeError, UsageError, FileNotFoundError) as err:
        print(f"medcode: {err}", file=sys.stderr)
        return 2


if __name__ == "__main__":
    sys.exit(main())
