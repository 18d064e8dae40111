"""Self-check quiz: type a code, press Check, read the auditor's feedback.

Questions come from `data/quizzes/<lesson>.yaml` (this module owns those files):
a list of {prompt, key, ordered (optional), guideline}.
"""

from __future__ import annotations

import html
from pathlib import Path

import ipywidgets as W
import yaml

from medcode.checking import check
from medcode.checking.checker import CheckResult
from medcode.paths import DATA_DIR

QUIZ_DIR = DATA_DIR / "quizzes"


def load_questions(lesson: str, folder: Path = QUIZ_DIR) -> list[dict]:
    """The questions of a lesson's self-check, validated for shape."""
    questions = yaml.safe_load((folder / f"{lesson}.yaml").read_text())
    for i, q in enumerate(questions, 1):
        missing = {"prompt", "key", "guideline"} - set(q)
        if missing:
            raise ValueError(f"{lesson} question {i} lacks {', '.join(sorted(missing))}")
    return questions


def feedback_html(result: CheckResult, guideline: str) -> str:
    if result.correct:
        return f"<div class='medcode-feedback medcode-correct'>&#10004; Correct. (Guidelines {html.escape(guideline)})</div>"
    items = "".join(f"<li>{html.escape(f.message)} <small>(Guidelines {html.escape(f.guideline)})</small></li>"
                    for f in result.findings if f.rule != "exact")
    return (f"<div class='medcode-feedback medcode-wrong'>&#10008; Not yet: {result.score:g} of {result.points:g}."
            f"<ul>{items}</ul></div>")


class SelfCheckQuiz(W.VBox):
    """One row per question: prompt, answer box, Check button, feedback."""

    def __init__(self, questions: list[dict]):
        self.questions = questions
        self.answers: list[W.Text] = []
        self.feedback: list[W.HTML] = []
        rows = []
        for i, q in enumerate(questions):
            box = W.Text(placeholder='a code, or codes separated by commas', layout=W.Layout(width="260px"))
            button = W.Button(description="Check")
            out = W.HTML()
            button.on_click(lambda _, i=i: self.check(i))
            box.observe(lambda change, i=i: self.check(i), names="value")
            self.answers.append(box)
            self.feedback.append(out)
            rows.append(W.VBox([W.HTML(f"<b>{i + 1}.</b> {html.escape(q['prompt'])}"), W.HBox([box, button]), out]))
        super().__init__(rows)
        self.add_class("medcode-quiz")

    @classmethod
    def for_lesson(cls, lesson: str) -> "SelfCheckQuiz":
        return cls(load_questions(lesson))

    def __repr__(self) -> str:
        return f"SelfCheckQuiz({len(self.questions)} questions)"

    def check(self, index: int) -> CheckResult | None:
        """Check the answer typed for question `index` and show feedback."""
        q = self.questions[index]
        if not self.answers[index].value.strip():
            self.feedback[index].value = ""
            return None
        result = check(self.answers[index].value, q["key"], ordered=q.get("ordered", False), system=q.get("system"))
        self.feedback[index].value = feedback_html(result, q["guideline"])
        return result

    def answer(self, index: int, text: str) -> CheckResult | None:
        """Type `text` into question `index` (as a student would) and return the result."""
        self.answers[index].value = text
        return self.check(index)
