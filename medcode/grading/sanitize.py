"""A fix for nbgrader's handling of a student who copied a graded cell.

nbgrader's DeduplicateIds keeps the last cell of a grade id and empties the
`nbgrader` metadata of the earlier copies; an empty `nbgrader` entry then reads
as metadata schema 0, and autograde gives up on the whole submission ("old
version of the nbgrader metadata format"). Here the earlier copies lose the
entry altogether, so they run as ordinary cells and the last copy is graded,
which is what nbgrader means to do.
"""

from __future__ import annotations

from nbgrader.preprocessors import DeduplicateIds


class DropDuplicateIds(DeduplicateIds):
    """DeduplicateIds that removes, rather than empties, the metadata of earlier copies."""

    def preprocess(self, nb, resources):
        nb, resources = super().preprocess(nb, resources)
        for cell in nb.cells:
            if "nbgrader" in cell.metadata and not cell.metadata["nbgrader"]:
                del cell.metadata["nbgrader"]
        return nb, resources
