"""ICD-10-CM (FY2026, April 2026 update) from the cached index."""

from __future__ import annotations

import re
import sqlite3
from functools import lru_cache

from medcode.codesets import icd10cm_index, icd10cm_search
from medcode.codesets.record import CodeRecord, InvalidCodeFormat, Note, UnknownCode

SYSTEM = "icd10cm"
FISCAL_YEAR = icd10cm_index.FISCAL_YEAR
# Letter, digit, letter-or-digit; then up to 4 more characters after the dot.
FORMAT = re.compile(r"^[A-Z][0-9][0-9A-Z](\.[0-9A-Z]{1,4})?$")
FORMAT_HINT = ("an ICD-10-CM code is a letter, a digit and a letter or digit, then a dot "
               "and up to four more characters, such as E11.22 or S72.001A")
CHAPTER_OR_BLOCK = re.compile(r"^([0-9]{1,2}|[A-Z][0-9]{2}-[A-Z][0-9]{2})$")


@lru_cache(maxsize=1)
def _db() -> sqlite3.Connection:
    return icd10cm_index.connect()


def normalize(text: str) -> str:
    """Upper-case, trim, and put the dot after the third character if it is missing."""
    code = str(text).strip().upper()
    if len(code) > 3 and "." not in code and re.fullmatch(r"[A-Z0-9]+", code):
        code = code[:3] + "." + code[3:]
    return code


def claims(flat: str) -> bool:
    """Whether a dotless code has the shape of an ICD-10-CM code."""
    return bool(re.fullmatch(r"[A-Z][0-9][0-9A-Z]{1,5}", flat))


def well_formed(code: str) -> bool:
    return bool(FORMAT.match(code) or CHAPTER_OR_BLOCK.match(code))


def _row(code: str):
    return _db().execute("SELECT code, description, billable, kind, parent FROM items WHERE code=?",
                         (code,)).fetchone()


def exists(code: str) -> bool:
    return _row(normalize(code)) is not None


def get(code: str) -> CodeRecord:
    """The record of `code`, with its parent chain and inherited notes."""
    norm = normalize(code)
    if not well_formed(norm):
        raise InvalidCodeFormat(f"'{code}' is not a well-formed code: {FORMAT_HINT}.")
    row = _row(norm)
    if row is None:
        raise UnknownCode(f"{norm} is not a code in ICD-10-CM FY{FISCAL_YEAR}.")
    chain = [row]
    while chain[-1][4] and len(chain) < 10:
        chain.append(_row(chain[-1][4]))
    notes = []
    for depth, item in enumerate(chain):
        for kind, text, extra in _db().execute(
                "SELECT kind, text, extra FROM notes WHERE code=? ORDER BY ord", (item[0],)):
            if depth and kind == "inclusion_term":
                continue  # inclusion terms describe their own code only
            if kind == "seventh_character":
                text = f"{extra}: {text}"
            notes.append(Note(kind, text, item[0]))
    parents = tuple((p[0], p[1]) for p in reversed(chain[1:]))
    return CodeRecord(SYSTEM, row[0], row[1], bool(row[2]), row[3], parents, tuple(notes))


def children(code: str) -> list[str]:
    return [r[0] for r in _db().execute("SELECT code FROM items WHERE parent=? ORDER BY ord", (normalize(code),))]


def billable_codes_under(prefix: str) -> list[str]:
    """Billable codes whose code starts with `prefix` (a category or subcategory)."""
    norm = normalize(prefix)
    return [r[0] for r in _db().execute(
        "SELECT code FROM items WHERE billable=1 AND code LIKE ? ORDER BY ord", (norm + "%",))]


def count_billable() -> int:
    return _db().execute("SELECT count(*) FROM items WHERE billable=1").fetchone()[0]


def search(query: str, limit: int = 10) -> list[CodeRecord]:
    """Codes ranked for a person's words, a code, or a code prefix."""
    text = query.strip()
    if not text:
        return []
    code_like = normalize(text).rstrip(".")
    if re.fullmatch(r"[A-Z][0-9][0-9A-Z]?(\.[0-9A-Z]{0,4})?", code_like):
        rows = _db().execute(
            "SELECT code FROM items WHERE kind NOT IN ('chapter','block') AND (code = ? OR nodot GLOB ?) "
            "ORDER BY code != ?, billable DESC, ord LIMIT ?",  # GLOB, unlike LIKE, uses the index
            (code_like, code_like.replace(".", "") + "*", code_like, limit)).fetchall()
        if rows:
            return [get(r[0]) for r in rows]
    return [get(code) for code in icd10cm_search.rank(_db(), text, limit)]
