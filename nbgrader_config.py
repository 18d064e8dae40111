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

# Limits per submission. Per-cell timeout in seconds: a check takes well under one, and an
# endless loop costs only the items that depend on its cell.
c.ExecutePreprocessor.timeout = 10
c.ExecutePreprocessor.interrupt_on_timeout = True
c.Execute.timeout = 10
c.Execute.interrupt_on_timeout = True

# Feedback never shows hidden tests (keys live there).
from nbconvert.preprocessors import CSSHTMLHeaderPreprocessor  # noqa: E402
from nbgrader.preprocessors import ClearHiddenTests, GetGrades  # noqa: E402

c.GenerateFeedback.preprocessors = [GetGrades, CSSHTMLHeaderPreprocessor, ClearHiddenTests]

c.Exchange.root = "build/exchange"
