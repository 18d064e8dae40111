"""Text normalisation shared by the index builder and the search."""

from __future__ import annotations

import re
from functools import lru_cache

import yaml

from medcode.paths import DATA_DIR

_WORD = re.compile(r"[a-z0-9]+")
# Wording that says "no more detail" rather than naming a condition; it should not
# count against a code when a person's words leave it out.
_NEUTRAL = re.compile(r"\b(unspecified( part| site)?|site not specified|not elsewhere classified|nos|"
                      r"without complications?|initial encounter( for closed fracture)?|uncomplicated|"
                      r"not intractable|without status migrainosus|"
                      r"essential|primary|organism)\b")
_BRACKETS = re.compile(r"\[[^\]]*\]|\([^)]*\)")
STOPWORDS = frozenset("a an and the of with without in on to for by or as at due other nos s".split())


def words(text: str) -> list[str]:
    return _WORD.findall(text.lower())


def index_terms(text: str) -> str:
    """Lower-cased words of `text` joined by spaces (what FTS indexes)."""
    return " ".join(words(text))


@lru_cache(maxsize=4)
def _synonym_table(name: str = "synonyms.yaml") -> dict[str, str]:
    """Abbreviations and everyday words mapped to the words the code set uses
    (data/codesets/synonyms.yaml for ICD-10-CM, pcs-synonyms.yaml for ICD-10-PCS)."""
    path = DATA_DIR / "codesets" / name
    table = yaml.safe_load(path.read_text()) or {}
    return {" ".join(words(k)): " ".join(words(v)) for k, v in table.items()}


def expand(query: str, synonyms: bool = True, table_name: str = "synonyms.yaml") -> list[str]:
    """Query words with known phrases replaced by their code-set wording."""
    tokens = words(query)
    if not synonyms:
        return tokens
    table = _synonym_table(table_name)
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


synonyms = _synonym_table  # public name kept for callers


def stem(word: str) -> str:
    """A light plural stemmer: 'fractures' -> 'fracture', 'bodies' -> 'body', 'kidneys' -> 'kidney'."""
    if len(word) <= 3 or word.endswith(("ss", "us", "is", "ous")):
        return word
    if word.endswith("ies") and len(word) > 4:
        return word[:-3] + "y"
    if word.endswith(("sses", "xes", "ches", "shes")):
        return word[:-2]
    if word.endswith("s"):
        return word[:-1]
    return word


def stems(text: str) -> list[str]:
    """Stemmed content words of `text` (stopwords dropped), in order."""
    return [stem(w) for w in words(text) if w not in STOPWORDS]


def core_terms(text: str) -> list[str]:
    """Ways a description or inclusion term can be said, as stemmed word strings.

    'Acute nasopharyngitis [common cold]' gives 'acute nasopharyngitis' and
    'common cold'; parenthesised optional words are dropped from the core, and
    neutral wording such as 'unspecified' or 'NOS' is removed.
    """
    lowered = text.lower()
    out = [" ".join(stems(_NEUTRAL.sub(" ", _BRACKETS.sub(" ", lowered))))]
    out += [" ".join(stems(_NEUTRAL.sub(" ", m[1:-1]))) for m in re.findall(r"\[[^\]]*\]", lowered)]
    return [t for t in dict.fromkeys(out) if t]
