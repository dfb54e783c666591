"""A third party and a third era, added to the real site file alone, reach the pages.

On a copy of the project, content/site.yml gains a party (NATO) and an era, and one event moves
into the new era by its `era:` id. No Python changes: the real command line checks and generates
the copy, and the positions page gives NATO a silent cell on every topic, the timeline the new
era's heading with the moved event under it.
"""

from __future__ import annotations

import re

import pytest

from conftest import ROOT
from hostile.project import TRACEBACK, cli, copy_project

PARTY = "  - id: nato\n    name: NATO\n"
ERA = "  - id: remarks\n    title: The forum remarks\n"
TOPICS = sorted(p.stem for p in (ROOT / "content/positions").glob("*.yml"))


@pytest.fixture(scope="module")
def generated(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("third") / "project")
    site = root / "content/site.yml"
    text = site.read_text(encoding="utf-8")
    assert text.count("\neras:\n") == 1 and text.count("\nequivalences:\n") == 1  # where the new entries go
    text = text.replace("\neras:\n", f"\n{PARTY}eras:\n").replace("\nequivalences:\n", f"\n{ERA}equivalences:\n")
    site.write_text(text, encoding="utf-8")
    event = root / "content/timeline/eef-remarks.yml"
    event.write_text(event.read_text(encoding="utf-8").replace("\nera: collapse\n", "\nera: remarks\n"),
                     encoding="utf-8")
    check, generate = cli(root, "check"), cli(root, "generate")
    for run in (check, generate):
        assert run.code == 0 and TRACEBACK not in run.text, run.text
        assert "warning" not in run.text, run.text
    return root / "docs/generated"


def sections(page: str) -> dict[str, str]:
    """Each `## … { #id }` section of a page, keyed by its id."""
    parts = re.split(r"^## .*\{ #([a-z0-9-]+) \}$", page, flags=re.M)
    return dict(zip(parts[1::2], parts[2::2]))


def test_positions_give_the_new_party_a_silent_cell_on_every_topic(generated):
    topics = sections((generated / "positions.md").read_text(encoding="utf-8"))
    assert sorted(topics) == TOPICS and len(TOPICS) >= 7
    for topic, body in topics.items():
        cell = (f'<section class="side side-nato side-silent" id="{topic}-nato" markdown="1">'
                f'<p class="side-name" role="heading" aria-level="3">NATO</p>'
                f'<p class="silent">The sources give no position of NATO on this.</p></section>')
        assert body.count(cell) == 1, topic
        assert body.count('<section class="side side-') == 3, topic  # the two real parties, then NATO
        assert body.index(cell) > body.index('<section class="side side-united-states'), topic


def test_timeline_has_the_new_era_with_its_event(generated):
    timeline = (generated / "timeline.md").read_text(encoding="utf-8")
    assert "\n## The forum remarks { #era-remarks }\n" in timeline
    eras = sections(timeline)
    assert list(eras) == ["era-treaty", "era-collapse", "era-remarks"]
    assert '<li class="event" id="eef-remarks"' in eras["era-remarks"]
    assert '<li class="event" id="eef-remarks"' not in eras["era-collapse"]
