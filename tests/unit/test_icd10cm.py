"""ICD-10-CM look-ups: the FY2026 code set, records with inherited notes, the fast cached index."""

import subprocess
import sys
import time

import pytest

from medcode import codesets
from medcode.codesets import icd10cm, icd10cm_index
from medcode.codesets.record import InvalidCodeFormat, UnknownCode


def test_index_holds_the_official_fy2026_billable_count():
    assert icd10cm.count_billable() == 74_719


def test_get_returns_description_billable_and_parent_chain():
    record = codesets.get("E11.22")
    assert record.description == "Type 2 diabetes mellitus with diabetic chronic kidney disease"
    assert record.billable and record.system == "icd10cm"
    assert [c for c, _ in record.parents] == ["4", "E08-E13", "E11", "E11.2"]


def test_headings_are_not_billable():
    assert not codesets.get("E11").billable
    assert not codesets.get("E11.2").billable
    assert not codesets.get("S72.001").billable  # needs its 7th character


@pytest.mark.parametrize("code", ["B20", "F99", "P84", "R99", "Z66"])
def test_categories_also_listed_as_blocks_are_billable_codes(code):
    record = codesets.get(code)
    assert record.billable and record.kind == "category"


def test_notes_are_inherited_from_parents_with_their_source():
    record = codesets.get("E11.22")
    sources = {(n.kind, n.source) for n in record.notes}
    assert ("use_additional_code", "E11.22") in sources
    assert ("excludes1", "E11") in sources
    assert any("E10.-" in n.text for n in record.notes_of("excludes1"))


def test_seventh_character_definitions_reach_the_code():
    chars = {n.text.split(":")[0] for n in codesets.get("S72.001A").notes_of("seventh_character")}
    assert {"A", "D", "S"} <= chars


def test_code_without_dot_and_lower_case_is_normalized():
    assert codesets.get("e1122").code == "E11.22"


@pytest.mark.parametrize("bad", ["E11-22", "11.22", "E11.22222", "diabetes", ""])
def test_malformed_code_raises_invalid_format(bad):
    with pytest.raises(InvalidCodeFormat, match="not a well-formed"):
        codesets.get(bad)


def test_well_formed_unknown_code_raises_unknown_code():
    with pytest.raises(UnknownCode, match="FY2026"):
        codesets.get("Q99.99")


def test_fy2026_additions_exist():
    assert codesets.get("E11.A").billable  # new in FY2026 (not in FY2025 data)


def test_search_finds_codes_by_prefix_words_and_abbreviation():
    assert codesets.search("E11.2")[0].code == "E11.2"
    assert "E11.22" in [r.code for r in codesets.search("type 2 diabetes chronic kidney disease")]
    assert "J44.1" in [r.code for r in codesets.search("copd exacerbation")]


def test_fresh_process_lookup_is_fast():
    icd10cm_index.connect()  # make sure the cached index exists
    code = "import time; t=time.perf_counter(); from medcode.codesets import get; get('E11.22'); print(time.perf_counter()-t)"
    start = time.perf_counter()
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    wall = time.perf_counter() - start
    assert float(out.stdout) < 0.3, f"import + get took {out.stdout} s"
    assert wall < 1.5, f"a whole fresh process took {wall:.2f} s"


def test_index_is_rebuilt_into_a_new_cache_folder(tmp_path, monkeypatch):
    monkeypatch.setenv("MEDCODE_CACHE_DIR", str(tmp_path))
    path = icd10cm_index.index_path()
    assert not path.exists()
    icd10cm_index.build(path)
    assert path.exists() and not list(tmp_path.glob("*.tmp"))
