"""Each validation rule of the program data fires on a copy broken in exactly that way."""

from __future__ import annotations

import pytest
from program_helpers import ProgramCopy, course, item

from medcode.program import validate


@pytest.fixture
def copy(tmp_path):
    return ProgramCopy(tmp_path)


def problems(copy):
    return validate(**copy.kwargs())


def test_unbroken_copy_has_no_problems(copy):
    assert problems(copy) == []


def test_existing_lesson_files_that_are_placed_are_accepted(copy):
    copy.add_lesson_file("04-icd10cm-conventions")
    assert problems(copy) == []


def test_lesson_file_not_in_the_curriculum_is_reported_as_unplaced(copy):
    copy.add_lesson_file("16-risk-adjustment")
    found = problems(copy)
    assert "lessons/16-risk-adjustment.ipynb is not a lesson of any module in modules.yaml" in found
    assert "diploma: lesson 16-risk-adjustment is not placed" in found
    assert "associate: lesson 16-risk-adjustment is not placed" in found


def test_unplaced_curriculum_lesson_is_reported(copy):
    copy.edit_track("associate", lambda t: course(t, "HCC103")["items"].clear())
    assert problems(copy) == ["associate: lesson 03-anatomy-for-coders is not placed"]


def test_planned_catalogue_entry_must_be_placed_in_both_tracks(copy):
    copy.edit_catalogue(lambda c: c.append({"id": "risk-adjustment", "title": "HCC risk adjustment",
                                            "module": "icd10cm", "status": "planned"}))
    assert sorted(problems(copy)) == ["associate: catalogue entry (planned) risk-adjustment is not placed",
                                      "diploma: catalogue entry (planned) risk-adjustment is not placed"]


def test_placed_id_that_is_neither_lesson_nor_catalogue_entry_is_reported(copy):
    copy.edit_track("diploma", lambda t: course(t, "DIP102")["items"].append({"id": "typo-quiz", "week": 3}))
    assert problems(copy) == ["diploma: DIP102 places typo-quiz, which is neither a lesson id nor a catalogue id"]


def test_item_placed_twice_is_reported(copy):
    copy.edit_track("diploma", lambda t: course(t, "DIP102")["items"].append({"id": "terminology", "week": 4}))
    assert any("terminology is placed twice" in p for p in problems(copy))


def test_item_outside_its_course_weeks_is_reported(copy):
    copy.edit_track("diploma", lambda t: item(t, "terminology").update(week=9))
    assert any("terminology in week 9 is outside course DIP102 (weeks 1-5)" in p for p in problems(copy))


def test_course_outside_its_term_is_reported(copy):
    copy.edit_track("diploma", lambda t: course(t, "DIP103").update(weeks=8))
    assert any("course DIP103 (weeks 6-13) is outside term D1 (weeks 1-10)" in p for p in problems(copy))


def test_course_of_unknown_module_is_reported(copy):
    copy.edit_track("diploma", lambda t: course(t, "DIP404").update(module="externship"))
    assert "diploma: course DIP404 teaches unknown module 'externship'" in problems(copy)


def test_prerequisite_module_must_end_before_dependant_starts(copy):
    def overlap(t):
        course(t, "DIP103").update(start_week=5, weeks=6)
        item(t, "03-anatomy-for-coders").update(week=6)
    copy.edit_track("diploma", overlap)
    assert ("diploma: course DIP103 (anatomy) starts in week 5 before its prerequisite DIP102 (terminology) ends in week 5"
            in problems(copy))


def test_new_prerequisite_in_modules_is_enforced(copy):
    copy.edit_modules(lambda m: m["records"]["requires"].append("pathopharm"))
    found = problems(copy)
    assert any("course DIP202 (records) starts in week 11 before its prerequisite DIP201 (pathopharm)" in p for p in found)
    assert any("course HCC104 (records) starts in week 5 before its prerequisite HCC201 (pathopharm)" in p for p in found)


def test_lessons_out_of_numeric_order_are_reported(copy):
    def swap(t):
        item(t, "09-cpt-structure").update(week=25)
        item(t, "08-msdrg-reimbursement").update(week=26)
    copy.edit_track("diploma", swap)
    assert "diploma: lesson 09-cpt-structure (week 25) comes before lesson 08-msdrg-reimbursement (week 26)" in problems(copy)


