"""Every code the course uses, behind one record type, one `get` and one `search`.

    >>> from medcode.codesets import get
    >>> get("E11.22").description
    'Type 2 diabetes mellitus with diabetic chronic kidney disease'

Systems register themselves in `SYSTEMS` by name; each system module offers
`get(code)`, `search(query, limit)`, `normalize(code)` and `FISCAL_YEAR`.
"""

from __future__ import annotations

from importlib import import_module

from medcode.codesets.record import CodeError, CodeRecord, InvalidCodeFormat, Note, UnknownCode

SYSTEMS = {
    "icd10cm": "medcode.codesets.icd10cm",
    "icd10pcs": "medcode.codesets.icd10pcs",
    "hcpcs": "medcode.codesets.hcpcs",
    "cpt": "medcode.codesets.cpt",
}
DEFAULT_SYSTEM = "icd10cm"


def system(name: str = DEFAULT_SYSTEM):
    """The module that serves code system `name`."""
    try:
        return import_module(SYSTEMS[name])
    except KeyError:
        raise CodeError(f"unknown code system '{name}'; choose one of {', '.join(SYSTEMS)}") from None


def get(code: str, system: str = DEFAULT_SYSTEM) -> CodeRecord:
    return globals()["system"](system).get(code)


def search(query: str, system: str = DEFAULT_SYSTEM, limit: int = 10) -> list[CodeRecord]:
    return globals()["system"](system).search(query, limit=limit)


__all__ = ["CodeError", "CodeRecord", "InvalidCodeFormat", "Note", "UnknownCode",
           "SYSTEMS", "get", "search", "system"]
