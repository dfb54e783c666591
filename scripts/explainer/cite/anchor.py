"""Citation anchoring: find a quote's exact place in a source text.

Matching forgives only runs of whitespace and the typographic variants of
quote marks, apostrophes and dashes. A quote must start and end on word
boundaries, have at least three words, and occur once (or be told apart by
`prefix`/`suffix`, in the manner of a W3C TextQuoteSelector).
"""

from __future__ import annotations

import bisect
import difflib
import functools
import itertools
import operator
import re
from dataclasses import dataclass

from ..model.problems import shown

# One character in, one character out, so offsets survive the translation.
GLYPHS = str.maketrans(
    {
        "\u2018": "'",
        "\u2019": "'",
        "\u201a": "'",
        "\u201b": "'",
        "\u2032": "'",
        "\u201c": '"',
        "\u201d": '"',
        "\u201e": '"',
        "\u201f": '"',
        "\u2033": '"',
        "\u2010": "-",
        "\u2011": "-",
        "\u2012": "-",
        "\u2013": "-",
        "\u2014": "-",
        "\u2015": "-",
        "\u2212": "-",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
    }
)
GLYPH_PAIRS = [(chr(code), plain) for code, plain in GLYPHS.items()]
SPACE = re.compile(r"\s+")
NOT_WORD = re.compile(r"\W+")
MIN_WORDS = 3
# The search for a missed quote's closest passage: places looked at, how far around each (in
# words), how many windows compared in full, and how many of a long quote's words it looks for.
CANDIDATES, REACH, COMPARED, SEARCH_WORDS = 8, 12, 40, 60


def unify_glyphs(text: str) -> str:
    """text.translate(GLYPHS), an order of magnitude faster: a replace per glyph present."""
    if text.isascii():  # every glyph is outside ASCII
        return text
    for glyph, plain in GLYPH_PAIRS:
        if glyph in text:
            text = text.replace(glyph, plain)
    return text


def fold(text: str) -> str:
    """The comparison form of a text: glyphs unified, whitespace runs made one space."""
    return " ".join(unify_glyphs(text).split())  # split() and re's \s agree on what is whitespace


@dataclass(frozen=True)
class Anchor:
    """A quote's place in its source: `text[start:end]` are the exact words."""

    source: str
    start: int
    end: int


