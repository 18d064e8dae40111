"""Browser tests: one real JupyterLab server on a temporary copy of the course, one headless chromium.

The session starts, once:
- a course folder in a temporary directory (lessons/, release/, source/, nbgrader_config.py, the
  exchange folder the config names, and scratch notebooks for widgets no lesson embeds yet);
- `medcode demo` in the background into a second temporary folder: the graded sample class that the
  instructor test copies into the course root (gradebook.db, submitted/, autograded/, feedback/)
  when it first needs it, so the demo's autograding overlaps the student tests;
- `jupyter lab` on 127.0.0.1 (free port, token auth) with every Jupyter and IPython folder inside the
  temporary directory; the kernel and the lab extensions still come from sys.prefix;
- Debian's chromium (/usr/bin/chromium) through Playwright: never a downloaded browser.

Each test gets a fresh browser context and a `lab` driver whose `step()` names the step that failed
and saves the page (screenshot and HTML) in test-artifacts/browser/ before re-raising.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import socket
import subprocess
import sys
import time
import urllib.error
import urllib.request
import uuid
from contextlib import contextmanager
from pathlib import Path

import pytest

try:
    from playwright.sync_api import Error as PlaywrightError
    from playwright.sync_api import sync_playwright
except ImportError:  # the skip below says so
    sync_playwright = None
    PlaywrightError = Exception

REPO = Path(__file__).resolve().parents[2]
ARTIFACTS = REPO / "test-artifacts" / "browser"
CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
                 "--no-first-run", "--disable-sync", "--disable-quic"]
VIEWPORT = {"width": 1400, "height": 1000}
ASSIGNMENT = "icd10cm-conventions"
KERNEL_IDLE = re.compile(r"^Python 3 \(ipykernel\) \| Idle$")

# Settings JupyterLab reads from <app_settings_dir>/overrides.json: no news or update pop-up over the
# page, and every cell kept in the page (no windowing) so a test sees the whole notebook.
LAB_OVERRIDES = {
    "@jupyterlab/apputils-extension:notification": {"fetchNews": "false", "checkForUpdates": False},
    "@jupyterlab/notebook-extension:tracker": {"windowingMode": "none"},
}

SCRATCH_NOTEBOOKS = {
    "scratch/pcs-builder.ipynb": "from medcode.widgets import PcsBuilder, DrgExplorer\nPcsBuilder()",
    "scratch/drg-explorer.ipynb": "from medcode.widgets import PcsBuilder, DrgExplorer\nDrgExplorer()",
}


def pytest_collection_modifyitems(config, items):
    """Among the browser tests, run those that need the graded class last, so that `medcode demo`
    grades it in the background while the student tests run."""
    here = Path(__file__).parent
    slots = [i for i, item in enumerate(items) if Path(str(item.path)).is_relative_to(here)]
    ours = [items[i] for i in slots]
    ours.sort(key=lambda item: "graded_course" in getattr(item, "fixturenames", ()))
    for i, item in zip(slots, ours):
        items[i] = item


def missing_requirement() -> str | None:
    if sync_playwright is None:
        return "the Python package playwright is not installed (pip install playwright; no browser download needed)"
    if not CHROMIUM.exists():
        return f"{CHROMIUM} is missing (Debian's chromium: python -m medcode.setup_env installs it)"
    return None


@pytest.fixture(scope="session")
def requirements():
    reason = missing_requirement()
    if reason:
        pytest.skip(f"browser tests skipped: {reason}")


# ---------------------------------------------------------------- course, demo and server

def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def jupyter_env(tmp: Path) -> dict:
    env = dict(os.environ)
    for var in ("JUPYTER_PATH", "JUPYTER_CONFIG_PATH", "JUPYTER_PREFER_ENV_PATH"):
        env.pop(var, None)
    env.update(
        JUPYTER_CONFIG_DIR=str(tmp / "jupyter" / "config"),
        JUPYTER_DATA_DIR=str(tmp / "jupyter" / "data"),
        JUPYTER_RUNTIME_DIR=str(tmp / "jupyter" / "runtime"),
        IPYTHONDIR=str(tmp / "ipython"),
        JUPYTERLAB_SETTINGS_DIR=str(tmp / "jupyter" / "lab-user-settings"),
        JUPYTERLAB_WORKSPACES_DIR=str(tmp / "jupyter" / "lab-workspaces"),
        PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}",
        PYDEVD_DISABLE_FILE_VALIDATION="1",
        PYTHONUNBUFFERED="1",
    )
    env.setdefault("MEDCODE_CACHE_DIR", str(REPO / "build" / "cache"))
    return env


def make_course(course: Path) -> None:
    import nbformat

    course.mkdir(parents=True)
    for name in ("lessons", "release", "source"):
        shutil.copytree(REPO / name, course / name, ignore=shutil.ignore_patterns(".ipynb_checkpoints"))
    shutil.copy(REPO / "nbgrader_config.py", course)
    exchange_root(course).mkdir(parents=True, exist_ok=True)  # else the formgrader warns
    for rel, source in SCRATCH_NOTEBOOKS.items():
        nb = nbformat.v4.new_notebook()
        nb.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3 (ipykernel)", "language": "python"}
        nb.cells = [nbformat.v4.new_code_cell(source)]
        (course / rel).parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(nb, course / rel)


def exchange_root(course: Path) -> Path:
    """The exchange folder nbgrader_config.py names (c.Exchange.root = "build/exchange"), inside the course
    when it is relative, as the server (started in the course) resolves it."""
    from traitlets.config.loader import PyFileConfigLoader

    config = PyFileConfigLoader("nbgrader_config.py", path=str(course)).load_config()
    root = Path(config.Exchange.root) if "root" in config.Exchange else Path("build/exchange")
    if root.is_absolute() and not root.is_relative_to(course):
        raise RuntimeError(f"nbgrader_config.py puts the exchange outside the course ({root}): the browser "
                           "tests would have to create it there")
    return course / root


class Demo:
    """`medcode demo` running in the background; `install()` copies its graded class into the course."""

    PARTS = ("gradebook.db", "submitted", "autograded", "feedback", "reports")

    def __init__(self, tmp: Path, course: Path, env: dict):
        self.folder, self.course, self.log = tmp / "demo" / "course", course, tmp / "demo.log"
        self.installed = False
        with self.log.open("w") as out:
            self.proc = subprocess.Popen([sys.executable, "-m", "medcode", "demo", "--dir", str(self.folder)],
                                         cwd=REPO, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)

    def install(self, timeout: float = 240) -> Path:
        if self.installed:
            return self.course
        try:
            code = self.proc.wait(timeout=timeout)
        except subprocess.TimeoutExpired:
            self.stop()
            raise AssertionError(f"medcode demo did not finish in {timeout:.0f} s; log: {self.log}")
        assert code == 0, f"medcode demo failed (exit {code}):\n{self.log.read_text()[-3000:]}"
        for name in self.PARTS:
            src, dst = self.folder / name, self.course / name
            if src.is_dir():
                shutil.copytree(src, dst, dirs_exist_ok=True)
            else:
                shutil.copy(src, dst)
        self.installed = True
        return self.course

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


class LabServer:
    def __init__(self, course: Path, tmp: Path, env: dict):
        self.course, self.tmp, self.env = course, tmp, env
        self.token = uuid.uuid4().hex
        self.log = tmp / "jupyter-server.log"
        app_settings = tmp / "lab-app-settings"
        app_settings.mkdir(exist_ok=True)
        (app_settings / "overrides.json").write_text(json.dumps(LAB_OVERRIDES, indent=1))
        self.port = free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        cmd = [sys.executable, "-m", "jupyter", "lab", "--no-browser", "--ip=127.0.0.1", f"--port={self.port}",
               "--ServerApp.port_retries=0", f"--IdentityProvider.token={self.token}",
               # root_dir only: --notebook-dir is its alias, and giving both is refused as two values
               f"--ServerApp.root_dir={course}",
               f"--LabApp.app_settings_dir={app_settings}",
               "--LabApp.check_for_updates_class=jupyterlab.NeverCheckForUpdate"]
        if hasattr(os, "geteuid") and os.geteuid() == 0:
            cmd.append("--allow-root")
        with self.log.open("w") as out:
            # cwd = the course: nbgrader's formgrader and validate read nbgrader_config.py and gradebook.db there
            self.proc = subprocess.Popen(cmd, cwd=course, env=env, stdout=out, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL)

    def api(self, path: str, method: str = "GET"):
        request = urllib.request.Request(f"{self.url}{path}", method=method,
                                         headers={"Authorization": f"token {self.token}"})
        with urllib.request.urlopen(request, timeout=10) as response:
            body = response.read()
        return json.loads(body) if body else None

    def wait_ready(self, timeout: float = 60) -> None:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            if self.proc.poll() is not None:
                raise RuntimeError(f"jupyter lab exited ({self.proc.returncode}):\n{self.log.read_text()[-3000:]}")
            try:
                self.api("/api/status")
                return
            except (urllib.error.URLError, ConnectionError, OSError):
                time.sleep(0.25)
        raise RuntimeError(f"jupyter lab did not answer in {timeout:.0f} s:\n{self.log.read_text()[-3000:]}")

    def shutdown_sessions(self) -> None:
        """Close every notebook's kernel, so one test's kernels do not slow the next."""
        try:
            for session in self.api("/api/sessions"):
                self.api(f"/api/sessions/{session['id']}", method="DELETE")
        except (urllib.error.URLError, OSError):
            pass

    def stop(self) -> None:
        if self.proc.poll() is None:
            self.proc.terminate()  # SIGTERM: the server shuts its kernels down
            try:
                self.proc.wait(timeout=15)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()


@pytest.fixture(scope="session")
def browser_tmp(requirements, tmp_path_factory):
    return tmp_path_factory.mktemp("medcode-browser")


@pytest.fixture(scope="session")
def lab_server(browser_tmp):
    tmp = browser_tmp
    course = tmp / "course"
    make_course(course)
    env = jupyter_env(tmp)
    demo = Demo(tmp, course, env)
    server = None
    try:
        for attempt in range(2):  # a free port can be taken between choosing it and binding it
            server = LabServer(course, tmp, env)
            try:
                server.wait_ready()
                break
            except RuntimeError:
                server.stop()
                if attempt:
                    raise
        server.demo = demo
        yield server
    finally:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        if server is not None:
            server.stop()
            shutil.copy(server.log, ARTIFACTS / "jupyter-server.log")
        demo.stop()
        if demo.log.exists():
            shutil.copy(demo.log, ARTIFACTS / "medcode-demo.log")


@pytest.fixture
def graded_course(lab_server) -> Path:
    """The course root with the demo's graded sample class in it (waits for `medcode demo`)."""
    return lab_server.demo.install()


