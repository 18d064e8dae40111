"""`reports/<assignment>/report.html`: what an instructor reads after a grading run.

Plots (matplotlib, Agg, embedded as base64 PNG): the score distribution, each
item's difficulty (mean share of its points the class earned) and the mastery
of each learning objective (points earned over points possible across the items
that measure it; see medcode.grading.objectives for where the mapping comes
from). Then the submissions that need a person, and every outcome. Students
without a graded notebook (invalid, missing, failed) are listed, not plotted.
"""

from __future__ import annotations

import base64
import html
import io
from collections import Counter
from pathlib import Path

from matplotlib.figure import Figure

from medcode.grading.assess import Record
from medcode.grading.outcome import STATUSES


def _png(fig: Figure) -> str:
    buf = io.BytesIO()
    fig.savefig(buf, format="png", dpi=96, bbox_inches="tight", metadata={"Software": None})
    return "data:image/png;base64," + base64.b64encode(buf.getvalue()).decode()


def item_difficulty(records: list[Record], items: list[str]) -> dict[str, float]:
    """{grade_id: mean share of its points earned} over students with a graded notebook."""
    out = {}
    for item in items:
        shares = [r.items[item][0] / r.items[item][1] for r in records if item in r.items and r.items[item][1]]
        if shares:
            out[item] = sum(shares) / len(shares)
    return out


def objective_mastery(records: list[Record], mapping: dict[str, list[str]]) -> dict[str, float]:
    """{objective: points earned / points possible} over its items and the students with a graded notebook."""
    earned, possible = Counter(), Counter()
    for r in records:
        for item, (score, maximum) in r.items.items():
            for objective in mapping.get(item, []):
                earned[objective] += score
                possible[objective] += maximum
    return {o: earned[o] / possible[o] for o in sorted(possible, key=_natural) if possible[o]}


def _natural(text: str):
    import re
    return [int(t) if t.isdigit() else t for t in re.split(r"(\d+)", text)]


def _bars(labels: list[str], values: list[float], title: str, xlabel: str) -> str:
    fig = Figure(figsize=(7, 0.35 * len(labels) + 1.2))
    ax = fig.add_subplot()
    ax.barh(labels[::-1], [v * 100 for v in values[::-1]], color="#4c78a8")
    ax.set_xlim(0, 100)
    ax.set_xlabel(xlabel)
    ax.set_title(title)
    return _png(fig)


def _histogram(scores: list[float], maximum: float) -> str:
    fig = Figure(figsize=(7, 3))
    ax = fig.add_subplot()
    ax.hist(scores, bins=min(20, max(int(maximum), 1)), range=(0, maximum or 1), color="#4c78a8", edgecolor="white")
    ax.set_xlabel(f"score (of {maximum:g})")
    ax.set_ylabel("students")
    ax.set_title("Score distribution")
    return _png(fig)


def _table(rows: list[list[str]], head: list[str]) -> str:
    cells = "".join(f"<th>{html.escape(h)}</th>" for h in head)
    body = "".join("<tr>" + "".join(f"<td>{html.escape(str(c))}</td>" for c in row) + "</tr>" for row in rows)
    return f"<table><thead><tr>{cells}</tr></thead><tbody>{body}</tbody></table>"


def write_report(path: Path, assignment: str, records: list[Record], items: list[str],
                 mapping: dict[str, list[str]], titles: dict[str, str]) -> Path:
    records = sorted(records, key=lambda r: r.outcome.student_id)
    with_items = [r for r in records if r.items]
    maximum = max((r.outcome.max_score for r in records), default=0)
    counts = Counter(r.outcome.status for r in records)
    difficulty = item_difficulty(with_items, items)
    mastery = objective_mastery(with_items, mapping)
    person = [r for r in records if r.needs_person]
    parts = [f"<h1>Grading report: {html.escape(assignment)}</h1>",
             f"<p>{len(records)} submissions: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
             + f". {len(person)} need a person. Plots cover the {len(with_items)} students with a graded notebook.</p>"]
    if with_items:
        parts += ['<h2>Score distribution</h2>', f'<img alt="score distribution" src="{_histogram([r.outcome.score for r in with_items], maximum)}">',
                  '<h2>Item difficulty</h2><p>Mean share of each grade cell\'s points earned (low = hard).</p>',
                  f'<img alt="item difficulty" src="{_bars(list(difficulty), list(difficulty.values()), "Item difficulty", "mean share of points (%)")}">']
    if mastery:
        parts += [('<h2>Learning-objective mastery</h2><p>Points earned over points possible on the items that '
                   'measure each objective. Items map to objectives through the "Objectives:" line of their prompt '
                   'cell in the source notebook (or a cell\'s <code>medcode.objectives</code> metadata).</p>'),
                  f'<img alt="objective mastery" src="{_bars(list(mastery), list(mastery.values()), "Objective mastery", "points earned (%)")}">',
                  _table([[o, titles.get(o, ""), f"{v:.0%}", ", ".join(i for i in items if o in mapping.get(i, []))]
                          for o, v in mastery.items()], ["objective", "title", "mastery", "items"])]
    parts += ["<h2>Needs a person</h2>",
              _table([[r.outcome.student_id, r.outcome.status, f"{r.outcome.score:g}", r.outcome.message] for r in person],
                     ["student", "status", "score", "why"]) if person else "<p>No submission needs a person.</p>",
              "<h2>All outcomes</h2>",
              _table([[r.outcome.student_id, f"{r.outcome.score:g}", f"{r.outcome.max_score:g}", r.outcome.status,
                       r.outcome.message] for r in records], ["student", "score", "of", "status", "message"])]
    style = ("body{font-family:sans-serif;max-width:60em;margin:2em auto}table{border-collapse:collapse}"
             "td,th{border:1px solid #ccc;padding:.2em .5em;text-align:left;vertical-align:top}")
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head><meta charset='utf-8'><title>{html.escape(assignment)} grading report"
                    f"</title><style>{style}</style></head><body>{''.join(parts)}</body></html>")
    return path
