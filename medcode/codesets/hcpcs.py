"""HCPCS Level II (CMS, calendar year 2026): the course's teaching set.

No PyPI package ships the HCPCS file, so the course vendors a teaching set of
codes and modifiers in data/codesets/hcpcs-teaching-set.csv with CMS's
public-domain descriptions. This module owns that file: it loads, validates,
looks up and searches it.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from medcode.codesets.record import CodeRecord, Note
from medcode.codesets.teaching_set import WordIndex, duplicates, find_row, load_validated
from medcode.paths import DATA_DIR

SYSTEM = "hcpcs"
FISCAL_YEAR = 2026  # calendar year of the HCPCS Level II file the set is drawn from
DATA_FILE = DATA_DIR / "codesets" / "hcpcs-teaching-set.csv"
FORMAT = re.compile(r"^([A-V][0-9]{4}|(?=[A-Z0-9]*[A-Z])[A-Z0-9]{2})$")
FORMAT_HINT = ("a HCPCS Level II code is a letter A-V followed by four digits, such as J1885 or E0601; "
               "a HCPCS modifier is two characters with at least one letter, such as LT, GA or F5")
MINIMUM_ROWS = 150
SECTIONS = {
    "A": "Transportation, medical and surgical supplies, administrative and miscellaneous",
    "B": "Enteral and parenteral therapy",
    "C": "Outpatient PPS (temporary hospital outpatient codes)",
    "D": "Dental procedures",
    "E": "Durable medical equipment",
    "G": "Procedures and professional services (temporary)",
    "H": "Alcohol and drug abuse treatment and behavioral health services",
    "J": "Drugs administered other than by oral method, and chemotherapy drugs",
    "K": "Temporary codes for durable medical equipment (DME MACs)",
    "L": "Orthotic and prosthetic procedures and devices",
    "M": "Medical services and quality measures",
    "P": "Pathology and laboratory services",
    "Q": "Temporary codes",
    "R": "Diagnostic radiology services",
    "S": "Temporary national codes (non-Medicare)",
    "T": "National codes established for state Medicaid agencies",
    "U": "Coronavirus laboratory tests",
    "V": "Vision, hearing and speech-language pathology services",
    "modifier": "HCPCS Level II modifiers",
}


def normalize(text: str) -> str:
    """Upper-case and trim; a modifier may be written with a leading dash ('-LT')."""
    return str(text).strip().upper().lstrip("-").strip()


def well_formed(code: str) -> bool:
    return bool(FORMAT.match(code))


def claims(flat: str) -> bool:
    """Whether a dotless code has the shape of a HCPCS Level II code or modifier."""
    return well_formed(flat)


def validate(rows: list[dict[str, str]]) -> list[str]:
    """Problems in the teaching-set rows (empty when the file is sound)."""
    problems = []
    if len(rows) < MINIMUM_ROWS:
        problems.append(f"only {len(rows)} rows; the set needs at least {MINIMUM_ROWS}")
    for code in duplicates([r["code"] for r in rows]):
        problems.append(f"{code}: listed twice")
    for r in rows:
        code, kind, section = r["code"], r["kind"], r["section"]
        if not well_formed(code):
            problems.append(f"{code!r}: not well formed ({FORMAT_HINT})")
        elif kind == "code" and not re.fullmatch(r"[A-V][0-9]{4}", code):
            problems.append(f"{code}: kind 'code' but shaped like a modifier")
        elif kind == "modifier" and len(code) != 2:
            problems.append(f"{code}: kind 'modifier' but not two characters")
        if kind not in ("code", "modifier"):
            problems.append(f"{code}: kind must be 'code' or 'modifier', not {kind!r}")
        expected = "modifier" if kind == "modifier" else code[:1]
        if section != expected:
            problems.append(f"{code}: section {section!r} but the code belongs to section {expected!r}")
        if not r["description"]:
            problems.append(f"{code}: no description")
    return problems


@lru_cache(maxsize=1)
def load() -> dict[str, dict[str, str]]:
    """The validated teaching set, keyed by code, in file order."""
    return load_validated(DATA_FILE, validate)


@lru_cache(maxsize=1)
def _index() -> WordIndex:
    return WordIndex.build([(c, f"{r['description']} {r['note']}") for c, r in load().items()])


def exists(code: str) -> bool:
    return normalize(code) in load()


def get(code: str) -> CodeRecord:
    """The record of a code or modifier in the teaching set."""
    norm, row = find_row(code, sys.modules[__name__], load(), "HCPCS Level II")
    section = row["section"]
    notes = (Note("note", row["note"], norm),) if row["note"] else ()
    return CodeRecord(SYSTEM, norm, row["description"], row["kind"] == "code", row["kind"],
                      ((section, SECTIONS[section]),), notes,
                      {"section": section, "year": FISCAL_YEAR,
                       "source": "CMS HCPCS Level II description (public domain), course teaching set"})


def search(query: str, limit: int = 10) -> list[CodeRecord]:
    """Teaching-set codes for a code, a code prefix or words of the description."""
    return [get(c) for c in _index().search(query, limit)]
