"""MS-DRG explorer: enter a claim's codes, see its DRG, weight and mean stay,
and which secondary diagnosis or procedure made the difference."""

from __future__ import annotations

import html
import re

import ipywidgets as W

from medcode.codesets import msdrg
from medcode.codesets.record import CodeError


def split_codes(text: str | list | tuple | None) -> list[str]:
    """Codes from a text box: separated by commas, semicolons, spaces or lines."""
    if text is None:
        return []
    if isinstance(text, (list, tuple)):
        return [str(c).strip() for c in text if str(c).strip()]
    return [c for c in re.split(r"[\s,;]+", text) if c]


def result_html(result: msdrg.DrgResult, without: dict[str, int]) -> str:
    """The DRG with its Table 5 figures, and one row per secondary diagnosis and procedure."""
    def figure(value, unit=""):
        return "n/a" if value is None else f"{value:g}{unit}"

    parts = [f"<h4 class='medcode-drg-title'>MS-DRG {result.drg:03d} &mdash; {html.escape(result.title)}</h4>",
             f"<p>MDC {result.mdc}: {html.escape(result.mdc_title)} &middot; relative weight "
             f"<b class='medcode-drg-weight'>{figure(result.weight)}</b> &middot; mean stay "
             f"{figure(result.gmlos, ' days')} (geometric), {figure(result.amlos, ' days')} (arithmetic)</p>"]
    rows = []
    for d in result.secondary:
        level = f"{d.severity} (excluded: counts as none)" if d.excluded else d.severity
        rows.append((d.code, d.description, "secondary diagnosis", level, without.get(d.code)))
    for p in result.procedures:
        rows.append((p.code, p.description, "procedure", "OR" if p.is_or else "non-OR", without.get(p.code)))
    if rows:
        parts.append("<table class='medcode-drg-severity'><tr><th>code</th><th>description</th><th>role</th>"
                     "<th>level</th><th>DRG without it</th></tr>")
        for code, description, role, level, drg in rows:
            changed = drg is not None and drg != result.drg
            style = " style='font-weight:bold'" if changed else ""
            note = f"{drg:03d} (made the difference)" if changed else (f"{drg:03d}" if drg else "")
            parts.append(f"<tr{style}><td>{code}</td><td>{html.escape(description)}</td><td>{role}</td>"
                         f"<td>{level}</td><td>{note}</td></tr>")
        parts.append("</table>")
    return "".join(parts)


class DrgExplorer(W.VBox):
    """Text boxes for the codes, patient fields, a Group button and the result."""

    def __init__(self, pdx: str = "", sdx: str = "", procs: str = ""):
        self.result: msdrg.DrgResult | None = None
        self.without: dict[str, int] = {}
        labels = {"description_width": "110px"}  # "Secondary dx:" fits whole
        self.pdx = W.Text(value=pdx, description="Principal dx:", placeholder="e.g. J18.9", style=labels)
        self.sdx = W.Text(value=sdx, description="Secondary dx:", placeholder="e.g. N17.9, J96.01",
                          layout=W.Layout(width="480px"), style=labels)
        self.procs = W.Text(value=procs, description="Procedures:", placeholder="e.g. 0DTJ4ZZ",
                            layout=W.Layout(width="480px"), style=labels)
        self.age = W.BoundedIntText(value=70, min=0, max=124, description="Age:")
        self.sex = W.Dropdown(options=[("male", "M"), ("female", "F"), ("unknown", "U")], value="M",
                              description="Sex:")
        self.status = W.Dropdown(options=[(f"{k:02d} {v}", k) for k, v in msdrg.DISCHARGE_STATUS.items()],
                                 value=1, description="Discharge:")
        self.button = W.Button(description="Group", button_style="primary")
        self.button.add_class("medcode-drg-run")
        self.message = W.HTML()
        self.output = W.HTML()
        self.output.add_class("medcode-drg-result")
        self.button.on_click(lambda _: self._run_from_boxes())
        super().__init__([self.pdx, self.sdx, self.procs, W.HBox([self.age, self.sex, self.status]),
                          self.button, self.message, self.output])
        self.add_class("medcode-drg-explorer")

    def __repr__(self) -> str:
        return f"DrgExplorer(drg={self.result.drg if self.result else None})"

    def run(self, pdx: str, sdx=(), procs=(), age: int | None = None, sex: str | None = None,
            discharge_status: int | None = None) -> msdrg.DrgResult | None:
        """Fill the boxes, press Group, and return the result (None after an error)."""
        self.pdx.value = pdx
        self.sdx.value = ", ".join(split_codes(sdx))
        self.procs.value = ", ".join(split_codes(procs))
        if age is not None:
            self.age.value = age
        if sex is not None:
            self.sex.value = sex.upper()
        if discharge_status is not None:
            if discharge_status not in msdrg.DISCHARGE_STATUS:
                self.status.options = [*self.status.options, (f"{discharge_status:02d}", discharge_status)]
            self.status.value = discharge_status
        self.button.click()
        return self.result

    def _run_from_boxes(self) -> None:
        claim = dict(pdx=self.pdx.value, sdx=split_codes(self.sdx.value), procedures=split_codes(self.procs.value))
        patient = dict(age=self.age.value, sex=self.sex.value, discharge_status=self.status.value)
        try:
            self.result = msdrg.group(**claim, **patient)
            self.without = msdrg.impact(**claim, **patient)
        except CodeError as err:
            self.result, self.without = None, {}
            self.message.value = f"<span class='medcode-error'>{html.escape(str(err))}</span>"
            self.output.value = ""
            return
        self.message.value = ""
        self.output.value = result_html(self.result, self.without)
