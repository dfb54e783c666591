"""A source's page: its full text, every cited span highlighted and anchored,
each span followed by links to what cites it."""

from __future__ import annotations

import heapq
from collections.abc import Callable
from dataclasses import dataclass

from ..cite.voices import read_voices
from ..model import routes
from ..model.content import Content
from ..model.records import Explainer, Lesson, Note, Quote, Source, Statement
from ..model.routes import link, source_page, span_id
from .blocks import PageWriter, note_label
from .markup import escape, human_date, quoted, text
from .page import Page
from .pages import background_date, party_name
from .typos import CONVENTION, mark_typos, sic_marked
from .voicemarks import legend, speakers_of_site, voiced


@dataclass(frozen=True)
class Citer:
    """Where a statement citing a span is published, and how a link to it reads."""

    page: str
    anchor: str
    label: str


def citer(content: Content, statement: Statement) -> Citer | None:
    place = routes.place_of(content, statement)
    return Citer(place.page, place.anchor, citer_label(content, statement)) if place else None


def citer_label(content: Content, statement: Statement) -> str:
    """A link's words: the page, the record, and enough of the statement to tell links apart."""
    record = content.named(statement.record).record
    if isinstance(record, Explainer):
        return f"{record.title} {_opening(statement.text)}"
    if isinstance(record, Note):
        return f"{note_label(record.kind)}: {record.title}"
    if isinstance(record, Lesson):
        return f"Lesson: {record.title} {_opening(statement.text)}"
    page = {"event": "Timeline", "quote": "Quotes", "position": "Positions", "term": "Glossary"}[statement.kind]
    name = {"event": "title", "quote": "speaker", "position": "topic", "term": "term"}[statement.kind]
    side = next(
        (f" ({party_name(content.site, s.party)})" for s in getattr(record, "sides", ()) if s.statement is statement),
        "",
    )
    words = f" {_opening(record.words, 6)}" if isinstance(record, Quote) else ""
    return f"{page}: {getattr(record, name)}{side}{words}"


def _opening(sentence: str, words: int = 7) -> str:
    """The first words of a claim, so links to several claims of one page differ."""
    parts = sentence.split()
    return "(\u201c" + " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "") + "\u201d)"


def spans_of(content: Content, source_id: str) -> dict[tuple[int, int], list[Citer]]:
    """Every cited span of one source, with the statements citing it, in page order."""
    spans: dict[tuple[int, int], list[Citer]] = {}
    for statement in content.citing(source_id):
        found = citer(content, statement)
        for citation in statement.citations:
            if citation.source != source_id:
                continue
            key = (citation.start, citation.end)
            if found and found not in spans.setdefault(key, []):
                spans[key].append(found)
    return dict(sorted(spans.items()))


