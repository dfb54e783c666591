"""The checked content as typed, frozen records: what every renderer reads.

`build.py` makes them from the validated YAML once every check has passed, so
a renderer never guesses which key holds a value, and nothing it receives can
change under it.
"""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True)
class Citation:
    """Words of a source, anchored: `words` are the source's own, at [start, end)."""

    source: str
    quote: str
    words: str
    start: int
    end: int


@dataclass(frozen=True)
class Reference:
    """A public text a background statement rests on (never quoted: the statement is our own words)."""

    title: str
    publisher: str
    url: str
    date: str | None
    where: str | None


@dataclass(frozen=True)
class Statement:
    """Anything published with citations: a claim, an event, a quote, a side, a definition…

    `anchor` is the id it is published under; `kind` and `record` name the
    record that carries it. A background statement has `references` and no citations.
    """

    anchor: str
    text: str
    basis: str | None
    attributed_to: str | None
    citations: tuple[Citation, ...]
    kind: str
    record: str
    references: tuple[Reference, ...] = ()

    @property
    def background(self) -> bool:
        return bool(self.references)


@dataclass(frozen=True)
class Claim:
    id: str
    statement: Statement


@dataclass(frozen=True)
class Section:
    id: str
    heading: str
    claims: tuple[Claim, ...]


@dataclass(frozen=True)
class Explainer:
    id: str
    order: int
    title: str
    description: str
    sections: tuple[Section, ...]


@dataclass(frozen=True)
class Event:
    id: str
    date: str  # orders the timeline; shown only as background when the source does not give it
    when: str  # the time words readers see
    date_references: tuple[Reference, ...]
    era: str
    title: str
    statement: Statement


@dataclass(frozen=True)
class Quote:
    id: str
    speaker: str
    occasion: str
    place: str
    when: str
    date: str | None
    date_references: tuple[Reference, ...]
    words: str
    insertions: tuple[str, ...]
    statement: Statement


@dataclass(frozen=True)
class Side:
    """One party's cell in a position: a cited statement, or what the sources leave unsaid.

    `kind` is own, actions, account or background; `statement` and `silent` are both None for a
    party the record leaves out.
    """

    party: str
    kind: str | None
    statement: Statement | None
    silent: str | None


@dataclass(frozen=True)
class Position:
    id: str
    order: int
    topic: str
    question: str
    sides: tuple[Side, ...]  # one per party, in the site file's order


@dataclass(frozen=True)
class Term:
    id: str
    term: str
    see_also: tuple[str, ...]
    statement: Statement


@dataclass(frozen=True)
class Note:
    id: str
    kind: str  # observation, inference or background
    title: str
    source: str
    applies_to: tuple[str, ...]
    statement: Statement


@dataclass(frozen=True)
class Question:
    id: str
    question: str
    answer: Statement


@dataclass(frozen=True)
class Lesson:
    id: str
    order: int
    title: str
    description: str
    level: str
    duration: int
    objectives: tuple[str, ...]
    key_terms: tuple[str, ...]
    readings: tuple[str, ...]
    discussion: tuple[str, ...]
    questions: tuple[Question, ...]


@dataclass(frozen=True)
class Published:
    date: str | None
    basis: str
    reason: str
    references: tuple[Reference, ...] = ()


@dataclass(frozen=True)
class Source:
    id: str
    title: str
    publisher: str
    published: Published
    url: str | None
    licence: str
    sha256: str
    description: str | None
    typos: tuple[str, ...]  # the text's own misprints, shown marked [sic]
    text: str


@dataclass(frozen=True)
class Redirect:
    id: str
    origin: str  # `from:` in the YAML
    target: str  # `to:`


@dataclass(frozen=True)
class Speaker:
    id: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class Party:
    id: str
    name: str
    aliases: tuple[str, ...]
    speakers: tuple[Speaker, ...]


@dataclass(frozen=True)
class Era:
    id: str
    title: str


@dataclass(frozen=True)
class Card:
    page: str
    about: str


@dataclass(frozen=True)
class Label:
    title: str
    description: str


@dataclass(frozen=True)
class Site:
    """What the explainer is about: everything topic-specific the pages need."""

    title: str
    description: str
    intro: str
    cards: tuple[Card, ...]
    parties: tuple[Party, ...]
    eras: tuple[Era, ...]
    equivalences: tuple[tuple[str, str], ...]
    pages: tuple[tuple[str, Label], ...]

    def label(self, page: str, default: Label) -> Label:
        return dict(self.pages).get(page, default)
