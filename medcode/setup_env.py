"""One-time set-up after `pip install`: build the code-set indexes and check what the browser tests need.

Run by `make install` (python -m medcode.setup_env). Safe to run again.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

from medcode import codesets

CHROMIUM = "/usr/bin/chromium"


def build_indexes() -> None:
    for name in sorted(codesets.SYSTEMS):
        start = time.perf_counter()
        module = codesets.system(name)
        probe = {"icd10cm": "E11.22", "icd10pcs": "0DTJ4ZZ", "hcpcs": "J1100", "cpt": "99213"}.get(name)
        if probe:
            try:
                module.get(probe)
            except codesets.CodeError:
                pass
        print(f"  index {name}: ready in {time.perf_counter() - start:.1f} s")


def ensure_chromium() -> None:
    """Debian's chromium for the browser tests (never a downloaded browser build)."""
    if os.path.exists(CHROMIUM) or os.environ.get("MEDCODE_SKIP_BROWSER"):
        return
    if shutil.which("apt-get") and os.geteuid() == 0:
        print("  installing Debian's chromium for the browser tests (apt-get)")
        quiet = {"stdout": subprocess.DEVNULL, "stderr": subprocess.DEVNULL, "check": False}
        subprocess.run(["apt-get", "update", "-qq"], **quiet)
        subprocess.run(["apt-get", "install", "-y", "-qq", "chromium", "fonts-liberation"],
                       env={**os.environ, "DEBIAN_FRONTEND": "noninteractive"}, **quiet)
    if not os.path.exists(CHROMIUM):
        print(f"  note: {CHROMIUM} is missing; the browser tests will be skipped. "
              "Install it with: sudo apt-get install chromium", file=sys.stderr)


def main() -> None:
    print("== building code-set indexes (cached in MEDCODE_CACHE_DIR)")
    build_indexes()
    ensure_chromium()


if __name__ == "__main__":
    main()
