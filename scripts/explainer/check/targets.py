"""What an id names, and what a lesson's readings and a note's applies_to may point at.

A reading is the id of something published elsewhere on the site; a note is
shown beside the records it applies to. This module tells what kind of thing
each id names, for the checker and for the lesson pages.
"""

from __future__ import annotations

from dataclasses import dataclass

from ..load.records import Record
from ..model.problems import Problem
from .checked import Checked

READABLE = ("claim", "event", "quote", "position")
NOTED = READABLE + ("term",)  # where the pages show an editor's note beside the text


@dataclass(frozen=True)
class Target:
    """What an id names: a record, or a claim, section or question inside one."""

    kind: str
    record: Record
    where: tuple = ()


def targets(content: Checked) -> dict[str, Target]:
    """Every id in the content, with what it names (the first holder wins on duplicates)."""

    def build():
        found: dict[str, Target] = {}
        for records in content.records.values():
            for record in records:
                for ident, target in _targets_in(record):
                    found.setdefault(ident, target)
        return found

    return content.memo("lesson-targets", build)


def _targets_in(record: Record):
    yield record.id, Target(record.kind, record)
    for s, section in enumerate(record.data.get("sections") or []):
        section = section or {}
        if section.get("id"):
            yield section["id"], Target("section", record, ("sections", s))
        for c, claim in enumerate(section.get("claims") or []):
            if claim and claim.get("id"):
                yield claim["id"], Target("claim", record, ("sections", s, "claims", c))
    for q, question in enumerate(record.data.get("questions") or []):
        if question and question.get("id"):
            yield question["id"], Target("question", record, ("questions", q))


def check_readings(content: Checked) -> list[Problem]:
    """A reading must name an explainer claim, an event, a quote or a position."""
    return _wrong_kinds(
        content,
        "lesson",
        "readings",
        "reading",
        READABLE,
        "not a reading",
        "list ids of explainer claims, events, quotes or positions",
    )


def check_note_targets(content: Checked) -> list[Problem]:
    """A note applies to what the pages show it beside: a claim, an event, a quote, a position or a term."""
    return _wrong_kinds(
        content,
        "note",
        "applies_to",
        "applies_to",
        NOTED,
        "and no page shows a note there",
        "list ids of explainer claims, events, quotes, positions or terms",
    )


def _wrong_kinds(
    content: Checked, kind: str, field: str, label: str, allowed: tuple, why: str, fix: str
) -> list[Problem]:
    """Each id in the records' `field` lists that names a kind of thing outside `allowed`."""
    index = targets(content)
    problems = []
    for record in content.of(kind):
        for i, ref in enumerate(record.data.get(field) or []):
            target = index.get(ref) if ref else None
            if target is not None and target.kind not in allowed:
                problems.append(record.problem((field, i), f"{label} {ref!r} is {_a(target.kind)}, {why}", fix))
    return problems


def _a(kind: str) -> str:
    return f"an {kind}" if kind[0] in "aeiou" else f"a {kind}"
