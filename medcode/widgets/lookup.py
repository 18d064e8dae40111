"""Code look-up: type words, an abbreviation or a code; pick a result to read its notes."""

from __future__ import annotations

import html

import ipywidgets as W

from medcode import codesets
from medcode.codesets.record import CodeError, CodeRecord


def record_html(record: CodeRecord) -> str:
    """A record as the tabular list would show it: title, place, and notes."""
    status = "billable" if record.billable else f"{record.kind} heading: not reportable, code further"
    parts = [f"<h4 class='medcode-record-title'>{html.escape(record.code)} &mdash; {html.escape(record.description)}</h4>",
             f"<p><i>{html.escape(status)}</i></p>"]
    if record.parents:
        trail = " &rsaquo; ".join(f"{html.escape(c)} {html.escape(d)}" for c, d in record.parents)
        parts.append(f"<p style='font-size:90%'>{trail}</p>")
    if record.notes:
        parts.append("<ul>")
        for note in record.notes:
            label = note.kind.replace("_", " ").capitalize()
            text = html.escape(note.text).replace("\n", "<br>")
            parts.append(f"<li><b>{label}</b> <small>({html.escape(note.source)})</small>: {text}</li>")
        parts.append("</ul>")
    return "".join(parts)


class CodeLookup(W.VBox):
    """Search box, result list and the chosen code's tabular entry."""

    def __init__(self, query: str = "", system: str = codesets.DEFAULT_SYSTEM, limit: int = 10):
        self.limit = limit
        self.records: list[CodeRecord] = []
        self.query = W.Text(value=query, placeholder="words, abbreviation or code (e.g. heart attack, UTI, E11.2)",
                            description="Look up:", continuous_update=False,
                            layout=W.Layout(width="460px"))
        self.system = W.Dropdown(options=sorted(codesets.SYSTEMS), value=system, description="Code set:")
        self.button = W.Button(description="Search", button_style="primary")
        self.results = W.Select(options=[], rows=limit, layout=W.Layout(width="720px"))
        self.message = W.HTML()
        self.detail = W.HTML()
        self.query.observe(lambda change: self.search(change["new"]), names="value")
        self.button.on_click(lambda _: self.search(self.query.value))
        self.results.observe(lambda change: self.show(change["new"]), names="value")
        super().__init__([W.HBox([self.query, self.system, self.button]), self.message, self.results, self.detail])
        self.add_class("medcode-lookup")
        if query:
            self.search(query)

    def __repr__(self) -> str:
        return f"CodeLookup(system={self.system.value!r})"

    def search(self, query: str) -> list[CodeRecord]:
        """Run the search and show the results; returns the records."""
        try:
            self.records = codesets.search(query, system=self.system.value, limit=self.limit) if query.strip() else []
        except CodeError as err:
            self.records, self.message.value = [], f"<span class='medcode-error'>{html.escape(str(err))}</span>"
            return []
        self.results.options = [(f"{r.code}  {r.description}", r.code) for r in self.records]
        count = len(self.records)
        self.message.value = (f"<span class='medcode-count'>{count} match{'es' if count != 1 else ''}: "
                              "pick one to read its tabular entry.</span>" if count else
                              ("No match: try fewer words, another word, or a code prefix." if query.strip() else ""))
        if self.records:
            self.results.value = self.records[0].code
        else:
            self.detail.value = ""
        return self.records

    def show(self, code: str | None) -> None:
        if code:
            self.detail.value = record_html(codesets.get(code, system=self.system.value))
