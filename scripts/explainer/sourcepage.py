"""A source's page: its full text, every cited span highlighted and anchored,
each span followed by links to what cites it."""

from __future__ import annotations

import heapq
from dataclasses import dataclass

from .content import Content, Statement
from .markup import escape, front_matter, human_date, link, quoted, text
from .render import PageWriter, source_page, span_id
from .typos import CONVENTION, mark_typos


@dataclass(frozen=True)
class Citer:
    """Where a statement citing a span is published."""

    page: str
    anchor: str
    label: str


def spans_of(content: Content, source_id: str, where_published) -> dict[tuple[int, int], list[Citer]]:
    """Every cited span of one source, with the statements citing it, in page order."""
    spans: dict[tuple[int, int], list[Citer]] = {}
    for statement, citation in content.citing(source_id):
        if citation.anchor:
            key = (citation.anchor.start, citation.anchor.end)
            citer = where_published(statement)
            if citer and citer not in spans.setdefault(key, []):
                spans[key].append(citer)
    return dict(sorted(spans.items()))


def highlight(source_text: str, start: int, end: int, spans: list[tuple[int, int]]) -> str:
    """Escaped text of [start, end) with each cited span in a <mark>.

    Nested spans nest; a span that crosses another (or a paragraph end) is
    split, its first piece carrying the id and every piece `data-span`, so the
    span's full words are the text of all its pieces.
    """
    pieces = sorted((max(s, start), -min(e, end), (s, e), s >= start) for s, e in spans if s < end and e > start)
    return _emit(source_text, start, end, _layout(pieces))


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
        out.append(f'<mark class="cited"{ident} data-span="{span[0]}-{span[1]}">'
                   f"{_emit(source_text, s, e, children)}</mark>")
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


def render(content: Content, record, where_published) -> str:
    page = source_page(record.id)
    source = content.sources[record.id]
    spans = spans_of(content, record.id, where_published)
    writer = PageWriter(page, content)
    parts = [front_matter(title=record.data["title"],
                          description=f"The full text of {record.data['title']}, every cited passage highlighted."),
             f"# {text(record.data['title'])}\n"]
    # The article first: a phone reader came for the text, not for the lists about it.
    parts.append('## Full text { #full-text }\n')
    parts.append('<p class="lede">Highlighted passages are cited on this site; under each paragraph, open a '
                 "passage&#39;s line to see every sentence that cites it. <a href=\"#about-this-text\">About "
                 "this text</a>.</p>\n")
    if record.data.get("typos"):
        parts.append(f'<p class="sic-note">{CONVENTION}</p>\n')
    for number, start, end, inside in lines_with_spans(source.text, list(spans)):
        body = mark_typos(highlight(source.text, start, end, inside), record.data.get("typos"))
        parts.append(f'<p class="source-paragraph" id="p{number}" markdown="1">{body}</p>\n')
        parts.append(_citers(page, source.text, inside, spans))
    parts += ["## About this text { #about-this-text }\n", _metadata(record), _coverage(content, record),
              _notes(writer, content, record)]
    return writer.finish("\n".join(p for p in parts if p))


def _metadata(record) -> str:
    d = record.data
    published = d["published"]
    when = f"{human_date(published['date'])} ({published['basis']})" if published.get("date") else "Date unknown"
    rows = [("Publisher", text(d["publisher"])),
            ("Published", f"{when}: {text(published['reason'])}"),
            ("Licence", text(d["licence"])),
            ("SHA-256", f"<code>{d['sha256']}</code>")]
    if d.get("url"):
        rows.insert(1, ("Address", f'<a href="{text(d["url"])}" rel="nofollow">{text(d["url"])}</a>'))
    items = "".join(f"<dt>{k}</dt><dd>{v}</dd>" for k, v in rows)
    intro = f"{text(d['description'])}\n\n" if d.get("description") else ""
    return f'{intro}<dl class="source-meta">{items}</dl>\n'


def _coverage(content: Content, record) -> str:
    """How much of the text this site cites, and which sentences it does not."""
    result = content.coverage.get(record.id)
    if result is None:
        return ""
    source = content.sources[record.id]
    summary = (f'<p class="coverage">Cited on this site: <strong>{result.sentences_covered} of '
               f"{result.sentences} sentences</strong> ({result.sentence_share:.0f}%), "
               f"{result.chars_covered:,} of {result.chars:,} letters and digits "
               f"({result.char_share:.0f}%).</p>\n")
    if not result.uncited:
        return "## Coverage { #coverage }\n\n" + summary
    items = "\n".join(f"<li>{text(source.text[s:e])}</li>" for s, e in result.uncited)
    return (f"## Coverage {{ #coverage }}\n\n{summary}"
            f'<details class="uncited"><summary>Sentences not cited ({len(result.uncited)})</summary>\n'
            f"<ul>\n{items}\n</ul>\n</details>\n")


def _notes(writer: PageWriter, content: Content, record) -> str:
    notes = content.memo("notes-by-source", lambda: _group(content.of("note"), "source")).get(record.id, [])
    if not notes:
        return ""
    parts = ["## Editor's notes { #editors-notes }\n"]
    for note in notes:
        statement = content.statements_of(note)[0]
        parts.append(f'<div class="editor-note" id="{note.id}" markdown="1">'
                     f'<p class="note-title" markdown="1"><strong>{text(note.data["title"])}</strong> '
                     f"{writer.permalink(note.id, 'note')}</p>"
                     f'<p markdown="1">{writer.cited(statement)}</p></div>\n')
    return "\n".join(parts)


def _citers(page: str, source_text: str, inside, spans) -> str:
    """What cites each passage of a paragraph: one closed line per passage, opened on demand."""
    if not inside:
        return ""
    items = []
    for span in inside:
        words = source_text[span[0]:span[1]].split()
        opening = quoted(" ".join(words[:6]) + (" …" if len(words) > 6 else ""))
        count = len(spans[span])
        links = "".join(f'<li markdown="1">[{text(c.label)}]({link(page, c.page, c.anchor)})</li>' for c in spans[span])
        items.append(f'<details class="cited-by" markdown="1"><summary>Cited by {count}: {opening}</summary>\n'
                     f'<ul markdown="1"><li><a href="#{span_id(*span)}" class="span-ref">This passage in the text</a></li>'
                     f"{links}</ul>\n</details>")
    return "\n".join(items) + "\n"


def _group(records, key: str) -> dict[str, list]:
    found: dict[str, list] = {}
    for record in records:
        found.setdefault(record.data[key], []).append(record)
    return found
