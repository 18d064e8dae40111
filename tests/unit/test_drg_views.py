"""The lesson 08 views show the grouper's DRGs and Table 5's weights, deterministically."""

from decimal import Decimal

import pytest

from medcode.codesets import msdrg, msdrg_tables
from medcode.codesets.record import CodeError
from medcode.widgets.drg_views import (ILLUSTRATIVE_BASE_RATE, claim, compare_claims, drg_explorer, drg_family,
                                       grouping_steps, payment, payment_sum, payment_table,
                                       poa_indicators, poa_table, weight_chart)
from medcode.widgets.quiz import load_questions


def test_family_table_reads_table5_in_drg_order():
    table = drg_family(195, 193, 194)
    assert list(table.index) == ["193", "194", "195"]
    for drg in (193, 194, 195):
        row = msdrg_tables.table5()[drg]
        assert table.loc[f"{drg:03d}", "relative weight"] == row.weight
        assert table.loc[f"{drg:03d}", "geometric mean stay (days)"] == row.gmlos
    assert set(table["type"]) == {"medical"}


def test_unknown_drg_is_a_clear_error():
    with pytest.raises(CodeError, match="Table 5"):
        drg_family(1000)


LESSON_CLAIMS = [  # the CMS reference answers the lesson walks through (FIELD_NOTES, v43.1, age 70, male)
    (claim("J18.9"), "195"),
    (claim("J18.9", sdx=["N17.9"]), "194"),
    (claim("J18.9", sdx=["J96.01"]), "193"),
    (claim("A41.9", sdx=["R65.20"]), "872"),
    (claim("A41.9", sdx=["R65.20"], procedures=["5A1955Z"]), "870"),
    (claim("N17.9", sdx=["N17.0"]), "684"),
    (claim("K35.80", procedures=["0DTJ4ZZ"]), "399"),
    (claim("M16.11", procedures=["0SR9019"]), "470"),
    (claim("M16.11", sdx=["J96.01"], procedures=["0SR9019"]), "469"),
    (claim("I21.4"), "282"),
    (claim("I21.4", discharge_status=20), "285"),
]


def test_compare_claims_keeps_order_and_matches_the_cms_reference_answers():
    table = compare_claims(*(c for c, _ in LESSON_CLAIMS))
    assert list(table["MS-DRG"]) == [drg for _, drg in LESSON_CLAIMS]
    assert list(table["relative weight"]) == [msdrg_tables.table5()[int(d)].weight for _, d in LESSON_CLAIMS]


def test_compare_claims_says_what_decided_each_drg():
    why = list(compare_claims(claim("J18.9"), claim("J18.9", sdx=["N17.9"]), claim("A41.9", sdx=["R65.20"]),
                              claim("K35.80", procedures=["0DTJ4ZZ"]),
                              claim("I21.4", discharge_status=20))["what decided it"])
    assert why[0] == "principal diagnosis only"
    assert why[1] == "N17.9 is a CC"
    assert why[2] == "R65.20 is an MCC, excluded with this principal diagnosis: counts as none"
    assert "operating-room procedure: surgical DRG" in why[3]
    assert why[4] == "discharge status 20: expired (died)"


def test_grouping_steps_follow_the_grouper_order():
    steps = grouping_steps("M16.11", ["J96.01"], ["0SR9019"])
    assert list(steps.index) == ["1. principal diagnosis", "2. procedures", "3. secondary diagnoses",
                                 "4. discharge status", "MS-DRG"]
    assert steps.loc["1. principal diagnosis", "finds"].startswith("MDC 8:")
    assert "surgical DRG" in steps.loc["2. procedures", "finds"]
    assert steps.loc["3. secondary diagnoses", "finds"].endswith("highest level that counts: MCC")
    assert steps.loc["MS-DRG", "looks at"] == "469"
    assert "relative weight 3.0332" in steps.loc["MS-DRG", "finds"]


