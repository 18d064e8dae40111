"""Ranking ICD-10-CM codes for the words a person types.

Full-text search over the index finds candidates (description, inclusion terms,
and the terms of the headings above each code). They are then re-ranked the way
an encoder would: a code whose description or inclusion term says just what was
typed beats one that adds conditions the person did not mention; codes for
pregnancy, newborns, complications, sequelae or history sink unless asked for;
billable codes come before headings.
"""

from __future__ import annotations

import sqlite3

from medcode.codesets.search_text import STOPWORDS, expand, stem

CANDIDATES = 200
# Words that put a code in a narrower setting than a plain query implies.
NARROWING = frozenset(stem(w) for w in (
    "pregnancy childbirth puerperium newborn neonatal perinatal fetus maternal gestational "
    "postprocedural intraoperative complicating complication following sequela subsequent "
    "history screening poisoning adverse underdosing personal family status congenital "
    "recurrent chronic stress pathological").split())


def _fts_query(tokens: list[str], joiner: str) -> str:
    """An FTS5 query; the last word may be unfinished, unless it is too short to be a useful prefix."""
    last = len(tokens) - 1
    return f" {joiner} ".join(f'"{t}"*' if i == last and len(t) >= 3 else f'"{t}"' for i, t in enumerate(tokens))


def _matches(query: list[str], vocab: set[str]) -> int:
    """How many query stems occur in `vocab` (the last one may be a typed prefix)."""
    n = sum(t in vocab for t in query[:-1])
    last = query[-1]
    return n + (last in vocab or (len(last) > 2 and any(w.startswith(last) for w in vocab)))


def score(query: list[str], words: str, terms: str, context: str, billable: int) -> float:
    """Higher is better; see the module docstring for the idea."""
    desc = set(words.split())
    best = 0.0
    term_words: set[str] = set()
    for term in terms.split("|"):
        tset = set(term.split())
        term_words |= tset
        hit = _matches(query, tset)
        best = max(best, hit / (len(query) + len(tset) - hit))
    own = _matches(query, desc | term_words) / len(query)
    inherited = _matches(query, desc | term_words | set(context.split())) / len(query)
    qset = set(query)
    narrowing = min(3, sum(1 for w in desc if w in NARROWING and w not in qset))
    # A description shortened by neutral wording ('unspecified', 'without complications')
    # marks the default code of its heading.
    default = len(terms.split("|", 1)[0].split()) < len(desc)
    return (3.0 * best + 1.5 * own + 0.8 * inherited - 0.7 * narrowing + 0.8 * billable
            + 0.3 * default)


def rank(db: sqlite3.Connection, text: str, limit: int) -> list[str]:
    """Codes for free text, best first."""
    variants = [[t for t in expand(text) if t not in STOPWORDS]]
    raw = [w for w in expand(text, synonyms=False) if w not in STOPWORDS]
    if raw != variants[0]:
        variants.append(raw)
    variants = [v for v in variants if v]
    if not variants:
        return []
    query = [stem(t) for t in variants[0]]
    found: dict[str, float] = {}
    for joiner in ("AND", "OR"):
        for tokens in variants:
            rows = db.execute(
                "SELECT f.code, s.words, s.terms, s.context, i.billable FROM fts f "
                "JOIN search s ON s.code = f.code JOIN items i ON i.code = f.code "
                "WHERE fts MATCH ? ORDER BY bm25(fts, 0, 10.0, 4.0, 1.0) LIMIT ?",
                (_fts_query(tokens, joiner), CANDIDATES)).fetchall()
            for pos, (code, words, terms, context, billable) in enumerate(rows):
                if code not in found:
                    found[code] = score(query, words, terms, context, billable) - pos * 1e-4
        if found:  # the OR pass is a slow last resort (common words match most codes)
            break
    return sorted(found, key=found.get, reverse=True)[:limit]
