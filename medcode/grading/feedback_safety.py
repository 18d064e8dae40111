"""Feedback that never shows a hidden test or its key.

nbgrader's ClearHiddenTests removes hidden lines from a test cell's *source*, but
an error's traceback still quotes the lines around the failing one, which can
be the hidden region with the key. This preprocessor runs before it and
cleans the *outputs*: tracebacks of test cells shrink to "Error: message" (the
message from medcode.checking names the rule), any output line that quotes a
hidden line is dropped, and a key the student did not type is masked.
"""

from __future__ import annotations

import re

from nbgrader.preprocessors import NbGraderPreprocessor
from traitlets import Unicode

ANSI = re.compile(r"\x1b\[[0-9;]*m")
LITERAL = re.compile(r"""(["'])(.+?)\1""")
MASK = "[key hidden]"


def normalized(text: str) -> str:
    """Upper case, letters and digits only: "e11.42 " and "E1142" compare equal."""
    return re.sub(r"[^A-Z0-9]", "", text.upper())


def hidden_lines(source: str, begin: str, end: str) -> list[str]:
    lines, inside = [], False
    for line in source.splitlines():
        if begin in line:
            inside = True
        elif end in line:
            inside = False
        elif inside and line.strip() and not line.strip().startswith("#"):
            lines.append(line.strip())
    return lines


class ScrubHiddenOutputs(NbGraderPreprocessor):
    """Remove hidden-test lines and unseen keys from the outputs of a graded notebook (enabled by default)."""

    begin_test_delimeter = Unicode("BEGIN HIDDEN TESTS").tag(config=True)
    end_test_delimeter = Unicode("END HIDDEN TESTS").tag(config=True)

    def preprocess(self, nb, resources):
        typed = normalized(" ".join(c.source for c in nb.cells if c.cell_type == "code"
                                    and not c.metadata.get("nbgrader", {}).get("locked")))
        hidden = {i: hidden_lines(c.source, self.begin_test_delimeter, self.end_test_delimeter)
                  for i, c in enumerate(nb.cells) if c.cell_type == "code"}
        every_hidden = [line for lines in hidden.values() for line in lines]
        for i, cell in enumerate(nb.cells):
            if cell.cell_type != "code":
                continue
            keys = [m.group(2) for line in hidden[i] for m in LITERAL.finditer(line)
                    if len(normalized(m.group(2))) >= 2 and normalized(m.group(2)) not in typed]
            for out in cell.get("outputs", []):
                self._clean(out, every_hidden, keys, short=bool(hidden[i]))
        return nb, resources

    def _text(self, text: str, lines: list[str], keys: list[str]) -> str:
        kept = [t for t in text.split("\n") if not any(h in ANSI.sub("", t) for h in lines)]
        text = "\n".join(kept)
        for key in sorted(keys, key=len, reverse=True):
            text = text.replace(key, MASK)
        return text

    def _clean(self, out, lines: list[str], keys: list[str], short: bool) -> None:
        if out.output_type == "error":
            out.evalue = self._text(ANSI.sub("", str(out.evalue)), lines, keys)
            if short:
                out.traceback = [f"{out.ename}: {out.evalue}"]
            else:
                out.traceback = [self._text(t, lines, keys) for t in out.traceback]
        elif "text" in out:
            out.text = self._text(out.text, lines, keys)
        for mime, value in out.get("data", {}).items():
            if mime.startswith("text/") and isinstance(value, str):
                out.data[mime] = self._text(value, lines, keys)
