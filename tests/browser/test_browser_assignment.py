"""A student answers the released assignment in JupyterLab and presses nbgrader's Validate button."""

import re

import pytest

pytestmark = pytest.mark.browser

NOTEBOOK = "release/icd10cm-conventions/icd10cm-conventions.ipynb"

# Well-formed answers, typed as a student would (validation checks the form only; keys stay hidden).
ANSWERS = {
    1: 'q1 = "E11"', 2: 'q2 = "E11.42"', 3: 'q3 = "S72.001D"', 4: 'q4 = "T36.0X1A"', 5: 'q5 = "J18.9"',
    6: 'q6 = ["E10.9"]', 7: 'q7 = ["F41.1", "F43.0"]', 8: 'q8 = ["E11.22", "N18.31"]', 9: 'q9 = "J02.0"',
    10: 'q10 = "I21.4"',
}
MALFORMED = 'q3 = "hip fracture"'


def validate(lab):
    """Press Validate in the notebook toolbar; return the 'Validation Results' dialog once it has its verdict."""
    lab.panel.locator("jp-button.validate-button").click()
    dialog = lab.page.locator(".jp-Dialog").filter(has_text="Validation Results")
    dialog.locator(".validation-success, .validation-failed, .validation-changed, .validation-passed"
                   ).first.wait_for(timeout=90_000)
    return dialog


def close(dialog):
    dialog.locator(".jp-Dialog-button.jp-mod-accept").click()
    dialog.wait_for(state="detached")


def test_validate_passes_well_formed_answers_and_flags_a_malformed_one(lab):
    with lab.step("open the released assignment and wait for its kernel"):
        lab.open_notebook(NOTEBOOK)
    with lab.step("the notebook toolbar has nbgrader's Validate button"):
        assert lab.panel.locator("jp-button.validate-button").inner_text().strip() == "Validate"
    for n, line in ANSWERS.items():
        with lab.step(f"type answer {n} into its solution cell"):
            cell = lab.code_cell(re.compile(rf"^q{n} = "))
            assert cell.count() == 1, f"{cell.count()} cells start with 'q{n} = '"
            lab.type_into_cell(cell, line)
            assert lab.cell_text(cell) == line
    with lab.step("Run All Cells: every cell runs and no check cell fails"):
        lab.run_all()
        assert lab.error_outputs() == []
        checks = lab.panel.locator(".jp-CodeCell").filter(has_text="The answer is well formed")
        assert checks.count() == len(ANSWERS)
    with lab.step("save the notebook"):
        lab.save()
    with lab.step("Validate reports success"):
        dialog = validate(lab)
        assert dialog.locator(".validation-success").count() == 1, dialog.inner_text()
        assert "Success! Your notebook passes all the tests." in dialog.inner_text()
        lab.screenshot("assignment-validate-success")
        close(dialog)

    with lab.step("replace answer 3 by words that are not a code and run that cell and its check"):
        cell = lab.code_cell(re.compile(r"^q3 = "))
        lab.type_into_cell(cell, MALFORMED)
        cell.locator(".jp-InputArea-prompt").click()
        lab.page.keyboard.press("Shift+Enter")  # the answer cell, then its check cell
        lab.page.keyboard.press("Shift+Enter")
        lab.wait_run_done(all_numbered=False)
        assert any("does not look like a code" in e for e in lab.error_outputs()), lab.error_outputs()
    with lab.step("save the notebook"):
        lab.save()
    with lab.step("Validate reports the failed check with its message"):
        dialog = validate(lab)
        text = dialog.inner_text()
        assert dialog.locator(".validation-failed").count() == 1, text
        assert "The following cell failed" in text
        assert "assert_code_form(q3)" in text
        assert "'hip fracture' does not look like a code" in text, text
        assert "Success" not in text
        # the student-facing message ends the traceback: scroll the dialog down to it for the picture
        dialog.locator(".jp-Dialog-body").evaluate("body => body.scrollTop = body.scrollHeight")
        lab.screenshot("assignment-validate-failure")
        close(dialog)
