"""A copy of the project where `make <target>` runs as a contributor types it.

The copy gets the Makefile, the generator (linked, not copied) and a `.venv/` whose python runs
the tests' own interpreter, stamped as set up: the Makefile's recipes run as written, and
nothing is installed or touched in the real checkout.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def makeable(project: Path) -> Path:
    """Make `project` (a copy of some of the repository) runnable with `make`."""
    for name in ("Makefile", "requirements.txt", "requirements-dev.txt"):
        shutil.copy(ROOT / name, project / name)
    if not (project / "scripts").exists():
        (project / "scripts").symlink_to(ROOT / "scripts", target_is_directory=True)
    python = project / ".venv" / "bin" / "python"
    python.parent.mkdir(parents=True, exist_ok=True)
    python.write_text(f'#!/bin/sh\nexec "{sys.executable}" "$@"\n', encoding="utf-8")
    python.chmod(0o755)
    (project / ".venv" / ".installed").touch()  # newer than the requirements copied above
    return project


def contributor_env() -> dict[str, str]:
    """This environment as a contributor's shell has it: not inside CI annotations, nor inside the
    `make test` that runs the tests (whose make would print `make[1]:` and pass on its flags)."""
    return {k: v for k, v in os.environ.items() if k not in ("GITHUB_ACTIONS", "MAKEFLAGS", "MFLAGS", "MAKELEVEL")}


def make(project: Path, *args: str, **kwargs) -> subprocess.CompletedProcess:
    """`make -s ARGS` in the copy (-s: without echoing each command); output captured as text."""
    env = {**contributor_env(), **kwargs.pop("env", {})}
    return subprocess.run(["make", "-s", "--no-print-directory", *args], cwd=project, env=env,
                          capture_output=True, text=True, **kwargs)
