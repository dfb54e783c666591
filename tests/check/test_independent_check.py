"""The independent citation checker (shared/tools, written apart from ours) agrees."""

from __future__ import annotations

import subprocess
import sys

import pytest

from conftest import ROOT

VERIFIER = ROOT.parent / "shared" / "tools" / "verify_citations.py"


@pytest.mark.skipif(not VERIFIER.exists(), reason="shared/tools is not beside this checkout")
def test_independent_checker_finds_no_problem():
    result = subprocess.run([sys.executable, str(VERIFIER), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 problems; 0 uncited" in result.stdout
