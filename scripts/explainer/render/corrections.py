"""The Corrections page: every change to the wording of a published statement, with its date.

Pure: the repository's history comes in as commits (history.py reads them
from git), Markdown goes out. A statement is known by its anchor (its id on
the site), so a record moved to another file keeps its history. A change in
spacing or line wrapping only (`make fmt`) is not a change of wording.
"""

from __future__ import annotations

from dataclasses import dataclass

import yaml

from ..check.statements import walk_cited
from ..model.kinds import text_key
from ..model.routes import CORRECTIONS as PAGE
from ..model.routes import link, statement_anchor
from .markup import human_date, text
from .page import Page


@dataclass(frozen=True)
class Commit:
    """One commit touching content/: its date (YYYY-MM-DD), and each changed file's new text
    (None when the commit deleted it, or when it holds no records: a source text, a hand-written page)."""

    sha: str
    date: str
    files: dict[str, str | None]


@dataclass(frozen=True)
class Correction:
    date: str
    sha: str
    anchor: str
    before: str
    after: str


def statement_texts(yaml_text: str | None) -> dict[str, str]:
    """The wording of every statement in one record file, by anchor; {} for a file that does not parse."""
    try:
        data = yaml.safe_load(yaml_text) if yaml_text else None
    except yaml.YAMLError:
        return {}
    if not isinstance(data, dict) or not isinstance(data.get("id"), str):
        return {}
    found = {}
    for where, mapping in walk_cited(data):
        wording = mapping.get(text_key(mapping))
        if isinstance(wording, str):
            found[statement_anchor(data["id"], where, mapping.get("id"))] = " ".join(wording.split())
    return found


def corrections(commits: list[Commit]) -> list[Correction]:
    """Every change of wording after a statement first appeared, oldest first."""
    by_file: dict[str, dict[str, str]] = {}
    published: dict[str, str] = {}  # anchor → its wording as last published
    found = []
    for commit in commits:
        for path, body in sorted(commit.files.items()):
            by_file[path] = statement_texts(body)
        current = {anchor: words for texts in by_file.values() for anchor, words in texts.items()}
        for anchor, words in sorted(current.items()):
            if anchor in published and published[anchor] != words:
                found.append(Correction(commit.date, commit.sha, anchor, published[anchor], words))
            published[anchor] = words
    return found


def page(found: list[Correction] | None, where, note: str = "") -> Page:
    """The Corrections page. `found` is None when the build had no history to read (`note` says why);
    `where(anchor)` is (page, anchor, label) for a statement still published, or None."""
    parts = [
        "# Corrections\n",
        "Once a statement is published here, any change to its wording is listed below, newest first, "
        "with the date of the change and the wording before and after. The list is worked out, each "
        "time the site is built, from the history of the content in the project's repository; "
        "changes of spacing or line breaks are left out.\n",
    ]
    if note:
        parts.append(f'<p class="history-note"><strong>{text(note)}</strong></p>\n')
    if found is not None and not found:
        parts.append("No published statement has been reworded yet.\n")
    parts += [_entry(correction, where(correction.anchor)) for correction in reversed(found or [])]
    return Page("Corrections", "Every change to the wording of a published statement, with its date.", "\n".join(parts))


def _entry(correction: Correction, place) -> str:
    heading = (
        f"[{text(place[2])}]({link(PAGE, place[0], place[1])})"
        if place
        else f"{text(correction.anchor)} (no longer published)"
    )
    return (
        f'<div class="correction" markdown="1">\n'
        f'<p class="correction-head" markdown="1"><time datetime="{correction.date}">'
        f"{human_date(correction.date)}</time>: {heading}</p>\n"
        f'<p class="correction-was"><strong>Was:</strong> {text(correction.before)}</p>\n'
        f'<p class="correction-now"><strong>Now:</strong> {text(correction.after)}</p>\n'
        f'<p class="correction-commit">Change <code>{correction.sha[:10]}</code></p>\n</div>\n'
    )
