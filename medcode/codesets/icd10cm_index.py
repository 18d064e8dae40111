"""Build (once) and open the compact ICD-10-CM index.

simple-icd-10-cm parses a 10 MB XML file on import (about 1.5 s and 190 MB).
Every autograded submission starts a fresh kernel, so the tabular list is
copied once into a small SQLite file in the cache folder, keyed by the package
version and this module's schema number, and every later look-up reads it.
"""

from __future__ import annotations

import json
import os
import sqlite3
import tempfile
import warnings
from importlib.metadata import version
from pathlib import Path

from medcode.paths import cache_dir, publish
from medcode.codesets.search_text import core_terms, index_terms, stems

SCHEMA = 6
PACKAGE = "simple-icd-10-cm"
FISCAL_YEAR = 2026  # CMS ICD-10-CM FY2026 with the April 2026 update


def index_path() -> Path:
    return cache_dir() / f"icd10cm-{version(PACKAGE)}-s{SCHEMA}.sqlite"


def connect() -> sqlite3.Connection:
    """Open the index read-only, building it first if it is missing."""
    path = index_path()
    if not path.exists():
        build(path)
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)
    return conn


def _kind(cm, code: str) -> str:
    if cm.is_chapter(code):
        return "chapter"
    if cm.is_category(code):  # before blocks: B20, F99, P84, R99, Z66 are both
        return "category"
    if cm.is_block(code):
        return "block"
    if cm.is_extended_subcategory(code):
        return "code"
    return "subcategory"


def _own_notes(cm, code: str) -> list[tuple[str, str, str]]:
    """(kind, text, extra) for the notes printed at this code's own entry."""
    notes = []
    for term in cm.get_inclusion_term(code):
        notes.append(("inclusion_term", term, ""))
    for term in cm.get_includes(code):
        notes.append(("includes", term, ""))
    for text in cm.get_excludes1(code):
        notes.append(("excludes1", text, ""))
    for text in cm.get_excludes2(code):
        notes.append(("excludes2", text, ""))
    for kind, getter in (("code_first", cm.get_code_first), ("use_additional_code", cm.get_use_additional_code),
                         ("code_also", cm.get_code_also), ("note", cm.get_notes)):
        text = getter(code).strip().lstrip(",").strip()
        if text:
            notes.append((kind, text, ""))
    seventh = cm.get_seven_chr_def(code)
    if seventh:
        for char, meaning in seventh.items():
            notes.append(("seventh_character", " ".join(meaning.split()), char))
    return notes


def build(path: Path) -> None:
    """Parse the tabular list and write the index atomically to `path`."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm as cm

    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        CREATE TABLE items (code TEXT PRIMARY KEY, nodot TEXT, description TEXT, billable INTEGER,
                            kind TEXT, parent TEXT, ord INTEGER);
        CREATE INDEX items_nodot ON items(nodot);
        CREATE TABLE notes (code TEXT, ord INTEGER, kind TEXT, text TEXT, extra TEXT);
        CREATE INDEX notes_code ON notes(code);
        CREATE VIRTUAL TABLE fts USING fts5(code UNINDEXED, description, terms, context,
                                           tokenize='porter unicode61');
        CREATE TABLE search (code TEXT PRIMARY KEY, words TEXT, terms TEXT, context TEXT);
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )
    seen = set()
    heading_text: dict[str, tuple[str, list[str]]] = {}  # code -> (description, terms) of headings
    for ord_, code in enumerate(cm.get_all_codes(True)):
        if code in seen:  # B20, F99, P84, R99, Z66 are listed as a block and as a category
            continue
        seen.add(code)
        kind = _kind(cm, code)
        billable = kind in ("category", "subcategory", "code") and cm.is_leaf(code)
        description = cm.get_description(code)
        parent = next((a for a in cm.get_ancestors(code) if a != code), None)
        conn.execute("INSERT INTO items VALUES (?,?,?,?,?,?,?)",
                     (code, code.replace(".", ""), description, int(billable), kind,
                      parent, ord_))
        notes = _own_notes(cm, code)
        conn.executemany("INSERT INTO notes VALUES (?,?,?,?,?)",
                         [(code, i, k, t, e) for i, (k, t, e) in enumerate(notes)])
        if kind in ("category", "subcategory", "code"):
            terms = [t for k, t, _ in notes if k in ("inclusion_term", "includes")]
            heading_text[code] = (description, terms)
            context = [text for a in cm.get_ancestors(code) if a != code and a in heading_text
                       for text in (heading_text[a][0], *heading_text[a][1])]
            conn.execute("INSERT INTO fts VALUES (?,?,?,?)",
                         (code, index_terms(description), index_terms(" ; ".join(terms)),
                          index_terms(" ; ".join(context))))
            own = core_terms(description) + [c for t in terms for c in core_terms(t)]
            conn.execute("INSERT INTO search VALUES (?,?,?,?)",
                         (code, " ".join(stems(description)), "|".join(dict.fromkeys(own)),
                          " ".join(dict.fromkeys(stems(" ".join(context))))))
    conn.executemany("INSERT INTO meta VALUES (?,?)", [
        ("package", f"{PACKAGE}=={version(PACKAGE)}"),
        ("fiscal_year", str(FISCAL_YEAR)),
        ("schema", str(SCHEMA)),
        ("items", json.dumps(len(seen))),
    ])
    conn.commit()
    conn.close()
    publish(tmp, path)
