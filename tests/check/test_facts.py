"""The facts in editorial text, and whether a page's words give them (check/facts.py)."""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.check.facts import facts, missing, pool_of

NAMES = [("United States", ["U.S.", "Washington"]), ("Vladimir Putin", ["Putin", "Russia’s president"])]


@pytest.mark.parametrize(
    "text, found",
    [
        ("The treaty years, 1987–1991", ["1987", "1991"]),
        ("A range of 5,500 kilometers, or 9.5 of them", ["5,500", "9.5"]),
        ("Why did the treaty end in 2019?", ["2019"]),
        ("Remarks on a Thursday in August", ["Thursday", "August"]),
        ("August. Thursday came", ["August", "Thursday"]),  # calendar names count even at a sentence start
        ("The U.S. withdrawal", ["U.S."]),
        ("What Putin’s words say", ["Putin"]),
        ("The Americans' plan", ["Americans"]),
        ("Intermediate-Range forces", ["Range"]),
        ("the intermediate-Range Forces", ["Range", "Forces"]),
        ("Nuclear Forces (INF) and “Sallow Accord”", ["Forces", "INF", "Sallow", "Accord"]),
        ("What I said. Then: Russia spoke", []),
        ("Then I’m sure and I'll say so", []),
        ("Upper secondary (ages 15-18)", ["15", "18"]),
        ("may it end? It might", []),
        ("", []),
    ],
)
def test_facts_are_numbers_calendar_names_and_names_inside_sentences(text, found):
    assert facts(text) == found


def test_a_changed_figure_is_not_given_by_the_words_it_changed():
    pool = pool_of(["with a range between 500 and 5,500 kilometers"])
    assert missing("The 5,000 kilometer limit", pool) == ["5,000"]
    assert missing("The 5500 kilometer limit", pool) == []


def test_facts_are_given_only_as_whole_words_and_case_does_not_matter():
    pool = pool_of(["the russian territory in AUGUST", "a range of 19870 kilometers"])
    assert missing("Visits to Russia in August", pool) == ["Russia"]
    assert missing("The Russian test in 1987", pool) == ["1987"]


def test_a_name_is_given_by_any_of_its_forms_in_the_site_file():
    pool = pool_of(["the U.S. withdrew", "Russia’s president said"], NAMES)
    assert missing("The United States and Vladimir Putin", pool) == []
    assert missing("The United States and Vladimir Putin", pool_of(["the U.S. withdrew"], NAMES)) == [
        "Vladimir",
        "Putin",
    ]


def test_an_alias_of_several_words_counts_only_as_a_whole():
    pool = pool_of(["the president of Russia’s bank"], NAMES)
    assert missing("Says Vladimir Putin", pool) == ["Vladimir", "Putin"]


def test_an_alias_gives_its_name_not_the_words_inside_the_alias():
    pool = pool_of(["Russia’s president said so"], [("Vladimir Putin", ["Russia’s president"])])
    assert missing("Says Vladimir Putin", pool) == []
    pool = pool_of(["Putin said so"], [("Vladimir Putin", ["Putin", "Russia’s president"])])
    assert missing("Says Russia", pool) == ["Russia"]


LOWER = st.text(alphabet="abcdefghijklmnopqrstuvwxyz", min_size=1, max_size=8).filter(
    lambda w: w not in {"may"}  # a month's name in any case is still checked when capitalised
)
FACT_FREE = st.lists(
    st.tuples(LOWER.map(str.capitalize), st.lists(LOWER, max_size=6), st.sampled_from([".", "?", "!", ":"])),
    min_size=1,
    max_size=4,
).map(lambda sentences: " ".join(" ".join([first, *rest]) + end for first, rest, end in sentences))


@settings(max_examples=300)
@given(FACT_FREE, st.lists(st.text(max_size=30), max_size=3))
def test_fact_free_editorial_text_never_fails(text, pool_texts):
    """Lower-case words, capitals only where sentences start: no page is too poor for it."""
    assert missing(text, pool_of(pool_texts, NAMES)) == []


@settings(max_examples=300)
@given(FACT_FREE, st.lists(st.text(max_size=40), max_size=3), st.integers(0, 10**7), st.data())
def test_a_digit_run_absent_from_the_pool_always_fails(text, pool_texts, number, data):
    figure = str(number)
    present = {n.replace(",", "") for n in re.findall(r"\d+(?:[.,]\d+)*", " ".join(pool_texts))}
    if figure in present:
        pool_texts = [re.sub(r"\d", " ", t) for t in pool_texts]
    words = text.split(" ")
    at = data.draw(st.integers(0, len(words)))
    edited = " ".join(words[:at] + [figure] + words[at:])
    assert figure in missing(edited, pool_of(pool_texts, NAMES))