def highlight(source_text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """Escaped text of [start, end) with each cited span in a <mark>.

    Nested spans nest; a span that crosses another (or a paragraph end) is
    split, its first piece carrying the id and every piece `data-span`, so the
    span's full words are the text of all its pieces.
    """
    pieces = sorted((max(s, start), -min(e, end), (s, e), s >= start) for s, e in spans if s < end and e > start)
    return _emit(source_text, start, end, _layout(pieces))


def _highlighter(source_text: str, spans: list[tuple[int, int]]) -> Callable[[int, int], str]:
    """highlight() of one line's spans, for each voice's piece of the line."""
    return lambda start, end: highlight(source_text, start, end, spans)


def _layout(heap: list) -> list:
    """Arrange pieces (start, -end, span, first) into a tree of properly nested marks."""
    heapq.heapify(heap)
    nodes = []
    while heap:
        s, neg_e, span, first = heapq.heappop(heap)
        e, children = -neg_e, []
        while heap and heap[0][0] < e:
            cs, cneg_e, cspan, cfirst = heapq.heappop(heap)
            if -cneg_e <= e:
                children.append((cs, cneg_e, cspan, cfirst))
            else:  # crosses this piece's end: keep the inside, continue the rest later
                children.append((cs, -e, cspan, cfirst))
                heapq.heappush(heap, (e, cneg_e, cspan, False))
        nodes.append((s, e, span, first, _layout(children)))
    return nodes


def _emit(source_text: str, start: int, end: int, nodes: list) -> str:
    out, at = [], start
    for s, e, span, first, children in nodes:
        out.append(escape(source_text[at:s]))
        ident = f' id="{span_id(*span)}"' if first else ""
        out.append(
            f'<mark class="cited"{ident} data-span="{span[0]}-{span[1]}">{_emit(source_text, s, e, children)}</mark>'
        )
        at = e
    out.append(escape(source_text[at:end]))
    return "".join(out)


def lines_with_spans(source_text: str, spans: list[tuple[int, int]]):
    """(line number, start, end, spans reaching into it) for each line that is not blank.

    A sweep over the spans, sorted by start: testing every span against every line was
    quadratic in a long, much-cited source.
    """
    offset, waiting, active = 0, 0, []
    for number, line in enumerate(source_text.split("\n"), 1):
        start, end = offset, offset + len(line)
        offset = end + 1
        while waiting < len(spans) and spans[waiting][0] < end:
            active.append(spans[waiting])
            waiting += 1
        active = [span for span in active if span[1] > start]
        if line.strip():
            yield number, start, end, list(active)


def render(content: Content, record: Source) -> Page:
    page = source_page(record.id)
    spans = spans_of(content, record.id)
    writer = PageWriter(page, content)
    parts = [f"# {text(record.title)}\n"]
    # The article first: a phone reader came for the text, not for the lists about it.
    parts.append(f"## Full text {{ #{routes.FULL_TEXT} }}\n")
    parts.append(
        '<p class="lede">Highlighted passages are cited on this site; under each paragraph, open a '
        "passage&#39;s line to see every sentence that cites it. "
        f'<a href="#{routes.ABOUT_TEXT}">About this text</a>.</p>\n'
    )
    if record.typos:
        parts.append(f'<p class="sic-note">{CONVENTION}</p>\n')
    speakers = speakers_of_site(content.site)
    voices, names = read_voices(record.text, speakers), {s.id: s.name for s in speakers}
    parts.append(legend(voices))
    for number, start, end, inside in lines_with_spans(record.text, list(spans)):
        marked = voiced(voices, start, end, names, _highlighter(record.text, inside))
        body = mark_typos(marked, record.typos)
        parts.append(f'<p class="source-paragraph" id="{routes.paragraph_id(number)}" markdown="1">{body}</p>\n')
        parts.append(_citers(page, record.text, inside, spans, record.typos))
    parts += [
        f"## About this text {{ #{routes.ABOUT_TEXT} }}\n",
        _metadata(record),
        _coverage(content, record),
        _notes(writer, content, record),
    ]
    return Page(
        record.title,
        f"The full text of {record.title}, every cited passage highlighted.",
        writer.finish("\n".join(p for p in parts if p)),
    )


def _metadata(record: Source) -> str:
    published = record.published
    when = f"{human_date(published.date)} ({published.basis})" if published.date else "Date unknown"
    if published.date and published.references:  # a date from outside the text: marked as background
        when = f"{background_date(published.date, published.references)} ({published.basis})"
    rows = [
        ("Publisher", text(record.publisher)),
        ("Published", f"{when}: {text(published.reason)}"),
        ("Licence", text(record.licence)),
        ("SHA-256", f"<code>{record.sha256}</code>"),
    ]
    if record.url:
        rows.insert(1, ("Address", f'<a href="{text(record.url)}" rel="nofollow">{text(record.url)}</a>'))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    intro = f"{text(record.description)}\n\n" if record.description else ""
    return f'{intro}<dl class="source-meta">{items}</dl>\n'


def _coverage(content: Content, record: Source) -> str:
    """How much of the text this site cites, and which sentences it does not."""
    result = content.coverage_of(record.id)
    if result is None:
        return ""
    summary = (
        f'<p class="coverage">Cited on this site: <strong>{result.sentences_covered} of '
        f"{result.sentences} sentences</strong> ({result.sentence_share:.0f}%), "
        f"{result.chars_covered:,} of {result.chars:,} letters and digits "
        f"({result.char_share:.0f}%).</p>\n"
    )
    if not result.uncited:
        return "## Coverage { #coverage }\n\n" + summary
    items = "\n".join(f"<li>{sic_marked(record.text[s:e], record.typos)}</li>" for s, e in result.uncited)
    return (
        f"## Coverage {{ #coverage }}\n\n{summary}"
        f'<details class="uncited"><summary>Sentences not cited ({len(result.uncited)})</summary>\n'
        f"<ul>\n{items}\n</ul>\n</details>\n"
    )


def _notes(writer: PageWriter, content: Content, record: Source) -> str:
    notes = content.notes_on_source(record.id)
    if not notes:
        return ""
    parts = ["## Editor's notes { #editors-notes }\n"]
    for note in notes:
        parts.append(
            f'<div class="editor-note" id="{note.id}" markdown="1">'
            f'<p class="note-title" markdown="1"><span class="note-kind note-kind-{note.kind}">'
            f"{text(note_label(note.kind))}</span> <strong>{text(note.title)}</strong> "
            f"{writer.permalink(note.id, 'note')}</p>"
            f'<p markdown="1">{writer.cited(note.statement)}</p></div>\n'
        )
    return "\n".join(parts)


def _citers(page: str, source_text: str, inside, spans, typos: tuple[str, ...] = ()) -> str:
    """What cites each passage of a paragraph: one closed line per passage, opened on demand."""
    if not inside:
        return ""
    items = []
    for span in inside:
        words = source_text[span[0] : span[1]].split()
        opening = mark_typos(quoted(" ".join(words[:6]) + (" …" if len(words) > 6 else "")), typos)
        count = len(spans[span])
        links = "".join(f'<li markdown="1">[{text(c.label)}]({link(page, c.page, c.anchor)})</li>' for c in spans[span])
        items.append(
            f'<details class="cited-by" markdown="1"><summary>Cited by {count}: {opening}</summary>\n'
            f'<ul markdown="1"><li><a href="#{span_id(*span)}" class="span-ref">This passage in the text</a></li>'
            f"{links}</ul>\n</details>"
        )
    return "\n".join(items) + "\n"
