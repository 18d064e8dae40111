"""Shared loading and search for the small CSV teaching sets (HCPCS Level II, CPT).

The sets hold a few hundred rows, so a word index in memory, built on first
use, answers a search in well under a millisecond.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from pathlib import Path

from medcode.codesets.search_text import STOPWORDS, stem, words


def read_rows(path: Path) -> list[dict[str, str]]:
    """The rows of a teaching-set CSV, with surrounding spaces trimmed."""
    with path.open(newline="", encoding="utf-8") as handle:
        return [{k: (v or "").strip() for k, v in row.items()} for row in csv.DictReader(handle)]


def load_validated(path: Path, validate) -> dict[str, dict[str, str]]:
    """The rows of a teaching set keyed by code, in file order; ValueError listing every problem."""
    rows = read_rows(path)
    problems = validate(rows)
    if problems:
        raise ValueError(f"{path.name}: " + "; ".join(problems))
    return {r["code"]: r for r in rows}


def find_row(code: str, module, rows: dict[str, dict[str, str]], set_name: str) -> tuple[str, dict[str, str]]:
    """(normalized code, row) of a teaching-set code, or the look-up error a student reads."""
    from medcode.codesets.record import InvalidCodeFormat, UnknownCode

    norm = module.normalize(code)
    if not module.well_formed(norm):
        raise InvalidCodeFormat(f"'{code}' is not a well-formed code: {module.FORMAT_HINT}.")
    if norm not in rows:
        raise UnknownCode(f"{norm} is not in the course's teaching set of {set_name} {module.FISCAL_YEAR} "
                          f"(it may still be a real {set_name.split()[0]} code).")
    return norm, rows[norm]


def duplicates(codes: list[str]) -> list[str]:
    seen, twice = set(), []
    for code in codes:
        if code in seen:
            twice.append(code)
        seen.add(code)
    return twice


@dataclass
class WordIndex:
    """Codes in teaching order with the stemmed words of their searchable text."""

    codes: list[str]
    texts: list[set[str]]
    lengths: list[int]

    @classmethod
    def build(cls, entries: list[tuple[str, str]]) -> "WordIndex":
        codes, texts, lengths = [], [], []
        for code, text in entries:
            toks = [stem(w) for w in words(text) if w not in STOPWORDS]
            codes.append(code)
            texts.append(set(toks))
            lengths.append(len(toks))
        return cls(codes, texts, lengths)

    def search(self, query: str, limit: int = 10) -> list[str]:
        """Codes for a code, a code prefix, or words (all words first, then most words)."""
        text = query.strip().upper().lstrip("-")
        if re.fullmatch(r"[A-Z0-9]{1,5}", text):
            hits = sorted((c != text, i) for i, c in enumerate(self.codes) if c.startswith(text))
            if hits:
                return [self.codes[i] for _, i in hits[:limit]]
        toks = [stem(w) for w in words(query) if w not in STOPWORDS]
        if not toks:
            return []
        last = toks[-1]
        scored = []
        for i, vocab in enumerate(self.texts):
            matched = sum(t in vocab for t in toks[:-1])
            matched += last in vocab or any(w.startswith(last) for w in vocab)
            if matched:
                scored.append((-matched / len(toks), self.lengths[i], i))
        scored.sort()
        return [self.codes[i] for *_, i in scored[:limit]]
