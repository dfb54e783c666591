"""In GitHub Actions, each problem also prints as a workflow command, so it shows on the changed line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys

from explainer.model.problems import Problem
from conftest import ROOT

BROKEN = """id: typo-quote
speaker: Vladimir Putin
occasion: plenary session of an economic forum
place: Vladivostok
when: that day
words: We will produce such missiles, of course
cite:
  - source: putin-eef-2019
    quote: We will produce such misiles, of course
"""


def check(tmp_path, github: bool) -> subprocess.CompletedProcess:
    shutil.copytree(ROOT / "content" / "sources", tmp_path / "content" / "sources")
    (tmp_path / "content" / "quotes").mkdir()
    (tmp_path / "content" / "quotes" / "typo-quote.yml").write_text(BROKEN, encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"}
    env["PYTHONPATH"] = str(ROOT / "scripts")
    if github:
        env["GITHUB_ACTIONS"] = "true"
    return subprocess.run([sys.executable, "-m", "explainer", "--root", str(tmp_path), "check"],
                          env=env, capture_output=True, text=True)


def test_ci_prints_an_annotation_on_the_offending_line(tmp_path):
    result = check(tmp_path, github=True)
    assert result.returncode == 1
    lines = [line for line in result.stdout.splitlines() if "typo-quote" in line]
    plain = [line for line in lines if not line.startswith("::")]
    annotations = [line for line in lines if line.startswith("::")]
    assert plain and len(annotations) == len(plain)
    assert annotations[0].startswith("::error file=content/quotes/typo-quote.yml,line=9,col=12::quote not found in "
                                     "putin-eef-2019; copy the words exactly;")


def test_outside_ci_there_are_no_annotations(tmp_path):
    result = check(tmp_path, github=False)
    assert result.returncode == 1
    assert not any(line.startswith("::") for line in result.stdout.splitlines())


def test_annotation_escapes_what_would_end_the_command():
    problem = Problem("content/a,b.yml", 3, 4, "bad: 100% wrong\nsecond line", "fix it")
    assert problem.annotation() == ("::error file=content/a%2Cb.yml,line=3,col=4::"
                                    "bad: 100%25 wrong%0Asecond line; fix it")
    assert Problem("x.yml", 1, 1, "m", severity="warning").annotation() == "::warning file=x.yml,line=1,col=1::m"
