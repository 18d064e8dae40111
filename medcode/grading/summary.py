"""The table `medcode grade` and `medcode demo` print at the end of a run."""

from __future__ import annotations

from collections import Counter

from medcode.grading.outcome import STATUSES


def table(outcomes) -> str:
    head = f"{'student':<11} {'score':>6} {'of':>4}  {'status':<8} message"
    lines = [head, "-" * len(head)]
    for o in outcomes:
        lines.append(f"{o.student_id:<11} {o.score:>6g} {o.max_score:>4g}  {o.status:<8} {o.message}")
    return "\n".join(lines)


def summary(run, seconds: float) -> str:
    counts = Counter(o.status for o in run.outcomes)
    person = [r.outcome.student_id for r in run.records if r.needs_person]
    return "\n".join([
        table(run.outcomes), "",
        f"{len(run.records)} submissions: " + ", ".join(f"{counts[s]} {s}" for s in STATUSES if counts[s])
        + f"; graded now {len(run.graded_now)}, kept from the last run {len(run.reused)}; {seconds:.0f} s",
        f"need a person: {', '.join(person) if person else 'none'}",
        f"grades: {run.reports / 'grades.csv'}", f"report: {run.reports / 'report.html'}"])
