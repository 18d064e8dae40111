"""Static ICD-10-PCS views for lessons: tables and a chart with deterministic output.

Thin views over `medcode.codesets.icd10pcs`; the only knowledge kept here is
the teaching grouping of the 31 Medical and Surgical root operations by what
they achieve, as the CMS ICD-10-PCS Reference Manual presents them.

    >>> axis_table("0DTJ4ZZ").loc[3, "meaning"]
    'Resection'
"""

from __future__ import annotations

import pandas as pd

from medcode.codesets import icd10pcs
from medcode.widgets.display import Picture

# Root operations of section 0 grouped by their objective, as the CMS ICD-10-PCS Reference Manual groups them.
ROOT_OPERATION_GROUPS = (
    ("take out some or all of a body part", ("Excision", "Resection", "Detachment", "Destruction", "Extraction")),
    ("take out solids, fluids or gases from a body part", ("Drainage", "Extirpation", "Fragmentation")),
    ("cut or separate only", ("Division", "Release")),
    ("put in, put back or move some or all of a body part",
     ("Transplantation", "Reattachment", "Transfer", "Reposition")),
    ("alter the diameter or route of a tubular body part", ("Restriction", "Occlusion", "Dilation", "Bypass")),
    ("always involve a device", ("Insertion", "Replacement", "Supplement", "Change", "Removal", "Revision")),
    ("examine only", ("Inspection", "Map")),
    ("other repairs", ("Control", "Repair")),
    ("other objectives", ("Alteration", "Creation", "Fusion")),
)


def _root_operations() -> dict[str, dict]:
    """Every root operation the Medical and Surgical tables use, by name, with its definition."""
    found: dict[str, dict] = {}
    for system in icd10pcs.next_values("0"):
        for item in icd10pcs.next_values("0" + system["value"]):
            found.setdefault(item["label"], item)
    return found


def axis_table(code: str) -> pd.DataFrame:
    """The seven characters of a PCS code, one row each: axis, value, meaning, definition."""
    record = icd10pcs.get(code)
    rows = [{"character": a["position"], "axis": a["axis"], "value": a["value"],
             "meaning": a["label"] or "(not explained in the course data)", "definition": a["definition"] or ""}
            for a in record.extra["axes"]]
    return pd.DataFrame(rows, columns=["character", "axis", "value", "meaning", "definition"]).set_index("character")


def root_operations_table(names: tuple[str, ...] | None = None) -> pd.DataFrame:
    """Medical and Surgical root operations with their official definitions, grouped by objective.

    `names` keeps only those root operations (in group order), e.g. ("Excision", "Resection").
    """
    by_name = _root_operations()
    rows = []
    for group, members in ROOT_OPERATION_GROUPS:
        for name in members:
            if names is not None and name not in names:
                continue
            d = by_name[name]
            rows.append({"objective": group, "root operation": name, "value": d["value"],
                         "definition": d["definition"] or "", "examples": d.get("examples") or ""})
    return pd.DataFrame(rows, columns=["objective", "root operation", "value", "definition", "examples"])


def approaches_table(examples) -> pd.DataFrame:
    """The approach (5th character) of each example code: value, name, definition and the example.

    One example code per approach makes the definition concrete."""
    rows = []
    for code in examples:
        record = icd10pcs.get(code)
        approach = record.extra["axes"][4]
        rows.append({"value": approach["value"], "approach": approach["label"] or "",
                     "definition": approach["definition"] or "", "example": f"{record.code} {record.description}"})
    return pd.DataFrame(rows, columns=["value", "approach", "definition", "example"]).set_index("value")


def values_table(prefix: str) -> pd.DataFrame:
    """The values the tables allow for the character after `prefix`, e.g. the devices after "0SR90"."""
    items = icd10pcs.next_values(prefix)
    axis = items[0]["axis"] if items else "value"
    rows = [{"value": i["value"], axis.lower(): i["label"] or "(not explained in the course data)"} for i in items]
    return pd.DataFrame(rows, columns=["value", axis.lower()]).set_index("value")


def codes_table(codes) -> pd.DataFrame:
    """Codes with their titles and root operations, in the order given (a reporting order).

    `codes` is a list of codes, or a prefix of fewer than seven characters for every
    valid code that starts with it (sorted)."""
    if isinstance(codes, str):
        codes = icd10pcs.codes_under(codes) if len(icd10pcs.normalize(codes)) < 7 else [codes]
    rows = []
    for code in codes:
        record = icd10pcs.get(code)
        rows.append({"code": record.code, "root operation": record.extra["axes"][2]["label"] or "",
                     "title": record.description})
    return pd.DataFrame(rows, columns=["code", "root operation", "title"]).set_index("code")


def section_counts() -> pd.DataFrame:
    """Valid FY2026 codes in each of the 17 PCS sections, in section order."""
    rows = [{"section": s, "name": name, "codes": len(icd10pcs.codes_under(s))}
            for s, name in icd10pcs.SECTIONS.items()]
    return pd.DataFrame(rows, columns=["section", "name", "codes"]).set_index("section")


def section_chart() -> Picture:
    """Bar chart of valid codes per PCS section (log scale: Medical and Surgical dwarfs the rest)."""
    from matplotlib.figure import Figure

    table = section_counts()
    fig = Figure(figsize=(9, 5.5))
    ax = fig.subplots()
    labels = [f"{s}  {n}" for s, n in zip(table.index, table["name"])]
    colours = ["#d8703b" if s == "0" else "#3b7dd8" for s in table.index]
    ax.barh(labels[::-1], table["codes"][::-1], color=colours[::-1])
    for y, value in enumerate(table["codes"][::-1]):
        ax.text(value * 1.08, y, f"{value:,}", va="center", fontsize=8)
    ax.set_xscale("log")
    ax.set_xlim(10, table["codes"].max() * 4)
    ax.set_xlabel("valid codes (log scale)")
    ax.set_title(f"ICD-10-PCS FY{icd10pcs.FISCAL_YEAR}: valid codes per section")
    fig.tight_layout()
    return Picture(fig, f"ICD-10-PCS FY{icd10pcs.FISCAL_YEAR}: valid codes per section (bar chart)")
