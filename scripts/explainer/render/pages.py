"""The explainer's pages, each a pure function of the checked content.

Everything about the topic (the title, the parties, the eras, the home page)
comes from the site file; the words here are the generator's own.
"""

from __future__ import annotations

import re

from ..model import routes
from ..model.content import Content
from ..model.records import Event, Explainer, Label, Note, Position, Quote, Side, Site, Term
from ..model.routes import link, source_page
from . import background
from .blocks import PageWriter, basis_badge, legend, note_label, reference_list
from .markup import text, time
from .page import Page

# Generic titles and descriptions; the site file's `pages:` may give its own.
DEFAULT_LABELS = {
    "explainers": Label("Explainers", "Short, cited answers to the main questions."),
    "timeline": Label("Timeline", "Every event on one timeline, each cited."),
    "positions": Label("Positions side by side", "Each side's position on each topic, each cited."),
    "quotes": Label("Quotes", "What was said, word for word, with who, where and when."),
    "glossary": Label("Glossary", "The words you need, each defined from the sources."),
    "sources": Label("Sources", "The source texts the site's statements cite, and the references of its background."),
    "lessons": Label(
        "For teachers", "Lessons built on the explainer, each with a printable handout and a cited answer key."
    ),
    "data": Label("Open data", "Download the timeline, the quotes and every cited claim as JSON or CSV."),
}


def label(site: Site, key: str) -> Label:
    return site.label(key, DEFAULT_LABELS[key])


def party_name(site: Site, party_id: str) -> str:
    return next(p.name for p in site.parties if p.id == party_id)


def notes_for(content: Content, page: str, record_id: str, shown: set[str] | None = None) -> str:
    """Editor's notes that apply to a record, as admonitions linking to the note.

    A note already shown on the page (ids in `shown`) comes back as a one-line link.
    """
    out = []
    for note in content.notes_on(record_id):
        target = link(page, source_page(note.source), note.id)
        if shown is not None and note.id in shown:
            out.append(_note_link(note, target))
            continue
        if shown is not None:
            shown.add(note.id)
        refs = reference_list(note.statement.references) if note.statement.background else ""
        out.append(
            f'!!! note "{text(note_label(note.kind))}: {text(note.title)}"\n'
            f"    {text(note.statement.text)}{refs} [Read the note]({target})\n"
        )
    return "\n\n".join(out)


def _note_link(note: Note, target: str) -> str:
    label = text(note_label(note.kind))
    return f'<p class="editor-note" markdown="1"><strong>{label}:</strong> [{text(note.title)}]({target})</p>'


def notes_inline(content: Content, page: str, record_id: str) -> str:
    """Editor's notes that apply to a record, as one-line links to the note."""
    return "".join(
        _note_link(note, link(page, source_page(note.source), note.id)) for note in content.notes_on(record_id)
    )


def explainer(content: Content, record: Explainer) -> Page:
    page = routes.explainer_page(record.id)
    writer = PageWriter(page, content)
    parts = [f"# {text(record.title)}\n", legend()]
    shown: set[str] = set()
    for section in record.sections:
        parts.append(f"## {text(section.heading)} {{ #{section.id} }}\n")
        for claim in section.claims:
            parts.append(writer.claim_block(claim.statement))
            parts.append(notes_for(content, page, claim.id, shown))
    return Page(record.title, record.description, writer.finish("\n".join(p for p in parts if p)))


def explainer_index(content: Content) -> Page:
    page, about = routes.EXPLAINERS, label(content.site, "explainers")
    rows = [
        f"- [{text(r.title)}]({link(page, routes.explainer_page(r.id))}): {text(r.description)}"
        for r in content.explainers
    ]
    return Page(about.title, about.description, f"# {text(about.title)}\n\n" + "\n".join(rows) + "\n")


def timeline(content: Content) -> Page:
    page, about = routes.TIMELINE, label(content.site, "timeline")
    writer = PageWriter(page, content)
    parts = [f"# {text(about.title)}\n", legend()]
    for era in content.site.eras:
        parts.append(f"## {text(era.title)} {{ #{routes.era_anchor(era.id)} }}\n")
        members = [e for e in content.events if e.era == era.id]
        if not members:
            parts.append('<p class="era-empty">No events in this part of the story yet.</p>\n')
            continue
        items = [_event(writer, content, page, e) for e in members]
        parts.append('<ol class="timeline" markdown="1">\n' + "\n".join(items) + "\n</ol>\n")
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def background_date(date: str | None, refs) -> str:
    """An absolute date the source does not give: shown only marked as background, with its references."""
    if not date or not refs:
        return ""
    return (
        f'<span class="background-date"><span class="basis basis-background">Date from background'
        f"</span> {time(date)}{reference_list(refs)}</span>"
    )


