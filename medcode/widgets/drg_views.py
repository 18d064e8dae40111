"""Static views for the MS-DRG lesson: DRG families from Table 5, claims run
through the grouper, a weight chart, a payment calculation and the effect of
the present-on-admission (POA) indicator.

Every DRG number, weight and mean stay shown here is read from the grouper
(medcode.codesets.msdrg, v43.1) and FY2026 Table 5 (medcode.codesets.msdrg_tables)
when the function runs; nothing is typed in. Outputs are deterministic: rows
keep the order they were asked for (or DRG order), money is rounded to cents.
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal

import pandas as pd

from medcode.codesets import msdrg, msdrg_tables
from medcode.codesets.record import CodeError
from medcode.widgets.display import Picture

# An invented round figure so the arithmetic is easy to follow. It is NOT the
# CMS national rate and NOT any hospital's rate (a real hospital's rate is
# adjusted by its wage index and add-on payments).
ILLUSTRATIVE_BASE_RATE = 6000.00

# CMS's POA indicator values (UB-04 / 837I) and how Medicare treats a
# hospital-acquired condition (HAC) reported with each.
POA_INDICATORS = {
    "Y": ("yes: present at the time of inpatient admission", "yes"),
    "N": ("no: not present at the time of inpatient admission", "no, if the code is a HAC"),
    "U": ("unknown: the documentation is insufficient to tell", "no, if the code is a HAC"),
    "W": ("clinically undetermined: the provider cannot clinically tell", "yes"),
    "1": ("exempt: the code is on CMS's list of codes exempt from POA reporting", "not applicable"),
}
_TYPE = {"MED": "medical", "SURG": "surgical"}


def _row(drg: int) -> msdrg_tables.DrgRow:
    try:
        return msdrg_tables.table5()[int(drg)]
    except KeyError:
        raise CodeError(f"MS-DRG {drg} is not in FY2026 Table 5") from None


def drg_family(*drgs: int) -> pd.DataFrame:
    """The Table 5 rows of the given MS-DRGs (a family such as 193, 194, 195), in DRG order."""
    rows = []
    for drg in sorted(int(d) for d in drgs):
        r = _row(drg)
        rows.append({"MS-DRG": f"{r.drg:03d}", "title (Table 5)": r.title, "MDC": r.mdc,
                     "type": _TYPE.get(r.type, r.type), "relative weight": r.weight,
                     "geometric mean stay (days)": r.gmlos, "arithmetic mean stay (days)": r.amlos})
    return pd.DataFrame(rows).set_index("MS-DRG")


def claim(pdx: str, sdx=(), procedures=(), discharge_status: int = 1, age: int = 70, sex: str = "M") -> dict:
    """One synthetic inpatient claim: principal diagnosis, secondary diagnoses,
    procedures and the patient fields the grouper reads."""
    return {"pdx": pdx, "sdx": list(sdx), "procedures": list(procedures),
            "discharge_status": int(discharge_status), "age": int(age), "sex": sex}


def _why(result: msdrg.DrgResult, status: int) -> str:
    """What moved the claim away from the plainest DRG of its family, in words."""
    parts = []
    for d in result.secondary:
        if d.excluded:
            parts.append(f"{d.code} is an {d.severity}, excluded with this principal diagnosis: counts as none")
        elif d.severity != "none":
            parts.append(f"{d.code} is a{'n' if d.severity == 'MCC' else ''} {d.severity}")
        else:
            parts.append(f"{d.code} is neither CC nor MCC")
    for p in result.procedures:
        parts.append(_procedure_role(p, result))
    if status != 1:
        parts.append(f"discharge status {status:02d}: {msdrg.DISCHARGE_STATUS.get(status, 'other')}")
    return "; ".join(parts) if parts else "principal diagnosis only"


def _procedure_role(p: msdrg.Procedure, result: msdrg.DrgResult) -> str:
    if p.is_or and result.type == "SURG":
        return f"{p.code} is an operating-room procedure: surgical DRG"
    if p.affected_drg:
        return f"{p.code} changes the DRG (still a medical DRG)"
    return f"{p.code} does not change the DRG"


def _group(c: dict) -> msdrg.DrgResult:
    return msdrg.group(c["pdx"], c["sdx"], c["procedures"], age=c["age"], sex=c["sex"],
                       discharge_status=c["discharge_status"])


def compare_claims(*claims: dict) -> pd.DataFrame:
    """One row per claim, in the order given: its codes, its MS-DRG from the
    grouper, the Table 5 weight and mean stay, and what decided it."""
    rows = []
    for c in claims:
        result = _group(c)
        rows.append({"principal dx": result.principal,
                     "secondary dx": ", ".join(d.code for d in result.secondary) or "-",
                     "procedures": ", ".join(p.code for p in result.procedures) or "-",
                     "discharge": f"{c['discharge_status']:02d}",
                     "MS-DRG": f"{result.drg:03d}", "title": result.title,
                     "relative weight": result.weight, "geometric mean stay (days)": result.gmlos,
                     "what decided it": _why(result, c["discharge_status"])})
    return pd.DataFrame(rows)


def grouping_steps(pdx: str, sdx=(), procedures=(), discharge_status: int = 1, age: int = 70,
                   sex: str = "M") -> pd.DataFrame:
    """The grouper's decisions for one claim, in the order it makes them."""
    c = claim(pdx, sdx, procedures, discharge_status, age, sex)
    result = _group(c)
    steps = [("1. principal diagnosis", f"{result.principal}",
              f"MDC {result.mdc}: {result.mdc_title}")]
    if result.procedures:
        looked = ", ".join(p.code for p in result.procedures)
        found = "; ".join(_procedure_role(p, result) for p in result.procedures)
    else:
        looked, found = "none", "no operating-room procedure: medical DRG"
    steps.append(("2. procedures", looked, found))
    if result.secondary:
        looked = ", ".join(d.code for d in result.secondary)
        levels = [d.counts_as for d in result.secondary]
        top = "MCC" if "MCC" in levels else "CC" if "CC" in levels else "none"
        found = "; ".join(
            f"{d.code} {d.severity}" + (" but excluded: counts as none" if d.excluded else "")
            for d in result.secondary) + f" -> highest level that counts: {top}"
    else:
        looked, found = "none", "no CC or MCC"
    steps.append(("3. secondary diagnoses", looked, found))
    steps.append(("4. discharge status", f"{discharge_status:02d}",
                  msdrg.DISCHARGE_STATUS.get(discharge_status, "other")))
    steps.append(("MS-DRG", f"{result.drg:03d}",
                  f"{result.title} ({_TYPE.get(result.type, result.type)}); relative weight {result.weight:g}, "
                  f"geometric mean stay {result.gmlos:g} days"))
    return pd.DataFrame(steps, columns=["step", "looks at", "finds"]).set_index("step")


