"""The explainer's pages, each a pure function of the checked content."""

from __future__ import annotations

from ..model.content import Content, Statement
from .markup import front_matter, human_date, link, text, time
from .blocks import PageWriter, basis_badge, legend, source_page

ERAS = {"treaty": "The treaty years, 1987–1991", "collapse": "The collapse, 2019"}
SIDES = (("russia", "Russia"), ("united_states", "United States"))


def statement_at(content: Content, record, *where) -> Statement | None:
    return content.statement_at(record, where)


def notes_applying(content: Content, record_id: str) -> list:
    """The editor's notes whose applies_to names record_id, in note order (indexed once per content)."""
    def build():
        found: dict[str, list] = {}
        for note in content.of("note"):
            for ident in dict.fromkeys(note.data.get("applies_to") or []):
                found.setdefault(ident, []).append(note)
        return found
    return content.memo("notes-applying", build).get(record_id, [])


def notes_for(content: Content, page: str, record_id: str, shown: set[str] | None = None) -> str:
    """Editor's notes that apply to a record, as admonitions linking to the note.

    A note already shown on the page (ids in `shown`) comes back as a one-line link.
    """
    out = []
    for note in notes_applying(content, record_id):
        target = link(page, source_page(note.data["source"]), note.id)
        if shown is not None and note.id in shown:
            out.append(_note_link(note, target))
            continue
        if shown is not None:
            shown.add(note.id)
        out.append(f'!!! note "Editor&#39;s note: {text(note.data["title"])}"\n'
                   f"    {text(note.data['text'])} [Read the note]({target})\n")
    return "\n\n".join(out)


def explainer(content: Content, record) -> str:
    page = f"explainers/{record.id}.md"
    writer = PageWriter(page, content)
    parts = [front_matter(title=record.data["title"], description=record.data["description"]),
             f"# {text(record.data['title'])}\n", legend()]
    shown: set[str] = set()
    for s, section in enumerate(record.data["sections"]):
        parts.append(f"## {text(section['heading'])} {{ #{section['id']} }}\n")
        for c, claim in enumerate(section["claims"]):
            statement = statement_at(content, record, "sections", s, "claims", c)
            parts.append(writer.claim_block(statement))
            parts.append(notes_for(content, page, claim["id"], shown))
    return writer.finish("\n".join(p for p in parts if p))


def explainer_index(content: Content) -> str:
    page = "explainers/index.md"
    rows = [f"- [{text(r.data['title'])}]({link(page, f'explainers/{r.id}.md')}): {text(r.data['description'])}"
            for r in sorted(content.of("explainer"), key=lambda r: (r.data["order"], r.id))]
    return (front_matter(title="Explainers", description="Short, cited answers to the main questions.")
            + "# Explainers\n\n" + "\n".join(rows) + "\n")


def timeline(content: Content) -> str:
    page = "timeline.md"
    writer = PageWriter(page, content)
    events = sorted(content.of("event"), key=lambda r: (r.data["date"], r.id))
    parts = [front_matter(title="Timeline", description="From the 1987 signing to the 2019 remarks, every event cited."),
             "# Timeline\n", legend()]
    for era, heading in ERAS.items():
        members = [e for e in events if e.data["era"] == era]
        if not members:
            continue
        parts.append(f"## {text(heading)} {{ #era-{era} }}\n")
        items = [_event(writer, content, page, e) for e in members]
        parts.append(f'<ol class="timeline" markdown="1">\n' + "\n".join(items) + "\n</ol>\n")
    return writer.finish("\n".join(parts))


def _event(writer: PageWriter, content: Content, page: str, record) -> str:
    statement = statement_at(content, record)
    basis = f' <span class="date-basis">{text(record.data["date_basis"])}</span>' if record.data.get("date_basis") else ""
    return (f'<li class="event" id="{record.id}" markdown="1">'
            f'<p class="event-date" markdown="1">{time(record.data["date"])}{basis}</p>'
            f'<p class="event-title" markdown="1"><strong>{text(record.data["title"])}</strong> '
            f"{writer.permalink(record.id, 'event')}</p>"
            f'<p markdown="1">{basis_badge(statement)} {writer.cited(statement)}</p>'
            f"{notes_inline(content, page, record.id)}</li>")


def _note_link(note, target: str) -> str:
    return (f'<p class="editor-note" markdown="1"><strong>Editor&#39;s note:</strong> '
            f"[{text(note.data['title'])}]({target})</p>")


def notes_inline(content: Content, page: str, record_id: str) -> str:
    """Editor's notes that apply to a record, as one-line links to the note."""
    return "".join(_note_link(note, link(page, source_page(note.data["source"]), note.id))
                   for note in notes_applying(content, record_id))


def quotes(content: Content) -> str:
    page = "quotes.md"
    writer = PageWriter(page, content)
    records = sorted(content.of("quote"), key=lambda r: (r.data["date"], r.id))
    parts = [front_matter(title="Quotes", description="What was said, word for word, with who, where and when."),
             "# Quotes\n",
             '<p class="lede">Words in <span class="insertion">grey brackets</span> were added by the '
             "source, not the speaker.</p>\n"]
    parts += [_quote(writer, content, page, r) for r in records]
    return writer.finish("\n".join(parts))


