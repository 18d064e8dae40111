"""The auditor's rules: id, the credit a matched code keeps, and the guideline that decides it.

Credits are the share of one key slot a code earns; penalties are taken off the
item's slots before scaling to its points. Sections refer to the ICD-10-CM
Official Guidelines for Coding and Reporting FY2026 (Section I.A conventions,
I.B general rules, II principal diagnosis, IV outpatient first-listed).
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Rule:
    id: str
    title: str
    guideline: str
    credit: float = 0.0   # share of a key slot the matched code keeps
    penalty: float = 0.0  # slots taken off the item


RULES = {r.id: r for r in (
    Rule("exact", "Correct code", "I.B.1", credit=1.0),
    Rule("invalid_format", "Not a well-formed code", "I.A.2"),
    Rule("unknown_code", "Not a code in the code set", "I.B.1"),
    Rule("not_billable", "Header code where a billable code is required", "I.A.3"),
    Rule("less_specific", "Right condition, not specific enough", "I.B.2", credit=0.5),
    Rule("wrong_code", "Right category, wrong code", "I.B.1", credit=0.25),
    Rule("seventh_character", "Wrong or missing 7th character or placeholder X", "I.A.4-I.A.5", credit=0.5),
    Rule("missing_code", "A required code is missing", "I.B.7"),
    Rule("extra_code", "A code the documentation does not support", "I.B.5", penalty=0.5),
    Rule("excludes1", "Excludes1: the two codes are never reported together", "I.A.12.a", penalty=0.5),
    Rule("sequencing", "Codes in the wrong order", "II / IV.G", penalty=0.5),
)}

# Where another code system decides the rule: ICD-10-PCS Official Guidelines (A = conventions,
# B = Medical and Surgical), the UHDDS for the principal procedure, the CPT and HCPCS code books.
SYSTEM_GUIDELINES = {
    "icd10pcs": {"exact": "PCS A11", "invalid_format": "PCS A1-A2", "unknown_code": "PCS A8",
                 "not_billable": "PCS A8", "less_specific": "PCS A8", "wrong_code": "PCS A11, B3.1a",
                 "missing_code": "PCS B3.2", "extra_code": "PCS B3.1b", "sequencing": "UHDDS principal procedure"},
    "cpt": {rule: "CPT guidelines: report the code that describes the service performed" for rule in RULES},
    "hcpcs": {rule: "HCPCS Level II: report the code that describes the item or service" for rule in RULES},
}

# What a code reports, for messages: a condition, a procedure, a service.
SUBJECT = {"icd10cm": "condition", "icd10pcs": "procedure", "cpt": "service", "hcpcs": "item or service"}


def guideline(rule: str, system: str = "icd10cm") -> str:
    """The guideline section that decides `rule` in `system`."""
    return SYSTEM_GUIDELINES.get(system, {}).get(rule, RULES[rule].guideline)
