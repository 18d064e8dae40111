"""nbgrader's Execute preprocessor with the limits nbgrader lacks.

- a wall-clock limit for the whole notebook: each cell's timeout shrinks to the
  time left, and cells after the limit are not run (their items score 0);
- a memory cap: the kernel process starts under RLIMIT_AS;
- a kernel that dies (os._exit, killed for memory) or ignores the interrupt after
  a timeout is replaced by a fresh one, so only the items touched by that cell
  are lost and the rest of the notebook is still graded;
- outputs are cut to a number of characters while they arrive, so a cell that
  prints gigabytes never fills the grader's memory.
"""

from __future__ import annotations

import math
import subprocess
from time import monotonic

from jupyter_core.utils import ensure_async, run_sync
from nbclient.exceptions import CellTimeoutError, DeadKernelError
from nbformat import NotebookNode
from nbgrader.preprocessors import Execute
from traitlets import Integer

# enames the grader writes into outputs, read back by medcode.grading.outcome_rules
NOTEBOOK_TIMEOUT = "NotebookTimeoutError"
KERNEL_DIED = "DeadKernelError"
UNRESPONSIVE = "UnresponsiveKernelError"


def error_output(ename: str, evalue: str) -> NotebookNode:
    return NotebookNode(output_type="error", ename=ename, evalue=evalue, traceback=[f"{ename}: {evalue}"])


def memory_cap(mb: int):
    """A Popen preexec_fn that caps the child's address space at `mb` megabytes."""
    def preexec() -> None:
        import resource

        limit = mb * 1024 * 1024
        resource.setrlimit(resource.RLIMIT_AS, (limit, limit))
    return preexec


def _cut(text: str, room: int) -> str:
    return text if len(text) <= room else text[:max(room, 0)] + "\n... output cut (grading limit) ..."


class LimitedExecute(Execute):
    """Execute with notebook timeout, memory cap, output cap and kernel replacement."""

    notebook_timeout = Integer(0, help="seconds for the whole notebook (0: none)").tag(config=True)
    memory_mb = Integer(0, help="RLIMIT_AS of the kernel in MB (0: none)").tag(config=True)
    output_chars = Integer(0, help="characters kept per cell output (0: all)").tag(config=True)

    def preprocess(self, nb, resources=None, km=None):
        self._deadline = monotonic() + self.notebook_timeout if self.notebook_timeout else None
        self._used: dict[int, int] = {}
        self.shutdown_kernel = "immediate"  # nothing of a graded kernel is worth a graceful exit
        return super().preprocess(nb, resources, km)

    def _remaining(self) -> float | None:
        return None if self._deadline is None else self._deadline - monotonic()

    def _get_timeout(self, cell):
        timeout = super()._get_timeout(cell)
        left = self._remaining()
        if left is not None:
            timeout = max(1, min(timeout or math.inf, math.ceil(left)))
        return timeout

    async def async_start_new_kernel(self, **kwargs):
        if self.memory_mb:
            kwargs.setdefault("preexec_fn", memory_cap(self.memory_mb))
        kwargs.setdefault("stderr", subprocess.DEVNULL)  # kernel start-up chatter; student output comes over IOPub
        await super().async_start_new_kernel(**kwargs)

    start_new_kernel = run_sync(async_start_new_kernel)

    async def _async_replace_kernel(self) -> None:
        if self.km is not None:
            try:
                await ensure_async(self.km.shutdown_kernel(now=True))
            except Exception:  # noqa: BLE001, S110 -- a dead or stuck kernel: cleanup below is what matters
                pass
            await ensure_async(self.km.cleanup_resources())
        if self.kc is not None:
            await ensure_async(self.kc.stop_channels())
        self.kc = None
        self.km = self.create_kernel_manager()
        await self.async_start_new_kernel()
        await self.async_start_new_kernel_client()

    _replace_kernel = run_sync(_async_replace_kernel)

    def preprocess_cell(self, cell, resources, index):
        if cell.cell_type != "code" or not cell.source.strip():
            return cell, self.resources
        left = self._remaining()
        if left is not None and left <= 0:
            cell.outputs = [error_output(NOTEBOOK_TIMEOUT, f"not run: the notebook used up its "
                                                           f"{self.notebook_timeout} s time limit")]
            return cell, self.resources
        try:
            return super().preprocess_cell(cell, resources, index)
        except DeadKernelError:
            cell.outputs.append(error_output(KERNEL_DIED, "the kernel stopped while running this cell (it exited "
                                             "or ran out of memory); later cells ran in a fresh kernel"))
        except CellTimeoutError:
            cell.outputs.append(error_output(UNRESPONSIVE, "this cell ignored the interrupt after its time limit; "
                                             "later cells ran in a fresh kernel"))
        self._replace_kernel()
        return cell, self.resources

    def output(self, outs, msg, display_id, cell_index):
        used = self._used.get(cell_index, 0)
        room = self.output_chars - used if self.output_chars else math.inf
        if room <= 0 and msg["msg_type"] != "error":
            return None
        out = super().output(outs, msg, display_id, cell_index)
        if out is None or not self.output_chars:
            return out
        size = 0
        if "text" in out:
            out.text = _cut(out.text, int(room))
            size = len(out.text)
        for mime, value in list(out.get("data", {}).items()):
            if isinstance(value, str):
                if mime.startswith("text/"):
                    out.data[mime] = _cut(value, int(room))
                elif len(value) > room:
                    del out.data[mime]
                size += len(out.data.get(mime, ""))
        if out.output_type == "error":
            out.evalue = _cut(out.evalue, self.output_chars)
            out.traceback = [_cut(line, self.output_chars) for line in out.traceback[:200]]
        self._used[cell_index] = used + size
        return out
