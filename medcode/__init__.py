"""medcode: the support package of the open medical-coding course.

Official code sets (`medcode.codesets`), answer checking (`medcode.checking`),
notebook widgets (`medcode.widgets`), the program structure (`medcode.program`)
and batch grading around nbgrader (`medcode.grading`). Importing this package is
cheap on purpose: every autograded submission starts a fresh kernel.
"""

__version__ = "0.1.0"
