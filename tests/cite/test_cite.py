"""Citation anchoring: exact spans, folding rules, ambiguity, and its properties."""

from __future__ import annotations

import re
from unittest import mock

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explainer.cite import anchor as cite
from explainer.cite.anchor import Anchor, Miss, SourceText, anchor, fold
from explainer.model.problems import position
from conftest import ROOT

SOURCES = {p.stem: p.read_text(encoding="utf-8") for p in (ROOT / "content/sources").glob("*.txt")}
ARTICLE = SourceText("putin-eef-2019", SOURCES["putin-eef-2019"])


def span(result) -> str:
    assert isinstance(result, Anchor), result
    return ARTICLE.text[result.start:result.end]


def test_exact_words_anchor_to_their_span():
    assert span(anchor(ARTICLE, "Putin told an economic forum Thursday")) == "Putin told an economic forum Thursday"


def test_folding_forgives_only_spacing_and_typographic_glyphs():
    found = span(anchor(ARTICLE, 'We\'ve said in public   already that\nwe\'re not going'))
    assert found == "We’ve said in public already that we’re not going"


def test_typos_in_the_source_must_be_kept():
    assert isinstance(anchor(ARTICLE, "arms race but Washington had"), Miss)
    assert span(anchor(ARTICLE, "arms race butWashington had")) == "arms race butWashington had"


def test_case_and_punctuation_are_not_forgiven():
    assert isinstance(anchor(ARTICLE, "president Vladimir Putin said"), Miss)
    assert isinstance(anchor(ARTICLE, "President Vladimir Putin said,"), Miss)


def test_short_quotes_anchor_nothing():
    result = anchor(ARTICLE, "the treaty")
    assert isinstance(result, Miss) and "fewer than 3 words" in result.message


def test_quote_must_start_and_end_on_word_boundaries():
    result = anchor(ARTICLE, "ident Vladimir Putin said")
    assert isinstance(result, Miss) and "inside a word" in result.message


def test_missing_quote_names_the_closest_passage():
    result = anchor(ARTICLE, "accused each other of violting the agreement")
    assert isinstance(result, Miss)
    assert result.fix == ("copy the words exactly; the closest passage in the source, "
                          "ready to paste: quote: accused each other of violating the agreement")


def test_ambiguous_quote_needs_context_and_context_resolves_it():
    quote = "at the Eastern Economic Forum in Vladivostok"
    result = anchor(ARTICLE, quote)
    assert isinstance(result, Miss) and "occurs 2 times" in result.message
    first = anchor(ARTICLE, quote, prefix="said during a plenary session")
    second = anchor(ARTICLE, quote, prefix="Putin said Thursday")
    assert span(first) == span(second) == quote
    assert first.start < second.start
    assert isinstance(anchor(ARTICLE, quote, prefix="nowhere in the text"), Miss)


WORD = re.compile(r"\S+")


@st.composite
def word_spans(draw, text: str):
    """A run of at least three whole words cut from `text`."""
    words = [m.span() for m in WORD.finditer(text)]
    i = draw(st.integers(0, len(words) - 3))
    j = draw(st.integers(i + 2, min(len(words) - 1, i + 40)))
    return words[i][0], words[j][1]


@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(SOURCES)))
def test_any_cut_span_anchors_back_to_its_offsets(data, name):
    source = SourceText(name, SOURCES[name])
    start, end = data.draw(word_spans(source.text))
    quote = source.text[start:end]
    result = anchor(source, quote)
    if isinstance(result, Miss) and "times" in result.message:
        result = anchor(source, quote, prefix=source.text[max(0, start - 60):start] or None,
                        suffix=source.text[end:end + 60] or None)
    assert result == Anchor(name, start, end)


