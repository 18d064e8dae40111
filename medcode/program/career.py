"""Career figures: the job market for medical records specialists, every figure with its year.

Owner of `data/career/labor-market.yaml`. `load_labor_market()` reads and validates the file:
each figure has a value (a number or a [low, high] range), a unit, a year or a period
("2024-34") and a source; a figure that cannot be dated lives in `set_aside`, where it is
shown as a warning and never compared or plotted. Lesson 14's tables and chart are views in
medcode.widgets.career_views. Wages are nominal US dollars.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

import yaml

from medcode import paths

UNITS = {"USD per year", "USD per hour", "jobs", "percent", "months"}
TOPICS = {"median_pay", "mean_pay", "top10_pay", "industry_mean_pay", "entry_pay", "employment",
          "projected_growth", "program_length", "pass_rate"}
YEAR_BASES = {"stated", "apparent"}
FIGURE_KEYS = {"id", "topic", "label", "value", "unit", "year", "period", "as_of", "year_basis", "source", "seed", "note"}
PERIOD = re.compile(r"^(\d{4})-(\d{2}|\d{4})$")
YEARS = range(1990, 2041)


class CareerDataError(ValueError):
    """labor-market.yaml breaks a rule: every problem found is listed in the message."""


def default_path() -> Path:
    return paths.DATA_DIR / "career" / "labor-market.yaml"


@dataclass(frozen=True)
class Figure:
    id: str
    topic: str
    label: str
    value: float | tuple[float, float]
    unit: str
    source: str
    year: int | None = None
    period: str | None = None
    as_of: str | None = None
    year_basis: str = "stated"
    seed: str | None = None
    note: str = ""

    @property
    def start_year(self) -> int:
        """The year the figure describes, or the first year of its period (for sorting)."""
        return self.year if self.year is not None else int(PERIOD.match(self.period).group(1))

    @property
    def when(self) -> str:
        """The date as a reader should quote it: 'May 2024', '2024-34', 'about 2024'."""
        if self.period:
            return self.period
        if self.as_of:
            return self.as_of
        return f"about {self.year}" if self.year_basis == "apparent" else str(self.year)

    @property
    def low(self) -> float:
        """The value, or the low end of a range (for sorting)."""
        return self.value[0] if isinstance(self.value, tuple) else self.value

    @property
    def is_range(self) -> bool:
        return isinstance(self.value, tuple)

    def text(self) -> str:
        """The value with its unit, as a person writes it: $50,250, +7%, $25,014-$34,988."""
        return format_value(self.value, self.unit, signed=self.topic == "projected_growth")


@dataclass(frozen=True)
class LaborMarket:
    articles: tuple[dict, ...]
    figures: tuple[Figure, ...]
    set_aside: tuple[dict, ...]
    credentials: tuple[dict, ...]
    settings: tuple[dict, ...]
    trends: tuple[dict, ...]

    def figure(self, figure_id: str) -> Figure:
        for f in self.figures:
            if f.id == figure_id:
                return f
        raise KeyError(f"no figure '{figure_id}' in labor-market.yaml")

    def topic(self, topic: str) -> list[Figure]:
        """The figures of one topic, oldest first."""
        return sorted((f for f in self.figures if f.topic == topic), key=lambda f: (f.start_year, f.id))


def format_value(value, unit: str, signed: bool = False) -> str:
    if isinstance(value, (tuple, list)):
        return "-".join(format_value(v, unit) for v in value)
    if unit.startswith("USD"):
        return f"${value:,.2f}" if unit == "USD per hour" else f"${value:,.0f}"
    if unit == "percent":
        return f"{'+' if signed and value > 0 else ''}{value:g}%"
    if unit == "jobs":
        return f"{value:,.0f}"
    return f"{value:g} {unit}"


def _number(v) -> bool:
    return isinstance(v, (int, float)) and not isinstance(v, bool)


def _missing(entry, keys: tuple[str, ...], where: str) -> list[str]:
    """Problems of an entry that is not a mapping or lacks one of `keys`."""
    if not isinstance(entry, dict):
        return [f"{where}: not a mapping"]
    return [f"{where}: missing {key}" for key in keys if entry.get(key) in (None, "")]


def _check_figure(entry, where: str, seeds: set[str]) -> list[str]:
    if not isinstance(entry, dict):
        return _missing(entry, (), where)
    problems = _missing(entry, ("id", "topic", "label", "value", "unit", "source"), where)
    if set(entry) - FIGURE_KEYS:
        problems.append(f"{where}: unknown keys {sorted(set(entry) - FIGURE_KEYS)}")
    value = entry.get("value")
    if value is not None:
        if isinstance(value, list):
            if len(value) != 2 or not all(_number(v) for v in value) or value[0] > value[1]:
                problems.append(f"{where}: a range must be [low, high] numbers")
        elif not _number(value):
            problems.append(f"{where}: value must be a number or [low, high]")
    if entry.get("unit") and entry["unit"] not in UNITS:
        problems.append(f"{where}: unknown unit '{entry['unit']}' (one of {', '.join(sorted(UNITS))})")
    if entry.get("topic") and entry["topic"] not in TOPICS:
        problems.append(f"{where}: unknown topic '{entry['topic']}'")
    year, period = entry.get("year"), entry.get("period")
    if year is None and not period:
        problems.append(f"{where}: no year or period (a figure without a year goes under set_aside)")
    elif year is not None and period:
        problems.append(f"{where}: give a year or a period, not both")
    elif year is not None and (not isinstance(year, int) or isinstance(year, bool) or year not in YEARS):
        problems.append(f"{where}: year must be a whole year between {YEARS.start} and {YEARS.stop - 1}")
    elif period:
        m = PERIOD.match(str(period))
        if not m:
            problems.append(f"{where}: period must look like 2024-34 or 2018-2025")
        else:
            start, end = int(m.group(1)), m.group(2)
            end = int(end) if len(end) == 4 else start // 100 * 100 + int(end)
            if not (start in YEARS and start < end):
                problems.append(f"{where}: period {period} must run forward")
    basis = entry.get("year_basis", "stated")
    if basis not in YEAR_BASES:
        problems.append(f"{where}: year_basis must be stated or apparent")
    if basis == "apparent" and not entry.get("seed"):
        problems.append(f"{where}: an apparent year must come from an article (seed)")
    if entry.get("seed") is not None and str(entry["seed"]) not in seeds:
        problems.append(f"{where}: unknown seed {entry['seed']}")
    return problems


def validate(raw) -> list[str]:
    """Every rule the file breaks, as readable sentences; [] when it is sound."""
    if not isinstance(raw, dict):
        return ["labor-market.yaml: expected a mapping with articles, figures, set_aside, credentials, settings, trends"]
    problems = []
    for key in ("articles", "figures", "credentials", "settings", "trends"):
        if not isinstance(raw.get(key), list) or not raw[key]:
            problems.append(f"labor-market.yaml: '{key}' must be a non-empty list")
    if problems:
        return problems
    seeds = set()
    for i, a in enumerate(raw["articles"], 1):
        if not isinstance(a, dict) or any(not a.get(k) for k in ("seed", "file", "kind", "apparent_date", "basis")):
            problems.append(f"article {i}: needs seed, file, kind, apparent_date and basis")
        else:
            seeds.add(str(a["seed"]))
    ids = []
    for i, f in enumerate(raw["figures"], 1):
        where = f"figure {f.get('id', i) if isinstance(f, dict) else i}"
        problems += _check_figure(f, where, seeds)
        if isinstance(f, dict):
            ids.append(f.get("id"))
    for i, s in enumerate(raw.get("set_aside") or [], 1):
        where = f"set_aside {s.get('id', i) if isinstance(s, dict) else i}"
        problems += _missing(s, ("id", "label", "value", "unit", "source", "reason"), where)
        if not isinstance(s, dict):
            continue
        if "year" in s or "period" in s:
            problems.append(f"{where}: has a year, so it belongs under figures")
        ids.append(s.get("id"))
    dupes = sorted({i for i in ids if ids.count(i) > 1 and i})
    if dupes:
        problems.append(f"duplicate ids: {', '.join(dupes)}")
    for i, c in enumerate(raw["credentials"], 1):
        where = f"credential {c.get('id', i) if isinstance(c, dict) else i}"
        problems += _missing(c, ("id", "body", "title", "fits", "year", "source"), where)
        if not isinstance(c, dict):
            continue
        if "format" not in c:
            problems.append(f"{where}: give format (null when certifications.yaml holds it)")
    for kind in ("settings", "trends"):
        for i, t in enumerate(raw[kind], 1):
            if not isinstance(t, dict) or not t.get("source") or not (t.get("year") or t.get("period")):
                problems.append(f"{kind} {i}: needs a year (or period) and a source")
            elif t.get("seed") is not None and str(t["seed"]) not in seeds:
                problems.append(f"{kind} {i}: unknown seed {t['seed']}")
    return problems


def load_labor_market(path: Path | str | None = None) -> LaborMarket:
    """The validated career data; raises CareerDataError listing every problem."""
    path = Path(path or default_path())
    if not path.is_file():
        raise CareerDataError(f"no such file: {path}")
    try:
        raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as err:
        raise CareerDataError(f"{path.name}: not valid YAML ({err.__class__.__name__})") from err
    problems = validate(raw)
    if problems:
        raise CareerDataError(f"{path.name}: " + "; ".join(problems))
    figures = tuple(
        Figure(id=f["id"], topic=f["topic"], label=f["label"],
               value=tuple(f["value"]) if isinstance(f["value"], list) else f["value"],
               unit=f["unit"], source=f["source"], year=f.get("year"),
               period=str(f["period"]) if f.get("period") else None, as_of=f.get("as_of"),
               year_basis=f.get("year_basis", "stated"),
               seed=str(f["seed"]) if f.get("seed") is not None else None, note=f.get("note", ""))
        for f in raw["figures"]
    )
    return LaborMarket(
        articles=tuple(raw["articles"]), figures=figures, set_aside=tuple(raw.get("set_aside") or ()),
        credentials=tuple(raw["credentials"]), settings=tuple(raw["settings"]), trends=tuple(raw["trends"]),
    )


# --- views for lesson 14 (deterministic: sorted rows, no timestamps) -------------------------------