@pytest.fixture(scope="session")
def browser(requirements):
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=str(CHROMIUM), headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


# ---------------------------------------------------------------- the driver a test uses

class StepFailed(AssertionError):
    pass


class Lab:
    """A person's actions in JupyterLab, each wait bounded; `step()` names what failed."""

    def __init__(self, page, server: LabServer, name: str):
        self.page, self.server, self.name = page, server, name
        self.workspace = re.sub(r"[^a-z0-9-]+", "-", name.lower()).strip("-")[:60]

    # ---- evidence
    def screenshot(self, label: str, full_page: bool = False) -> Path:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        path = ARTIFACTS / f"{label}.png"
        self.page.screenshot(path=str(path), full_page=full_page)
        return path

    def save_failure(self, step: str) -> str:
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        stem = f"FAILED-{self.workspace}-{re.sub(r'[^a-z0-9]+', '-', step.lower()).strip('-')[:40]}"
        saved = []
        try:
            self.page.screenshot(path=str(ARTIFACTS / f"{stem}.png"))
            saved.append(f"{stem}.png")
            (ARTIFACTS / f"{stem}.html").write_text(self.page.content())
            saved.append(f"{stem}.html")
        except PlaywrightError as err:  # a crashed page cannot be saved; say so
            saved.append(f"(page not saved: {err})")
        return ", ".join(saved)

    @contextmanager
    def step(self, description: str):
        try:
            yield
        except StepFailed:
            raise
        except BaseException as exc:
            if isinstance(exc, (KeyboardInterrupt, SystemExit)):
                raise
            saved = self.save_failure(description)
            first_line = str(exc).strip().splitlines()[0] if str(exc).strip() else ""
            raise StepFailed(f"step failed: {description!r}: {type(exc).__name__}: {first_line}\n"
                             f"page saved in {ARTIFACTS}: {saved}\nserver log: {self.server.log}") from exc

    # ---- navigation
    def goto(self, rel: str = "", query: str = "") -> None:
        tree = f"/tree/{rel}" if rel else ""
        self.page.goto(f"{self.server.url}/lab/workspaces/{self.workspace}{tree}?reset&token={self.server.token}"
                       f"{query}")
        self.page.locator(".lm-MenuBar-item").first.wait_for(timeout=60_000)
        self.page.locator(".jp-FileBrowser .jp-DirListing-item").first.wait_for(timeout=30_000)

    @property
    def panel(self):
        return self.page.locator(".jp-NotebookPanel:not(.lm-mod-hidden)")

    def open_notebook(self, rel: str) -> None:
        self.goto(rel)
        self.panel.locator(".jp-Cell").first.wait_for(timeout=60_000)
        self.wait_idle(timeout=90_000)

    def wait_idle(self, timeout: float = 60_000) -> None:
        """Wait until the notebook's kernel is connected and idle, as the status bar tells a person
        ("Python 3 (ipykernel) | Idle"; before the kernel starts it reads "No Kernel | Initializing")."""
        self.page.locator(".jp-StatusBar-TextItem").filter(has_text=KERNEL_IDLE).first.wait_for(timeout=timeout)
        self.panel.locator(".jp-Notebook-ExecutionIndicator[data-status='idle']").wait_for(timeout=timeout)

    def menu(self, *labels: str) -> None:
        """Click a menu bar entry, then entries of the menus it opens (labels as shown)."""
        self.page.locator(".lm-MenuBar-item", has=self.page.locator(".lm-MenuBar-itemLabel", has_text=re.compile(
            rf"^{re.escape(labels[0])}$"))).click()
        for label in labels[1:]:
            item = self.page.locator(".lm-Menu:not(.lm-MenuBar) .lm-Menu-item:visible").filter(
                has=self.page.locator(".lm-Menu-itemLabel", has_text=re.compile(rf"^{re.escape(label)}$")))
            item.first.click()

    # ---- notebook actions
    def prompts(self) -> list[str]:
        return self.panel.locator(".jp-CodeCell .jp-InputArea-prompt").all_inner_texts()

    def wait_run_done(self, timeout: float = 120_000, all_numbered: bool = True) -> None:
        """Wait until no cell waits or runs ([*]) and the kernel is idle; with all_numbered, every
        code cell has run."""
        pattern = r"^\[\d+\]:$" if all_numbered else r"^\[(\d+| )\]:$"
        self.page.wait_for_function(
            """([pattern]) => {
                const panel = document.querySelector('.jp-NotebookPanel:not(.lm-mod-hidden)');
                const indicator = panel && panel.querySelector('.jp-Notebook-ExecutionIndicator');
                const prompts = panel ? [...panel.querySelectorAll('.jp-CodeCell .jp-InputArea-prompt')] : [];
                const re = new RegExp(pattern);
                return indicator && indicator.dataset.status === 'idle' && prompts.length > 0
                       && prompts.every(p => re.test(p.textContent.trim()));
            }""", arg=[pattern], timeout=timeout, polling=250)
        self.wait_idle(timeout=timeout)

    def run_all(self, timeout: float = 120_000) -> None:
        """Edit > Clear Outputs of All Cells, then Run > Run All Cells, and wait for the run to end."""
        self.menu("Edit", "Clear Outputs of All Cells")
        self.page.wait_for_function(
            """() => [...document.querySelectorAll('.jp-NotebookPanel:not(.lm-mod-hidden) .jp-CodeCell .jp-InputArea-prompt')]
                     .every(p => !/\\d/.test(p.textContent))""", timeout=10_000)
        self.menu("Run", "Run All Cells")
        self.wait_run_done(timeout=timeout)

    def error_outputs(self) -> list[str]:
        texts = self.panel.locator(".jp-OutputArea-output[data-mime-type='application/vnd.jupyter.stderr']"
                                   ).all_inner_texts()
        return [t for t in texts if "Traceback" in t or "Error" in t]

    def code_cell(self, first_line: str | re.Pattern):
        """The code cell whose editor has a line matching `first_line` (a regex or its start)."""
        pattern = first_line if isinstance(first_line, re.Pattern) else re.compile(rf"^{re.escape(first_line)}")
        return self.panel.locator(".jp-CodeCell").filter(has=self.page.locator(".cm-line", has_text=pattern))

    def type_into_cell(self, cell, text: str) -> None:
        """Click into the cell's editor, select its text and type `text` over it, key by key."""
        cell.locator(".cm-content").click()
        self.page.keyboard.press("ControlOrMeta+a")
        self.page.keyboard.type(text)
        self.page.keyboard.press("Escape")  # back to command mode

    def cell_text(self, cell) -> str:
        return "\n".join(cell.locator(".cm-line").all_inner_texts())

    def save(self) -> None:
        """File > Save Notebook, then wait until the tab is no longer marked unsaved."""
        self.menu("File", "Save Notebook")
        self.page.locator(".lm-TabBar-tab.jp-mod-current.jp-mod-dirty").wait_for(state="detached", timeout=20_000)


@pytest.fixture
def lab(request, lab_server, browser):
    context = browser.new_context(viewport=VIEWPORT)
    page = context.new_page()
    page.set_default_timeout(30_000)
    driver = Lab(page, lab_server, request.node.name)
    try:
        yield driver
    finally:
        context.close()
        lab_server.shutdown_sessions()
