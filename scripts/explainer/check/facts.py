"""The facts a piece of editorial text carries, and whether a page's words give them.

Editorial text (headings, titles, questions, intros) speaks in the site's own
voice, so it may add no fact of its own. A fact here is:
- a number: a run of digits with "," or "." inside ("5,500", "9.5"); "1987–1991"
  is two, and numbers compare by value without their commas ("5500" = "5,500");
- a month or weekday name ("August", "Thursday"), wherever it stands;
- a proper name: a capitalised word that does not start a sentence. A word right
  after "(" or a quote mark is inside the sentence; a possessive 's is stripped,
  a hyphenated word is checked part by part ("Intermediate-Range"), and "I" is no name.

Spelled-out numbers ("five", "thirty") and dates written without digits or names
("this year") are out of scope: they read as ordinary words, and telling a fact
among them from plain prose needs more than word rules.

A fact is given when it stands, case-insensitively and as a whole word, in the
pool: the words of the page's citations and background references.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from ..cite.anchor import fold

NUMBER = re.compile(r"\d+(?:[.,]\d+)*")
# Letters, with an apostrophe or full stop inside ("Ann's", "N.Y"); a hyphen splits a word in parts.
WORD = re.compile(r"[^\W\d_]+(?:['.][^\W\d_]+)*")
# Where a sentence may start: the text's start, or after . ? ! or : and a space.
SENTENCE_START = re.compile(r"^\s*|[.?!:]\s+")
POSSESSIVE = re.compile(r"'s$")
MONTHS = "january february march april may june july august september october november december".split()
WEEKDAYS = "monday tuesday wednesday thursday friday saturday sunday".split()
CALENDAR = frozenset(MONTHS + WEEKDAYS)


def number_key(number: str) -> str:
    """A number's value as a word: "5,500" and "5500" are one figure."""
    return number.replace(",", "")


@functools.lru_cache(maxsize=65536)
def word_key(word: str) -> str:
    """How a word is compared: case ignored, a possessive 's and inner full stops dropped."""
    return POSSESSIVE.sub("", word.lower()).replace(".", "")


def facts(text: str) -> list[str]:
    """The facts `text` carries, each once, in the order they stand."""
    text = fold(text)
    starts = {m.end() for m in SENTENCE_START.finditer(text)}
    found = [(m.start(), m.group()) for m in NUMBER.finditer(text)]
    for m in WORD.finditer(text):
        word = m.group()
        calendar = word_key(word) in CALENDAR and word[0].isupper()
        name = word[0].isupper() and m.start() not in starts and word.split("'")[0] != "I"  # I, I'm, I'll
        if calendar or name:
            # An abbreviation keeps its last full stop: "N.Y." is shown as written.
            shown = word + "." if "." in word and text[m.end() : m.end() + 1] == "." else word
            found.append((m.start(), POSSESSIVE.sub("", shown)))
    return list(dict.fromkeys(fact for _, fact in sorted(found)))


@dataclass(frozen=True)
class Pool:
    """The numbers and words a page's citations and references give."""

    numbers: frozenset[str]
    words: frozenset[str]

    def gives(self, fact: str) -> bool:
        if fact[0].isdigit():
            return number_key(fact) in self.numbers
        return word_key(fact) in self.words


def pool_of(texts: Iterable[str], names: Sequence[tuple[str, Sequence[str]]] = ()) -> Pool:
    """The pool of `texts`. Each (name, forms) of `names` (a party or speaker with its aliases, a
    long name with its short form) gives the name once one of its forms stands in the texts."""
    text = fold(" ".join(texts))
    words = {word_key(w) for w in set(WORD.findall(text))}
    lowered: list[str] = []  # the text in lower case, made once and only if a name of several words needs it
    given = set()
    for name, forms in names:
        if any(_stands_in(form, words, text, lowered) for form in forms):
            given |= {word_key(w) for w in WORD.findall(fold(name))}
    return Pool(frozenset(number_key(n) for n in NUMBER.findall(text)), frozenset(words | given))


def _stands_in(name: str, words: set[str], text: str, lowered: list[str]) -> bool:
    """Does `name` stand in `text`, whose words are `words`? (A name of several words, in order.)"""
    parts = WORD.findall(fold(name))
    if not parts or any(word_key(w) not in words for w in parts):
        return False
    if len(parts) == 1:
        return True
    if not lowered:
        lowered.append(text.lower())
    pattern = r"(?<!\w)" + r"\W+".join(re.escape(w.lower()) for w in parts) + r"(?!\w)"
    return re.search(pattern, lowered[0]) is not None


def missing(text: str, pool: Pool) -> list[str]:
    """The facts of `text` that `pool` does not give."""
    return [fact for fact in facts(text) if not pool.gives(fact)]
