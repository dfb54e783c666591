"""The checked content: every typed record, in the order the pages show them,
with the lookups the renderers need (each built once, on first use)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cached_property

from ..cite.coverage import Coverage
from .records import (
    Claim,
    Event,
    Explainer,
    Lesson,
    Note,
    Position,
    Question,
    Quote,
    Redirect,
    Section,
    Site,
    Source,
    Statement,
    Term,
)

AnyRecord = Event | Explainer | Lesson | Note | Position | Quote | Source | Term


@dataclass(frozen=True)
class Target:
    """What an id names: a record, or a section, claim or question inside one."""

    kind: str
    record: AnyRecord
    item: Section | Claim | Question | None = None

    @property
    def statement(self) -> Statement | None:
        if isinstance(self.item, Claim):
            return self.item.statement
        if isinstance(self.item, Question):
            return self.item.answer
        return getattr(self.record, "statement", None)


@dataclass(frozen=True)
class Content:
    site: Site
    sources: tuple[Source, ...]  # by id
    explainers: tuple[Explainer, ...]  # by order, then id
    events: tuple[Event, ...]  # by date, then id
    quotes: tuple[Quote, ...]  # by date, then id
    positions: tuple[Position, ...]  # by order, then id
    terms: tuple[Term, ...]  # by term, ignoring case
    notes: tuple[Note, ...]  # by id
    lessons: tuple[Lesson, ...]  # by order, then id
    redirects: tuple[Redirect, ...]  # by id
    coverage: tuple[tuple[str, Coverage], ...]  # by source id
    paths: tuple[tuple[str, str], ...] = ()  # record id → the file it is written in (ids are unique)

    def path_of(self, record_id: str) -> str:
        return self._paths[record_id]

    @property
    def record_count(self) -> int:
        """How many content files the records come from, the site file included."""
        groups = (
            self.sources,
            self.explainers,
            self.events,
            self.quotes,
            self.positions,
            self.terms,
            self.notes,
            self.lessons,
            self.redirects,
        )
        return 1 + sum(map(len, groups))

    def source(self, source_id: str) -> Source:
        return self._sources[source_id]

    def term(self, term_id: str) -> Term:
        return self._terms[term_id]

    def note(self, note_id: str) -> Note:
        return self._notes[note_id]

    def coverage_of(self, source_id: str) -> Coverage | None:
        return self._coverage.get(source_id)

    def notes_on(self, record_id: str) -> list[Note]:
        """The editor's notes whose applies_to names record_id, in note order."""
        return self._notes_on.get(record_id, [])

    def notes_on_source(self, source_id: str) -> list[Note]:
        return self._notes_by_source.get(source_id, [])

    def target(self, ident: str) -> Target | None:
        return self._targets.get(ident)

    def named(self, ident: str) -> Target:
        """What an id names, for an id the checks have resolved already."""
        return self._targets[ident]

    @cached_property
    def statements(self) -> tuple[Statement, ...]:
        """Every statement, by kind of record, then record id, then its place in the record."""
        found: list[tuple[str, str, list[Statement]]] = []
        for explainer in self.explainers:
            found.append(("explainer", explainer.id, [c.statement for s in explainer.sections for c in s.claims]))
        found += [("event", r.id, [r.statement]) for r in self.events]
        found += [("lesson", r.id, [q.answer for q in r.questions]) for r in self.lessons]
        found += [("note", r.id, [r.statement]) for r in self.notes]
        found += [("position", r.id, [s.statement for s in r.sides if s.statement]) for r in self.positions]
        found += [("quote", r.id, [r.statement]) for r in self.quotes]
        found += [("term", r.id, [r.statement]) for r in self.terms]
        return tuple(s for _, _, group in sorted(found, key=lambda g: g[:2]) for s in group)

    @cached_property
    def counts(self) -> tuple[int, int, int]:
        """(statements verified word for word, background statements, sources): the promise's figures."""
        background = sum(1 for s in self.statements if s.background)
        return len(self.statements) - background, background, len(self.sources)

    def citing(self, source_id: str) -> list[Statement]:
        """Every statement that cites `source_id`, in statement order."""
        return self._citing.get(source_id, [])

    # Lookups by id, built once: a scan per lookup made rendering quadratic in the content.
    @cached_property
    def _paths(self) -> dict[str, str]:
        return dict(self.paths)

    @cached_property
    def _coverage(self) -> dict[str, Coverage]:
        return dict(self.coverage)

    @cached_property
    def _notes_by_source(self) -> dict[str, list[Note]]:
        found: dict[str, list[Note]] = {}
        for note in self.notes:
            found.setdefault(note.source, []).append(note)
        return found

    @cached_property
    def _sources(self) -> dict[str, Source]:
        return {s.id: s for s in self.sources}

    @cached_property
    def _terms(self) -> dict[str, Term]:
        return {t.id: t for t in self.terms}

    @cached_property
    def _notes(self) -> dict[str, Note]:
        return {n.id: n for n in self.notes}

    @cached_property
    def _notes_on(self) -> dict[str, list[Note]]:
        found: dict[str, list[Note]] = {}
        for note in self.notes:
            for ident in dict.fromkeys(note.applies_to):
                found.setdefault(ident, []).append(note)
        return found

    @cached_property
    def _citing(self) -> dict[str, list[Statement]]:
        found: dict[str, list[Statement]] = {}
        for statement in self.statements:
            for source in dict.fromkeys(c.source for c in statement.citations):
                found.setdefault(source, []).append(statement)
        return found

    @cached_property
    def _targets(self) -> dict[str, Target]:
        found: dict[str, Target] = {}
        records: list[tuple[str, tuple[AnyRecord, ...]]] = [
            ("event", self.events),
            ("explainer", self.explainers),
            ("lesson", self.lessons),
            ("note", self.notes),
            ("position", self.positions),
            ("quote", self.quotes),
            ("source", self.sources),
            ("term", self.terms),
        ]
        for kind, group in records:
            for record in group:
                found.setdefault(record.id, Target(kind, record))
                for section in getattr(record, "sections", ()):
                    found.setdefault(section.id, Target("section", record, section))
                    for claim in section.claims:
                        found.setdefault(claim.id, Target("claim", record, claim))
                for question in getattr(record, "questions", ()):
                    found.setdefault(question.id, Target("question", record, question))
        return found
