"""The medcode command: JSON shapes, readable text, and exit status 2 with one line on bad input."""

import json
import subprocess
import sys

from medcode.cli import main


def test_code_json_has_the_documented_keys(capsys):
    assert main(["code", "E11.22", "--json"]) == 0
    record = json.loads(capsys.readouterr().out)
    assert {"code", "description", "billable", "system", "parents", "notes"} <= set(record)
    assert record["parents"][-1]["code"] == "E11.2"
    assert "use_additional_code" in record["notes"]


def test_lookup_json_is_a_ranked_array(capsys):
    assert main(["lookup", "strep", "throat", "--limit", "3", "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    assert 1 <= len(rows) <= 3 and rows[0]["code"] == "J02.0"
    assert set(rows[0]) == {"code", "description", "billable", "system"}


def test_malformed_and_unknown_codes_exit_2_without_traceback():
    for code in ("E11-22", "Q99.99"):
        proc = subprocess.run([sys.executable, "-m", "medcode", "code", code], capture_output=True, text=True)
        assert proc.returncode == 2
        assert proc.stderr.startswith("medcode: ") and "Traceback" not in proc.stderr


def test_text_output_shows_notes_with_their_source(capsys):
    main(["code", "E11.22"])
    out = capsys.readouterr().out
    assert "use additional code [E11.22]" in out and "excludes1 [E11]" in out
