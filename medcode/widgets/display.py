"""Static views for lessons: tables and charts with deterministic output."""

from __future__ import annotations

import pandas as pd

from medcode.pictures import Picture

from medcode.codesets import icd10cm_browse
from medcode import codesets


def code_card(code: str, system: str = codesets.DEFAULT_SYSTEM):
    """A code's tabular entry as HTML (title, place, notes)."""
    from IPython.display import HTML

    from medcode.widgets.lookup import record_html

    return HTML(record_html(codesets.get(code, system=system)))


def code_anatomy(code: str) -> pd.DataFrame:
    """What each character of an ICD-10-CM code adds."""
    return pd.DataFrame(icd10cm_browse.anatomy(code)).set_index("characters")


def chapter_table() -> pd.DataFrame:
    return pd.DataFrame(icd10cm_browse.chapters()).set_index("chapter")


def notes_table(code: str, kinds: tuple[str, ...] | None = None) -> pd.DataFrame:
    """A code's notes, own and inherited, one row each."""
    record = codesets.get(code)
    rows = [{"note": n.kind.replace("_", " "), "from": n.source, "text": n.text.replace("\n", "; ")}
            for n in record.notes if kinds is None or n.kind in kinds]
    return pd.DataFrame(rows, columns=["note", "from", "text"])


def chapter_chart():
    """Bar chart of billable codes per chapter (log scale: chapter 19 dwarfs the rest).

    Built on a bare Figure, not pyplot, so a notebook shows it exactly once.
    """
    from matplotlib.figure import Figure

    table = chapter_table()
    fig = Figure(figsize=(9, 5))
    ax = fig.subplots()
    labels = [f"{n} {r}" for n, r in zip(table.index, table["range"])]
    ax.barh(labels[::-1], table["billable_codes"][::-1], color="#3b7dd8")
    ax.set_xscale("log")
    ax.set_xlabel("billable codes (log scale)")
    ax.set_title("ICD-10-CM FY2026: billable codes per chapter")
    fig.tight_layout()
    return Picture(fig, "ICD-10-CM FY2026: billable codes per chapter (bar chart)")


def children_table(code: str) -> pd.DataFrame:
    """The codes one level below `code`, as the tabular list indents them."""
    from medcode.codesets import icd10cm

    rows = []
    for child in icd10cm.children(code):
        record = icd10cm.get(child)
        rows.append({"code": record.code, "description": record.description,
                     "billable": "yes" if record.billable else "no: code further"})
    return pd.DataFrame(rows, columns=["code", "description", "billable"]).set_index("code")
