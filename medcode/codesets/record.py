"""The one record type every code system answers with."""

from __future__ import annotations

from dataclasses import dataclass, field


class CodeError(ValueError):
    """Base class of look-up errors; the message is meant for a student."""


class InvalidCodeFormat(CodeError):
    """The text cannot be a code of the system (wrong characters or length)."""


class UnknownCode(CodeError):
    """Well formed, but not a code of the system in the stated fiscal year."""


@dataclass(frozen=True)
class Note:
    """One instructional note, with the code whose entry carries it."""

    kind: str
    text: str
    source: str


@dataclass(frozen=True)
class CodeRecord:
    """A code of any system: what it means and where it sits.

    `parents` runs from the top (chapter or section) down to the direct parent,
    each as (code, description). `notes` holds the code's own notes followed by
    the ones it inherits from its parents, each tagged with its source.
    """

    system: str
    code: str
    description: str
    billable: bool
    kind: str
    parents: tuple[tuple[str, str], ...] = ()
    notes: tuple[Note, ...] = ()
    extra: dict = field(default_factory=dict, compare=False)

    @property
    def category(self) -> str:
        return self.code[:3]

    def notes_of(self, kind: str) -> list[Note]:
        return [n for n in self.notes if n.kind == kind]

    def to_dict(self) -> dict:
        notes: dict[str, list[dict]] = {}
        for note in self.notes:
            notes.setdefault(note.kind, []).append({"text": note.text, "source": note.source})
        out = {
            "code": self.code,
            "description": self.description,
            "billable": self.billable,
            "system": self.system,
            "kind": self.kind,
            "parents": [{"code": c, "description": d} for c, d in self.parents],
            "notes": notes,
        }
        out.update(self.extra)
        return out

    def summary(self) -> dict:
        return {"code": self.code, "description": self.description,
                "billable": self.billable, "system": self.system}


NOTE_KINDS = (
    "inclusion_term",
    "includes",
    "excludes1",
    "excludes2",
    "code_first",
    "use_additional_code",
    "code_also",
    "note",
    "seventh_character",
)
