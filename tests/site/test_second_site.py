"""A second explainer, on a made-up topic, built end to end by the same generator.

`tests/second_site/` is a complete small project: a made-up river-water accord between three
invented states, its own report text, site file, eras and mkdocs.yml. The real command line
checks and generates it, MkDocs builds it strictly, and the generated tree must match
`tests/second_site/expected/` (after a deliberate change to rendering run
`pytest --update-golden` and review the diff). If the generator held words about the real topic,
they would show up here.
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from conftest import ROOT, TESTS
from hostile.project import TRACEBACK, cli, snapshot

SECOND = TESTS / "second_site"
EXPECTED = SECOND / "expected"


def site_file(root: Path) -> dict:
    return yaml.safe_load((root / "content/site.yml").read_text(encoding="utf-8"))


def whole_word(word: str) -> re.Pattern:
    """`word` not inside a longer word; it may itself end in a dot ("U.S.")."""
    return re.compile(rf"(?<!\w){re.escape(word)}(?!\w)")


@pytest.fixture(scope="module")
def second(tmp_path_factory):
    """A copy of the second site, checked, generated and built: (root, check, generate, build)."""
    root = tmp_path_factory.mktemp("second") / "project"
    left_out = {SECOND: ["expected", "site"], SECOND / "docs": ["generated"]}  # outputs, not input
    shutil.copytree(SECOND, root, ignore=lambda folder, names: left_out.get(Path(folder), []))
    check, generate = cli(root, "check"), cli(root, "generate")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                           cwd=root, env=env, capture_output=True, text=True, timeout=300)
    return root, check, generate, build


def test_check_passes_without_a_warning(second):
    _, check, _, _ = second
    assert check.code == 0, check.text
    assert check.out == "ok: 16 records, 22 citations verified\n"
    assert check.err == ""


def test_generate_and_strict_build_succeed_without_warnings(second):
    root, _, generate, build = second
    assert generate.code == 0 and TRACEBACK not in generate.text, generate.text
    assert generate.out.startswith("generated ") and generate.err == ""
    assert build.returncode == 0, build.stderr
    assert "WARNING" not in build.stderr and TRACEBACK not in build.stderr, build.stderr
    assert (root / "site/positions/index.html").is_file() and (root / "site/timeline/index.html").is_file()


def test_generated_tree_matches_golden_files(second, update_golden):
    files = snapshot(second[0] / "docs/generated")
    if update_golden:
        shutil.rmtree(EXPECTED, ignore_errors=True)
        for rel, body in files.items():
            (EXPECTED / rel).parent.mkdir(parents=True, exist_ok=True)
            (EXPECTED / rel).write_bytes(body)
    expected = snapshot(EXPECTED)
    assert sorted(files) == sorted(expected)
    for rel, body in files.items():
        assert body == expected[rel], f"{rel} differs from its golden file; review, then --update-golden"


def test_pages_carry_the_second_sites_parties_and_eras(second):
    root = second[0]
    site = site_file(root)
    positions = (root / "docs/generated/positions.md").read_text(encoding="utf-8")
    timeline = (root / "docs/generated/timeline.md").read_text(encoding="utf-8")
    for party in site["parties"]:
        assert f'<p class="side-name" role="heading" aria-level="3">{party["name"]}</p>' in positions
    assert "The sources give no position of Lumavia on this." in positions  # the side left out
    assert "The report says that Dornholt, furthest downstream, has taken neither side." in positions
    for era in site["eras"]:
        title = era["title"].replace("'", "&#39;")
        assert f"## {title} {{ #era-{era['id']} }}" in timeline


def real_topic_words() -> list[str]:
    """The real site's title, parties, speakers, aliases and era titles, and its acronym."""
    site = site_file(ROOT)
    words = [site["title"], "INF", *(e["title"] for e in site["eras"])]
    for party in site["parties"]:
        words += [party["name"], *party.get("aliases", [])]
        for speaker in party.get("speakers", []):
            words += [speaker["name"], *speaker.get("aliases", [])]
    return words


def test_pages_hold_no_word_of_the_real_site(second):
    words = real_topic_words()
    assert {"Russia", "United States", "Vladimir Putin", "INF"} <= set(words)
    found = [f"{rel}: {word}" for rel, body in snapshot(second[0] / "docs/generated").items()
             for word in words if whole_word(word).search(body.decode("utf-8", "replace"))]
    assert found == []
