"""The call autograder test cells make: print the findings, return the score."""

from __future__ import annotations

from medcode.checking.checker import check


def grade_item(answer, key, points: float = 1.0, ordered: bool = False, system: str | None = None) -> float:
    """Check `answer` against `key`, print feedback that names the rules, return the score.

    Used as the last line of a hidden test cell: nbgrader takes the returned
    number as the cell's partial credit.
    """
    result = check(answer, key, points=points, ordered=ordered, system=system)
    print(result.feedback())
    return result.score
