"""Figures shown in notebooks: PNG once, with a stable text form (nbval compares it)."""

from __future__ import annotations


class Picture:
    """A matplotlib Figure shown once as PNG, with a stable text form for nbval."""

    def __init__(self, figure, title: str):
        self.figure, self.title = figure, title

    def _repr_png_(self) -> bytes:
        import io

        from matplotlib.backends.backend_agg import FigureCanvasAgg

        buffer = io.BytesIO()
        FigureCanvasAgg(self.figure).print_png(buffer)
        return buffer.getvalue()

    def __repr__(self) -> str:
        return f"<{self.title}>"