def test_assignment_before_its_lesson_is_reported(copy):
    copy.edit_track("diploma", lambda t: item(t, "icd10cm-conventions").update(week=14))
    copy.edit_track("diploma", lambda t: item(t, "04-icd10cm-conventions").update(week=15))
    assert "diploma: icd10cm-conventions (week 14) comes before its lesson 04-icd10cm-conventions (week 15)" in problems(copy)


def test_week_over_the_stated_load_is_reported(copy):
    copy.edit_track("diploma", lambda t: course(t, "DIP101").update(hours_per_week=10))
    assert problems(copy) == ["diploma: week 1 has 22 contact hours, over the stated maximum of 20",
                              "diploma: week 2 has 22 contact hours, over the stated maximum of 20"]


def test_lower_stated_load_is_enforced(copy):
    copy.edit_track("associate", lambda t: t.update(max_weekly_hours=16))
    assert problems(copy) and all("over the stated maximum of 16" in p for p in problems(copy))


def test_terms_must_add_up_to_the_stated_months(copy):
    copy.edit_track("diploma", lambda t: t["terms"].append({"id": "D5", "title": "Extra", "weeks": 4, "courses": []}))
    assert problems(copy) == ["diploma: terms total 44 weeks, but 10 months of 4 weeks is 40"]


def test_diploma_must_last_ten_months(copy):
    def longer(t):
        t["months"] = 11
        t["terms"].append({"id": "D5", "title": "Extra", "weeks": 4, "courses": []})
    copy.edit_track("diploma", longer)
    assert problems(copy) == ["diploma: lasts 11 months; the diploma track should total 10"]


def test_associate_must_last_twenty_months(copy):
    def shorter(t):
        t["months"] = 16
        t["weeks_per_month"] = 5
    copy.edit_track("associate", shorter)
    assert problems(copy) == ["associate: lasts 16 months; the associate track should total 20"]


def test_missing_track_file_is_reported(copy):
    (copy.data_dir / "track-associate.yaml").unlink()
    assert f"no track-associate.yaml in {copy.data_dir}" in problems(copy)


def test_catalogue_objective_that_does_not_exist_is_reported(copy):
    copy.edit_catalogue(lambda c: c[0]["objectives"].append("CM-CONV-9"))
    assert problems(copy) == ["catalogue entry icd10cm-conventions cites unknown objective CM-CONV-9"]


def test_catalogue_objective_from_any_module_is_accepted(copy):
    copy.edit_catalogue(lambda c: c[1].update(objectives=["TERM-1", "TERM-2"]))
    assert problems(copy) == []


def test_lesson_objective_that_does_not_exist_is_reported(copy):
    copy.edit_modules(lambda m: m["cpt"]["lessons"]["09-cpt-structure"].append("CPT-9"))
    assert problems(copy) == ["lesson 09-cpt-structure cites unknown objective CPT-9"]


def test_objective_id_defined_twice_is_reported(copy):
    copy.edit_modules(lambda m: m["hcpcs"]["objectives"].update({"CPT-1": "A duplicate."}))
    assert "objective CPT-1 is defined by both cpt and hcpcs" in problems(copy)


def test_catalogue_module_and_lesson_must_exist(copy):
    copy.edit_catalogue(lambda c: c[1].update(module="words", lesson="02-terminology"))
    found = problems(copy)
    assert "catalogue entry terminology names unknown module 'words'" in found
    assert "catalogue entry terminology names unknown lesson '02-terminology'" in found


def test_unknown_required_module_is_reported(copy):
    copy.edit_modules(lambda m: m["capstone"]["requires"].append("billing"))
    assert "module capstone requires unknown module 'billing'" in problems(copy)


def test_missing_key_is_a_problem_not_a_crash(copy):
    copy.edit_track("diploma", lambda t: t.pop("max_weekly_hours"))
    assert problems(copy) == ["track-diploma.yaml: missing key 'max_weekly_hours'"]


def test_unquoted_comma_in_a_flow_title_is_caught(copy):
    path = copy.data_dir / "track-diploma.yaml"
    path.write_text(path.read_text().replace('title: "Compliance, queries and audits"',
                                             "title: Compliance, queries and audits"))
    assert any("course DIP402: unknown keys" in p for p in problems(copy))


def test_ids_of_the_conventions_objectives_are_kept(copy):
    from medcode.program import load_modules

    objectives = load_modules(copy.data_dir)["icd10cm"].objectives
    assert [f"CM-CONV-{n}" for n in range(1, 9)] == [o for o in objectives if o.startswith("CM-CONV")]