def _labels(titles: list[str]) -> tuple[str, list[str]]:
    """Shared words at the start of the titles (the family) and what is left of each."""
    words = [t.split() for t in titles]
    n = 0
    while all(len(w) > n for w in words) and len({w[n] for w in words}) == 1:
        n += 1
    family = " ".join(words[0][:n]) if len(titles) > 1 else titles[0]
    rest = [" ".join(w[n:]) or " ".join(w) for w in words] if len(titles) > 1 else titles
    return family, rest


def _plain(title: str) -> str:
    """A Table 5 title in lower case, keeping abbreviations such as CC, MCC and MV."""
    return " ".join(w if re.fullmatch(r"CC|MCC|CC/MCC|MV|O\.R\.", w) else w.lower() for w in title.split())


def weight_chart(*drgs: int) -> Picture:
    """Bar chart of the FY2026 relative weights of some MS-DRGs (one family),
    with a line at 1.0, the weight of the average Medicare stay."""
    from matplotlib.figure import Figure

    rows = [_row(d) for d in sorted(int(d) for d in drgs)]
    family, rest = _labels([r.title for r in rows])
    labels = [f"{r.drg:03d} {_plain(label)}" for r, label in zip(rows, rest)]
    weights = [r.weight for r in rows]
    fig = Figure(figsize=(8, 1.2 + 0.7 * len(rows)))
    ax = fig.subplots()
    ax.barh(labels[::-1], weights[::-1], color="#3b7dd8")
    for y, w in enumerate(weights[::-1]):
        ax.text(w, y, f" {w:.4f}", va="center")
    ax.axvline(1.0, color="#555555", linestyle="--", linewidth=1, label="1.0 = weight of the average Medicare stay")
    ax.legend(loc="lower right", fontsize=9)
    ax.set_xlim(0, max(max(weights), 1.0) * 1.3)
    ax.set_xlabel("relative weight (FY2026 Table 5)")
    family = _plain(family)
    ax.set_title(f"MS-DRG family: {family[:1].upper()}{family[1:]}")
    fig.tight_layout()
    numbers = ", ".join(f"{r.drg:03d}" for r in rows)
    return Picture(fig, f"MS-DRG FY2026 relative weights of {numbers} (bar chart)")


