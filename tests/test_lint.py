"""Lint, format and types over the generator and the benchmarks: `make lint`, run by `make test`.

Each tool is pinned in requirements-dev.txt and configured in pyproject.toml; a
finding fails here with the tool's own message, file and line.
"""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

COMMANDS = {
    "ruff check": [sys.executable, "-m", "ruff", "check", "scripts", "benchmarks"],
    "ruff format --check": [sys.executable, "-m", "ruff", "format", "--check", "scripts", "benchmarks"],
    "mypy": [sys.executable, "-m", "mypy"],
}


@pytest.mark.parametrize("tool", sorted(COMMANDS))
def test_the_code_is_clean(tool):
    run = subprocess.run(COMMANDS[tool], cwd=ROOT, capture_output=True, text=True)
    assert run.returncode == 0, f"`{tool}` found problems (run `make lint`):\n{run.stdout}{run.stderr}"