class SourceText:
    """A source text, folded once, that quotes are looked up in."""

    def __init__(self, source_id: str, text: str):
        self.id = source_id
        self.text = text
        translated = unify_glyphs(text)
        self.folded, self._runs, self._shift = _collapse(translated)
        self._words: list[tuple[int, int]] | None = None
        self._word_keys: list[str] | None = None
        self._line_starts: list[int] | None = None

    def position(self, offset: int) -> tuple[int, int]:
        """The 1-based line and column of an offset in the text."""
        if self._line_starts is None:
            self._line_starts = [0] + [m.end() for m in re.finditer("\n", self.text)]
        line = bisect.bisect_right(self._line_starts, offset)
        return line, offset - self._line_starts[line - 1] + 1

    def original(self, folded_index: int) -> int:
        """Map an index in the folded text back to the original text."""
        k = bisect.bisect_right(self._runs, folded_index)
        return folded_index + (self._shift[k - 1] if k else 0)

    def occurrences(self, quote: str) -> list[int]:
        """Folded start offsets of every word-aligned occurrence of a folded quote."""
        found, at = [], self.folded.find(quote)
        while at != -1:
            if self._aligned(at, at + len(quote)):
                found.append(at)
            at = self.folded.find(quote, at + 1)
        return found

    def _aligned(self, start: int, end: int) -> bool:
        text = self.folded
        starts_clean = start == 0 or not (text[start].isalnum() and text[start - 1].isalnum())
        ends_clean = end == len(text) or not (text[end - 1].isalnum() and text[end].isalnum())
        return starts_clean and ends_clean

    def anchor_folded(self, start: int, length: int) -> Anchor:
        end = start + length
        return Anchor(self.id, self.original(start), self.original(end - 1) + 1)

    def closest(self, quote: str) -> str:
        """The passage of the source most like `quote`, in the source's own words."""
        anchor = self.closest_anchor(quote)
        return self.text[anchor.start : anchor.end] if anchor else ""

    def closest_anchor(self, quote: str) -> Anchor | None:
        """Where the passage of the source most like `quote` is.

        Windows of about the quote's length are compared with it character by character, but
        only near the few places most like it, the likeliest first, and only so many in full:
        comparing every window took seconds a miss in a long source (minutes in a 2 MB one),
        and a long quote made each comparison slow. A quote over SEARCH_WORDS words is looked
        for by its opening words; the passage shown then runs to the quote's length.
        """
        words = self.words()
        wanted = quote.split()
        if not words or not wanted:
            return None
        search = wanted[:SEARCH_WORDS]
        matcher = difflib.SequenceMatcher(autojunk=False)
        matcher.set_seq2(" ".join(search))
        # Among equal ratios the window met first in text order wins (-rank, -i).
        best, best_at, best_size = (-1.0, 0, 0), 0, 1
        places, compared = self._likely_places(search), 0
        for rank, size in enumerate(_sizes(len(search), len(words))):
            for i in _around(places, min(len(search), REACH), len(words) - size):
                matcher.set_seq1(self.folded[words[i][0] : words[i + size - 1][1]])
                if compared < COMPARED and matcher.real_quick_ratio() >= best[0] and matcher.quick_ratio() >= best[0]:
                    compared += 1
                    key = (matcher.ratio(), -rank, -i)
                    if key > best:
                        best, best_at, best_size = key, i, size
        best_size = min(best_size + len(wanted) - len(search), len(words) - best_at)
        start = words[best_at][0]
        end = words[best_at + best_size - 1][1]
        return self.anchor_folded(start, end - start)

    def _likely_places(self, wanted: list[str]) -> list[int]:
        """The starts of the few windows of len(wanted) words most like the quote, by the letter
        triples they share with it (so a word with a typo in it still counts for most of itself)."""
        keys = self._keys()
        triples = set().union(*(_triples(_key(word)) for word in wanted))
        shared = {key: len(_triples(key) & triples) for key in set(keys)}
        width = min(len(wanted), len(keys))
        sums = list(itertools.accumulate(map(shared.__getitem__, keys), initial=0))
        scores = list(map(operator.sub, sums[width:], sums[: len(sums) - width]))
        places: list[int] = []
        while len(places) < CANDIDATES:  # the best window left, the first of equals; then its stretch is out
            best = max(scores)
            if best < 0:
                break
            place = scores.index(best)
            places.append(place)
            low, high = max(0, place - width), min(len(scores), place + width + 1)
            scores[low:high] = [-1] * (high - low)
        return places

    def words(self) -> list[tuple[int, int]]:
        if self._words is None:
            self._words = [(m.start(), m.end()) for m in re.finditer(r"\S+", self.folded)]
        return self._words

    def _keys(self) -> list[str]:
        if self._word_keys is None:
            self._word_keys = [_key(self.folded[s:e]) for s, e in self.words()]
        return self._word_keys


def _key(word: str) -> str:
    """A word as the search for likely places compares it: case and punctuation ignored."""
    return NOT_WORD.sub("", word.lower())


@functools.lru_cache(maxsize=65536)
def _triples(key: str) -> frozenset[str]:
    padded = f" {key} "
    return frozenset(padded[i : i + 3] for i in range(len(padded) - 2))


def _around(places: list[int], reach: int, last: int) -> list[int]:
    """Window starts within `reach` words of any place, the likeliest place's first, none past `last`."""
    starts: dict[int, None] = {}
    for place in places:
        starts.update(dict.fromkeys(range(max(0, place - reach), min(last, place + reach) + 1)))
    return list(starts)


