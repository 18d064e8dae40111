"""Per-submission limits, set in nbgrader_config.py as `c.GradingLimits.<name>`.

`medcode grade` enforces all of them; plain `nbgrader autograde` only sees the
per-cell timeout that nbgrader_config.py copies into `c.Execute.timeout`.
"""

from __future__ import annotations

from pathlib import Path

from traitlets import Integer
from traitlets.config import Config, Configurable


class GradingLimits(Configurable):
    """What one submission may cost: time per cell, time per notebook, memory, output."""

    cell_timeout = Integer(10, help="seconds one cell may run before it is interrupted").tag(config=True)
    notebook_timeout = Integer(120, help="seconds of wall-clock time for a whole notebook; "
                                         "cells after the limit are not run").tag(config=True)
    memory_mb = Integer(1024, help="address-space cap of the kernel process in MB (RLIMIT_AS); 0 = none"
                        ).tag(config=True)
    output_chars = Integer(20_000, help="characters kept of each cell output; the rest is cut").tag(config=True)

    def as_dict(self) -> dict:
        return {name: getattr(self, name) for name in self.trait_names(config=True)}


def course_config(course: Path) -> Config:
    """The traitlets config of `course/nbgrader_config.py` (empty if there is none)."""
    from traitlets.config.loader import PyFileConfigLoader

    path = Path(course) / "nbgrader_config.py"
    if not path.exists():
        return Config()
    return PyFileConfigLoader(path.name, path=str(path.parent)).load_config()


def load_limits(config: Config) -> GradingLimits:
    return GradingLimits(config=config)
