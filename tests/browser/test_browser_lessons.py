"""A student works through lesson widgets in a real JupyterLab: look-up, self-check quiz, PCS builder,
DRG explorer. The widget logic is unit-tested elsewhere; these tests prove that the browser renders
the widgets and that typing and choosing in them reaches the kernel and comes back."""

import re

import pytest

pytestmark = pytest.mark.browser

LESSON = "lessons/04-icd10cm-conventions.ipynb"


def test_lesson_04_lookup_and_self_check_answer_a_student(lab):
    with lab.step("open lesson 04 and wait for its kernel"):
        lab.open_notebook(LESSON)
    with lab.step("clear outputs and Run All Cells"):
        lab.run_all()
    with lab.step("every cell ran without an error and both widgets rendered"):
        assert lab.error_outputs() == []
        lab.panel.locator(".medcode-lookup").wait_for()
        lab.panel.locator(".medcode-quiz").wait_for()

    lookup = lab.panel.locator(".medcode-lookup")
    with lab.step("type 'heart attack' into the look-up and press Enter"):
        box = lookup.locator("input[type=text]")
        box.scroll_into_view_if_needed()
        box.fill("heart attack")
        box.press("Enter")
    with lab.step("an I21 code (acute myocardial infarction) is among the results"):
        results = lookup.locator(".widget-select select option")
        results.filter(has_text=re.compile(r"^I21\.\d")).first.wait_for()
        codes = [t.split()[0] for t in results.all_inner_texts()]
        assert any(re.fullmatch(r"I21\.\d+", c) for c in codes), codes
        assert "match" in lookup.locator(".medcode-count").inner_text()
    with lab.step("the first result's tabular entry is shown"):
        title = lookup.locator(".medcode-record-title")
        title.wait_for()
        assert re.match(r"I21\.\d+ \S+ Acute myocardial infarction", title.inner_text()), title.inner_text()
        lookup.locator(".medcode-count").scroll_into_view_if_needed()
        lab.screenshot("lesson04-lookup-heart-attack")

    quiz = lab.panel.locator(".medcode-quiz")
    item = quiz.locator(":scope > .widget-vbox").nth(1)  # 2. Pneumonia; the organism is not documented.
    answer, check = item.locator("input[type=text]"), item.get_by_role("button", name="Check")
    feedback = item.locator(".medcode-feedback")
    with lab.step("self-check item 2 is the pneumonia question"):
        assert "Pneumonia" in item.inner_text()
    with lab.step("answer item 2 wrongly (J18, a heading) and press Check"):
        answer.scroll_into_view_if_needed()
        answer.fill("J18")
        check.click()
    with lab.step("the feedback says 'Not yet' and names a rule"):
        wrong = item.locator(".medcode-feedback.medcode-wrong")
        wrong.wait_for()
        assert "Not yet" in wrong.inner_text()
        assert "Guidelines" in wrong.inner_text()
        lab.screenshot("lesson04-quiz-wrong")
    with lab.step("answer item 2 rightly (J18.9) and press Check"):
        answer.fill("J18.9")
        check.click()
    with lab.step("the feedback turns to 'Correct'"):
        right = item.locator(".medcode-feedback.medcode-correct")
        right.wait_for()
        assert "Correct" in right.inner_text()
        assert feedback.count() == 1 and "medcode-wrong" not in (feedback.get_attribute("class") or "")
        lab.screenshot("lesson04-quiz-right")


def choose(lab, dropdown, char: str) -> None:
    """Pick the option whose value starts with `char` (options read 'D  Gastrointestinal System')."""
    select = dropdown.locator("select")
    lab.page.wait_for_function(
        """([el, ch]) => !el.disabled && [...el.options].some(o => o.value.split(/\\s/)[0] === ch)""",
        arg=[select.element_handle(), char], timeout=20_000)
    values = select.locator("option").evaluate_all("os => os.map(o => o.value)")
    select.select_option(index=[v.split()[0] if v.split() else "" for v in values].index(char))


def test_pcs_builder_builds_the_appendectomy_code_in_the_browser(lab):
    with lab.step("open a scratch notebook with PcsBuilder() and run it"):
        lab.open_notebook("scratch/pcs-builder.ipynb")
        lab.run_all()
        assert lab.error_outputs() == []
    builder = lab.panel.locator(".medcode-pcs-builder")
    with lab.step("the builder renders with the section dropdown first"):
        builder.wait_for()
        assert "Build an ICD-10-PCS code" in builder.inner_text()
    for position, char in enumerate("0DTJ4ZZ", start=1):
        with lab.step(f"choose {char!r} for character {position}"):
            choose(lab, builder.locator(f".medcode-pcs-axis-{position}"), char)
            so_far = "0DTJ4ZZ"[:position]
            if position < 7:
                lab.page.wait_for_function(
                    "([el, code]) => el.textContent.includes(code)",
                    arg=[builder.locator(".medcode-pcs-result").element_handle(), so_far], timeout=20_000)
    with lab.step("the finished code and its title are shown"):
        code = builder.locator(".medcode-pcs-code")
        code.wait_for()
        text = code.inner_text()
        assert text.startswith("0DTJ4ZZ"), text
        assert "Resection of Appendix" in text and "Percutaneous Endoscopic" in text, text
        assert "Resection" in builder.inner_text()  # the root operation's explanation beside it
        lab.screenshot("pcs-builder-0DTJ4ZZ")


def test_drg_explorer_groups_pneumonia_with_acute_kidney_failure(lab):
    with lab.step("open a scratch notebook with DrgExplorer() and run it"):
        lab.open_notebook("scratch/drg-explorer.ipynb")
        lab.run_all()
        assert lab.error_outputs() == []
    explorer = lab.panel.locator(".medcode-drg-explorer")
    with lab.step("type J18.9 as principal and N17.9 as secondary diagnosis, press Group"):
        explorer.get_by_label("Principal dx:").fill("J18.9")
        explorer.get_by_label("Secondary dx:").fill("N17.9")
        explorer.get_by_role("button", name="Group").click()
    with lab.step("the result is MS-DRG 194 (pneumonia with CC)"):
        title = explorer.locator(".medcode-drg-title")
        title.wait_for()
        assert title.inner_text().startswith("MS-DRG 194"), title.inner_text()
    with lab.step("N17.9 is shown as the CC that made the difference (195 without it)"):
        row = explorer.locator(".medcode-drg-severity tr", has_text="N17.9")
        assert "195 (made the difference)" in row.inner_text(), row.inner_text()
        lab.screenshot("drg-explorer-194")
    with lab.step("an invalid code gives a message, not a traceback"):
        explorer.get_by_label("Principal dx:").fill("J18.99")
        explorer.get_by_role("button", name="Group").click()
        explorer.locator(".medcode-error").wait_for()
        assert explorer.locator(".medcode-drg-title").count() == 0
        assert lab.error_outputs() == []
