"""Who speaks in each span of a source: the report's narration, a direct quotation, or reported speech.

`read_voices(text, speakers)` cuts a source text into spans that tile it, each with one voice:

- narration: the report's own words, cues included ("the mayor said", "According to the mayor");
- quoted: inside curly quotation marks (marks included), with the speaker of the cue that governs
  it in the same sentence, else of the nearest cue in that sentence, else the speaker still talking
  in this paragraph or the one before (a paragraph that is all quotation);
- reported: the clause a cue governs, without the quotations inside it: after "According to X,",
  "X said (that)", "X believes", "which X described as", or before a cue that closes the sentence
  ("…, the mayor said Thursday at the forum."; right after a quotation, the cue governs only that). A
  clause ends at the sentence's end, or at the last comma before the next cue.

"he"/"she" in a cue is the last person (a speaker who is not a party) the report named in this
paragraph or the one before. Speakers and aliases are data; the code knows only English grammar.
Not read: straight quotation marks, top-level ‘single’ quotations, "described the test as" without
"which"; scare quotes in narration are taken as someone's words (the nearest cue's, or the one still talking).
`describe` gives a voice's label for readers ("Ada Lind, quoted", "the report").

How the checks use `voice_of(spans, start, end)`, for each citation's anchored range:

- a statement labelled narration that cites only someone's words: no (narration, None) among them;
- a statement attributed to a speaker that cites the report's narration: (narration, None) among them,
  or a speaker other than the one named;
- a direct quote whose words lie outside quotation marks: any voice other than quoted.
"""

from __future__ import annotations

import bisect
import itertools
import operator
import re
from dataclasses import dataclass
from enum import StrEnum
from typing import Iterable

from .cues import Cue, Found, Lexicon, aliases_of
from .sentences import Range, paragraphs, quotations, sentences_of

__all__ = ["Cue", "Span", "Speaker", "Voice", "alias_clashes", "describe", "read_voices", "voice_of"]

_WORD = re.compile(r"\w")
_SKIP = re.compile(r"[\s,:;\u2014]*")
_CLAUSE = re.compile(r"[,;:\u2013\u2014]")
UNNAMED = "a speaker the text does not name"


class Voice(StrEnum):
    NARRATION = "narration"
    QUOTED = "quoted"
    REPORTED = "reported"


@dataclass(frozen=True)
class Speaker:
    """Who may speak in a source. A party (a state, an organisation) may speak too: its `party`
    is its own id, or None."""

    id: str
    name: str
    party: str | None
    aliases: tuple[str, ...]

    @property
    def is_party(self) -> bool:
        return self.party in (None, self.id)


@dataclass(frozen=True)
class Span:
    """`text[start:end]` in one voice; `blank` when it holds no word character (spaces, marks)."""

    start: int
    end: int
    voice: Voice
    speaker: str | None = None
    cue: Cue | None = None
    blank: bool = False


Label = tuple[Voice, "str | None", "Cue | None"]
NARRATION: Label = (Voice.NARRATION, None, None)


def read_voices(text: str, speakers: Iterable[Speaker]) -> list[Span]:
    """The spans of every voice in the text, in order, covering it without gaps or overlaps."""
    return _Reader(text, list(speakers)).spans()


def voice_of(spans: list[Span], start: int, end: int) -> tuple[tuple[Voice, str | None], ...]:
    """The distinct (voice, speaker) pairs of the spans that `[start, end)` reaches, in text order.
    Blank spans (the spaces between sentences) are passed over; an empty range reaches nothing."""
    heard, index = [], bisect.bisect_right(spans, start, key=operator.attrgetter("end"))  # first to end after start
    while start < end and index < len(spans) and spans[index].start < end:
        span, index = spans[index], index + 1
        if not span.blank and (span.voice, span.speaker) not in heard:
            heard.append((span.voice, span.speaker))
    return tuple(heard)


def describe(voice: Voice, speaker: str | None, names: dict[str, str]) -> str:
    """A reader's label for a voice, given speakers' display names: "Ada Lind, quoted"."""
    if voice is Voice.NARRATION:
        return "the report"
    return f"{names.get(speaker or '', UNNAMED)}, {voice.value}"


def alias_clashes(speakers: Iterable[Speaker]) -> list[tuple[str, list[str]]]:
    """Aliases given to more than one speaker, each with their ids: content to fix."""
    return aliases_of(speakers)[1]


