"""Career figures: every figure has a value, unit, year (or period) and source; the lesson views are stable."""

from __future__ import annotations

import copy
import re
from pathlib import Path

import pytest
import yaml

from medcode.program.career import (CareerDataError, default_path, load_labor_market, validate)
from medcode.widgets.career_views import (credentials_table, headline_table, pay_chart, pay_figure, pay_table, projections_table, set_aside_table, tracks_table, trends_table)

RAW = yaml.safe_load(default_path().read_text(encoding="utf-8"))


def broken(tmp_path: Path, change) -> Path:
    raw = copy.deepcopy(RAW)
    change(raw)
    path = tmp_path / "labor-market.yaml"
    path.write_text(yaml.safe_dump(raw, sort_keys=False), encoding="utf-8")
    return path


def test_the_real_file_validates():
    assert validate(RAW) == []
    data = load_labor_market()
    assert len(data.figures) >= 15 and len(data.credentials) == 6


def test_every_figure_has_value_unit_year_or_period_and_source():
    for f in load_labor_market().figures:
        assert f.value is not None and f.unit and f.source, f.id
        assert (f.year is None) != (f.period is None), f.id
        assert re.search(r"\b(19|20)\d\d\b", f.when), f"{f.id}: '{f.when}' names no year"


def test_the_brief_figures_are_there_with_their_years():
    data = load_labor_market()
    assert (data.figure("median-pay-2024").value, data.figure("median-pay-2024").as_of) == (50250, "May 2024")
    assert (data.figure("employment-2024").value, data.figure("employment-2024").year) == (194800, 2024)
    growth = {f.period: f.value for f in data.topic("projected_growth")}
    assert growth == {"2006-16": 18, "2010-20": 21, "2022-32": 9, "2024-34": 7}
    assert data.figure("median-pay-2010").value == 32350 and data.figure("median-pay-2021").value == 46660
    assert data.figure("top10-pay-2021").value == 74200
    assert data.figure("entry-pay-2009").value == (25014, 34988)
    assert data.figure("cca-pass-rate").value == (62, 85) and data.figure("cca-pass-rate").period == "2018-2025"
    assert data.figure("ccs-pass-rate-article").value == 55


def test_a_figure_without_a_year_is_refused(tmp_path):
    path = broken(tmp_path, lambda raw: raw["figures"][0].pop("year"))
    with pytest.raises(CareerDataError, match="median-pay-2024: no year or period"):
        load_labor_market(path)


@pytest.mark.parametrize("key", ["value", "unit", "source"])
def test_a_figure_without_value_unit_or_source_is_refused(tmp_path, key):
    path = broken(tmp_path, lambda raw: raw["figures"][1].pop(key))
    with pytest.raises(CareerDataError, match=f"mean-pay-2023: missing {key}"):
        load_labor_market(path)


@pytest.mark.parametrize("change,message", [
    (lambda f: f.update(period="2034-24"), "give a year or a period, not both"),
    (lambda f: (f.pop("year"), f.update(period="2034-24")), "must run forward"),
    (lambda f: (f.pop("year"), f.update(period="lately")), "period must look like"),
    (lambda f: f.update(year="May 2024"), "year must be a whole year"),
    (lambda f: f.update(value=[5, 1]), "a range must be"),
    (lambda f: f.update(unit="dollars"), "unknown unit"),
    (lambda f: f.update(year_basis="apparent"), "an apparent year must come from an article"),
    (lambda f: f.update(seed="009"), "unknown seed 009"),
])
def test_malformed_figures_are_refused_with_a_reason(tmp_path, change, message):
    path = broken(tmp_path, lambda raw: change(raw["figures"][0]))
    with pytest.raises(CareerDataError, match=message):
        load_labor_market(path)


def test_set_aside_figures_have_a_reason_and_no_year(tmp_path):
    data = load_labor_market()
    assert {s["id"] for s in data.set_aside} >= {"aapc-certified-average", "aapc-noncertified-average"}
    assert all(s["reason"] for s in data.set_aside)
    with pytest.raises(CareerDataError, match="has a year, so it belongs under figures"):
        load_labor_market(broken(tmp_path, lambda raw: raw["set_aside"][0].update(year=2023)))


def test_duplicate_ids_and_missing_file_are_refused(tmp_path):
    with pytest.raises(CareerDataError, match="duplicate ids: median-pay-2024"):
        load_labor_market(broken(tmp_path, lambda raw: raw["figures"][1].update(id="median-pay-2024")))
    with pytest.raises(CareerDataError, match="no such file"):
        load_labor_market(tmp_path / "nothing.yaml")


def test_tables_are_sorted_oldest_first():
    assert list(projections_table().index) == ["2006-16", "2010-20", "2022-32", "2024-34"]
    years = [int(re.search(r"\d{4}", w).group()) for w in pay_table()["when"]]
    assert years == sorted(years)
    assert list(trends_table().index) == sorted(trends_table().index)
    assert "$50,250" in headline_table()["figure"].tolist()
    assert set_aside_table()["why it is set aside"].str.len().min() > 0


def test_credentials_take_formats_from_certifications_yaml():
    table = credentials_table()
    assert sorted(table.index) == ["CCA", "CCS", "CIC", "COC", "CPC", "CRC"]
    assert table.loc["CPC", "exam format (checked)"].startswith("100 multiple-choice questions, 4 hours")
    assert "40 multiple-choice questions and 7 inpatient cases" in table.loc["CIC", "exam format (checked)"]
    assert all(f.endswith("(2026)") for f in table["exam format (checked)"])


def test_tracks_table_names_exams_and_capstone_mocks():
    table = tracks_table()
    assert list(table["months"]) == [10, 20]
    assert table.iloc[0]["prepares for"] == "CPC, CCA" and table.iloc[1]["prepares for"] == "CCS, RHIT"
    assert all("cpc-mock" in v and "cic-mock" in v for v in table["capstone mock exams (month, status)"])


def test_pay_chart_is_a_png_with_a_stable_text_form():
    picture = pay_chart()
    assert repr(picture) == "<Pay of medical records specialists by year, as quoted (timeline chart)>"
    assert picture._repr_png_().startswith(b"\x89PNG")
    texts = [t.get_text() for t in pay_figure().axes[0].texts]
    assert any("May 2024" in t and "BLS" in t for t in texts)
    assert all("(" in t for t in texts), "every point is labelled with its source"
    assert not any("52,500" in t or "60,097" in t for t in texts), "undated figures are never drawn"
