"""A source's listed typos must be in its text: a typo that is not there marks nothing."""

from __future__ import annotations

from ..load.records import Record
from ..model.problems import Problem, shown


def check_typos(record: Record, source_text: str) -> list[Problem]:
    """Every listed typo must occur in the source's text, or it marks nothing."""
    problems = []
    for index, typo in enumerate(record.data.get("typos") or []):
        if typo and typo not in source_text:
            problems.append(
                record.problem(
                    ("typos", index),
                    f"typo {shown(typo)} is not in {record.id}.txt",
                    "copy the word exactly as the text misprints it, or remove it from typos",
                )
            )
    return problems
