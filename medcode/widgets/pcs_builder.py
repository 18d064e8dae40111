"""ICD-10-PCS code builder: one dropdown per character, offering only values
that lead to a valid FY2026 code, each choice explained beside it."""

from __future__ import annotations

import html

import ipywidgets as W

from medcode.codesets import icd10pcs
from medcode.codesets.record import CodeRecord


def _option(item: dict) -> tuple[str, str]:
    return (f"{item['value']}  {item['label'] or '(not explained in the course data)'}", item["value"])


def _explain(item: dict | None) -> str:
    if not item:
        return ""
    text = f"<b>{html.escape(item['label'] or item['value'])}</b>"
    for key in ("definition", "explanation", "examples"):
        if item.get(key):
            text += f"<br><small>{html.escape(item[key])}</small>" if key != "definition" else \
                f": {html.escape(item[key])}"
    return f"<div class='medcode-pcs-definition'>{text}</div>"


class PcsBuilder(W.VBox):
    """Choose section, body system, root operation, ... one character at a time."""

    def __init__(self):
        self._choices: list[list[dict]] = [[] for _ in range(7)]
        self._busy = False
        self.dropdowns = [W.Dropdown(options=[], value=None, description=f"{n + 1}.",
                                     layout=W.Layout(width="430px"), style={"description_width": "150px"})
                          for n in range(7)]
        self.definitions = [W.HTML(layout=W.Layout(width="520px")) for _ in range(7)]
        self.result = W.HTML()
        self.result.add_class("medcode-pcs-result")
        rows = []
        for n, (drop, definition) in enumerate(zip(self.dropdowns, self.definitions)):
            drop.add_class(f"medcode-pcs-axis-{n + 1}")
            drop.observe(lambda change, n=n: self._changed(n), names="value")
            rows.append(W.HBox([drop, definition]))
        super().__init__([W.HTML("<b>Build an ICD-10-PCS code</b>: choose each character in turn."),
                          *rows, self.result])
        self.add_class("medcode-pcs-builder")
        self._fill(0)

    def __repr__(self) -> str:
        return f"PcsBuilder(code={self.code!r})"

    @property
    def code(self) -> str:
        """The characters chosen so far."""
        out = ""
        for drop in self.dropdowns:
            if drop.value is None:
                break
            out += drop.value
        return out

    @property
    def record(self) -> CodeRecord | None:
        return icd10pcs.get(self.code) if len(self.code) == 7 else None

    def options(self, position: int) -> list[dict]:
        """What the dropdown of character `position` (1-7) offers now."""
        return list(self._choices[position - 1])

    def axis_names(self) -> list[str]:
        section = self.dropdowns[0].value
        return ["Section", *icd10pcs.AXES.get(section, ("Body System", "Character 3", "Character 4",
                                                         "Character 5", "Character 6", "Character 7"))]

    def choose(self, axis: int | str, value: str) -> str:
        """Pick `value` for a character, given by position (1-7) or axis name
        (the first not yet chosen of that name); returns the code so far."""
        position = axis if isinstance(axis, int) else self._position(axis)
        value = icd10pcs.normalize(value)
        allowed = [c["value"] for c in self._choices[position - 1]]
        if value not in allowed:
            raise ValueError(f"{value!r} is not offered for character {position} after '{self.code[:position - 1]}'; "
                             f"choose one of {', '.join(allowed) or 'the earlier characters first'}")
        self.dropdowns[position - 1].value = value
        return self.code

    def build(self, code: str) -> CodeRecord:
        """Choose all seven characters of `code`, one after another."""
        self.reset()
        for n, char in enumerate(icd10pcs.normalize(code), start=1):
            self.choose(n, char)
        return self.record

    def reset(self) -> None:
        self.dropdowns[0].value = None

    def _position(self, name: str) -> int:
        wanted = name.strip().lower()
        for n, axis in enumerate(self.axis_names(), start=1):
            if axis.lower() == wanted and (self.dropdowns[n - 1].value is None or n == 7):
                return n
        for n, axis in enumerate(self.axis_names(), start=1):
            if axis.lower() == wanted:
                return n
        raise ValueError(f"no axis named {name!r} in this section: {', '.join(self.axis_names())}")

    def _fill(self, index: int) -> None:
        """Offer the values valid after the characters before `index`; clear the rest."""
        self._busy = True
        try:
            prefix = self.code[:index]
            names = self.axis_names()
            for n in range(index, 7):
                self._choices[n] = icd10pcs.next_values(prefix) if n == index and len(prefix) == index else []
                self.dropdowns[n].options = [_option(c) for c in self._choices[n]]
                self.dropdowns[n].value = None
                self.dropdowns[n].disabled = not self._choices[n]
                self.dropdowns[n].description = f"{n + 1}. {names[n]}" if n else "1. Section"
                self.definitions[n].value = ""
        finally:
            self._busy = False
        self._show_result()

    def _changed(self, index: int) -> None:
        if self._busy:
            return
        value = self.dropdowns[index].value
        chosen = next((c for c in self._choices[index] if c["value"] == value), None)
        if index + 1 < 7:
            self._fill(index + 1)
        self.definitions[index].value = _explain(chosen)
        self._show_result()

    def _show_result(self) -> None:
        record = self.record
        if record is None:
            left = 7 - len(self.code)
            self.result.value = (f"<p>Code so far: <code>{html.escape(self.code) or '&mdash;'}</code> "
                                 f"({left} character{'s' if left != 1 else ''} to choose)</p>")
        else:
            self.result.value = (f"<h4 class='medcode-pcs-code'>{record.code} &mdash; "
                                 f"{html.escape(record.description)}</h4>")
