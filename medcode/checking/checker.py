"""`check`: one item's answer against its key, with auditor findings."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from medcode import codesets
from medcode.checking.references import references
from medcode.checking.rules import RULES, SUBJECT, guideline
from medcode.codesets.record import CodeError, CodeRecord


@dataclass(frozen=True)
class Finding:
    rule: str
    message: str
    code: str | None = None
    system: str = "icd10cm"

    @property
    def guideline(self) -> str:
        return guideline(self.rule, self.system)


@dataclass
class CheckResult:
    score: float
    points: float
    findings: list[Finding] = field(default_factory=list)

    @property
    def correct(self) -> bool:
        return self.score == self.points

    @property
    def rules(self) -> list[str]:
        return [f.rule for f in self.findings]

    def feedback(self) -> str:
        """The findings as lines a student reads (never the key)."""
        lines = [f"Score: {self.score:g} of {self.points:g}"]
        for f in self.findings:
            lines.append(f"- [{f.rule}] {f.message} (Guidelines {f.guideline})")
        return "\n".join(lines)


def _as_list(value) -> list[str]:
    if value is None:
        return []
    if isinstance(value, str):
        return [v for v in re.split(r"[,;\n]", value) if v.strip()] if value.strip() else []
    if isinstance(value, (list, tuple)):
        return [str(v) for v in value if str(v).strip()]
    return [str(value)]


def _key_slots(key) -> list[tuple[str, ...]]:
    """Each slot of the key as its accepted alternatives."""
    items = [key] if isinstance(key, str) else list(key)
    return [tuple(alt) if isinstance(alt, (list, tuple)) else (alt,) for alt in items]


def _flat(code: str) -> str:
    return code.replace(".", "")


def _find(system, code: str) -> CodeRecord | None:
    try:
        return system.get(code)
    except CodeError:
        return None


def _seventh_character_repair(system, code: str) -> CodeRecord | None:
    """The code's 7th-character parent, when the code has a 7th character the
    category does not allow (S72.001Z) or lacks its placeholder X (T36.01A)."""
    flat = _flat(code)
    base = flat[:-1]
    candidates = [base, base.rstrip("X")]
    if 3 <= len(base) < 6:
        missing = 6 - len(base)
        candidates += [base[:i] + "X" * missing + base[i:] for i in range(len(base), 2, -1)]
    for cand in candidates:
        record = _find(system, system.normalize(cand))
        if record and record.notes_of("seventh_character"):
            return record
    return None


def _relation(answer: CodeRecord, key: str, system: str) -> str | None:
    """How an existing answer code relates to one key code, as a rule id (None: unrelated)."""
    a, k = _flat(answer.code), _flat(key)
    if a == k:
        return "exact"
    if system == "icd10pcs":  # same section and body system: some axis is wrong
        return "wrong_code" if a[:2] == k[:2] else None
    if system != "icd10cm":  # CPT/HCPCS: same family (99213 for 99214) earns a little
        return "wrong_code" if a[:3] == k[:3] else None
    if len(k) == 7 and (a[:6] == k[:6] or a == k[:6].rstrip("X")):
        return "seventh_character"
    if k.startswith(a):
        return "less_specific"
    if a[:3] == k[:3] and answer.billable:
        return "less_specific" if "unspecified" in answer.description.lower() else "wrong_code"
    return None


def _pcs_axes_that_differ(answer: CodeRecord, key: str) -> list[str]:
    """Names of the PCS axes where the answer's characters differ from the key's (not the values)."""
    axes = answer.extra.get("axes", [])
    flat = _flat(key)
    return [axis["axis"].lower() for axis in axes
            if axis["position"] <= len(flat) and _flat(answer.code)[axis["position"] - 1] != flat[axis["position"] - 1]]


def _excludes1_conflict(a: CodeRecord, b: CodeRecord) -> bool:
    return any(ref.covers(b.code) for note in a.notes_of("excludes1") for ref in references(note.text))


def check(answer, key, points: float = 1.0, ordered: bool = False, system: str | None = None) -> CheckResult:
    """Score `answer` (a code or a list of codes) against `key`.

    `key` is a code or a list of codes in the expected sequence; a slot may be a
    tuple of accepted alternatives. `ordered` makes the sequence count (principal
    or first-listed diagnosis first, etiology before manifestation).
    """
    slots = _key_slots(key)
    system_name = system or infer_system(slots[0][0])
    cs = codesets.system(system_name)
    subject = SUBJECT.get(system_name, "condition")
    findings: list[Finding] = []

    def add(rule: str, message: str, code: str | None = None) -> None:
        findings.append(Finding(rule, message, code, system_name))

    valid: list[CodeRecord] = []
    broken_seventh: list[tuple[str, CodeRecord]] = []
    raw_answers = _as_list(answer)
    if not raw_answers:
        return CheckResult(0.0, float(points), [Finding("missing_code", "No code was given; type a code between the quotes.",
                                                        None, system_name)])
    for raw in raw_answers:
        code = cs.normalize(raw)
        if not cs.well_formed(code):
            add("invalid_format", f"'{raw.strip()}' is not a well-formed code: {cs.FORMAT_HINT}.", raw.strip())
            continue
        record = _find(cs, code)
        if record is None:
            parent = _seventh_character_repair(cs, code) if system_name == "icd10cm" else None
            if parent is not None:
                broken_seventh.append((code, parent))
            else:
                add("unknown_code", f"{code} is not a valid code in {system_name.upper()} FY{cs.FISCAL_YEAR}; "
                    "look the term up in the index and verify it in the tables.", code)
            continue
        valid.append(record)

    # Pair answers with key slots, best credit first.
    pairs = []
    for ai, rec in enumerate(valid):
        for si, slot in enumerate(slots):
            for alt in slot:
                rel = _relation(rec, cs.normalize(alt), system_name)
                if rel:
                    pairs.append((RULES[rel].credit, ai, si, rel))
    for bi, (code, parent) in enumerate(broken_seventh):
        for si, slot in enumerate(slots):
            if any(_flat(cs.normalize(alt))[:6].rstrip("X") == _flat(parent.code).rstrip("X") for alt in slot):
                pairs.append((RULES["seventh_character"].credit, len(valid) + bi, si, "seventh_character"))
    pairs.sort(key=lambda p: (-p[0], p[2], p[1]))
    matched_a: dict[int, tuple[int, str]] = {}
    matched_s: set[int] = set()
    for credit, ai, si, rel in pairs:
        if ai in matched_a or si in matched_s:
            continue
        matched_a[ai] = (si, rel)
        matched_s.add(si)

    earned = 0.0
    all_answers = [r.code for r in valid] + [c for c, _ in broken_seventh]
    for ai, code in enumerate(all_answers):
        record = valid[ai] if ai < len(valid) else None
        if ai in matched_a:
            si, rel = matched_a[ai]
            earned += RULES[rel].credit
            key_code = cs.normalize(slots[si][0])
            add(rel, _message(rel, code, record, system_name, key_code), code)
        elif record is None:
            add("unknown_code", f"{code} is not a code: its 7th character (or the placeholder X "
                "before it) is not one the category allows.", code)
        else:
            add("extra_code", f"{code} is not supported by the documentation as the item describes it, "
                f"or it repeats a {subject} another code already covers.", code)
        if record is not None and not record.billable and matched_a.get(ai, (0, ""))[1] != "exact":
            add("not_billable", f"{code} is a {record.kind} heading, not a reportable code: "
                "report a code to its full number of characters.", code)
    notes_hint = (" and follow every 'use additional code' and 'code first' note" if system_name == "icd10cm" else "")
    for _ in [si for si in range(len(slots)) if si not in matched_s]:
        add("missing_code", f"A {subject} the documentation supports has no code; re-read the documentation{notes_hint}.")

    exact_key = {ai for ai, (_, rel) in matched_a.items() if rel == "exact"}
    conflicts = 0  # penalised only where neither code is already an extra code
    for i, a in enumerate(valid):
        for j, b in enumerate(valid):
            if i < j and not {i, j} <= exact_key and (_excludes1_conflict(a, b) or _excludes1_conflict(b, a)):
                conflicts += i in matched_a and j in matched_a
                add("excludes1", f"{a.code} and {b.code} are never reported together: an Excludes1 note "
                    "says one condition is not coded with the other.", f"{a.code},{b.code}")

    out_of_order = False
    if ordered:
        by_slot = sorted((si, ai) for ai, (si, _) in matched_a.items())
        positions = [ai for _, ai in by_slot]
        first_slot_late = 0 in matched_s and [ai for ai, (si, _) in matched_a.items() if si == 0][0] != 0
        out_of_order = positions != sorted(positions) or first_slot_late
        if out_of_order:
            add("sequencing", "The codes are in the wrong order: " + (
                "list the principal procedure (the definitive treatment) first." if system_name == "icd10pcs" else
                "list the principal (or first-listed) diagnosis first and an etiology before its manifestation."))

    extras = sum(1 for f in findings if f.rule == "extra_code")
    penalty = (extras * RULES["extra_code"].penalty + conflicts * RULES["excludes1"].penalty
               + out_of_order * RULES["sequencing"].penalty)
    fraction = max(0.0, earned - penalty) / len(slots)
    score = round(min(1.0, fraction) * points, 2)
    return CheckResult(score=score, points=float(points), findings=findings)


def _message(rule: str, code: str, record: CodeRecord | None, system: str, key: str) -> str:
    """What a matched code got right and wrong, without naming the key."""
    if rule == "wrong_code" and system == "icd10pcs" and record is not None:
        axes = _pcs_axes_that_differ(record, key)
        return (f"{code} is in the right section and body system, but its {', '.join(axes)} "
                f"{'does' if len(axes) == 1 else 'do'} not match the documentation: check each value against "
                "the root operation and approach definitions.")
    if rule == "wrong_code" and system != "icd10cm":
        return f"{code} is in the right code family but does not describe the {SUBJECT[system]} documented."
    return {
        "exact": f"{code} is correct.",
        "less_specific": f"{code} names the right condition but not to the specificity the documentation supports: "
                         "read the subcategories and choose the most specific code.",
        "wrong_code": f"{code} is in the right category but is not the code the documentation supports: "
                      "re-read the documentation and the tabular list entries of this category.",
        "seventh_character": f"{code} has the right condition, but its 7th character (or the placeholder X before it) "
                             "does not match the encounter: check the 7th-character list of the category.",
    }[rule]


def infer_system(code: str) -> str:
    """The code system a code belongs to: the first whose shape fits and that has it,
    else the first whose shape fits (PCS B2111ZZ also has the shape of a CM code)."""
    flat = str(code).strip().upper().replace(".", "")
    shaped = [name for name in codesets.SYSTEMS
              if hasattr(codesets.system(name), "claims") and codesets.system(name).claims(flat)]
    for name in shaped:
        module = codesets.system(name)
        if module.exists(module.normalize(code)):
            return name
    return shaped[0] if shaped else codesets.DEFAULT_SYSTEM