class _Reader:
    """Reads sentences in order, remembering who was last named and who last spoke."""

    def __init__(self, text: str, speakers: list[Speaker]):
        self.text = text
        self.lexicon = Lexicon(aliases_of(speakers)[0])
        self.people = {s.id for s in speakers if not s.is_party}
        self.named: tuple[str, int] | None = None  # (speaker, paragraph) last named by the report
        self.talking: tuple[str, int] | None = None  # (speaker, paragraph) last quoted or reported

    def spans(self) -> list[Span]:
        spans, cursor = [], 0
        for number, paragraph in enumerate(paragraphs(self.text)):
            quotes = quotations(self.text, paragraph)
            for sentence in sentences_of(self.text, paragraph, quotes):
                spans += self._gap(cursor, sentence[0])
                inside = [q for q in quotes if sentence[0] <= q[0] < sentence[1]]
                spans += self._sentence(sentence, inside, number)
                cursor = sentence[1]
        return spans + self._gap(cursor, len(self.text))

    def _gap(self, start: int, end: int) -> list[Span]:
        return [Span(start, end, Voice.NARRATION, blank=True)] if start < end else []

    def _sentence(self, sentence: Range, quotes: list[Range], number: int) -> list[Span]:
        found = self.lexicon.cues(self.text, sentence, quotes)
        regions = _regions(self.text, sentence, found, quotes)
        who = self._speakers(sentence, found, _outside_all(quotes, regions), number)
        labels = [NARRATION] * (sentence[1] - sentence[0])
        for start, end, index in regions:
            _paint(labels, sentence[0], start, end, (Voice.REPORTED, who[index], found[index].cue))
        for quote in quotes:
            _paint(labels, sentence[0], *quote, self._quoted(quote, found, regions, who, number))
        spans = _runs(self.text, sentence[0], labels)
        self._remember_talking(spans, number)
        return spans

    def _speakers(self, sentence: Range, found: list[Found], narrated, number: int) -> list[str | None]:
        """Each cue's speaker; a pronoun's is the last person named before it."""
        named = [(at, sid) for at, sid in self.lexicon.mentions(self.text, *sentence) if narrated(at)]
        who = []
        for cue in found:
            if cue.speaker is None:
                before = [sid for at, sid in named if at < cue.cue.start and sid in self.people]
                resolved = before[-1] if before else _recent(self.named, number)
                named.append((cue.cue.start, resolved))
                who.append(resolved)
            else:
                who.append(cue.speaker)
        people = [sid for _, sid in sorted(named, key=lambda n: n[0]) if sid in self.people]
        self.named = (people[-1], number) if people else self.named
        return who

    def _quoted(self, quote: Range, found: list[Found], regions, who, number: int) -> Label:
        """A quotation's voice: its governing cue's speaker, the nearest cue's, or the one still talking."""
        for start, end, index in regions:
            if start <= quote[0] and quote[1] <= end:
                return Voice.QUOTED, who[index], found[index].cue
        if found:
            index = min(range(len(found)), key=lambda i: _distance(found[i].cue, quote))
            return Voice.QUOTED, who[index], found[index].cue
        return Voice.QUOTED, _recent(self.talking, number), None

    def _remember_talking(self, spans: list[Span], number: int) -> None:
        heard = [s.speaker for s in spans if s.speaker is not None]
        self.talking = (heard[-1], number) if heard else self.talking


def _regions(text: str, sentence: Range, found: list[Found], quotes: list[Range]) -> list[tuple[int, int, int]]:
    """(start, end, cue index) of the clause each cue governs, outside the cues themselves."""
    regions, bound = [], sentence[0]
    for index, cue in enumerate(found):
        limit = found[index + 1].cue.start if index + 1 < len(found) else sentence[1]
        if cue.leading:
            start = _skipped(text, cue.cue.end, limit)
            end = _clause_end(text, start, limit, quotes) if limit < sentence[1] else limit
        else:
            start, end = _skipped(text, bound, cue.cue.start), cue.cue.start
            start = max(start, _quote_before(text, end, quotes))
        start, end = _trim(text, start, end)
        if start < end:
            regions.append((start, end, index))
        bound = max(bound, cue.cue.end, end)
    return regions


def _quote_before(text: str, end: int, quotes: list[Range]) -> int:
    """The start of the quotation just before a cue ("…,” he said"): what the cue governs; else 0."""
    before = end
    while before and (text[before - 1].isspace() or text[before - 1] == ","):
        before -= 1
    return next((start for start, q_end in quotes if q_end == before), 0)


def _clause_end(text: str, start: int, limit: int, quotes: list[Range]) -> int:
    """Just after the last clause mark outside quotations before `limit`, or `limit`."""
    marks = [m.end() for m in _CLAUSE.finditer(text, start, limit) if not _within(m.start(), quotes)]
    return marks[-1] if marks else limit


def _outside_all(quotes: list[Range], regions):
    """Whether an offset is the report's narration: in no quotation and no governed clause."""
    taken = quotes + [(start, end) for start, end, _ in regions]
    return lambda at: not _within(at, taken)


def _within(at: int, ranges) -> bool:
    return any(start <= at < end for start, end in ranges)


def _distance(cue: Cue, quote: Range) -> int:
    return quote[0] - cue.end if cue.end <= quote[0] else cue.start - quote[1]


def _recent(memory: tuple[str, int] | None, number: int) -> str | None:
    """Who was remembered, if in this paragraph or the one before."""
    return memory[0] if memory and number - memory[1] <= 1 else None


def _paint(labels: list[Label], offset: int, start: int, end: int, label: Label) -> None:
    labels[start - offset : end - offset] = [label] * (end - start)


def _skipped(text: str, start: int, end: int) -> int:
    """Where the words resume after spaces and punctuation (the pattern matches the empty string too)."""
    found = _SKIP.match(text, start, end)
    return found.end() if found else start


def _trim(text: str, start: int, end: int) -> Range:
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _runs(text: str, offset: int, labels: list[Label]) -> list[Span]:
    """Spans of equal labels; reported words that are no words (a lone space or comma) are narration."""
    runs: list[tuple[int, int, Label, bool]] = []
    at = offset
    for label, same in itertools.groupby(labels):
        end = at + len(list(same))
        blank = not _WORD.search(text, at, end)
        runs.append((at, end, NARRATION if blank and label[0] is Voice.REPORTED else label, blank))
        at = end
    spans = []
    for (voice, speaker, cue), grouped in itertools.groupby(runs, key=lambda run: run[2]):
        group = list(grouped)
        spans.append(Span(group[0][0], group[-1][1], voice, speaker, cue, blank=all(run[3] for run in group)))
    return spans
