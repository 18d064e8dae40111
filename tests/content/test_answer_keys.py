"""Every code a key, quiz or lesson uses is valid in ICD-10-CM FY2026, and every item cites its guideline."""

import re
from pathlib import Path

import nbformat
import pytest
import yaml

from medcode import codesets
from medcode.checking import check
from medcode.checking.checker import infer_system

ROOT = Path(__file__).resolve().parents[2]
SOURCES = sorted((ROOT / "source").glob("*/*.ipynb"))
KEY_CALL = re.compile(r"grade_item\((q\d+), (.+?), points=([\d.]+)(, ordered=True)?\)")
# Items whose question asks for a heading on purpose (the answer is a category, not a reportable code).
HEADING_ITEMS = {("icd10cm-conventions", "q1")}


def hidden_keys():
    for path in SOURCES:
        for cell in nbformat.read(path, as_version=4).cells:
            for name, key, points, ordered in KEY_CALL.findall(cell.source):
                yield path.parent.name, name, eval(key), float(points), bool(ordered), cell.source


KEYS = list(hidden_keys())


def codes_of(key):
    return [key] if isinstance(key, str) else list(key)


def test_every_source_assignment_has_keyed_items():
    assert SOURCES and len(KEYS) >= 8


@pytest.mark.parametrize("assignment,item,key,points,ordered,source", KEYS, ids=[f"{k[0]}-{k[1]}" for k in KEYS])
def test_key_codes_exist_and_are_billable(assignment, item, key, points, ordered, source):
    for code in codes_of(key):
        record = codesets.get(code)
        assert record.code == code, f"{code} should be written as {record.code}"
        if (assignment, item) not in HEADING_ITEMS:
            assert record.billable, f"{assignment} {item}: {code} is a heading, not a reportable code"


@pytest.mark.parametrize("assignment,item,key,points,ordered,source", KEYS, ids=[f"{k[0]}-{k[1]}" for k in KEYS])
def test_key_earns_full_points_and_cites_a_guideline(assignment, item, key, points, ordered, source):
    assert check(key, key, points=points, ordered=ordered).score == points
    assert re.search(r"Guideline: [IV]+\.[A-Z]", source), f"{item} names no guideline section"


def quiz_questions():
    for path in sorted((ROOT / "data" / "quizzes").glob("*.yaml")):
        for q in yaml.safe_load(path.read_text()):
            if "key" in q:  # code questions; multiple-choice questions carry `choices` and `answer`
                yield path.stem, q


@pytest.mark.parametrize("lesson,question", list(quiz_questions()))
def test_quiz_keys_are_billable_and_cite_a_guideline(lesson, question):
    for code in codes_of(question["key"]):
        record = codesets.get(code, system=question.get("system") or infer_system(code))
        assert record.billable, f"{lesson}: {code} is not a reportable code"
    # ICD-10-CM Official Guidelines (I.A.12.a), PCS guidelines (B3.1a), or a named CMS/AMA rule
    assert re.match(r"([IV]+\.[A-Z]|[A-C]\d|PCS |MS-DRG|CMS |CPT |NCCI)", question["guideline"]), question["guideline"]


LESSON_CALL = re.compile(r"""(?:code_anatomy|notes_table|code_card|children_table)\(\s*"([^"]+)\"""")
# Every quoted code a lesson cell passes to the widgets or checks (e.g. PcsBuilder("0DTJ4ZZ"), group("J18.9"))
QUOTED_CODE = re.compile(r"""["']([A-Z0-9]{3}\.[A-Z0-9]{1,4}|[0-9A-HJ-NP-Z]{7})["']""")


def test_codes_shown_in_lessons_exist():
    found = 0
    for path in sorted((ROOT / "lessons").glob("*.ipynb")):
        for cell in nbformat.read(path, as_version=4).cells:
            if cell.cell_type != "code":
                continue
            for code in set(LESSON_CALL.findall(cell.source)) | set(QUOTED_CODE.findall(cell.source)):
                codesets.get(code, system=infer_system(code))
                found += 1
    assert found >= 5
