"""The generator holds no words about any topic: what a site is about lives in its site file.

Every name a site file gives (the site's title, each party's name and aliases, each speaker's
name and aliases, each era's title), from the real site and the second, made-up one, is searched
for under scripts/ as a whole word, case-sensitively. A hit names the file and the line.
"""

from __future__ import annotations

import re
import shutil
from pathlib import Path

import yaml

from conftest import ROOT

SITE_FILES = ("content/site.yml", "tests/second_site/content/site.yml")

# Topic words found under scripts/ when this test was written, reported to the lead rather than
# removed here: (file, word, the line's text). Each entry must still be found (a stale one fails),
# so the list shrinks to nothing as they are fixed; anything not listed fails at once.


def topic_words(site: dict) -> set[str]:
    words = {site["title"], *(era["title"] for era in site["eras"])}
    for party in site["parties"]:
        words |= {party["name"], *party.get("aliases", [])}
        for speaker in party.get("speakers", []):
            words |= {speaker["name"], *speaker.get("aliases", [])}
    return words


def all_topic_words() -> set[str]:
    return set().union(*(topic_words(yaml.safe_load((ROOT / f).read_text(encoding="utf-8"))) for f in SITE_FILES))


def scan(root: Path, words: set[str]) -> list[tuple[str, int, str, str]]:
    """(file, line number, word, the line's text) for each topic word under root/scripts."""
    pattern = re.compile("|".join(rf"(?<!\w){re.escape(w)}(?!\w)" for w in sorted(words, key=len, reverse=True)))
    hits = []
    for path in sorted((root / "scripts").rglob("*")):
        if not path.is_file() or "__pycache__" in path.parts:
            continue
        rel = path.relative_to(root).as_posix()
        for number, line in enumerate(path.read_text(encoding="utf-8", errors="replace").splitlines(), 1):
            hits += [(rel, number, m.group(), line.strip()) for m in pattern.finditer(line)]
    return hits


def test_the_word_list_holds_both_sites():
    words = all_topic_words()
    assert {"The INF Treaty, explained", "Russia", "Moscow", "Vladimir Putin", "Washington",
            "The collapse"} <= words
    assert {"The Sallow River Accord, explained", "Kestria", "Telvar", "Ilse Maren", "Dornholt",
            "The dry summer of 2023"} <= words


def test_no_topic_word_under_scripts():
    hits = scan(ROOT, all_topic_words())
    new = [f"{rel}:{number}: {word!r} is a topic word; move it to the site file or reword the line"
           for rel, number, word, line in hits]
    assert not new, "\n".join(new)


def test_a_planted_topic_word_is_found_with_its_file_and_line(tmp_path):
    shutil.copytree(ROOT / "scripts", tmp_path / "scripts", ignore=shutil.ignore_patterns("__pycache__"))
    target = tmp_path / "scripts/explainer/render/pages.py"
    lines = target.read_text(encoding="utf-8").count("\n")
    with target.open("a", encoding="utf-8") as handle:
        handle.write("# Russia, Kestria's water minister and Lumavians (not a whole word)\n")
    hits = [(rel, number, word) for rel, number, word, _ in scan(tmp_path, all_topic_words())]
    assert hits == [("scripts/explainer/render/pages.py", lines + 1, "Russia"),
                    ("scripts/explainer/render/pages.py", lines + 1, "Kestria's water minister")]
