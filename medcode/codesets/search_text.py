"""Text normalisation shared by the index builder and the search."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from medcode.paths import DATA_DIR

_WORD = re.compile(r"[a-z0-9]+")
STOPWORDS = frozenset("a an and the of with without in on to for by or as at due other nos".split())


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def index_terms(text: str) -> str:
    """Lower-cased words of `text` joined by spaces (what FTS indexes)."""
    return " ".join(words(text))


@lru_cache(maxsize=1)
def synonyms() -> dict[str, str]:
    """Abbreviations and everyday words mapped to the words the code set uses."""
    path = DATA_DIR / "codesets" / "synonyms.yaml"
    table = yaml.safe_load(path.read_text()) or {}
    return {" ".join(words(k)): " ".join(words(v)) for k, v in table.items()}


def expand(query: str) -> list[str]:
    """Query words with known phrases replaced by their code-set wording."""
    tokens = words(query)
    table = synonyms()
    longest = max((len(k.split()) for k in table), default=1)
    out: list[str] = []
    i = 0
    while i < len(tokens):
        for n in range(min(longest, len(tokens) - i), 0, -1):
            phrase = " ".join(tokens[i:i + n])
            if phrase in table:
                out.extend(table[phrase].split())
                i += n
                break
        else:
            out.append(tokens[i])
            i += 1
    return out
