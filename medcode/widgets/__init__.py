"""ipywidgets front ends: thin views over codesets, checking and program.

Imports are lazy so `import medcode.widgets` stays cheap in a fresh kernel.
"""

from importlib import import_module

_EXPORTS = {
    "CodeLookup": "medcode.widgets.lookup",
    "SelfCheckQuiz": "medcode.widgets.quiz",
    "code_card": "medcode.widgets.display",
    "code_anatomy": "medcode.widgets.display",
    "chapter_table": "medcode.widgets.display",
    "chapter_chart": "medcode.widgets.display",
    "notes_table": "medcode.widgets.display",
    "children_table": "medcode.widgets.display",
    "PcsBuilder": "medcode.widgets.pcs_builder",
    "DrgExplorer": "medcode.widgets.drg_explorer",
    "ProgramTimeline": "medcode.widgets.program_timeline",
}


def __getattr__(name):
    if name in _EXPORTS:
        return getattr(import_module(_EXPORTS[name]), name)
    raise AttributeError(f"module 'medcode.widgets' has no attribute '{name}'")


__all__ = sorted(_EXPORTS)