def _sizes(wanted: int, available: int) -> list[int]:
    """Window sizes to try, the quote's own length first so ties prefer it."""
    sizes = [wanted, wanted - 1, wanted + 1, wanted - 2, wanted + 2]
    return [n for n in dict.fromkeys(sizes) if 1 <= n <= available]


def _collapse(text: str) -> tuple[str, list[int], list[int]]:
    """Collapse whitespace runs, recording where the folded text shifts against the original.

    `runs[k]` is a folded offset from which original offsets are `shift[k]` larger.
    """
    pieces, runs, shift = [], [], []
    removed, last = 0, 0
    lead = len(text) - len(text.lstrip())
    if lead:
        removed, last = lead, lead
        runs.append(0)
        shift.append(removed)
    body_end = len(text.rstrip())
    for match in SPACE.finditer(text, lead, body_end):
        pieces.append(text[last : match.start()])
        pieces.append(" ")
        removed += len(match.group()) - 1
        last = match.end()
        runs.append(match.start() - (removed - (len(match.group()) - 1)) + 1)
        shift.append(removed)
    pieces.append(text[last:body_end])
    return "".join(pieces), runs, shift


@dataclass(frozen=True)
class Miss:
    """Why a quote could not be anchored, and what to do about it."""

    message: str
    fix: str


def anchor(source: SourceText, quote: str, prefix: str | None = None, suffix: str | None = None) -> Anchor | Miss:
    """Anchor one quote in one source, or say why it cannot be."""
    wanted = fold(quote)
    if len(wanted.split()) < MIN_WORDS:
        return Miss(
            f"quote {shown(quote)} has fewer than {MIN_WORDS} words and anchors nothing",
            "quote at least three consecutive words from the source",
        )
    hits = source.occurrences(wanted)
    if not hits:
        return _not_found(source, quote, wanted)
    if prefix is not None or suffix is not None:
        hits = [h for h in hits if _context_fits(source.folded, h, len(wanted), prefix, suffix)]
        if not hits:
            return Miss(
                f"quote occurs in {source.id} but never with that prefix/suffix",
                "copy prefix/suffix from the words just before/after the intended passage",
            )
    if len(hits) > 1:
        from .paste import MARKER, prefix_fix  # paste builds on this module

        # Only without context: prefix_fix tries prefixes through this function, and must not recurse.
        first = source.anchor_folded(hits[0], len(wanted))
        example = prefix_fix(source, first) if prefix is None and suffix is None else None
        return Miss(
            f"quote occurs {len(hits)} times in {source.id}; which one is meant is ambiguous",
            "add a prefix: line with the words just before the one you mean"
            + (f"; for the first, {MARKER}{example}" if example else ""),
        )
    return source.anchor_folded(hits[0], len(wanted))


def _not_found(source: SourceText, quote: str, wanted: str) -> Miss:
    from .paste import MARKER, quote_fix  # paste builds on this module

    passage = source.closest_anchor(wanted)
    ready = quote_fix(source, passage) if passage else None
    hint = f"; the closest passage in the source, {MARKER}{ready}" if ready else ""
    if source.folded.find(wanted) != -1:
        return Miss(f"quote starts or ends inside a word in {source.id}", "quote whole words" + hint)
    return Miss(f"quote not found in {source.id}", "copy the words exactly" + hint)


def _context_fits(folded: str, start: int, length: int, prefix: str | None, suffix: str | None) -> bool:
    """Whether the words before and after an occurrence are the prefix and suffix given.

    Compared in place: slicing the text before each occurrence cost seconds for a quote that
    occurs thousands of times in a long source. The folded text has single spaces only.
    """
    before = start - 1 if start and folded[start - 1] == " " else start
    if prefix is not None and not folded.endswith(fold(prefix), 0, before):
        return False
    after = start + length + 1 if folded.startswith(" ", start + length) else start + length
    if suffix is not None and not folded.startswith(fold(suffix), after):
        return False
    return True


def find(source: SourceText, words: str) -> list[int]:
    """Folded offsets where `words` occur, word-aligned: for tools that search, not check."""
    return source.occurrences(fold(words))