def quote_words(record) -> str:
    """The quoted words, escaped, with the source's own insertions marked."""
    words = text(record.data["words"])
    for inserted in record.data.get("insertions") or []:
        safe = text(inserted)
        words = words.replace(safe, f'<span class="insertion" title="Added by the source, not the speaker">{safe}</span>', 1)
    return words


def _quote(writer: PageWriter, content: Content, page: str, record) -> str:
    statement = statement_at(content, record)
    d = record.data
    return (f'<figure class="quote-card" id="{record.id}" markdown="1">\n'
            f'<blockquote markdown="1"><p markdown="1">&#8220;{quote_words(record)}&#8221;'
            f"{writer.refs(statement)}</p></blockquote>\n"
            f'<figcaption markdown="1"><span class="speaker">{text(d["speaker"])}</span>, '
            f'{text(d["occasion"])}, {text(d["place"])}, {time(d["date"])} '
            f"{writer.permalink(record.id, 'quote')}"
            f'<br><span class="date-basis">{text(d["date_basis"])}</span></figcaption>\n'
            f"</figure>\n{notes_for(content, page, record.id)}")


def positions(content: Content) -> str:
    page = "positions.md"
    writer = PageWriter(page, content)
    parts = [front_matter(title="Positions side by side",
                          description="Russia's and the United States' positions on each topic, each cited."),
             "# Positions side by side\n", legend()]
    for record in sorted(content.of("position"), key=lambda r: (r.data["order"], r.id)):
        parts.append(f"## {text(record.data['topic'])} {{ #{record.id} }}\n")
        parts.append(f'<p class="position-question">{text(record.data["question"])}</p>\n')
        cells = [_side(writer, content, record, key, name) for key, name in SIDES]
        parts.append('<div class="positions" markdown="1">\n' + "\n".join(cells) + "\n</div>\n")
        parts.append(notes_inline(content, page, record.id))
    return writer.finish("\n".join(parts))


def _side(writer: PageWriter, content: Content, record, key: str, name: str) -> str:
    side = record.data[key]
    anchor = f"{record.id}-{key.replace('_', '-')}"
    # A heading for screen readers, but not an entry in every topic's table of contents.
    head = f'<p class="side-name" role="heading" aria-level="3">{name}</p>'
    if side.get("silent"):
        return (f'<section class="side side-{key} side-silent" id="{anchor}" markdown="1">{head}'
                f'<p class="silent">{text(side["silent"])}</p></section>')
    statement = statement_at(content, record, key)
    held = f'<p class="held-by">Held by {text(side["held_by"])}</p>'
    return (f'<section class="side side-{key}" id="{anchor}" markdown="1">{head}{held}'
            f'<p markdown="1">{basis_badge(statement)} {writer.cited(statement)} '
            f"{writer.permalink(anchor, 'position')}</p></section>")


def glossary(content: Content) -> str:
    page = "glossary.md"
    writer = PageWriter(page, content)
    parts = [front_matter(title="Glossary", description="The words you need, each defined from the sources."),
             "# Glossary\n"]
    for record in sorted(content.of("term"), key=lambda r: r.data["term"].lower()):
        statement = statement_at(content, record)
        see = [f"[{text(t.data['term'])}](#{t.id})" for ref in record.data.get("see_also") or []
               if (t := content.record("term", ref))]
        also = f'<p class="see-also" markdown="1">See also: {", ".join(see)}</p>' if see else ""
        parts.append(f'<dl class="term" id="{record.id}" markdown="1"><dt markdown="1">{text(record.data["term"])} '
                     f"{writer.permalink(record.id, 'term')}</dt>"
                     f'<dd markdown="1"><p markdown="1">{writer.cited(statement)}</p>{also}'
                     f"{notes_inline(content, page, record.id)}</dd></dl>\n")
    return writer.finish("\n".join(parts))


def home(content: Content) -> str:
    page = "index.md"
    explainers = sorted(content.of("explainer"), key=lambda r: (r.data["order"], r.id))
    cards = "\n".join(f"- [{text(r.data['title'])}]({link(page, f'explainers/{r.id}.md')})  \n"
                      f"  {text(r.data['description'])}" for r in explainers)
    return (front_matter(title="The INF Treaty, explained",
                         description="A cited explainer of the 1987 INF Treaty, the 2019 US withdrawal "
                                     "and the positions of Russia and the United States.")
            + "# The INF Treaty, explained\n\n"
            "A cited explainer of the Intermediate-Range Nuclear Forces (INF) Treaty: what it did, why it "
            "ended, and what each side says about it. Every sentence on this site links to the exact words "
            "of the source it rests on, so you can check it yourself.\n\n"
            "## Start with a question\n\n" + cards + "\n\n"
            "## Or browse\n\n"
            f"- [Timeline]({link(page, 'timeline.md')}): from the signing in 1987 to the remarks of September 2019\n"
            f"- [Positions side by side]({link(page, 'positions.md')}): Russia and the United States, topic by topic\n"
            f"- [Quotes]({link(page, 'quotes.md')}): who said what, where and when, word for word\n"
            f"- [Glossary]({link(page, 'glossary.md')}): the terms you need\n"
            f"- [Sources]({link(page, 'sources/index.md')}): the full texts, with every cited passage highlighted\n")
