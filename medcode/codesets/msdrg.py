"""MS-DRG grouping (v43.1, FY2026 with the April 2026 update) with msdrg 1.2.0.

    >>> group("J18.9", ["N17.9"]).drg
    194

Every code is checked first against the course's code sets (ICD-10-CM and
ICD-10-PCS of the same fiscal year), because the grouper silently ignores a
secondary code it does not know. Codes reach the grouper without dots,
removed here: msdrg's own converter maps E11.9 to E11.A. Weights and mean
lengths of stay come from FY2026 Table 5 (see msdrg_tables).
"""

from __future__ import annotations

import atexit
from dataclasses import asdict, dataclass
from functools import lru_cache

from medcode.codesets import icd10cm, icd10pcs, msdrg_tables
from medcode.codesets.record import CodeError, CodeRecord

VERSION = 431
FISCAL_YEAR = 2026
SEXES = {"M": 0, "F": 1, "U": 2}
DISCHARGE_STATUS = {1: "home or self-care", 2: "short-term hospital", 3: "skilled nursing facility",
                    6: "home health", 7: "left against medical advice", 20: "expired (died)"}


class NotBillable(CodeError):
    """A valid heading that is not specific enough to be reported."""


@dataclass(frozen=True)
class SecondaryDiagnosis:
    """What one secondary diagnosis did: its CC/MCC level, and whether the
    principal diagnosis excluded it (then it counts as no CC)."""

    code: str
    description: str
    severity: str  # "MCC", "CC" or "none", as the grouper classed it
    excluded: bool
    affected_drg: bool
    poa: str = ""  # present-on-admission indicator sent with the claim (Y, N, U, W), if any
    hac: str = ""  # the hospital-acquired condition whose criteria the claim met, if any

    @property
    def counts_as(self) -> str:
        return "none" if self.excluded else self.severity


@dataclass(frozen=True)
class Procedure:
    code: str
    description: str
    is_or: bool
    affected_drg: bool


@dataclass(frozen=True)
class DrgResult:
    """The final MS-DRG of a claim with its Table 5 figures and per-code detail."""

    drg: int
    title: str
    mdc: int | None
    mdc_title: str
    type: str
    weight: float | None
    gmlos: float | None
    amlos: float | None
    severity: str
    return_code: str
    principal: str
    secondary: tuple[SecondaryDiagnosis, ...]
    procedures: tuple[Procedure, ...]
    version: str = "43.1"

    @property
    def made_the_difference(self) -> list[str]:
        """Secondary diagnoses and procedures the grouper marks as affecting the DRG."""
        return [c.code for c in (*self.secondary, *self.procedures) if c.affected_drg]

    def to_dict(self) -> dict:
        out = asdict(self)
        for item, src in zip(out["secondary"], self.secondary):
            item["counts_as"] = src.counts_as
        return out


@lru_cache(maxsize=1)
def _grouper():
    """One grouper per process, opened on first use and closed at exit."""
    import msdrg

    grouper = msdrg.MsdrgGrouper()
    atexit.register(grouper.close)
    return grouper


def _diagnosis(code: str) -> CodeRecord:
    record = icd10cm.get(code)
    if not record.billable:
        raise NotBillable(f"{record.code} ({record.description}) is a heading, not a reportable code: "
                          "choose a code under it with all its characters.")
    return record


def _flat(record: CodeRecord) -> str:
    return record.code.replace(".", "")


def _sex(sex: str | int) -> int:
    if isinstance(sex, int) and sex in SEXES.values():
        return sex
    try:
        return SEXES[str(sex).strip().upper()[:1]]
    except KeyError:
        raise CodeError(f"sex must be M, F or U, not '{sex}'") from None


POA_INDICATORS = ("Y", "N", "U", "W")


