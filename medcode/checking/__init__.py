"""Score a student's codes against a key the way a coding auditor would.

    >>> from medcode.checking import check
    >>> check("E11.2", "E11.22").findings[0].rule
    'less_specific'

Every finding names its rule and the guideline section behind it, never the key.
"""

from medcode.checking.checker import CheckResult, Finding, check
from medcode.checking.forms import assert_code_form, looks_like_codes
from medcode.checking.grade import grade_item
from medcode.checking.rules import RULES

__all__ = ["CheckResult", "Finding", "RULES", "assert_code_form", "check", "grade_item", "looks_like_codes"]
