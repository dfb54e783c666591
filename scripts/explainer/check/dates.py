"""Absolute dates: a date the cited words do not give is shown only with a reference.

The source gives time words ("in August", "Thursday"); an event's or quote's `date`
is more than that. A cited event's date counts as given by its cited words only when
it is a bare year that stands in them ("1987"); any other needs `date_references`.
A quote's date always needs them. A background event (`references:`) is dated by
its own references.
"""

from __future__ import annotations

from ..load.records import Record
from ..model.problems import Problem
from .checked import Checked
from .editorial import cited_words
from .facts import NUMBER, number_key

FIX = "add date_references: with a reference that gives it"


def check_dates(content: Checked) -> list[Problem]:
    problems = []
    for record in content.of("event"):
        if _needs_reference(record) and not _given(content, record):
            problems.append(record.problem(("date",), f"the date {_date(record)} is in none of its cited words", FIX))
    for record in content.of("quote"):
        if _needs_reference(record):
            problems.append(
                record.problem(
                    ("date",), f"the date {_date(record)} of a quote needs a reference", FIX + ", or remove the date"
                )
            )
    return problems


def _date(record: Record) -> str:
    return str(record.data.get("date") or "")


def _needs_reference(record: Record) -> bool:
    data = record.data
    return bool(_date(record)) and "cite" in data and not data.get("date_references")


def _given(content: Checked, record: Record) -> bool:
    """A bare year that stands, as a number, in the event's cited words."""
    date = _date(record)
    if "-" in date:
        return False
    cited = " ".join(cited_words(content, record))
    return date in {number_key(n) for n in NUMBER.findall(cited)}
