"""Sentence splitting and coverage of a source by cited spans."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.cite import coverage as cov
from explainer.cite.coverage import coverage, sentences
from conftest import ROOT

ARTICLE = (ROOT / "content/sources/putin-eef-2019.txt").read_text(encoding="utf-8")
SALLOW = (ROOT / "tests/second_site/content/sources/sallow-drought-report.txt").read_text(encoding="utf-8")


def texts(text: str) -> list[str]:
    return [text[s:e] for s, e in sentences(text)]


def test_abbreviations_do_not_end_sentences():
    assert texts("Both the U.S. INF missiles and others. Then more.") == [
        "Both the U.S. INF missiles and others.", "Then more."]


def test_closing_quotes_stay_with_their_sentence():
    assert texts("“It is sad,” he said. “We will.” Next") == ["“It is sad,” he said.", "“We will.”", "Next"]


def test_real_sources_split_into_their_sentences():
    assert len(sentences(ARTICLE)) == 17
    assert len(sentences(SALLOW)) == 9
    assert texts(ARTICLE)[-2].startswith("“I told Donald, ‘if you want")


def test_a_sentence_counts_only_when_every_letter_is_cited():
    text = "One two three. Four five six."
    partial = coverage(text, [(0, 7)])
    assert (partial.sentences_covered, partial.uncited) == (0, [(0, 14), (15, 29)])
    full = coverage(text, [(0, 13), (15, 29)])  # the final period need not be quoted
    assert (full.sentences_covered, full.sentence_share, full.char_share) == (2, 100.0, 100.0)
    assert full.uncited == []


def _plain_sentences(text: str) -> list[tuple[int, int]]:
    """The first form: each abbreviation check searched the sentence so far (quadratic)."""
    found, start = [], 0
    for match in cov.END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        if match.group() != "\n" and cov.ABBREVIATION.search(text[start:match.start() + 1]):
            continue
        found.append(cov._trim(text, start, end))
        start = match.end()
    found.append(cov._trim(text, start, len(text)))
    return [(s, e) for s, e in found if e > s]


@given(st.lists(st.sampled_from(["U.S.", "A.B.C.D.E.", "Mrs.", "Gen.", "No.", "ABC.", "xMr.", "word", "The",
                                 ". ", "? ", "! ", " ", "\n", "\u201d", "\u201c", "(", "X", "."])).map("".join))
@settings(max_examples=300)
def test_sentences_agree_with_the_plain_form(text):
    assert sentences(text) == _plain_sentences(text)
