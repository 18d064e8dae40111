"""The timeline picture: a PNG that is the same bytes every time, different for each track."""

from __future__ import annotations

from program_helpers import ProgramCopy

from medcode.program import save_timeline, timeline_figure, timeline_png


def test_png_is_deterministic_and_differs_by_track():
    first = timeline_png("diploma")
    assert first.startswith(b"\x89PNG\r\n\x1a\n")
    assert timeline_png("diploma") == first
    assert timeline_png("associate") != first


def test_chart_has_one_bar_per_course_and_months_on_the_x_axis():
    fig = timeline_figure("associate")
    ax = fig.axes[0]
    assert len(ax.containers) == 22  # one barh container per course
    assert ax.get_xlim()[1] >= 20
    assert ax.get_xlabel() == "program month"
    labels = [t.get_text() for t in ax.get_yticklabels()]
    assert "HCC502  Professional practice experience" in labels


def test_chart_follows_the_data_directory(tmp_path):
    copy = ProgramCopy(tmp_path)
    copy.edit_track("diploma", lambda t: t.update(title="Night-school diploma"))
    path = save_timeline("diploma", tmp_path / "t.png", data_dir=copy.data_dir, catalogue_path=copy.catalogue_path)
    assert path.read_bytes() != timeline_png("diploma")
    assert timeline_figure("diploma", data_dir=copy.data_dir).axes[0].get_title(loc="left").startswith("Night-school diploma")
