"""Checked records → the typed model the renderers read.

Runs only after every check has passed, so each required field is present
and every citation is anchored; a missing one here is a bug, not bad content.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from .content import Content
from .records import (
    Card,
    Citation,
    Claim,
    Era,
    Event,
    Explainer,
    Label,
    Lesson,
    Note,
    Party,
    Position,
    Published,
    Question,
    Quote,
    Redirect,
    Reference,
    Section,
    Side,
    Site,
    Source,
    Speaker,
    Statement,
    Term,
)

if TYPE_CHECKING:  # the check stage imports this module; the types only flow the other way
    from ..check.checked import Checked
    from ..check.checked import Statement as RawStatement
    from ..load.records import Record


def build(checked: Checked) -> Content:
    """The typed, frozen model of checked content."""
    statements = {(id(s.owner), s.where): s for s in checked.statements}
    texts = {source_id: source.text for source_id, source in checked.sources.items()}

    def statement(record: Record, *where) -> Statement:
        return _statement(statements[(id(record), where)], texts)

    site = build_site(checked.of("site")[0].data)
    return Content(
        site=site,
        sources=tuple(_source(r.data, texts[r.id]) for r in checked.of("source")),
        explainers=tuple(
            sorted((_explainer(r, statement) for r in checked.of("explainer")), key=lambda e: (e.order, e.id))
        ),
        events=tuple(sorted((_event(r, statement) for r in checked.of("event")), key=lambda e: (e.date, e.id))),
        quotes=tuple(sorted((_quote(r, statement) for r in checked.of("quote")), key=_in_source_order)),
        positions=tuple(
            sorted((_position(r, statement, site) for r in checked.of("position")), key=lambda p: (p.order, p.id))
        ),
        terms=tuple(sorted((_term(r, statement) for r in checked.of("term")), key=lambda t: t.term.lower())),
        notes=tuple(_note(r, statement) for r in checked.of("note")),
        lessons=tuple(
            sorted((_lesson(r, statement) for r in checked.of("lesson")), key=lambda lesson: (lesson.order, lesson.id))
        ),
        redirects=tuple(Redirect(r.id, r.data["from"], r.data["to"]) for r in checked.of("redirect")),
        coverage=tuple(sorted(checked.coverage.items())),
        paths=tuple((r.id, r.path) for records in checked.records.values() for r in records if r.kind != "site"),
    )


def _in_source_order(quote: Quote) -> tuple:
    """Quotes stand in the order their words do in the source."""
    return (min((c.source, c.start) for c in quote.statement.citations), quote.id)


def _statement(raw: RawStatement, texts: dict[str, str]) -> Statement:
    citations = []
    for c in raw.citations:
        assert c.anchor is not None, "an unanchored citation is a problem, reported before building"
        words = texts[c.source][c.anchor.start : c.anchor.end]
        citations.append(Citation(c.source, c.quote, words, c.anchor.start, c.anchor.end))
    return Statement(
        raw.anchor,
        raw.text,
        raw.basis,
        raw.attributed_to,
        tuple(citations),
        raw.owner.kind,
        raw.owner.id,
        references(raw.references),
    )


def references(items) -> tuple[Reference, ...]:
    return tuple(Reference(r["title"], r["publisher"], r["url"], r.get("date"), r.get("where")) for r in items or ())


def build_site(d: dict) -> Site:
    return Site(
        title=d["title"],
        description=d["description"],
        intro=d["intro"],
        cards=tuple(Card(c["page"], c["about"]) for c in d["cards"]),
        parties=tuple(
            Party(
                p["id"],
                p["name"],
                tuple(p.get("aliases") or ()),
                tuple(Speaker(s["id"], s["name"], tuple(s.get("aliases") or ())) for s in p.get("speakers") or ()),
            )
            for p in d["parties"]
        ),
        eras=tuple(Era(e["id"], e["title"]) for e in d["eras"]),
        equivalences=tuple((e["long"], e["short"]) for e in d.get("equivalences") or ()),
        pages=tuple(sorted((key, Label(v["title"], v["description"])) for key, v in (d.get("pages") or {}).items())),
    )


def _source(d: dict, text: str) -> Source:
    p = d["published"]
    return Source(
        d["id"],
        d["title"],
        d["publisher"],
        Published(p.get("date"), p["basis"], p["reason"], references(p.get("references"))),
        d.get("url"),
        d["licence"],
        d["sha256"],
        d.get("description"),
        tuple(d.get("typos") or ()),
        text,
    )


def _explainer(r: Record, statement) -> Explainer:
    d = r.data
    sections = tuple(
        Section(
            s["id"],
            s["heading"],
            tuple(Claim(c["id"], statement(r, "sections", i, "claims", j)) for j, c in enumerate(s["claims"])),
        )
        for i, s in enumerate(d["sections"])
    )
    return Explainer(r.id, d["order"], d["title"], d["description"], sections)


def _event(r: Record, statement) -> Event:
    d = r.data
    return Event(r.id, d["date"], d["when"], references(d.get("date_references")), d["era"], d["title"], statement(r))


def _quote(r: Record, statement) -> Quote:
    d = r.data
    return Quote(
        r.id,
        d["speaker"],
        d["occasion"],
        d["place"],
        d["when"],
        d.get("date"),
        references(d.get("date_references")),
        d["words"],
        tuple(d.get("insertions") or ()),
        statement(r),
    )


def _position(r: Record, statement, site: Site) -> Position:
    d, sides = r.data, []
    for party in site.parties:
        side = d["sides"].get(party.id) or {}
        stated = statement(r, "sides", party.id) if "cite" in side or "references" in side else None
        sides.append(Side(party.id, side.get("kind"), stated, side.get("silent")))
    return Position(r.id, d["order"], d["topic"], d["question"], tuple(sides))


def _term(r: Record, statement) -> Term:
    return Term(r.id, r.data["term"], tuple(r.data.get("see_also") or ()), statement(r))


def _note(r: Record, statement) -> Note:
    d = r.data
    return Note(r.id, d["kind"], d["title"], d["source"], tuple(d.get("applies_to") or ()), statement(r))


def _lesson(r: Record, statement) -> Lesson:
    d = r.data
    questions = tuple(
        Question(q["id"], q["question"], statement(r, "questions", i)) for i, q in enumerate(d["questions"])
    )
    return Lesson(
        r.id,
        d["order"],
        d["title"],
        d["description"],
        d["level"],
        d["duration"],
        tuple(d["objectives"]),
        tuple(d["key_terms"]),
        tuple(d["readings"]),
        tuple(d["discussion"]),
        questions,
    )