def test_excluded_mcc_counts_as_none_in_the_steps():
    steps = grouping_steps("A41.9", ["R65.20"])
    assert steps.loc["3. secondary diagnoses", "finds"] == \
        "R65.20 MCC but excluded: counts as none -> highest level that counts: none"
    assert steps.loc["2. procedures", "finds"] == "no operating-room procedure: medical DRG"


def test_weight_chart_is_a_png_with_a_stable_repr():
    chart = weight_chart(195, 193, 194)
    assert repr(chart) == "<MS-DRG FY2026 relative weights of 193, 194, 195 (bar chart)>"
    assert chart._repr_png_().startswith(b"\x89PNG")
    ax = chart.figure.axes[0]
    assert [t.get_text() for t in ax.get_yticklabels()] == ["195 without CC/MCC", "194 with CC", "193 with MCC"]
    assert ax.get_title() == "MS-DRG family: Simple pneumonia and pleurisy"


def test_payment_is_weight_times_rate_rounded_to_the_cent():
    assert payment(1.3144, 6000) == Decimal("7886.40")
    assert payment(0.6285, 5123.45) == Decimal("3220.09")  # 3220.08832... rounds up
    table = payment_table(195, 193)
    assert list(table.index) == ["193", "195"]
    assert table.loc["193", "= payment"] == f"${payment(msdrg_tables.table5()[193].weight):,.2f}"
    assert set(table["x base rate (illustrative)"]) == {f"${ILLUSTRATIVE_BASE_RATE:,.2f}"}
    assert "illustrative base rate" in payment_sum(193).data


def test_poa_indicator_decides_whether_a_hac_keeps_its_mcc():
    table = poa_table("M16.11", "I26.99", procedures=["0SR9019"])
    assert list(table.index) == ["Y", "N", "U", "W"]
    assert dict(table["MS-DRG"]) == {"Y": "469", "N": "470", "U": "470", "W": "469"}
    assert table.loc["N", "hospital-acquired condition?"].startswith("HAC 10: Deep Vein Thrombosis")
    assert table.loc["Y", "hospital-acquired condition?"].startswith("no")


def test_poa_without_a_hac_changes_nothing():
    assert msdrg.group("J18.9", ["J96.01"], poa={"J96.01": "N"}).drg == msdrg.group("J18.9", ["J96.01"]).drg


def test_grouping_rejects_a_poa_indicator_the_grouper_does_not_take():
    with pytest.raises(CodeError, match="POA indicator"):
        msdrg.group("J18.9", ["J96.01"], poa={"J96.01": "1"})


def test_a_hac_not_present_on_admission_is_named_on_its_secondary_diagnosis():
    result = msdrg.group("M16.11", ["I26.99"], ["0SR9019"], poa={"I26.99": "N"})
    assert result.drg == 470 and result.secondary[0].hac.startswith("HAC 10")
    assert result.secondary[0].poa == "N"


def test_poa_indicators_lists_the_five_cms_values():
    assert list(poa_indicators().index) == ["Y", "N", "U", "W", "1"]


def test_explorer_comes_grouped_with_a_stable_repr():
    assert repr(drg_explorer("J18.9", "N17.9, J96.01")) == "DrgExplorer(drg=193)"
    assert repr(drg_explorer()) == "DrgExplorer(drg=None)"


QUIZ = load_questions("08-msdrg-reimbursement")


@pytest.mark.parametrize("question", [q for q in QUIZ if "claim" in q], ids=lambda q: str(q["key"]))
def test_quiz_keys_are_what_the_grouper_says(question):
    c = claim(**question["claim"])
    result = msdrg.group(c["pdx"], c["sdx"], c["procedures"])
    if question["counts_as"] == "surgical":
        assert result.type == "SURG"
        without = msdrg.impact(c["pdx"], c["sdx"], c["procedures"])[question["key"]]
        assert msdrg_tables.table5()[without].type != "SURG"
        return
    secondary = {d.code: d for d in result.secondary}
    if question["counts_as"] == "excluded":
        assert [code for code, d in secondary.items() if d.excluded] == [question["key"]]
    else:
        assert [code for code, d in secondary.items() if d.counts_as == question["counts_as"]] == [question["key"]]
