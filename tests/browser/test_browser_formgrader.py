"""An instructor opens nbgrader's formgrader from JupyterLab's menu and finds the graded sample class.

What the pages should show is read from the course the demo graded (its submitted/ folders and its
gradebook), so the test follows the sample class as it grows."""

import re

import pytest

pytestmark = pytest.mark.browser

ASSIGNMENT = "icd10cm-conventions"


def graded_scores(course) -> dict[str, str]:
    """Student id -> score as the formgrader prints it ("17.5 / 20"), for every autograded submission."""
    from nbgrader.api import Gradebook

    with Gradebook(f"sqlite:///{course / 'gradebook.db'}") as gb:
        return {s.student.id: f"{round(s.score, 2):g} / {round(s.max_score, 2):g}"
                for s in gb.assignment_submissions(ASSIGNMENT)}


def test_formgrader_lists_the_assignment_and_the_graded_submissions(graded_course, lab):
    with lab.step("the course root holds the demo's gradebook and submissions"):
        submitted = sorted(p.name for p in (graded_course / "submitted").iterdir() if p.is_dir())
        scores = graded_scores(graded_course)
        assert "s01-ada" in scores and len(scores) >= 10, scores
    with lab.step("open JupyterLab"):
        lab.goto()
    with lab.step("menu Nbgrader > Formgrader opens the formgrader in a tab"):
        lab.menu("Nbgrader", "Formgrader")
        lab.page.locator(".lm-TabBar-tab.jp-mod-current").filter(has_text="Formgrader").wait_for()
        frame = lab.page.frame_locator(".jp-MainAreaWidget:not(.lm-mod-hidden) iframe")
        frame.locator("h1", has_text="Manage Assignments").wait_for()
    with lab.step(f"Manage Assignments lists {ASSIGNMENT} with one submission per student folder"):
        row = frame.locator("tbody tr").filter(has=frame.locator("td", has_text=ASSIGNMENT)).first
        link = row.get_by_role("link", name=str(len(submitted)), exact=True)
        link.wait_for()
        assert row.locator("td").first.inner_text().strip() == ASSIGNMENT
        assert frame.locator("#warning-exchange").count() == 0  # the exchange folder exists
        lab.screenshot("formgrader-manage-assignments")
    with lab.step("click the number of submissions to open Manage Submissions"):
        link.click()
        frame.locator("h1", has_text="Manage Submissions").wait_for()
    with lab.step("Manage Submissions lists every graded student with the gradebook's score"):
        rows = frame.locator("tbody tr")
        frame.locator("tbody td", has_text="s01-ada").first.wait_for()
        shown = {}
        for text in rows.all_inner_texts():
            student = next((s for s in submitted if re.search(rf"\b{re.escape(s)}\b", text)), None)
            if student:
                shown[student] = text
        missing = sorted(set(scores) - set(shown))
        assert not missing, f"graded students not listed: {missing}"
        wrong = {s: shown[s] for s, score in scores.items() if score not in shown[s]}
        assert not wrong, f"scores differ from the gradebook {scores}: {wrong}"
        lab.screenshot("formgrader-manage-submissions")
