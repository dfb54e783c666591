"""`make cite`: typed words find the passage, and the printed entry passes the checker as is."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest
import yaml

from explainer.cite import anchor as cite
from explainer.cite import finder
from explainer.check.content import check_content
from conftest import ROOT, read_files

SOURCES = {p.stem: cite.SourceText(p.stem, p.read_text(encoding="utf-8"))
           for p in (ROOT / "content/sources").glob("*.txt")}
EVENT = """id: typed-event
date: 2019-09-05
when: that day
date_references:
  - title: A test reference
    publisher: A test publisher
    url: https://example.org/test
era: collapse
title: A test event
text: A test event.
"""
NARRATION = "basis: narration\n"
PUTIN = "basis: reported\nattributed_to: Vladimir Putin\n"  # the report's words are narration, Putin's his


def checked(entry: str, basis: str = NARRATION) -> list[str]:
    """Problems `make check` finds with the entry pasted into an event beside the real sources."""
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/") or k == "content/site.yml"}
    files["content/timeline/typed-event.yml"] = (EVENT + basis + entry).encode("utf-8")
    _, problems = check_content(files)
    return [p.format() for p in problems if p.path.endswith("typed-event.yml")]


@pytest.mark.parametrize("typed, exact, basis", [
    ("we've said in publc already that we are not going", "We’ve said in public already that we’re not going",
     PUTIN),
    ("arms race but washington had not", "arms race butWashington had not", PUTIN),
    ("A RANGE BETWEEN 500 AND 5500 KILOMETERS", "a range between 500 and 5,500 kilometers", NARRATION),
    ("said that russia will produce new missiles that were previosly banned",
     "said that Russia will produce new missiles that were previously banned", PUTIN),
])
def test_typed_words_find_the_exact_passage(typed, exact, basis):
    best = finder.search(SOURCES, typed)[0]
    assert best.quote == exact
    assert yaml.safe_load(best.entry())["cite"][0]["quote"] == exact
    assert checked(best.entry(), basis) == []


def test_recurring_words_get_the_context_that_makes_them_unique():
    found = finder.search(SOURCES, "eastern economic forum in vladivostock")
    assert [p.quote for p in found[:2]] == ["Eastern Economic Forum in Vladivostok"] * 2
    assert {p.prefix for p in found[:2]} == {"session at the", "Thursday at the"}
    for passage in found[:2]:
        assert isinstance(cite.anchor(SOURCES[passage.source], passage.quote), cite.Miss)  # ambiguous alone
        assert checked(passage.entry()) == []


def test_fewer_than_three_words_or_nothing_alike_finds_nothing():
    assert finder.search(SOURCES, "the treaty") == []
    assert finder.search(SOURCES, "purple elephants dance quietly tonight") == []


def run_cite(*words: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    return subprocess.run([sys.executable, "-m", "explainer", "cite", "--", *words], cwd=ROOT, env=env,
                          capture_output=True, text=True)


def test_cite_command_prints_a_ready_entry():
    result = run_cite("putin told an economic forum thursday")
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith("# putin-eef-2019.txt line 2, 100% alike\n")
    entry = result.stdout.split("\n", 1)[1]
    assert entry.startswith("cite:\n  - source: putin-eef-2019\n    quote: Putin told an economic forum Thursday\n")
    assert checked(entry.split("\n\n", 1)[0] + "\n") == []


def test_cite_command_fails_when_nothing_is_alike():
    result = run_cite("purple elephants dance quietly tonight")
    assert result.returncode == 1 and result.stdout.startswith("no passage like")


def test_a_long_query_that_finds_nothing_is_echoed_cut_short():
    result = run_cite("purple elephants " * 1000)
    assert result.returncode == 1
    first = result.stdout.splitlines()[0]
    assert first.startswith("no passage like 'purple elephants purple") and "…' (17,000 characters) in " in first
    assert len(first) < 300
