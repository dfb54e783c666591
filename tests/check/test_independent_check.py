"""The independent citation checker (shared/tools, written apart from ours) agrees."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, checked, read_files

VERIFIER = ROOT.parent / "shared" / "tools" / "verify_citations.py"


@pytest.mark.skipif(not VERIFIER.exists(), reason="shared/tools is not beside this checkout")
def test_independent_checker_finds_no_problem():
    result = subprocess.run([sys.executable, str(VERIFIER), str(ROOT)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert " 0 problems; 0 uncited" in result.stdout


@pytest.mark.skipif(not VERIFIER.exists(), reason="shared/tools is not beside this checkout")
def test_independent_checker_counts_what_the_site_counts():
    """Citations, cited statements and background statements: the same figures from both checkers."""
    result = subprocess.run([sys.executable, str(VERIFIER), str(ROOT)], capture_output=True, text=True)
    found = re.search(r"citations: (\d+) verified in (\d+) cited records over \d+ files; (\d+) background", result.stdout)
    assert found, result.stdout
    content = checked(read_files(ROOT))
    statements = content.statements
    assert int(found.group(1)) == sum(len(s.citations) for s in statements)
    assert int(found.group(2)) == sum(1 for s in statements if s.citations)
    assert int(found.group(3)) == content.counts[1]
