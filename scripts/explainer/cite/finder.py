"""The citation helper behind `make cite Q="…"`: typed words → a ready `cite:` entry.

Searching forgives what typing gets wrong: letter case, punctuation, quote
glyphs, spacing and small typos. What it prints does not: the `quote:` is the
source's own words, and when they occur more than once a `prefix:` (or
`suffix:`) makes them unique. Every entry is anchored again with `cite.anchor`
before it is offered, so it passes the checker as printed.
"""

from __future__ import annotations

import difflib
import json
import re
from dataclasses import dataclass

from ..cli.fmt import format_text
from . import anchor as cite

MIN_SCORE = 0.6


@dataclass(frozen=True)
class Passage:
    """One place in one source that looks like the typed words."""

    source: str
    start: int
    end: int
    score: float
    quote: str
    prefix: str | None = None
    suffix: str | None = None

    def entry(self) -> str:
        """The passage as a `cite:` list item, canonical YAML, indented for a record's top level."""
        item = {"source": self.source, "quote": self.quote}
        if self.prefix:
            item["prefix"] = self.prefix
        if self.suffix:
            item["suffix"] = self.suffix
        # JSON is YAML: the formatter turns it into the canonical block form.
        return format_text(json.dumps({"cite": [item]}, ensure_ascii=False), "cite", None)


def _norm(word: str) -> str:
    return re.sub(r"\W", "", cite.fold(word).lower())


def _words(text: str) -> list[tuple[int, int, str]]:
    return [(m.start(), m.end(), _norm(m.group())) for m in re.finditer(r"\S+", text)]


def search(sources: dict[str, cite.SourceText], query: str, limit: int = 3) -> list[Passage]:
    """The passages most like `query`, best first, each ready to cite."""
    wanted = " ".join(w for w in map(_norm, query.split()) if w)
    count = len(wanted.split())
    if count < cite.MIN_WORDS:
        return []
    scored, words = [], {}
    for source in sources.values():
        words[source.id] = _words(source.text)
        scored += [(score, source, i, j) for score, i, j in _windows(words[source.id], wanted, count)]
    scored.sort(key=lambda s: (-s[0], s[1].id, s[2]))
    found: list[Passage] = []
    taken: list[tuple[str, int, int]] = []
    for score, source, i, j in scored:
        if score < MIN_SCORE or len(found) == limit or (found and score < found[0].score - 0.1):
            break  # past the best few, and past those nearly as good as the best
        if any(source.id == sid and i <= tj and ti <= j for sid, ti, tj in taken):
            continue  # an overlapping window of a passage already found
        passage = _passage(source, words[source.id], i, j, score)
        if passage is not None:
            taken.append((source.id, i, j))
            found.append(passage)
    return found


def _windows(words, wanted: str, count: int):
    matcher = difflib.SequenceMatcher(autojunk=False)
    matcher.set_seq2(wanted)
    best: dict[int, tuple[float, int, int]] = {}
    for size in sorted({max(1, count + d) for d in (0, -1, 1, -2, 2)}):
        for i in range(0, len(words) - size + 1):
            matcher.set_seq1(" ".join(w[2] for w in words[i : i + size] if w[2]))
            if matcher.real_quick_ratio() < MIN_SCORE or matcher.quick_ratio() < MIN_SCORE:
                continue
            score = round(matcher.ratio(), 4)
            if score > best.get(i, (0.0,))[0]:
                best[i] = (score, i, i + size - 1)
    return best.values()


def _passage(source: cite.SourceText, words, i: int, j: int, score: float) -> Passage | None:
    """Trim the window to whole words without stray punctuation; add context if it recurs."""
    text = source.text
    start, end = words[i][0], words[j][1]
    while start < end and not text[start].isalnum():
        start += 1
    while end > start and not text[end - 1].isalnum():
        end -= 1
    quote = text[start:end]
    if len(quote.split()) < cite.MIN_WORDS:
        return None
    exact = cite.Anchor(source.id, start, end)
    if cite.anchor(source, quote) == exact:
        return Passage(source.id, start, end, score, quote)
    # The fewest words before it that tell it apart; failing that, after it.
    for k in range(1, min(i, 12) + 1):
        before = " ".join(text[words[i - k][0] : start].split())
        if cite.anchor(source, quote, prefix=before) == exact:
            return Passage(source.id, start, end, score, quote, prefix=before)
    for k in range(1, min(len(words) - 1 - j, 12) + 1):
        after = " ".join(text[end : words[j + k][1]].split())
        if cite.anchor(source, quote, suffix=after) == exact:
            return Passage(source.id, start, end, score, quote, suffix=after)
    return None
