"""The multiple-choice self-check: answers by index or text, feedback with the source, stable repr."""

from __future__ import annotations

import re

import pytest
import yaml

from medcode.widgets.choice_quiz import QUIZ_DIR, ChoiceQuiz, ChoiceQuizError, load_questions

QUESTION = {"prompt": "Median pay in May 2024?", "choices": ["$46,660", "$50,250"], "answer": "$50,250",
            "why": "BLS Occupational Outlook Handbook, May 2024."}


def test_lesson_14_quiz_has_five_questions_with_sources_and_years():
    questions = load_questions("14-career-landscape")
    assert len(questions) == 5
    for q in questions:
        assert 0 <= q["answer"] < len(q["choices"])
        assert re.search(r"\b(19|20)\d\d\b", q["why"]), q["prompt"]
        assert re.search(r"BLS|AAPC|AHIMA|article|field notes", q["why"]), q["prompt"]


def test_every_right_answer_is_right_and_every_other_is_wrong():
    quiz = ChoiceQuiz.for_lesson("14-career-landscape")
    for i, q in enumerate(quiz.questions):
        for j in range(len(q["choices"])):
            assert quiz.answer(i, j) is (j == q["answer"])


def test_answer_by_text_shows_feedback_with_the_why():
    quiz = ChoiceQuiz([QUESTION])
    assert quiz.answer(0, "$50,250") is True
    assert "Right" in quiz.feedback[0].value and "May 2024" in quiz.feedback[0].value
    assert quiz.answer(0, "$46,660") is False
    assert "Not this one" in quiz.feedback[0].value and "$46,660" in quiz.feedback[0].value
    assert quiz.answer(0, 1) is True  # the same answer again after a change


def test_picking_the_same_answer_twice_still_returns_the_result():
    quiz = ChoiceQuiz([QUESTION])
    assert quiz.answer(0, 0) is False and quiz.answer(0, 0) is False


def test_reset_clears_picks_and_feedback():
    quiz = ChoiceQuiz([QUESTION])
    quiz.answer(0, 1)
    quiz.reset()
    assert quiz.options[0].value is None and quiz.feedback[0].value == ""


def test_css_class_and_stable_repr():
    quiz = ChoiceQuiz.for_lesson("14-career-landscape")
    assert "medcode-choice-quiz" in quiz._dom_classes
    assert repr(quiz) == "ChoiceQuiz(5 questions)"
    assert "0x" not in repr(quiz)


def test_feedback_is_escaped():
    quiz = ChoiceQuiz([{**QUESTION, "why": "<script>x</script> BLS 2024"}])
    quiz.answer(0, 0)
    assert "<script>" not in quiz.feedback[0].value


@pytest.mark.parametrize("choice,error", [(5, IndexError), ("$1", ValueError), (1.5, TypeError), (True, TypeError)])
def test_unknown_choices_are_refused(choice, error):
    with pytest.raises(error):
        ChoiceQuiz([QUESTION]).answer(0, choice)


@pytest.mark.parametrize("change,message", [
    ({"answer": 2}, "not the index of a choice"),
    ({"answer": "$1"}, "not one of the choices"),
    ({"choices": ["only one"]}, "at least two"),
    ({"choices": ["a", "a"], "answer": 0}, "same text"),
    ({"why": ""}, "must not be empty"),
])
def test_malformed_questions_are_refused(change, message):
    with pytest.raises(ChoiceQuizError, match=message):
        ChoiceQuiz([{**QUESTION, **change}])


def test_question_missing_a_key_and_code_quizzes_are_refused(tmp_path):
    (tmp_path / "x.yaml").write_text(yaml.safe_dump([{"prompt": "p", "choices": ["a", "b"], "answer": 0}]))
    with pytest.raises(ChoiceQuizError, match="lacks why"):
        ChoiceQuiz.for_lesson("x", folder=tmp_path)
    with pytest.raises(ChoiceQuizError, match="lacks"):
        load_questions("04-icd10cm-conventions", QUIZ_DIR)  # a code-entry quiz, not multiple choice
    with pytest.raises(ChoiceQuizError, match="no quiz file"):
        load_questions("99-none", tmp_path)
