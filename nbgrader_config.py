"""nbgrader configuration of the course: the one place for course id, paths, markers and limits."""

c = get_config()  # noqa: F821 (provided by nbgrader)

c.CourseDirectory.course_id = "medical-coding"
c.CourseDirectory.source_directory = "source"
c.CourseDirectory.release_directory = "release"
c.CourseDirectory.submitted_directory = "submitted"
c.CourseDirectory.autograded_directory = "autograded"
c.CourseDirectory.feedback_directory = "feedback"

# Solutions and hidden tests use nbgrader's standard markers.
c.ClearSolutions.begin_solution_delimeter = "BEGIN SOLUTION"
c.ClearSolutions.end_solution_delimeter = "END SOLUTION"
# Students type answers on a line given above the solution region; nothing replaces it.
c.ClearSolutions.code_stub = {"python": "# (type your answer on the line above)"}
c.ClearHiddenTests.begin_test_delimeter = "BEGIN HIDDEN TESTS"
c.ClearHiddenTests.end_test_delimeter = "END HIDDEN TESTS"

# Limits per submission (medcode.grading.limits.GradingLimits). `medcode grade` enforces all four;
# plain `nbgrader autograde` only the per-cell timeout copied below. A check takes well under a second,
# so an endless loop costs only the items that depend on its cell.
c.GradingLimits.cell_timeout = 10  # seconds per cell, then the kernel is interrupted (or replaced)
c.GradingLimits.notebook_timeout = 120  # seconds for a whole notebook; later cells are not run
c.GradingLimits.memory_mb = 1024  # address-space cap of the kernel process (RLIMIT_AS)
c.GradingLimits.output_chars = 20000  # characters kept of each cell's output
c.ExecutePreprocessor.timeout = c.GradingLimits.cell_timeout
c.ExecutePreprocessor.interrupt_on_timeout = True
c.Execute.timeout = c.GradingLimits.cell_timeout
c.Execute.interrupt_on_timeout = True

# Feedback never shows hidden tests (keys live there): ScrubHiddenOutputs removes hidden lines and
# keys from tracebacks in the outputs (ClearHiddenTests alone only clears the cell sources).
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, GetGrades  # noqa: E402

from medcode.grading.feedback_safety import ScrubHiddenOutputs  # noqa: E402

c.GenerateFeedback.preprocessors = [ScrubHiddenOutputs, GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]

c.Exchange.root = "build/exchange"
