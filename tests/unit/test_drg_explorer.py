"""The DRG explorer groups the typed codes and shows which code made the difference."""

from medcode.widgets.drg_explorer import DrgExplorer, split_codes


def test_explorer_has_its_css_class():
    assert "medcode-drg-explorer" in DrgExplorer()._dom_classes


def test_run_shows_drg_title_and_weight():
    explorer = DrgExplorer()
    result = explorer.run("J18.9", "N17.9, E11.65")
    assert result.drg == 194
    assert "MS-DRG 194" in explorer.output.value and "0.8059" in explorer.output.value


def test_severity_table_names_the_code_that_made_the_difference():
    explorer = DrgExplorer()
    explorer.run("J18.9", ["N17.9", "E11.65"])
    assert explorer.without == {"N17.9": 195, "E11.65": 194}
    assert "195 (made the difference)" in explorer.output.value
    assert explorer.output.value.count("made the difference") == 1


def test_procedure_and_excluded_mcc_are_shown():
    explorer = DrgExplorer()
    explorer.run("A41.9", "R65.20", "5A1955Z")
    assert explorer.result.drg == 870
    assert "MCC (excluded: counts as none)" in explorer.output.value and ">OR<" in explorer.output.value


def test_discharge_status_changes_the_drg():
    assert DrgExplorer().run("I21.4", discharge_status=20).drg == 285


def test_a_bad_code_shows_one_message_and_no_result():
    explorer = DrgExplorer()
    assert explorer.run("J18.9", "Q99.99") is None
    assert "Q99.99" in explorer.message.value and explorer.output.value == ""


def test_codes_are_split_on_commas_semicolons_and_spaces():
    assert split_codes("N17.9, E11.65;J96.01  I10\n") == ["N17.9", "E11.65", "J96.01", "I10"]
