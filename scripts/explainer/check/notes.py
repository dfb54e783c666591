"""Editor's notes say what kind they are, and an inference reads as one.

- `observation`: about the text's own wording; cited; it must not hedge, since a
  hedge means the note concludes more than its words state.
- `inference`: a conclusion its cited words do not state; its text hedges, so a
  reader sees it is the editor's ("likely", "the report does not say").
- `background`: from outside the report, with `references:` instead of `cite:`.
A missing or unknown kind is the schema's to report.
"""

from __future__ import annotations

import re

from ..load.records import Record
from ..model.kinds import text_key
from ..model.problems import Problem
from .checked import Checked

HEDGES = ("likely", "probably", "may", "might", "perhaps", "does not say")
HEDGE = re.compile(r"\b(?:" + "|".join(h.replace(" ", r"\s+") for h in HEDGES) + r")\b", re.IGNORECASE)


SENTENCE_START = re.compile(r"^\s*|[.?!:]\s+")


def hedge(text: str) -> str | None:
    """The first hedge in `text`, as written, or None. A capitalised one counts only where a
    sentence starts: inside a sentence, "May" is the month."""
    starts = {m.end() for m in SENTENCE_START.finditer(text)}
    found = (m for m in HEDGE.finditer(text) if m.group()[0].islower() or m.start() in starts)
    return next((m.group() for m in found), None)


def check_notes(content: Checked) -> list[Problem]:
    problems = []
    for record in content.of("note"):
        kind = record.data.get("kind")
        if kind in ("observation", "inference"):
            problems += _check_cited_note(record, kind)
        elif kind == "background" and not record.data.get("references"):
            problems.append(
                record.problem(
                    ("kind",),
                    "a background note needs references",
                    "add references: (title and url of each), or set kind: observation and cite its words",
                )
            )
    return problems


def _check_cited_note(record: Record, kind: str) -> list[Problem]:
    key = text_key(record.data)
    found = hedge(str(record.data.get(key) or ""))
    if kind == "inference" and found is None:
        return [
            record.problem(
                (key,),
                "an editor's inference must say it is one ('likely', 'the report does not say')",
                "hedge the text with one of: " + ", ".join(HEDGES),
            )
        ]
    if kind == "observation" and found is not None:
        return [
            record.problem(
                ("kind",),
                f"an editor's inference without its label: the note says {found!r} but its kind is observation",
                "set kind: inference, so readers see it labelled as one",
            )
        ]
    return []
