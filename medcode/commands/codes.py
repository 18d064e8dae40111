"""`medcode code` and `medcode lookup`: one record, or ranked matches."""

from __future__ import annotations

import json

from medcode import codesets


def register(sub) -> None:
    p = sub.add_parser("code", help="show one code: description, billable, parents, notes")
    p.add_argument("code")
    p.add_argument("--system", default=None, help="code system (default: from the code's shape)")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=show_code)

    p = sub.add_parser("lookup", help="search codes by words, abbreviation or code prefix")
    p.add_argument("query", nargs="+")
    p.add_argument("--system", default=codesets.DEFAULT_SYSTEM, choices=sorted(codesets.SYSTEMS))
    p.add_argument("--limit", type=int, default=10)
    p.add_argument("--json", action="store_true", help="print a JSON array")
    p.set_defaults(func=lookup)


def show_code(args) -> int:
    from medcode.checking.checker import infer_system

    record = codesets.get(args.code, system=args.system or infer_system(args.code))
    if args.json:
        print(json.dumps(record.to_dict(), indent=2))
        return 0
    print(f"{record.code}  {record.description}")
    print(f"  system: {record.system}   billable: {'yes' if record.billable else 'no (a heading: code further)'}")
    for code, description in record.parents:
        print(f"  in {code}: {description}")
    for axis in record.extra.get("axes", []):
        print(f"  character {axis['position']} {axis['axis']}: {axis['value']} = {axis.get('label') or '?'}")
    for note in record.notes:
        first, *rest = note.text.splitlines() or [""]
        print(f"  {note.kind.replace('_', ' ')} [{note.source}]: {first}")
        for line in rest:
            print(f"      {line}")
    return 0


def lookup(args) -> int:
    if args.limit < 1:
        raise codesets.CodeError("--limit must be at least 1")
    records = codesets.search(" ".join(args.query), system=args.system, limit=args.limit)
    if args.json:
        print(json.dumps([r.summary() for r in records], indent=2))
        return 0
    if not records:
        print("No match. Try fewer words, another word for the condition, or a code prefix such as E11.")
    for r in records:
        print(f"{r.code:<9} {'' if r.billable else '(heading) '}{r.description}")
    return 0
