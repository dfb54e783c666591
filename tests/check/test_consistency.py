"""Claim–quote consistency: numbers and names a claim adds to its quotes."""

from __future__ import annotations

import re

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.check import consistency
from explainer.check.consistency import unsupported


def test_a_changed_figure_is_caught():
    numbers, _ = unsupported("Ranges between 500 and 5,000 km were banned.",
                             ["a range between 500 and 5,500 kilometers"])
    assert numbers == ["5,000"]


def test_numbers_match_by_value_and_by_word():
    numbers, _ = unsupported("Inspections began 30 days later, after 5500 km.",
                             ["Thirty days later the inspectors came", "between 500 and 5,500 kilometers"])
    assert numbers == []


SAME = [("United States", "U.S."), ("Soviet Union", "Soviet")]  # a site file's equivalences


def test_names_missing_from_quotes_are_reported_except_sentence_starts():
    _, names = unsupported("Russia said the treaty bound Gorbachev and the United States.",
                           ["the Soviet leader Gorbachev put his name to it", "the U.S. withdrew"],
                           SAME)
    assert names == []
    _, names = unsupported("The treaty bound the Soviet Union and Japan.", ["the Soviet missiles it destroyed"], SAME)
    assert names == ["Japan"]


def test_equivalences_come_from_the_site_file_not_the_code():
    _, names = unsupported("The United States left.", ["the U.S. withdrew"])
    assert names == ["United", "States"]


def test_russia_is_not_the_soviet_union():
    _, names = unsupported("In 1987 Russia signed it.", ["the Soviet leader Gorbachev signed in 1987"])
    assert names == ["Russia"]


def test_a_name_written_out_in_both_claim_and_quote_is_supported():
    _, names = unsupported("Inspectors worked in the United States.", ["teams from the United States"])
    assert names == []


# The plain form: does the text before a word end a sentence? (\Z: "$" would also match before a final newline.)
OLD_SENTENCE_START = re.compile(r"(?:^|[.?!:;]\s+|[\"\u201c(]\s*)\Z")


@settings(max_examples=1000)
@given(st.lists(st.sampled_from(list("aAbZ .?!:;\"\u201c(\n\t'-\u20195,") + ["U.S.", "Putin", "the ", "e.g."])).map("".join))
def test_sentence_starts_agree_with_the_plain_form(text):
    """names() finds capitalised words and sentence starts in one pass each; the plain form visits
    every word and tests the text before it."""
    plain = [m.group().rstrip(".") for m in consistency.WORD.finditer(text)
             if m.group()[:1].isupper() and not OLD_SENTENCE_START.search(text[:m.start()])]
    assert consistency.names(text) == plain
