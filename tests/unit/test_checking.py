"""Each auditor rule of medcode.checking fires where it should, scores partial credit, and hides the key."""

import pytest

from medcode.checking import RULES, assert_code_form, check, grade_item, looks_like_codes


def rules(answer, key, **kw):
    return check(answer, key, **kw).rules


def test_exact_match_scores_full_points():
    result = check("E11.22", "E11.22", points=2)
    assert result.score == 2 and result.rules == ["exact"] and result.correct


def test_answers_are_normalized_for_case_spaces_and_missing_dot():
    assert check("  e11.22 ", "E11.22").correct
    assert check(["e1122"], ["E11.22"]).correct


def test_invalid_format_scores_zero():
    result = check("E11-22", "E11.22")
    assert result.score == 0 and "invalid_format" in result.rules


def test_unknown_code_scores_zero():
    result = check("Q99.99", "E11.22")
    assert result.score == 0 and "unknown_code" in result.rules


def test_header_code_is_not_billable_and_less_specific():
    result = check("E11.2", "E11.22", points=2)
    assert {"less_specific", "not_billable"} <= set(result.rules)
    assert result.score == 1.0


def test_unspecified_sibling_is_less_specific():
    assert rules("I21.9", "I21.4") == ["less_specific"]


def test_specified_sibling_is_wrong_code_with_small_credit():
    result = check("E11.21", "E11.22", points=4)
    assert result.rules == ["wrong_code"] and result.score == 1.0


def test_code_from_another_category_earns_nothing():
    assert check("J15.9", "J18.9").score == 0


@pytest.mark.parametrize("answer", ["S72.001A", "S72.001", "S72.001Z"])
def test_wrong_or_missing_seventh_character(answer):
    result = check(answer, "S72.001D", points=2)
    assert "seventh_character" in result.rules and result.score == 1.0


@pytest.mark.parametrize("answer", ["T36.01A", "T36.0X1"])
def test_missing_placeholder_x_is_a_seventh_character_finding(answer):
    assert "seventh_character" in rules(answer, "T36.0X1A")


def test_missing_required_code():
    result = check(["E11.22"], ["E11.22", "N18.31"], points=2)
    assert "missing_code" in result.rules and result.score == 1.0


def test_extra_code_costs_half_a_slot():
    result = check(["J18.9", "R05.9"], "J18.9", points=2)
    assert "extra_code" in result.rules and result.score == 1.0


def test_excludes1_conflict_between_two_submitted_codes():
    result = check(["E10.9", "E11.22"], ["E10.9", "E11.22"])
    assert "excludes1" not in result.rules  # the key itself reports both: no finding
    result = check(["E11.22", "E10.9"], ["E11.22", "E10.22"])
    assert "excludes1" in result.rules


def test_excludes1_pair_is_named_in_the_finding():
    finding = next(f for f in check(["E10.9", "E11.9"], "E10.9").findings if f.rule == "excludes1")
    assert "E10.9" in finding.message and "E11.9" in finding.message and finding.guideline == "I.A.12.a"


def test_wrong_sequencing_when_order_matters():
    result = check(["N18.31", "E11.22"], ["E11.22", "N18.31"], points=2, ordered=True)
    assert "sequencing" in result.rules and result.score == 1.5
    assert "sequencing" not in rules(["N18.31", "E11.22"], ["E11.22", "N18.31"], ordered=False)


def test_score_stays_between_zero_and_points():
    result = check(["A00.0", "B00.1", "C00.0"], "E11.22", points=3)
    assert result.score == 0


def test_alternatives_in_a_key_slot_are_each_accepted():
    assert check("I21.4", [("I21.4", "I21.A1")]).correct
    assert check("I21.A1", [("I21.4", "I21.A1")]).correct


def test_blank_answer_is_a_missing_code():
    assert check("", "I10").rules == ["missing_code"]
    assert check([], ["I10"]).score == 0


def test_every_finding_cites_a_guideline_and_feedback_never_shows_the_key():
    result = check(["E11.9", "N18.9"], ["E11.22", "N18.31"], points=2, ordered=True)
    text = result.feedback()
    assert "E11.22" not in text and "N18.31" not in text
    for f in result.findings:
        assert f.rule in RULES and f.guideline


def test_grade_item_prints_feedback_and_returns_the_score(capsys):
    assert grade_item("E11.2", "E11.22", points=2) == 1.0
    out = capsys.readouterr().out
    assert "less_specific" in out and "E11.22" not in out


def test_form_check_accepts_codes_and_rejects_everything_else():
    assert looks_like_codes("E11.22")[0]
    assert looks_like_codes(["I10", "e78.5"])[0]
    for bad in ("", [], "diabetes", 5, None, ["E11.22", 3]):
        ok, message = looks_like_codes(bad)
        assert not ok and message
    with pytest.raises(AssertionError, match="still empty"):
        assert_code_form("")


def test_pcs_answer_names_the_axis_that_is_wrong_and_cites_pcs_guidelines():
    result = check("0DTJ0ZZ", "0DTJ4ZZ", points=2)
    finding = result.findings[0]
    assert finding.rule == "wrong_code" and "approach" in finding.message
    assert finding.guideline.startswith("PCS") and "0DTJ4ZZ" not in finding.message
    assert result.score == 0.5


def test_pcs_wrong_root_operation_is_not_a_seventh_character_finding():
    result = check("0FB03ZZ", "0FB03ZX")
    assert result.rules == ["wrong_code"] and "qualifier" in result.findings[0].message


def test_pcs_missing_procedure_speaks_of_a_procedure():
    result = check(["0FT40ZZ"], ["0FT40ZZ", "0FJ44ZZ"], ordered=True)
    missing = next(f for f in result.findings if f.rule == "missing_code")
    assert "procedure" in missing.message and missing.guideline == "PCS B3.2"


def test_cpt_level_in_the_same_family_earns_a_little():
    result = check("99214", "99213", system="cpt")
    assert result.rules == ["wrong_code"] and result.score == 0.25
