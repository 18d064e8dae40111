"""Run every bench module in the package: `python -m benchmarks`."""

from __future__ import annotations

import pkgutil
from importlib import import_module

import benchmarks


def main() -> int:
    for info in sorted(pkgutil.iter_modules(benchmarks.__path__), key=lambda m: m.name):
        if info.name.endswith("_bench"):
            print(f"== benchmarks.{info.name}")
            import_module(f"benchmarks.{info.name}").main()
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
