"""Form checks for visible tests: is the answer shaped like codes? (never the key)."""

from __future__ import annotations

from medcode import codesets


def _items(answer) -> list | None:
    if isinstance(answer, str):
        return [answer]
    if isinstance(answer, (list, tuple)) and all(isinstance(a, str) for a in answer):
        return list(answer)
    return None


def looks_like_codes(answer, system: str = "icd10cm") -> tuple[bool, str]:
    """(ok, message) for a student's answer: a code string or a list of code strings."""
    items = _items(answer)
    if items is None or answer is Ellipsis:
        return False, 'Your answer should be a code in quotes, like "E11.22", or a list of codes like ["I10", "E78.5"].'
    if not [i for i in items if i.strip()]:
        return False, "Your answer is still empty: type the code between the quotes."
    cs = codesets.system(system)
    for item in items:
        code = cs.normalize(item)
        if not cs.well_formed(code):
            return False, f"'{item}' does not look like a code: {cs.FORMAT_HINT}."
    return True, "The answer is well formed. The autograder will check the codes themselves."


def assert_code_form(answer, system: str = "icd10cm") -> None:
    """Raise AssertionError with a student-friendly message if the answer is not shaped like codes."""
    __tracebackhide__ = True  # IPython and pytest show the student's cell, not this frame
    ok, message = looks_like_codes(answer, system)
    assert ok, message
    print(message)
