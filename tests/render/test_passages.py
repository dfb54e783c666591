"""Handout passages (each printed once, numbered), the source's typos marked [sic], and quotation
marks that are never doubled."""

from __future__ import annotations

from pathlib import Path

from explainer.check.content import check_content
from explainer.model.problems import errors
from explainer.render.markup import quoted
from explainer.render.passages import in_order, number_passages
from explainer.render.typos import sic_marked
from conftest import read_files, TESTS

GOLDEN = TESTS / "golden"
SOURCE = "content/sources/putin-eef-2019.yml"


def numbers(found) -> dict:
    return {span: passage.number for span, passage in found.items()}


def test_the_same_span_cited_twice_is_one_passage_numbered_in_order_of_first_use():
    a, b = ("s", 10, 20), ("s", 30, 40)
    assert numbers(number_passages([[b, a, b]])) == {b: 1, a: 2}


def test_a_span_inside_a_longer_cited_span_is_read_in_the_longer_one():
    short, long, other = ("s", 12, 18), ("s", 10, 20), ("t", 12, 18)
    found = number_passages([[short, other, long]])
    assert numbers(found) == {short: 1, long: 1, other: 2}  # numbered where its first words were cited
    assert [(p.source, p.start, p.end) for p in in_order(found)] == [long, other]


def test_overlapping_spans_that_do_not_nest_stay_two_passages():
    assert numbers(number_passages([[("s", 0, 10), ("s", 5, 15)]])) == {("s", 0, 10): 1, ("s", 5, 15): 2}


def test_the_answer_keys_passages_follow_the_handouts_and_never_renumber_them():
    handout, key = [("s", 10, 20), ("s", 40, 50)], [("s", 12, 15), ("s", 0, 60), ("s", 70, 80)]
    found = numbers(number_passages([handout, key]))
    assert found == {("s", 10, 20): 1, ("s", 40, 50): 2, ("s", 12, 15): 1, ("s", 0, 60): 3, ("s", 70, 80): 4}


def test_sic_follows_each_listed_typo_and_the_words_stay_escaped():
    assert sic_marked("an arms race butWashington had <not>", ["butWashington"]) == (
        'an arms race <span class="typo" title="&#91;sic&#93;: so in the source">butWashington</span> had &#60;not&#62;')
    assert sic_marked("an arms race but Washington", ["butWashington"]) == "an arms race but Washington"


def test_a_listed_typo_the_text_does_not_hold_is_an_error_at_its_line():
    files = read_files(GOLDEN)
    files[SOURCE] += b"typos:\n  - butWashington\n  - butWashinton\n"
    line = files[SOURCE].count(b"\n")  # the last line: the misspelt typo
    _, problems = check_content(files)
    assert [p.format() for p in errors(problems)] == [
        f"{SOURCE}:{line}:5: typo 'butWashinton' is not in putin-eef-2019.txt; "
        "copy the word exactly as the text misprints it, or remove it from typos"]


def test_words_that_end_on_a_quotation_mark_of_their_own_get_no_second_one():
    assert quoted("as “regrettable and provocative.”") == "as “regrettable and provocative.”"
    assert quoted("regrettable and provocative") == "&#8220;regrettable and provocative&#8221;"