def group(pdx: str, sdx: list[str] | tuple[str, ...] = (), procedures: list[str] | tuple[str, ...] = (),
          age: int = 70, sex: str | int = "M", discharge_status: int = 1,
          poa: dict[str, str] | None = None) -> DrgResult:
    """Group one inpatient claim. Codes may be written with or without dots.

    `poa` maps secondary diagnoses to present-on-admission indicators (Y, N, U, W);
    with it the grouper applies the hospital-acquired condition (HAC) rules.
    """
    import msdrg

    if not 0 <= int(age) <= 124:
        raise CodeError(f"age must be between 0 and 124 years, not {age}")
    principal = _diagnosis(pdx)
    secondary = [_diagnosis(c) for c in sdx]
    procs = [icd10pcs.get(c) for c in procedures]
    indicators = {_diagnosis(code).code: flag for code, flag in (poa or {}).items()}
    for flag in indicators.values():
        if flag not in POA_INDICATORS:
            raise CodeError(f"a POA indicator the grouper takes is Y, N, U or W, not '{flag}'")
    if poa is None:
        sdx_claim = [_flat(r) for r in secondary]
    else:
        sdx_claim = [(_flat(r), indicators.get(r.code, "Y")) for r in secondary]
    claim = msdrg.create_claim(version=VERSION, age=int(age), sex=_sex(sex),
                               discharge_status=int(discharge_status), pdx=_flat(principal),
                               sdx=sdx_claim, procedures=[r.code for r in procs],
                               **({"pdx_poa": "Y"} if poa is not None else {}))
    out = _grouper().group(claim)
    by_code = {d["code"]: d for d in out.get("sdx_output") or []}
    by_proc = {p["code"]: p for p in out.get("proc_output") or []}
    drg = out["final_drg"]
    row = msdrg_tables.table5().get(drg)
    return DrgResult(
        drg=drg, title=out.get("final_drg_description") or (row.title if row else ""),
        mdc=out.get("final_mdc"), mdc_title=out.get("final_mdc_description") or "",
        type=row.type if row else "", weight=row.weight if row else None,
        gmlos=row.gmlos if row else None, amlos=row.amlos if row else None,
        severity=out.get("final_severity", "NONE").replace("NONE", "none"),
        return_code=out.get("return_code", ""), principal=principal.code,
        secondary=tuple(_secondary(r, by_code.get(_flat(r), {}), indicators.get(r.code, "")) for r in secondary),
        procedures=tuple(Procedure(r.code, r.description, bool(by_proc.get(r.code, {}).get("is_or")),
                                   by_proc.get(r.code, {}).get("drg_impact", "NONE") != "NONE")
                         for r in procs),
    )


def _secondary(record: CodeRecord, out: dict, poa: str = "") -> SecondaryDiagnosis:
    severity = {"MCC": "MCC", "CC": "CC"}.get(out.get("severity"), "none")
    met = [h for h in out.get("hacs") or [] if h.get("hac_status") == "HAC_CRITERIA_MET"]
    hac = f"HAC {met[0]['hac_number']:02d}: {met[0]['description']}" if met else ""
    return SecondaryDiagnosis(record.code, record.description, severity,
                              "EXCLUDED" in (out.get("flags") or []),
                              out.get("drg_impact", "NONE") != "NONE", poa, hac)


def impact(pdx: str, sdx: list[str] | tuple[str, ...] = (), procedures: list[str] | tuple[str, ...] = (),
           **claim) -> dict[str, int]:
    """The DRG the claim would get without each secondary diagnosis or procedure
    (by code): a code made the difference when its DRG differs from the claim's."""
    base = group(pdx, sdx, procedures, **claim)
    sdx, procedures = [d.code for d in base.secondary], [p.code for p in base.procedures]
    out = {}
    for i, code in enumerate(sdx):
        out[code] = group(pdx, [*sdx[:i], *sdx[i + 1:]], procedures, **claim).drg
    for i, code in enumerate(procedures):
        out[code] = group(pdx, sdx, [*procedures[:i], *procedures[i + 1:]], **claim).drg
    return out