@settings(max_examples=300, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(SOURCES)))
def test_changing_one_letter_is_rejected(data, name):
    source = SourceText(name, SOURCES[name])
    start, end = data.draw(word_spans(source.text))
    quote = source.text[start:end]
    letters = [i for i, c in enumerate(quote) if c.isalpha()]
    at = data.draw(st.sampled_from(letters))
    replacement = data.draw(st.sampled_from("abcdefghijklmnopqrstuvwxyzXQ"))
    assume(replacement != quote[at])
    changed = quote[:at] + replacement + quote[at + 1:]
    result = anchor(source, changed)
    if fold(changed) in source.folded:  # the changed words happen to occur in the source too
        return
    assert isinstance(result, Miss)


@settings(max_examples=60, deadline=None)
@given(data=st.data(), name=st.sampled_from(sorted(SOURCES)))
def test_the_closest_passage_is_the_one_an_exhaustive_search_finds(data, name):
    """Looking only near the likeliest places finds what comparing every window finds, for a
    quote with a typo in it."""
    source = SourceText(name, SOURCES[name])
    start, end = data.draw(word_spans(source.text))
    quote = source.text[start:end]
    at = data.draw(st.sampled_from([i for i, c in enumerate(quote) if c.isalpha()]))
    changed = fold(quote[:at] + ("x" if quote[at] != "x" else "y") + quote[at + 1:])
    with mock.patch.multiple(cite, _around=lambda places, reach, last: range(last + 1), COMPARED=10**9):
        everywhere = source.closest(changed)
    assert source.closest(changed) == everywhere


def test_the_work_for_a_miss_does_not_grow_with_the_source():
    """Every window of a source used to be compared: 52 s for one miss in 290,000 characters.
    Now the windows compared are bounded by the quote's length, whatever the source's."""
    words = "the Americans said something different about missiles in Asia that nobody reported today"
    real = cite.difflib.SequenceMatcher.set_seq1
    compared = {}
    for copies in (1, 100):
        source = SourceText("long", (SOURCES["putin-eef-2019"] + "\n") * copies)
        calls = compared.setdefault(copies, [])

        def counted(matcher, text, calls=calls):
            calls.append(text)
            return real(matcher, text)

        with mock.patch.object(cite.difflib.SequenceMatcher, "set_seq1", counted):
            assert source.closest(fold(words))
    reach = min(len(words.split()), cite.REACH)
    # window sizes tried: 5; starts within `reach` of each place; one more call: the constructor's
    assert len(compared[100]) <= cite.CANDIDATES * 5 * (2 * reach + 1) + 1
    assert len(compared[100]) < 2 * len(compared[1])


def test_a_long_quote_is_looked_for_by_its_opening_and_shown_whole():
    words = ARTICLE.folded.split()
    quote = " ".join(words[10:10 + cite.SEARCH_WORDS + 25]).replace("Putin", "Pootin")
    assert fold(ARTICLE.closest(quote)) == " ".join(words[10:10 + cite.SEARCH_WORDS + 25])


@given(st.text(st.sampled_from("ab\n\r ")), st.data())
def test_positions_are_lines_and_columns(text, data):
    offset = data.draw(st.integers(0, len(text)))
    line = text.count("\n", 0, offset) + 1
    column = offset - (text.rfind("\n", 0, offset) + 1) + 1
    assert SourceText("x", text).position(offset) == (line, column)
    assert position(text, offset) == position(text.encode(), offset) == (line, column)


@given(st.lists(st.sampled_from(["a", "b", "ab", " "]), max_size=12).map("".join), st.data())
def test_prefix_and_suffix_are_compared_as_the_plain_slices_would(words, data):
    folded = fold(words)
    start = data.draw(st.integers(0, len(folded)))
    length = data.draw(st.integers(0, len(folded) - start))
    prefix = data.draw(st.none() | st.sampled_from(["", "a", "b a", "ab", " b "]))
    suffix = data.draw(st.none() | st.sampled_from(["", "a", "b a", "ab", " b "]))
    plain = ((prefix is None or folded[:start].rstrip().endswith(fold(prefix)))
             and (suffix is None or folded[start + length:].lstrip().startswith(fold(suffix))))
    assert cite._context_fits(folded, start, length, prefix, suffix) == plain
