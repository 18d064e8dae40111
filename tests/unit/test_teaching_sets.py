"""The HCPCS Level II and CPT teaching sets: every row checked, and the look-up interface."""

import pytest

from medcode import codesets
from medcode.codesets import InvalidCodeFormat, UnknownCode, cpt, hcpcs
from medcode.codesets.teaching_set import read_rows


@pytest.mark.parametrize("module", [hcpcs, cpt])
def test_every_row_of_the_teaching_set_is_valid(module):
    rows = read_rows(module.DATA_FILE)
    assert len(rows) >= 150
    assert module.validate(rows) == []


@pytest.mark.parametrize("module", [hcpcs, cpt])
def test_the_validator_catches_bad_rows(module):
    rows = read_rows(module.DATA_FILE)
    bad = [dict(rows[0]), dict(rows[0])]
    bad[1]["section"] = "Radiology" if module is cpt else "Z"
    problems = module.validate(bad)
    assert any("twice" in p for p in problems)
    assert any("section" in p for p in problems)
    assert any("at least 150" in p for p in problems)


def test_hcpcs_has_codes_across_sections_and_common_modifiers():
    rows = hcpcs.load()
    assert {"A", "B", "C", "E", "G", "J", "K", "L", "Q"} <= {r["section"] for r in rows.values()}
    modifiers = {c for c, r in rows.items() if r["kind"] == "modifier"}
    assert len(modifiers) >= 20
    assert {"LT", "RT", "GA", "GY", "GZ", "JW", "JZ", "KX", "QW", "XE", "XP", "XS", "XU", "TC"} <= modifiers


def test_cpt_covers_every_section_and_the_common_modifiers():
    rows = cpt.load()
    sections = {r["section"] for r in rows.values()}
    assert {"Evaluation and Management", "Anesthesia", "Surgery", "Radiology",
            "Pathology and Laboratory", "Medicine", "Modifier"} <= sections
    assert {f"992{n:02d}" for n in range(2, 6)} | {f"9921{n}" for n in range(1, 6)} <= set(rows)
    assert {f"9928{n}" for n in range(1, 6)} <= set(rows)
    assert {"25", "26", "50", "51", "59", "76", "77", "79", "91"} <= set(rows)


def test_cpt_descriptions_do_not_use_ama_phrasing():
    for row in cpt.load().values():
        text = row["plain_description"].lower()
        assert "office or other outpatient visit for the evaluation and management of" not in text
        assert "medical decision making" not in text


def test_records_state_their_source_and_year():
    record = codesets.get("99213", system="cpt")
    assert "own words" in record.extra["description_source"] and "AMA" in record.extra["description_source"]
    assert record.extra["range"] == "99202-99215" and cpt.FISCAL_YEAR == 2026
    lt = codesets.get("-lt", system="hcpcs")
    assert lt.kind == "modifier" and not lt.billable
    assert codesets.get("j1885", system="hcpcs").description.startswith("Injection, ketorolac")


@pytest.mark.parametrize("module, bad, unknown", [(hcpcs, "J18", "J9035"), (cpt, "9921", "99499")])
def test_errors_distinguish_bad_format_from_codes_outside_the_set(module, bad, unknown):
    with pytest.raises(InvalidCodeFormat):
        module.get(bad)
    with pytest.raises(UnknownCode, match="not in the course's teaching set"):
        module.get(unknown)
    assert not module.exists(unknown)


def test_claims_follow_the_shape_of_each_system():
    assert hcpcs.claims("J1885") and hcpcs.claims("LT") and hcpcs.claims("F5")
    assert not hcpcs.claims("25") and not hcpcs.claims("W1234")
    assert cpt.claims("99213") and cpt.claims("3074F") and cpt.claims("0042T") and cpt.claims("25")
    assert not cpt.claims("J1885") and not cpt.claims("9921")
    assert {"hcpcs", "cpt"} <= set(codesets.SYSTEMS)