def _event(writer: PageWriter, content: Content, page: str, record: Event) -> str:
    dated = background_date(record.date, record.date_references)
    classes = "event background" if record.statement.background else "event"
    return (
        f'<li class="{classes}" id="{record.id}" markdown="1">'
        f'<p class="event-date" markdown="1">{text(record.when)}{" " + dated if dated else ""}</p>'
        f'<p class="event-title" markdown="1"><strong>{text(record.title)}</strong> '
        f"{writer.permalink(record.id, 'event')}</p>"
        f'<p markdown="1">{basis_badge(record.statement)} {writer.cited(record.statement)}</p>'
        f"{notes_inline(content, page, record.id)}</li>"
    )


def quotes(content: Content) -> Page:
    page, about = routes.QUOTES, label(content.site, "quotes")
    writer = PageWriter(page, content)
    parts = [
        f"# {text(about.title)}\n",
        '<p class="lede">Words in <span class="insertion">grey brackets</span> stand in brackets inside the '
        "quotation: likely added by whoever reported it, not the speaker's own.</p>\n",
    ]
    parts += [_quote(writer, content, page, r) for r in content.quotes]
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def quote_words(record: Quote) -> str:
    """The quoted words, escaped, with the source's own insertions marked: each at its first place
    that is not inside a longer word ("the" is not marked in "other")."""
    words = text(record.words)
    for inserted in record.insertions:
        safe = text(inserted)
        found = re.search(rf"(?<![^\W_]){re.escape(safe)}(?![^\W_])", words)
        if found:
            mark = f'<span class="insertion" title="Likely added by whoever reported the quotation">{safe}</span>'
            words = words[: found.start()] + mark + words[found.end() :]
    return words


def _quote(writer: PageWriter, content: Content, page: str, record: Quote) -> str:
    return (
        f'<figure class="quote-card" id="{record.id}" markdown="1">\n'
        f'<blockquote markdown="1"><p markdown="1">&#8220;{quote_words(record)}&#8221;'
        f"{writer.refs(record.statement)}</p></blockquote>\n"
        f'<figcaption markdown="1"><span class="speaker">{text(record.speaker)}</span>, '
        f"{text(record.occasion)}, {text(record.place)}, {text(record.when)} "
        f"{writer.permalink(record.id, 'quote')}"
        + (f"<br>{background_date(record.date, record.date_references)}" if record.date else "")
        + "</figcaption>\n"
        f"</figure>\n{notes_for(content, page, record.id)}"
    )


def positions(content: Content) -> Page:
    page, about = routes.POSITIONS, label(content.site, "positions")
    writer = PageWriter(page, content)
    parts = [f"# {text(about.title)}\n", legend()]
    for record in content.positions:
        parts.append(f"## {text(record.topic)} {{ #{record.id} }}\n")
        parts.append(f'<p class="position-question">{text(record.question)}</p>\n')
        cells = [_side(writer, content.site, record, side) for side in record.sides]
        parts.append('<div class="positions" markdown="1">\n' + "\n".join(cells) + "\n</div>\n")
        parts.append(notes_inline(content, page, record.id))
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def silence(site: Site, side: Side) -> str:
    """What a side says when the sources are silent: its own words, or the plain default."""
    return side.silent or f"The sources give no position of {party_name(site, side.party)} on this."


def side_label(site: Site, side: Side) -> str:
    """What a cell holds, in words: the party's own, the report's account of its actions, another's
    account under a label saying there is no statement of the party's own, or background."""
    name = party_name(site, side.party)
    if side.kind == "own":
        reported = side.statement is not None and side.statement.basis == "reported"
        return "The report's account of what it said" if reported else "In its own words"
    if side.kind == "actions":
        return "Its actions, as the report narrates them"
    if side.kind == "account":
        speaker = side.statement.attributed_to if side.statement else None
        who = speaker or "another party"
        return f"No {name} statement in the source. {who[:1].upper() + who[1:]}'s account:"
    return "Background: not from the news report"


