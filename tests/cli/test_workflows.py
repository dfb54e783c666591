"""The GitHub workflows pass actionlint (shipped as a binary inside a PyPI wheel)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT


def actionlint() -> str:
    found = Path(sys.executable).parent / "actionlint"
    return str(found) if found.exists() else shutil.which("actionlint")


def test_workflows_pass_actionlint():
    workflows = sorted((ROOT / ".github/workflows").glob("*.yml"))
    assert len(workflows) >= 2
    result = subprocess.run([actionlint(), "-no-color", *map(str, workflows)], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr


def test_actionlint_catches_a_broken_workflow(tmp_path):
    bad = tmp_path / "bad.yml"
    bad.write_text("on: push\njobs:\n  x:\n    runs-on: ubuntu-24.04\n    steps:\n      - run: echo ${{ github.nope }}\n")
    result = subprocess.run([actionlint(), "-no-color", str(bad)], capture_output=True, text=True)
    assert result.returncode == 1 and "nope" in result.stdout
