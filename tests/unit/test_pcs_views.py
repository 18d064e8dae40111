"""The PCS lesson views explain codes from the code set, in a stable order."""

import pytest

from medcode.codesets import icd10pcs
from medcode.codesets.record import UnknownCode
from medcode.widgets import pcs_views
from medcode.widgets.pcs_views import (ROOT_OPERATION_GROUPS, approaches_table, axis_table, codes_table,
                                       root_operations_table, section_chart, section_counts, values_table)


def test_axis_table_takes_the_appendectomy_apart_character_by_character():
    table = axis_table("0DTJ4ZZ")
    assert list(table.index) == [1, 2, 3, 4, 5, 6, 7]
    assert list(table["axis"]) == ["Section", "Body System", "Root Operation", "Body Part", "Approach", "Device",
                                   "Qualifier"]
    assert "".join(table["value"]) == "0DTJ4ZZ"
    assert list(table["meaning"])[:4] == ["Medical and Surgical", "Gastrointestinal System", "Resection", "Appendix"]
    assert table.loc[3, "definition"] == "Cutting out or off, without replacement, all of a body part"
    assert table.loc[6, "meaning"] == "No Device" and table.loc[7, "meaning"] == "No Qualifier"


def test_axis_table_refuses_a_code_that_is_not_in_the_tables():
    with pytest.raises(UnknownCode):
        axis_table("0DTJ3ZZ")


def test_grouping_covers_each_medical_and_surgical_root_operation_once():
    grouped = [name for _, names in ROOT_OPERATION_GROUPS for name in names]
    assert len(grouped) == len(set(grouped)) == 31
    assert set(grouped) == set(pcs_views._root_operations())


def test_root_operations_table_gives_definitions_in_group_order():
    table = root_operations_table()
    assert len(table) == 31 and table["definition"].str.len().min() > 20
    pair = root_operations_table(("Resection", "Excision"))
    assert list(pair["root operation"]) == ["Excision", "Resection"]
    assert list(pair["value"]) == ["B", "T"]
    assert "a portion of a body part" in pair["definition"].iloc[0]
    assert "all of a body part" in pair["definition"].iloc[1]


def test_approaches_table_shows_each_example_codes_approach():
    table = approaches_table(["0DTJ0ZZ", "0DTJ4ZZ"])
    assert list(table.index) == ["0", "4"]
    assert list(table["approach"]) == ["Open", "Percutaneous Endoscopic"]
    assert table.loc["4", "example"].startswith("0DTJ4ZZ Resection of Appendix")


def test_values_table_lists_what_the_table_allows_next():
    devices = values_table("0SR90")
    assert devices.columns.tolist() == ["device"]
    assert devices.loc["1", "device"] == "Synthetic Substitute, Metal"
    assert list(devices.index) == sorted(devices.index)
    assert values_table("0SR901").to_dict()["qualifier"] == {"9": "Cemented", "A": "Uncemented", "Z": "No Qualifier"}


def test_codes_table_keeps_a_reporting_order_and_expands_a_prefix_sorted():
    assert list(codes_table(["0FT40ZZ", "0FJ44ZZ"]).index) == ["0FT40ZZ", "0FJ44ZZ"]
    under = codes_table("0DTJ")
    assert "0DTJ4ZZ" in under.index and list(under.index) == sorted(under.index)
    assert set(under["root operation"]) == {"Resection"}


def test_section_counts_add_up_to_the_code_set():
    counts = section_counts()
    assert list(counts.index) == list(icd10pcs.SECTIONS)
    assert counts["codes"].sum() == icd10pcs.count()
    assert counts["codes"].idxmax() == "0"


def test_section_chart_has_a_stable_text_form_and_a_png():
    picture = section_chart()
    assert repr(picture) == f"<ICD-10-PCS FY{icd10pcs.FISCAL_YEAR}: valid codes per section (bar chart)>"
    assert picture._repr_png_().startswith(b"\x89PNG")
