"""Lesson 14's views of the career figures: sorted tables and the pay chart (no timestamps)."""

from __future__ import annotations

from pathlib import Path

from medcode.program.career import CareerDataError, Figure, LaborMarket, format_value, load_labor_market


def _frame(rows: list[dict], columns: list[str], index: str | None = None):
    import pandas as pd

    frame = pd.DataFrame(rows, columns=columns)
    return frame.set_index(index) if index else frame


def articles_table(data: LaborMarket | None = None):
    """The career articles the course quotes, with the date each one's own figures give it."""
    data = data or load_labor_market()
    rows = [{"seed": a["seed"], "kind": a["kind"], "apparent date": a["apparent_date"], "why": a["basis"]}
            for a in sorted(data.articles, key=lambda a: a["seed"])]
    return _frame(rows, ["seed", "kind", "apparent date", "why"], "seed")


def figures_table(topics: tuple[str, ...], data: LaborMarket | None = None):
    """One row per figure of the given topics, oldest first, with when and who."""
    data = data or load_labor_market()
    figures = sorted((f for f in data.figures if f.topic in topics), key=lambda f: (f.start_year, f.topic, f.low, f.id))
    rows = [{"when": f.when, "what": f.label, "figure": f.text(), "source": f.source} for f in figures]
    return _frame(rows, ["when", "what", "figure", "source"])


def headline_table(data: LaborMarket | None = None):
    """The BLS figures for the occupation today: pay, jobs and the two latest projections."""
    data = data or load_labor_market()
    figures = sorted((f for f in data.figures if f.source.startswith("BLS")), key=lambda f: (-f.start_year, f.topic))
    rows = [{"what": f.label, "figure": f.text(), "when": f.when, "source": f.source} for f in figures]
    return _frame(rows, ["what", "figure", "when", "source"], "what")


def pay_table(data: LaborMarket | None = None):
    """Every pay figure with its year, oldest first (nominal dollars)."""
    return figures_table(("median_pay", "mean_pay", "top10_pay", "industry_mean_pay", "entry_pay"), data)


def projections_table(data: LaborMarket | None = None):
    """The projected change in employment by period, oldest period first."""
    data = data or load_labor_market()
    rows = [{"period": f.period, "projected change": f.text(), "occupation": f.label.split(", ", 1)[-1]
             if ", " in f.label else "medical records specialists", "source": f.source}
            for f in data.topic("projected_growth")]
    return _frame(rows, ["period", "projected change", "occupation", "source"], "period")


def set_aside_table(data: LaborMarket | None = None):
    """Figures the course has but cannot date: shown so a reader learns to ask for the year."""
    data = data or load_labor_market()
    rows = [{"what": s["label"], "figure": format_value(s["value"], s["unit"]), "source": s["source"],
             "why it is set aside": s["reason"]} for s in sorted(data.set_aside, key=lambda s: s["id"])]
    return _frame(rows, ["what", "figure", "source", "why it is set aside"])


def settings_table(data: LaborMarket | None = None):
    data = data or load_labor_market()
    rows = [{"setting": s["setting"], "what the articles say": s["detail"], "year": s["year"], "source": s["source"]}
            for s in data.settings]
    return _frame(rows, ["setting", "what the articles say", "year", "source"], "setting")


def trends_table(data: LaborMarket | None = None):
    """The trends the sources name, oldest first."""
    data = data or load_labor_market()
    rows = [{"year": str(t.get("year") or t.get("period")), "trend": t["trend"], "source": t["source"]}
            for t in data.trends]
    rows.sort(key=lambda r: r["year"])
    return _frame(rows, ["year", "trend", "source"], "year")


def credentials_table(data: LaborMarket | None = None, program_dir: Path | None = None):
    """The six certifications: body, where each fits, exam format (from certifications.yaml where it lives)."""
    from medcode.program.alignment import load_certifications

    data = data or load_labor_market()
    formats = {c["id"]: c["format"] for c in load_certifications(program_dir)}
    rows = []
    for c in sorted(data.credentials, key=lambda c: (c["body"], c["id"])):
        fmt = c["format"] or formats.get(c["id"])
        if not fmt:
            raise CareerDataError(f"credential {c['id']}: no exam format here or in certifications.yaml")
        rows.append({"credential": c["id"], "body": c["body"], "title": c["title"], "fits": c["fits"],
                     "exam format (checked)": f"{fmt} ({c['year']})"})
    return _frame(rows, ["credential", "body", "title", "fits", "exam format (checked)"], "credential")


