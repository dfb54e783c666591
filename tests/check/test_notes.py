"""Editor's notes: an inference hedges, an observation does not, background has references (check/notes.py)."""

from __future__ import annotations

import pytest

from explainer.check.checked import Checked
from explainer.check.notes import check_notes, hedge
from explainer.load.records import Record

PATH = "content/notes/a-note.yml"
CITE = [{"source": "putin-eef-2019", "quote": "Putin told an economic forum Thursday"}]


def problems(**data) -> list[str]:
    """check_notes on one note with `data`, its kind on line 3 and its text on line 4."""
    record = Record("note", "a-note", PATH, {"id": "a-note", **data}, {("kind",): (3, 7), ("text",): (4, 7)})
    return [p.format() for p in check_notes(Checked(records={"note": [record]}))]


@pytest.mark.parametrize(
    "text, found",
    [
        ("The brackets are likely the report's.", "likely"),
        ("Probably it was.", "Probably"),
        ("The words may be the report's own.", "may"),
        ("They might not be his.", "might"),
        ("Perhaps so.", "Perhaps"),
        ("The report does  not\nsay who added them.", "does  not\nsay"),
        ("An unlikely mayor says the report says so.", None),
        ("Eliminated by May 1991. Since May, it may have changed.", "may"),  # the month is no hedge
        ("May it be so?", "May"),
        ("", None),
    ],
)
def test_a_hedge_is_one_of_the_words_of_the_spec_standing_alone(text, found):
    assert hedge(text) == found


def test_an_inference_that_does_not_hedge_is_an_error():
    assert problems(kind="inference", text="The report added the words in brackets.", cite=CITE) == [
        f"{PATH}:4:7: an editor's inference must say it is one ('likely', 'the report does not say'); "
        "hedge the text with one of: likely, probably, may, might, perhaps, does not say"]


def test_an_inference_that_hedges_passes():
    assert problems(kind="inference", text="The report likely added the words in brackets.", cite=CITE) == []


def test_an_observation_that_hedges_reads_as_an_inference():
    assert problems(kind="observation", text="The words in brackets are probably the report's.", cite=CITE) == [
        f"{PATH}:3:7: an editor's inference without its label: the note says 'probably' but its kind is "
        "observation; set kind: inference, so readers see it labelled as one"]


def test_an_observation_of_the_text_itself_passes():
    assert problems(kind="observation", text="The words in brackets stand inside the quotation.", cite=CITE) == []


def test_a_background_note_needs_references():
    assert problems(kind="background", text="The forum meets each year.") == [
        f"{PATH}:3:7: a background note needs references; "
        "add references: (title and url of each), or set kind: observation and cite its words"]
    references = [{"title": "The forum's programme", "url": "https://example.org/"}]
    assert problems(kind="background", text="The forum meets each year.", references=references) == []


def test_a_note_without_a_kind_is_left_to_the_schema():
    assert problems(text="The report likely added them.", cite=CITE) == []
