"""`medcode drg`: group one inpatient claim to its MS-DRG (v43.1, FY2026)."""

from __future__ import annotations

import json

from medcode.codesets import msdrg


def register(sub) -> None:
    p = sub.add_parser("drg", help="group a claim to its MS-DRG: weight, mean stay, CC/MCC of each code")
    p.add_argument("--pdx", required=True, help="principal diagnosis (ICD-10-CM), e.g. J18.9")
    p.add_argument("--sdx", action="append", default=[], metavar="CODE", help="secondary diagnosis (repeat)")
    p.add_argument("--proc", action="append", default=[], metavar="CODE", help="ICD-10-PCS procedure (repeat)")
    p.add_argument("--age", type=int, default=70, help="age in years (default 70)")
    p.add_argument("--sex", default="M", choices=["M", "F", "U"], type=str.upper)
    p.add_argument("--discharge-status", type=int, default=1,
                   help="CMS patient discharge status: 1 home (default), 20 died, ...")
    p.add_argument("--json", action="store_true", help="print a JSON object")
    p.set_defaults(func=run)


def _figure(value: float | None, unit: str = "") -> str:
    return "n/a" if value is None else f"{value:g}{unit}"


def run(args) -> int:
    result = msdrg.group(args.pdx, args.sdx, args.proc, age=args.age, sex=args.sex,
                         discharge_status=args.discharge_status)
    if args.json:
        print(json.dumps(result.to_dict(), indent=2))
        return 0
    print(f"MS-DRG {result.drg:03d}  {result.title}")
    print(f"  MDC {result.mdc}: {result.mdc_title}   type: {result.type or 'n/a'}   grouper v{result.version}")
    print(f"  relative weight {_figure(result.weight)}   mean stay: geometric {_figure(result.gmlos, ' days')}, "
          f"arithmetic {_figure(result.amlos, ' days')}")
    print(f"  principal diagnosis {result.principal}")
    for d in result.secondary:
        level = f"{d.severity}, EXCLUDED by the principal diagnosis" if d.excluded else d.severity
        mark = "  <- changed the DRG" if d.affected_drg else ""
        print(f"  secondary {d.code:<8} {level:<42} {d.description}{mark}")
    for p in result.procedures:
        mark = "  <- changed the DRG" if p.affected_drg else ""
        print(f"  procedure {p.code:<8} {'OR' if p.is_or else 'non-OR':<42} {p.description}{mark}")
    return 0
