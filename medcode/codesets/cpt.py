"""CPT (AMA, calendar year 2026): the course's own-words teaching set.

CPT descriptors are copyrighted by the AMA, so the course ships only code
numbers, their section and code range, and a plain description written by the
course's authors. Records say so in `extra`. This module owns
data/codesets/cpt-teaching-set.csv: it loads, validates, looks up and searches it.
"""

from __future__ import annotations

import re
import sys
from functools import lru_cache

from medcode.codesets.record import CodeRecord
from medcode.codesets.teaching_set import WordIndex, duplicates, find_row, load_validated
from medcode.paths import DATA_DIR

SYSTEM = "cpt"
FISCAL_YEAR = 2026  # calendar year of the CPT code set the numbers are drawn from
DATA_FILE = DATA_DIR / "codesets" / "cpt-teaching-set.csv"
FORMAT = re.compile(r"^([0-9]{5}|[0-9]{4}[FTU]|[0-9]{2})$")
FORMAT_HINT = ("a CPT code is five digits (99213), or four digits and F, T or U (3074F); "
               "a CPT modifier is two digits (25)")
MINIMUM_ROWS = 150
DESCRIPTION_SOURCE = ("plain description in the course's own words; not the AMA CPT descriptor, "
                      "which is copyrighted and must be read in a licensed CPT book")
# Sections in code order: (name, first, last), compared as strings of equal shape.
SECTIONS = (
    ("Evaluation and Management", "99202", "99499"),
    ("Anesthesia", "00100", "01999"),
    ("Anesthesia", "99100", "99140"),  # qualifying circumstances sit in the 99000s
    ("Surgery", "10004", "69990"),
    ("Radiology", "70010", "79999"),
    ("Pathology and Laboratory", "80047", "89398"),
    ("Medicine", "90281", "99199"),
    ("Category II", "0001F", "9007F"),
    ("Category III", "0042T", "9999T"),
    ("Proprietary Laboratory Analyses", "0001U", "9999U"),
    ("Modifier", "22", "99"),
)
# Phrases of the AMA descriptors that an own-words description must not reuse.
AMA_PHRASES = (
    "office or other outpatient visit for the evaluation and management of",
    "which requires a medically appropriate history and/or examination",
    "when using total time on the date of the encounter",
    "level of medical decision making",
    "initial hospital inpatient or observation care, per day",
    "emergency department visit for the evaluation and management of a patient",
    "list separately in addition to code for primary procedure",
    "anesthesia for procedures on",
    "incision and drainage of abscess",
    "esophagogastroduodenoscopy, flexible, transoral",
    "colonoscopy, flexible; diagnostic",
    "electrocardiogram, routine ecg with at least 12 leads",
    "therapeutic, prophylactic, or diagnostic injection",
    "radiologic examination, chest",
    "computed tomography, head or brain",
    "arthroplasty, knee, condyle and plateau",
)
MAX_WORDS = 30


def normalize(text: str) -> str:
    """Upper-case and trim; a modifier may be written with a leading dash ('-25')."""
    return str(text).strip().upper().lstrip("-").strip()


def well_formed(code: str) -> bool:
    return bool(FORMAT.match(code))


def claims(flat: str) -> bool:
    """Whether a dotless code has the shape of a CPT code or modifier."""
    return well_formed(flat)


def _section_spans(code: str) -> list[tuple[str, str, str]]:
    return [s for s in SECTIONS if len(s[1]) == len(code) and s[1][-1].isdigit() == code[-1].isdigit()
            and (code[-1].isdigit() or s[1][-1] == code[-1]) and s[1] <= code <= s[2]]


def section_of(code: str) -> str | None:
    """The CPT section a code or modifier number falls in."""
    spans = _section_spans(code)
    return spans[0][0] if spans else None


def validate(rows: list[dict[str, str]]) -> list[str]:
    """Problems in the teaching-set rows (empty when the file is sound)."""
    problems = []
    if len(rows) < MINIMUM_ROWS:
        problems.append(f"only {len(rows)} rows; the set needs at least {MINIMUM_ROWS}")
    for code in duplicates([r["code"] for r in rows]):
        problems.append(f"{code}: listed twice")
    for r in rows:
        code, kind, section, plain = r["code"], r["kind"], r["section"], r["plain_description"]
        if not well_formed(code):
            problems.append(f"{code!r}: not well formed ({FORMAT_HINT})")
            continue
        if kind != ("modifier" if len(code) == 2 else "code"):
            problems.append(f"{code}: kind {kind!r} does not fit its shape")
        if section != section_of(code):
            problems.append(f"{code}: section {section!r} but the number falls in {section_of(code)!r}")
        first, _, last = r["range"].partition("-")
        if not (len(first) == len(last) == len(code) and first <= code <= last):
            problems.append(f"{code}: outside its stated range {r['range']!r}")
        elif section_of(first) != section or section_of(last) != section:
            problems.append(f"{code}: range {r['range']!r} is not inside section {section!r}")
        lowered = plain.lower()
        if not plain:
            problems.append(f"{code}: no plain description")
        if len(plain.split()) > MAX_WORDS:
            problems.append(f"{code}: plain description longer than {MAX_WORDS} words")
        for phrase in AMA_PHRASES:
            if phrase in lowered:
                problems.append(f"{code}: plain description reuses AMA phrasing {phrase!r}")
    return problems


@lru_cache(maxsize=1)
def load() -> dict[str, dict[str, str]]:
    """The validated teaching set, keyed by code, in file order."""
    return load_validated(DATA_FILE, validate)


@lru_cache(maxsize=1)
def _index() -> WordIndex:
    return WordIndex.build([(c, f"{r['plain_description']} {r['section']}") for c, r in load().items()])


def exists(code: str) -> bool:
    return normalize(code) in load()


def get(code: str) -> CodeRecord:
    """The record of a code or modifier in the teaching set (description in our own words)."""
    norm, row = find_row(code, sys.modules[__name__], load(), "CPT")
    section = row["section"]
    span = next(f"{a}-{b}" for name, a, b in _section_spans(norm) if name == section)
    return CodeRecord(SYSTEM, norm, row["plain_description"], row["kind"] == "code", row["kind"],
                      ((span, section), (row["range"], f"{section} codes {row['range']}")), (),
                      {"section": section, "range": row["range"], "year": FISCAL_YEAR,
                       "description_source": DESCRIPTION_SOURCE})


def search(query: str, limit: int = 10) -> list[CodeRecord]:
    """Teaching-set codes for a code, a code prefix or words of the plain description."""
    return [get(c) for c in _index().search(query, limit)]
