"""`medcode drg`: JSON and text output, exit status 2 on a bad code."""

import json

import pytest

from medcode.cli import main


def run(capsys, *argv):
    status = main(["drg", *argv])
    out, err = capsys.readouterr()
    return status, out, err


def test_json_output_names_drg_weight_and_severity_of_each_secondary(capsys):
    status, out, _ = run(capsys, "--pdx", "J18.9", "--sdx", "N17.9", "--sdx", "E11.65", "--json")
    data = json.loads(out)
    assert status == 0
    assert (data["drg"], data["mdc"], data["weight"], data["gmlos"], data["amlos"]) == (194, 4, 0.8059, 2.8, 3.4)
    assert data["title"] == "Simple Pneumonia and Pleurisy with CC"
    assert [(d["code"], d["severity"], d["excluded"]) for d in data["secondary"]] == [
        ("N17.9", "CC", False), ("E11.65", "none", False)]


def test_json_marks_an_excluded_mcc(capsys):
    _, out, _ = run(capsys, "--pdx", "A41.9", "--sdx", "R65.20", "--proc", "5A1955Z", "--json")
    data = json.loads(out)
    assert data["drg"] == 870
    assert data["secondary"][0]["excluded"] and data["secondary"][0]["counts_as"] == "none"
    assert data["procedures"][0]["is_or"]


def test_discharge_status_and_patient_fields_reach_the_grouper(capsys):
    _, out, _ = run(capsys, "--pdx", "I21.4", "--discharge-status", "20", "--age", "80", "--sex", "f", "--json")
    assert json.loads(out)["drg"] == 285


def test_text_output_shows_drg_title_weight_and_severity(capsys):
    status, out, _ = run(capsys, "--pdx", "N17.9", "--sdx", "N17.0")
    assert status == 0
    assert "MS-DRG 684" in out and "Renal Failure without CC/MCC" in out
    assert "relative weight 0.6003" in out and "EXCLUDED" in out


@pytest.mark.parametrize("argv", [
    ["--pdx", "J18"], ["--pdx", "Q99.99"], ["--pdx", "J18.9", "--sdx", "XYZ"],
    ["--pdx", "J18.9", "--proc", "0DTJ4ZY"], ["--pdx", "J18.9", "--age", "130"],
])
def test_bad_input_prints_one_line_and_exits_2(capsys, argv):
    status, out, err = run(capsys, *argv)
    assert status == 2 and out == ""
    assert err.startswith("medcode: ") and err.count("\n") == 1