def _side(writer: PageWriter, site: Site, record: Position, side: Side) -> str:
    anchor = routes.side_anchor(record.id, side.party)
    # A heading for screen readers, but not an entry in every topic's table of contents.
    head = f'<p class="side-name" role="heading" aria-level="3">{text(party_name(site, side.party))}</p>'
    if side.statement is None:
        return (
            f'<section class="side side-{side.party} side-silent" id="{anchor}" markdown="1">{head}'
            f'<p class="silent">{text(silence(site, side))}</p></section>'
        )
    # A background cell's badge says all its label would.
    held = (
        ""
        if side.kind == "background"
        else f'<p class="side-kind side-kind-{side.kind}">{text(side_label(site, side))}</p>'
    )
    return (
        f'<section class="side side-{side.party} side-{side.kind}" id="{anchor}" markdown="1">{head}{held}'
        f'<p markdown="1">{basis_badge(side.statement)} {writer.cited(side.statement)} '
        f"{writer.permalink(anchor, 'position')}</p></section>"
    )


def glossary(content: Content) -> Page:
    page, about = routes.GLOSSARY, label(content.site, "glossary")
    writer = PageWriter(page, content)
    parts = [f"# {text(about.title)}\n"]
    parts += [_term(writer, content, page, record) for record in content.terms]
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def _term(writer: PageWriter, content: Content, page: str, record: Term) -> str:
    see = [f"[{text(content.term(ref).term)}](#{ref})" for ref in record.see_also]
    also = f'<p class="see-also" markdown="1">See also: {", ".join(see)}</p>' if see else ""
    return (
        f'<dl class="term" id="{record.id}" markdown="1"><dt markdown="1">{text(record.term)} '
        f"{writer.permalink(record.id, 'term')}</dt>"
        f'<dd markdown="1"><p markdown="1">{basis_badge(record.statement)} {writer.cited(record.statement)}</p>{also}'
        f"{notes_inline(content, page, record.id)}</dd></dl>\n"
    )


def home(content: Content) -> Page:
    site, page = content.site, routes.HOME
    questions = "\n".join(
        f"- [{text(r.title)}]({link(page, routes.explainer_page(r.id))})  \n  {text(r.description)}"
        for r in content.explainers
    )
    browse = "\n".join(
        f"- [{text(label(site, card.page).title)}]({link(page, routes.PAGE_BY_KEY[card.page])}): {text(card.about)}"
        for card in site.cards
    )
    body = (
        f"# {text(site.title)}\n\n{text(site.intro)}\n\n{promise(content)}\n\n"
        + (f"## Start with a question\n\n{questions}\n\n" if questions else "")
        + f"## Or browse\n\n{browse}\n"
    )
    return Page(site.title, site.description, body)


def promise(content: Content) -> str:
    """What the site promises, exactly as the build enforces it, with the figures of this build."""
    verified, background, sources = content.counts
    return (
        '<div class="promise" markdown="1">\n\n'
        "**What you can check.** Everything written on this site is one of three kinds. "
        "A *cited statement* links to the exact words of the source it rests on, and the build fails "
        "if those words are not in the source word for word. "
        "A *background statement*, marked &#8220;Background: not from the news report&#8221;, is written in "
        "our own words from the public references listed with it; it is not checked against the source. "
        "Headings, questions and other editorial text add no facts of their own: the build fails if a "
        "year, number, date or name in them is not in the cited words or background references of the "
        "record or page they belong to.\n\n"
        f"This build: **{verified}** {_plural(verified, 'statement')} verified word for word, **{background}** "
        f"background {_plural(background, 'statement')}, **{sources}** source {_plural(sources, 'text')}.\n\n</div>"
    )


def _plural(count: int, word: str) -> str:
    return word if count == 1 else word + "s"


def sources_index(content: Content) -> Page:
    page, about = routes.SOURCES, label(content.site, "sources")
    rows = [f"- [{text(r.title)}]({link(page, source_page(r.id))}), {text(r.publisher)}" for r in content.sources]
    return Page(
        about.title,
        about.description,
        f"# {text(about.title)}\n\n{promise(content)}\n\n" + "\n".join(rows) + "\n" + _background(content, page),
    )


def _background(content: Content, page: str) -> str:
    listed = background.section(content, page)
    return "\n" + listed if listed else ""
