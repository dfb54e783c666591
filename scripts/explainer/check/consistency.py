"""Claim–quote consistency: a claim should not carry facts its quotes lack.

The rule (documented for contributors in CONTRIBUTING.md):
- a number or year in a claim that appears in none of its cited quotes is an
  ERROR: a wrong figure is a factual mistake (5,000 km over a quote saying
  5,500 kilometers). Numbers compare by value ("5,500" = "5500"), and small
  numbers also match their words ("thirty" = 30).
- a capitalised name (or acronym) that appears in none of its quotes is a
  WARNING: a paraphrase may name a party the quote only implies ("the Soviet
  Union" for "Soviet"), so a person decides. A sentence's first word is not
  checked, since any word is capitalised there.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from ..cite.anchor import fold

NUMBER = re.compile(r"(?<![\w.,])\d{1,3}(?:,\d{3})+(?![\d,]*\d)|(?<![\w.,])\d+(?:\.\d+)?(?!\w)")
WORD = re.compile(r"[A-Za-z][A-Za-z'\u2019.-]*[A-Za-z]|[A-Z]")
# The words WORD finds that open with a capital, found without visiting the others: a word starts at
# the first letter of a run of word characters, and runs to the run's last letter.
NAME = re.compile(r"(?<![A-Za-z'\u2019.-])['\u2019.-]*([A-Z](?:[A-Za-z'\u2019.-]*[A-Za-z])?)")
DIGIT = re.compile(r"\d")
# What ends just before a sentence's first word; each match's end is where a sentence may start.
SENTENCE_START = re.compile(r"[.?!:;]\s+|[\"\u201c(]\s*")
NUMBER_WORDS = {
    "one": 1,
    "two": 2,
    "three": 3,
    "four": 4,
    "five": 5,
    "six": 6,
    "seven": 7,
    "eight": 8,
    "nine": 9,
    "ten": 10,
    "eleven": 11,
    "twelve": 12,
    "twenty": 20,
    "thirty": 30,
    "forty": 40,
    "fifty": 50,
    "hundred": 100,
    "first": 1,
    "second": 2,
    "third": 3,
}


def numbers(text: str) -> set[float]:
    found = {float(m.group().replace(",", "")) for m in NUMBER.finditer(text)}
    found |= {float(NUMBER_WORDS[w]) for w in re.findall(r"[a-z]+", text.lower()) if w in NUMBER_WORDS}
    return found


def names(text: str) -> list[str]:
    """Capitalised words and acronyms that do not start a sentence."""
    starts = {0} | {m.end() for m in SENTENCE_START.finditer(text)}
    return [m.group(1) for m in NAME.finditer(text) if m.start(1) not in starts]


SQUASHED = re.compile(r"[.\u2019']s?\b|\.")


def _squash(text: str) -> str:
    """Compare names loosely: 'E.U.' = 'EU', possessives dropped, case ignored."""
    return SQUASHED.sub("", fold(text)).lower()


def _same_names(text: str, same: Sequence[tuple[str, str]]) -> str:
    """Names written out as the short forms the sources use (the site file's equivalences)."""
    for long, short in same:
        text = text.replace(long, short)
    return text


def unsupported(claim: str, quotes: list[str], same: Sequence[tuple[str, str]] = ()) -> tuple[list[str], list[str]]:
    """(numbers, names) in `claim` that none of `quotes` contains; `same` pairs a long name
    with the short form the sources use for it."""
    claim, quoted = _same_names(claim, same), _same_names(" ".join(quotes), same)
    figures = [m.group() for m in NUMBER.finditer(claim)] if DIGIT.search(claim) else []
    have = numbers(quoted) if figures else set()
    missing_numbers = sorted({f for f in figures if float(f.replace(",", "")) not in have})
    claimed_names = names(claim)
    if not claimed_names:
        return missing_numbers, []
    haystack = _squash(quoted)
    words = set(re.findall(r"[a-z0-9]+", haystack))
    missing_names = []
    for name in claimed_names:
        key = _squash(name)
        if key and key not in words and key not in haystack and name not in missing_names:
            missing_names.append(name)
    return missing_numbers, missing_names
