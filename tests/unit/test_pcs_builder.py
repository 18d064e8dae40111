"""The PCS builder offers only valid values and shows the finished code's title."""

import pytest

from medcode.widgets.pcs_builder import PcsBuilder


def test_builder_has_its_css_class_and_starts_with_sections_only():
    builder = PcsBuilder()
    assert "medcode-pcs-builder" in builder._dom_classes
    assert [c["value"] for c in builder.options(1)][:3] == ["0", "1", "2"]
    assert all(not builder.options(n) for n in range(2, 8))
    assert builder.dropdowns[1].disabled


def test_choosing_axis_by_axis_builds_the_appendectomy_code():
    builder = PcsBuilder()
    for axis, value in [("Section", "0"), ("Body System", "D"), ("Root Operation", "T"), ("Body Part", "J"),
                        ("Approach", "4"), ("Device", "Z"), ("Qualifier", "Z")]:
        builder.choose(axis, value)
    assert builder.code == "0DTJ4ZZ"
    assert builder.record.description == "Resection of Appendix, Percutaneous Endoscopic Approach"
    assert "Resection of Appendix" in builder.result.value


def test_each_dropdown_offers_only_values_valid_after_the_prefix():
    builder = PcsBuilder()
    builder.build("0DTJ")
    assert [c["value"] for c in builder.options(5)] == ["0", "4", "7", "8"]


def test_definition_of_a_choice_is_shown_beside_it():
    builder = PcsBuilder()
    builder.build("0DT")
    assert "Cutting out or off, without replacement" in builder.definitions[2].value
    assert builder.dropdowns[2].description == "3. Root Operation"


def test_changing_an_earlier_character_clears_the_later_ones():
    builder = PcsBuilder()
    builder.build("0DTJ4ZZ")
    builder.choose(3, "B")
    assert builder.code == "0DB" and builder.record is None
    assert builder.options(4) and not builder.options(5)


def test_a_value_not_in_the_table_is_refused():
    builder = PcsBuilder()
    builder.build("0DTJ")
    with pytest.raises(ValueError, match="not offered"):
        builder.choose("Approach", "3")


def test_axis_names_follow_the_section():
    builder = PcsBuilder()
    record = builder.build("5A1955Z")
    assert record.code == "5A1955Z"
    assert builder.axis_names()[4] == "Duration"


def test_reset_starts_again():
    builder = PcsBuilder()
    builder.build("0DTJ4ZZ")
    builder.reset()
    assert builder.code == "" and "7 characters to choose" in builder.result.value