def _money(value: Decimal) -> str:
    return f"${value:,.2f}"


def payment(weight: float, base_rate: float = ILLUSTRATIVE_BASE_RATE) -> Decimal:
    """Relative weight x base rate, rounded to the cent."""
    return (Decimal(str(weight)) * Decimal(str(base_rate))).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def payment_table(*drgs: int, base_rate: float = ILLUSTRATIVE_BASE_RATE) -> pd.DataFrame:
    """The payment arithmetic for each MS-DRG: weight x base rate = payment."""
    rows = []
    for drg in sorted(int(d) for d in drgs):
        r = _row(drg)
        rows.append({"MS-DRG": f"{r.drg:03d}", "title (Table 5)": r.title, "relative weight": f"{r.weight:.4f}",
                     "x base rate (illustrative)": _money(Decimal(str(base_rate))),
                     "= payment": _money(payment(r.weight, base_rate))})
    return pd.DataFrame(rows).set_index("MS-DRG")


def payment_sum(drg: int, base_rate: float = ILLUSTRATIVE_BASE_RATE):
    """One payment written out as a sum, e.g. for a worked example."""
    from IPython.display import Markdown

    r = _row(drg)
    return Markdown(f"MS-DRG {r.drg:03d} ({r.title}): relative weight **{r.weight:.4f}** x illustrative base rate "
                    f"**{_money(Decimal(str(base_rate)))}** = **{_money(payment(r.weight, base_rate))}**")


def poa_table(pdx: str, sdx_code: str, procedures=(), indicators: str = "YNUW") -> pd.DataFrame:
    """The same stay grouped once per POA indicator on one secondary diagnosis."""
    rows = []
    for poa in indicators:
        result = msdrg.group(pdx, [sdx_code], procedures, poa={sdx_code: poa})
        r = _row(result.drg)
        hac = result.secondary[0].hac
        rows.append({"POA": poa, "meaning": POA_INDICATORS[poa][0],
                     "hospital-acquired condition?": hac or "no (present on admission or undetermined)",
                     "MS-DRG": f"{r.drg:03d}", "title (Table 5)": r.title, "relative weight": r.weight})
    return pd.DataFrame(rows).set_index("POA")


def drg_explorer(pdx: str = "", sdx: str = "", procedures: str = ""):
    """A DrgExplorer already grouped for the given codes, ready for the student to change."""
    from medcode.widgets.drg_explorer import DrgExplorer

    explorer = DrgExplorer(pdx, sdx, procedures)
    if pdx:
        explorer.run(pdx, sdx, procedures)
    return explorer


def poa_indicators() -> pd.DataFrame:
    """CMS's five POA indicator values, and whether Medicare still counts a
    hospital-acquired condition's CC/MCC when it carries that value."""
    rows = [{"POA": k, "meaning": meaning, "CC/MCC of a HAC still counts?": pays}
            for k, (meaning, pays) in POA_INDICATORS.items()]
    return pd.DataFrame(rows).set_index("POA")
