"""Multiple-choice self-check: pick an answer, read why it is right or not, with the figure's source.

Questions come from `data/quizzes/<lesson>.yaml` (this module owns the multiple-choice entries;
code-entry entries with a `key` belong to `medcode.widgets.quiz`): a list of
{prompt, choices: [...], answer: the right choice's index (from 0) or its text, why}.
`why` explains the answer and names the figure's source and year. Nothing here is graded.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as W
import yaml

from medcode.paths import DATA_DIR

QUIZ_DIR = DATA_DIR / "quizzes"


class ChoiceQuizError(ValueError):
    """A quiz file entry is not a well-formed multiple-choice question."""


def check_question(q, where: str) -> dict:
    """The question with `answer` turned into an index; raises ChoiceQuizError when malformed."""
    if not isinstance(q, dict):
        raise ChoiceQuizError(f"{where}: not a mapping")
    missing = {"prompt", "choices", "answer", "why"} - set(q)
    if missing:
        raise ChoiceQuizError(f"{where} lacks {', '.join(sorted(missing))}")
    choices = q["choices"]
    if (not isinstance(choices, list) or len(choices) < 2
            or not all(isinstance(c, str) and c.strip() for c in choices)):
        raise ChoiceQuizError(f"{where}: choices must be a list of at least two texts")
    if len(set(choices)) != len(choices):
        raise ChoiceQuizError(f"{where}: two choices have the same text")
    answer = q["answer"]
    if isinstance(answer, bool) or not isinstance(answer, (int, str)):
        raise ChoiceQuizError(f"{where}: answer must be a choice's index or its text")
    if isinstance(answer, int):
        if not 0 <= answer < len(choices):
            raise ChoiceQuizError(f"{where}: answer {answer} is not the index of a choice (0-{len(choices) - 1})")
        index = answer
    elif answer in choices:
        index = choices.index(answer)
    else:
        raise ChoiceQuizError(f"{where}: answer '{answer}' is not one of the choices")
    if not str(q["prompt"]).strip() or not str(q["why"]).strip():
        raise ChoiceQuizError(f"{where}: prompt and why must not be empty")
    return {**q, "answer": index}


def load_questions(lesson: str, folder: Path = QUIZ_DIR) -> list[dict]:
    """The multiple-choice questions of a lesson's self-check, validated, answers as indexes."""
    path = Path(folder) / f"{lesson}.yaml"
    if not path.is_file():
        raise ChoiceQuizError(f"no quiz file for lesson '{lesson}' ({path.name})")
    raw = yaml.safe_load(path.read_text(encoding="utf-8"))
    if not isinstance(raw, list) or not raw:
        raise ChoiceQuizError(f"{path.name}: expected a non-empty list of questions")
    return [check_question(q, f"{lesson} question {i}") for i, q in enumerate(raw, 1)]


def feedback_html(question: dict, chosen: int) -> str:
    why = html.escape(str(question["why"]))
    if chosen == question["answer"]:
        return f"<div class='medcode-feedback medcode-correct'>&#10004; Right. {why}</div>"
    picked = html.escape(question["choices"][chosen])
    return f"<div class='medcode-feedback medcode-wrong'>&#10008; Not this one (&ldquo;{picked}&rdquo;). {why}</div>"


class ChoiceQuiz(W.VBox):
    """One block per question: the prompt, its choices as radio buttons, and the feedback."""

    def __init__(self, questions: list[dict]):
        self.questions = [check_question(q, f"question {i}") for i, q in enumerate(questions, 1)]
        self.options: list[W.RadioButtons] = []
        self.feedback: list[W.HTML] = []
        blocks = []
        for i, q in enumerate(self.questions):
            radio = W.RadioButtons(options=list(q["choices"]), value=None, layout=W.Layout(width="auto"))
            out = W.HTML()
            radio.observe(lambda change, i=i: self._show(i), names="value")
            self.options.append(radio)
            self.feedback.append(out)
            blocks.append(W.VBox([W.HTML(f"<b>{i + 1}.</b> {html.escape(str(q['prompt']))}"), radio, out]))
        super().__init__(blocks)
        self.add_class("medcode-choice-quiz")

    @classmethod
    def for_lesson(cls, lesson: str, folder: Path = QUIZ_DIR) -> "ChoiceQuiz":
        return cls(load_questions(lesson, folder))

    def __repr__(self) -> str:
        return f"ChoiceQuiz({len(self.questions)} questions)"

    def _show(self, index: int) -> bool | None:
        radio = self.options[index]
        if radio.value is None:
            self.feedback[index].value = ""
            return None
        chosen = list(radio.options).index(radio.value)
        self.feedback[index].value = feedback_html(self.questions[index], chosen)
        return chosen == self.questions[index]["answer"]

    def answer(self, index: int, choice: int | str) -> bool:
        """Pick `choice` (its index from 0, or its text) for question `index`, as a student would;
        shows the feedback and returns whether it was right."""
        q = self.questions[index]
        if isinstance(choice, bool) or not isinstance(choice, (int, str)):
            raise TypeError("choice must be a choice's index or its text")
        if isinstance(choice, int):
            if not 0 <= choice < len(q["choices"]):
                raise IndexError(f"question {index + 1} has choices 0-{len(q['choices']) - 1}")
            text = q["choices"][choice]
        elif choice in q["choices"]:
            text = choice
        else:
            raise ValueError(f"'{choice}' is not a choice of question {index + 1}")
        self.options[index].value = text  # the observer shows the feedback when the pick changes
        return self._show(index)

    def reset(self) -> None:
        """Clear every pick and its feedback."""
        for radio in self.options:
            radio.value = None
