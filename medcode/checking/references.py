"""Code references inside instructional notes: "(E10.-)", "(N18.1-N18.6)", "(I12.-, I13.-)"."""

from __future__ import annotations

import re
from dataclasses import dataclass

_PAREN = re.compile(r"\(([^()]*)\)")
_CODE = r"[A-Z][0-9][0-9A-Z](?:\.[0-9A-Z]{1,4})?"
_RANGE = re.compile(rf"^({_CODE})\.?-?\s*-\s*({_CODE})\.?-?$")
_SINGLE = re.compile(rf"^({_CODE})(\.?-)?$")


@dataclass(frozen=True)
class CodeRef:
    """A code, a code with its subdivisions ("E10.-"), or a range of codes."""

    first: str
    last: str

    def covers(self, code: str) -> bool:
        flat = code.replace(".", "")
        lo, hi = self.first.replace(".", ""), self.last.replace(".", "")
        return flat[:len(lo)] >= lo and flat[:len(hi)] <= hi


def references(text: str) -> list[CodeRef]:
    """Every code reference in the parentheses of a note."""
    refs = []
    for group in _PAREN.findall(text):
        for part in group.split(","):
            part = part.strip()
            if m := _RANGE.match(part):
                refs.append(CodeRef(m.group(1), m.group(2)))
            elif m := _SINGLE.match(part):
                refs.append(CodeRef(m.group(1), m.group(1)))
    return refs