def tracks_table(data_dir: Path | None = None, catalogue_path: Path | None = None):
    """How the course's two tracks lead to the exams: length, exams prepared for, capstone mocks."""
    from medcode.program.tracks import load_catalogue, load_modules, load_track, track_names

    modules = load_modules(data_dir)
    mocks = {m for mod in modules.values() for m in mod.mock_exams}
    status = {e["id"]: e.get("status", "planned") for e in load_catalogue(catalogue_path)}
    rows = []
    for name in sorted(track_names(data_dir), key=lambda n: load_track(n, data_dir).months):
        track = load_track(name, data_dir)
        placed = sorted((p.week, p.id) for c in track.courses for p in c.items if p.id in mocks)
        rows.append({
            "track": track.title,
            "months": track.months,
            "prepares for": ", ".join(track.prepares_for),
            "capstone mock exams (month, status)": "; ".join(
                f"{pid} (month {track.month_of(week)}, {status.get(pid, 'planned')})" for week, pid in placed),
            "exam milestone": "; ".join(f"{label}, month {track.month_of(week)}" for label, week in track.milestones),
        })
    return _frame(rows, ["track", "months", "prepares for", "capstone mock exams (month, status)", "exam milestone"],
                  "track")


def _plain(text: str) -> str:
    """Dollar signs as text, not as matplotlib's math markers."""
    return text.replace("$", r"\$")


def short_source(f: Figure, data: LaborMarket) -> str:
    """A label short enough for a chart: 'BLS Occupational Outlook Handbook' or 'article seed 003 (2012), quoting BLS'."""
    if f.seed is None:
        return f.source.split(" (")[0].split(",")[0]
    date = next(a["apparent_date"] for a in data.articles if str(a["seed"]) == f.seed)
    quoting = ", quoting BLS" if "BLS" in f.source else ", unnamed salary source" if "unnamed" in f.source else ""
    return f"article seed {f.seed} ({date}){quoting}"


def pay_figure(data: LaborMarket | None = None):
    """Timeline of pay by year as quoted: medians (filled), a mean (hollow), beginners' pay ranges (bars).

    Only figures with a year are drawn; each point is labelled with its source. Built on a bare
    Figure (no pyplot state) so a notebook shows it once and the same data give the same picture.
    """
    from matplotlib.figure import Figure as MplFigure
    from matplotlib.ticker import FuncFormatter

    data = data or load_labor_market()
    medians = data.topic("median_pay")
    means = [f for f in data.topic("mean_pay") if f.unit == "USD per year"]
    ranges = [f for f in data.topic("entry_pay") if f.unit == "USD per year"]

    fig = MplFigure(figsize=(10, 5.6), dpi=100)
    ax = fig.subplots()
    ax.scatter([f.year for f in medians], [f.value for f in medians], s=70, color="#3b7dd8", zorder=3,
               label="median annual pay (BLS, as quoted)")
    ax.scatter([f.year for f in means], [f.value for f in means], s=70, facecolors="white", edgecolors="#d35400",
               linewidths=2, zorder=3, label="mean (average) annual pay: not a median")
    ranges = sorted(ranges, key=lambda f: f.value)
    for i, f in enumerate(ranges):
        ax.plot([f.year - 0.6 + 0.5 * i] * 2, list(f.value), color="#27ae60", linewidth=6, solid_capstyle="butt",
                zorder=2, label="pay ranges of beginners (not medians)" if i == 0 else None)
    if ranges:
        lines = [f"{ranges[0].when}, pay ranges ({short_source(ranges[0], data)}):"]
        lines += [f"  {f.label.split(', ', 1)[-1]}: {f.text()}" for f in ranges]
        ax.annotate(_plain("\n".join(lines)), (ranges[0].year - 0.8, min(f.value[0] for f in ranges)),
                    xytext=(0, -8), textcoords="offset points", fontsize=8, ha="left", va="top")
    latest = max(f.year for f in medians)
    for f in medians + means:
        note = " (older, broader occupation)" if "health information technicians" in f.label else ""
        if f.topic == "mean_pay":
            offset, ha, va = (-8, 10), "right", "bottom"
        elif f.year == latest:
            offset, ha, va = (10, -4), "left", "top"
        elif f.year > 2015:
            offset, ha, va = (-8, -10), "right", "top"
        else:
            offset, ha, va = (10, -4), "left", "top"
        ax.annotate(_plain(f"{f.when}: {f.text()}{note}\n({short_source(f, data)})"), (f.year, f.value),
                    xytext=offset, textcoords="offset points", fontsize=8, ha=ha, va=va)
    years = [f.year for f in medians + means + ranges]
    ax.set_xlim(min(years) - 1, max(years) + 5)
    ax.set_ylim(10000, 65000)
    ax.set_xticks(range(min(years) - 1, max(years) + 5, 2))
    ax.yaxis.set_major_formatter(FuncFormatter(lambda v, _: f"${v:,.0f}"))
    ax.set_xlabel("year the figure describes")
    ax.set_ylabel("US dollars a year (nominal: not adjusted for inflation)")
    ax.set_title("Medical records specialists: pay by year, as quoted\n"
                 "different editions, definitions and measures: not directly comparable", fontsize=11, loc="left")
    ax.grid(axis="y", color="#eeeeee")
    ax.legend(loc="upper left", fontsize=8, frameon=False)
    fig.tight_layout()
    return fig


def pay_chart(data: LaborMarket | None = None):
    """The pay timeline as a Picture: PNG in the notebook, a stable one-line text form for nbval."""
    from medcode.pictures import Picture

    return Picture(pay_figure(data), "Pay of medical records specialists by year, as quoted (timeline chart)")
