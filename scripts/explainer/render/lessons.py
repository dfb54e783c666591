"""The pages for teachers: a "For teachers" list, and for each lesson a student
handout and a teacher's edition with the cited answer key.

Pure: content in, Markdown out. Handouts are meant to be printed, so every
citation carries its quoted words and a visible address (`print-url`, shown
only in print), and every link is a plain link that works without scripts.
"""

from __future__ import annotations

from ..model import routes
from ..model.content import Content, Target
from ..model.records import Citation, Event, Explainer, Lesson, Position, Quote, Statement
from ..model.routes import LESSONS as INDEX
from ..model.routes import absolute, export_page, handout_page, key_page, link, source_page, span_id, url
from .blocks import BASIS_LABEL, PageWriter, basis_badge, reference_list
from .markup import text
from .offline import offer
from .page import Page
from .pages import background_date, label, party_name, quote_words, side_label, silence
from .passages import Passage, Span, in_order, number_passages
from .typos import CONVENTION, has_typo, sic_marked


class LessonWriter(PageWriter):
    """A page writer whose citations also print their full address."""

    site_url: str = ""
    passages: dict[Span, Passage]  # (source, start, end) → the numbered passage that prints it

    def _footnote(self, citation: Citation) -> str:
        return super()._footnote(citation) + self.span_address(citation)

    def span_address(self, citation: Citation) -> str:
        return self.source_address(citation.source, citation.start, citation.end)

    def source_address(self, source: str, start: int, end: int) -> str:
        """The absolute address of a highlighted span on a source page, shown in print only."""
        if not self.site_url:  # a path alone would be no address on paper
            return ""
        path = url(source_page(source)) + "#" + span_id(start, end)
        return f' <span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def address(self, page: str, anchor: str = "") -> str:
        """The absolute address of a page (and anchor), shown in print only, when the site's is known."""
        if not self.site_url:
            return ""
        path = url(page) + (f"#{anchor}" if anchor else "")
        return f'<span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def refs(self, statement: Statement) -> str:
        """A statement's sources, as references to the page's numbered passages (not footnotes)."""
        numbers = list(dict.fromkeys(self.passages[span].number for span in spans_of([statement])))
        if statement.background:
            return reference_list(statement.references)
        if not numbers:
            return ""
        links = ", ".join(f"[{n}](#passage-{n})" for n in numbers)
        return f' <span class="passage-refs">(Passage{"s" if len(numbers) > 1 else ""} {links})</span>'

    def passage_list(self) -> str:
        """Every passage the page refers to, printed once: its words, source and address."""
        items, typos_shown = [], False
        for passage in in_order(self.passages):
            source = self.content.source(passage.source)
            words = source.text[passage.start : passage.end]
            typos_shown = typos_shown or has_typo(words, source.typos)
            target = link(self.path, source_page(passage.source), span_id(passage.start, passage.end))
            items.append(
                f'<li id="passage-{passage.number}" markdown="1"><strong>Passage {passage.number}.</strong> '
                f'{sic_marked(words, source.typos)} <span class="passage-source">&#8212; '
                f"[{text(source.title)}]({target})"
                f"{self.source_address(passage.source, passage.start, passage.end)}</span></li>"
            )
        if not items:
            return ""
        note = f" {CONVENTION}" if typos_shown else ""
        return (
            "## Source passages { #passages }\n\n<p>The exact words of the sources, each printed once; "
            f"the readings and questions refer to them by number.{note}</p>\n"
            '<ul class="passages" markdown="1">\n' + "\n".join(items) + "\n</ul>\n"
        )


def _writer(content: Content, page: str, site_url: str) -> LessonWriter:
    writer = LessonWriter(page, content)
    writer.site_url = site_url
    writer.passages = {}
    return writer


def index(content: Content, site_url: str = "") -> Page:
    """The "For teachers" page: every lesson, with its handout and its teacher's edition."""
    writer, about = _writer(content, INDEX, site_url), label(content.site, "lessons")
    parts = [
        f"# {text(about.title)}\n",
        "Each lesson has a **student handout** and a **teacher's edition** with the answer key. "
        "Print either from your browser: the navigation is left out, every citation is printed with "
        "the source's exact words, and every link with its full address. Links to a lesson, a question "
        "or any sentence on this site keep working: addresses are never reused or dropped.\n",
    ]
    if not content.lessons:
        parts.append("No lessons yet.\n")
    for lesson in content.lessons:
        parts.append(f"## {text(lesson.title)} {{ #{lesson.id} }}\n")
        parts.append(f'<p class="lesson-meta">{_meta(lesson)}</p>\n')
        parts.append(f"{text(lesson.description)}\n")
        parts.append(
            f"[Student handout]({link(INDEX, handout_page(lesson.id))}) &#183; "
            f"[Teacher&#39;s edition with answer key]({link(INDEX, key_page(lesson.id))}) &#183; "
            f"[Questions for Moodle (XML)]({link(INDEX, export_page(lesson.id))}){{ download }} "
            f"{writer.permalink(lesson.id, 'lesson')}\n"
        )
    parts.append(offer())
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def _meta(lesson: Lesson) -> str:
    count = len(lesson.questions)
    return f"{text(lesson.level)} &#183; {lesson.duration} minutes &#183; {count} question{'s' if count != 1 else ''}"


def lesson_page(content: Content, lesson: Lesson, site_url: str = "", with_key: bool = False) -> Page:
    """One lesson: the student handout, or (with_key) the teacher's edition with the answer key."""
    page = key_page(lesson.id) if with_key else handout_page(lesson.id)
    writer = _writer(content, page, site_url)
    writer.passages = number_passages(
        [spans_of(student_statements(content, lesson)), spans_of([q.answer for q in lesson.questions])]
    )
    edition = "Teacher&#39;s edition with answer key" if with_key else "Student handout"
    other = (
        f"[Student handout]({link(page, handout_page(lesson.id))})"
        if with_key
        else f"[Teacher&#39;s edition with answer key]({link(page, key_page(lesson.id))})"
    )
    title = lesson.title + (" (teacher's edition)" if with_key else "")
    parts = [
        f"# {text(lesson.title)}\n",
        f'<p class="lesson-meta">{edition} &#183; {_meta(lesson)}</p>\n',
        f'<p class="lesson-address">{writer.address(page)}</p>\n',
        f'<p class="lesson-other no-print" markdown="1">{other} &#183; '
        f"[Questions for Moodle (XML)]({link(page, export_page(lesson.id))}){{ download }} &#183; "
        f"[All lessons]({link(page, INDEX)})</p>\n",
        f"{text(lesson.description)}\n",
        "## Learning objectives { #objectives }\n",
        "By the end of the lesson, students can:\n",
        "\n".join(f"- {text(o)}" for o in lesson.objectives) + "\n",
        "## Key terms { #key-terms }\n",
        _terms(writer, content, lesson.key_terms),
        "## Readings { #readings }\n",
        _labels(),
        _readings(writer, content, lesson.readings),
        writer.passage_list(),
        "## Discussion { #discussion }\n",
        "\n".join(f"{n}. {text(q)}" for n, q in enumerate(lesson.discussion, 1)) + "\n",
        "## Check your understanding { #questions }\n",
        _questions(writer, lesson, with_key),
    ]
    return Page(title, lesson.description, writer.finish("\n".join(parts)))


def student_statements(content: Content, lesson: Lesson) -> list[Statement]:
    """The statements a student handout prints, in page order: key terms, then readings."""
    found = [content.term(t).statement for t in lesson.key_terms]
    for ref in lesson.readings:
        target = content.target(ref)
        if target is not None and isinstance(target.record, Position):
            found += [side.statement for side in target.record.sides if side.statement]
        elif target is not None and target.statement is not None:
            found.append(target.statement)
    return found


def spans_of(statements: list[Statement]) -> list[Span]:
    """The spans the statements cite, in order: (source, start, end)."""
    return [(c.source, c.start, c.end) for s in statements for c in s.citations]


def _labels() -> str:
    """The key to the labels, written out (a closed <details> would not print)."""
    items = "".join(
        f'<li><span class="basis basis-{key}">{label}</span> {meaning}</li>'
        for key, (label, meaning) in BASIS_LABEL.items()
    )
    return f'<ul class="legend-list basis-key">{items}</ul>\n'


def _terms(writer: LessonWriter, content: Content, ids: tuple[str, ...]) -> str:
    items = []
    for term_id in ids:
        term = content.term(term_id)
        target = link(writer.path, routes.GLOSSARY, term.id)
        items.append(
            f'<dt markdown="1">[{text(term.term)}]({target})</dt>\n'
            f'<dd markdown="1">\n<p markdown="1">{basis_badge(term.statement)} {text(term.statement.text)}'
            f"{writer.refs(term.statement)}</p>\n</dd>"
        )
    return '<dl class="lesson-terms" markdown="1">\n' + "\n".join(items) + "\n</dl>\n"


def _readings(writer: LessonWriter, content: Content, ids: tuple[str, ...]) -> str:
    items = [_reading(writer, content, content.named(ref)) for ref in ids]
    return '<ol class="readings" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def _reading(writer: LessonWriter, content: Content, target: Target) -> str:
    record = target.record
    if isinstance(record, Position):
        return _position_reading(writer, content, record)
    statement, where = target.statement, None
    if statement is not None:
        where = routes.place_of(content, statement)
    assert statement is not None and where is not None, "a reading names a published statement (checked)"
    if isinstance(record, Quote):
        head = (
            f"<strong>{text(record.speaker)}</strong>, {text(record.occasion)}, {text(record.place)}, "
            f"{text(record.when)}"
        )
        body = (
            f'<blockquote markdown="1"><p markdown="1">&#8220;{quote_words(record)}&#8221;'
            f"{writer.refs(statement)}</p></blockquote>"
        )
    else:
        if isinstance(record, Event):
            dated = background_date(record.date, record.date_references)
            head = f"{text(record.when)}{' ' + dated if dated else ''}: <strong>{text(record.title)}</strong>"
        else:
            assert isinstance(record, Explainer), "a reading is a claim, an event, a quote or a position (checked)"
            head = f"From <em>{text(record.title)}</em>"
        body = f'<p markdown="1">{basis_badge(statement)} {text(statement.text)}{writer.refs(statement)}</p>'
    return (
        f'<li class="reading reading-{target.kind}" markdown="1"><p class="reading-from" markdown="1">{head}</p>\n'
        f"{body}\n"
        f'<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, where.page, where.anchor)})'
        f" {writer.address(where.page, where.anchor)}</p></li>"
    )


def _position_reading(writer: LessonWriter, content: Content, record: Position) -> str:
    sides = []
    for side in record.sides:
        name = text(party_name(content.site, side.party))
        if side.statement is None:
            sides.append(f'<p class="side-silent"><strong>{name}:</strong> {text(silence(content.site, side))}</p>')
            continue
        sides.append(
            f'<p markdown="1"><strong>{name}</strong> ({text(side_label(content.site, side))}): '
            f"{basis_badge(side.statement)} {text(side.statement.text)}{writer.refs(side.statement)}</p>"
        )
    return (
        f'<li class="reading reading-position" markdown="1">'
        f'<p class="reading-from">Positions: <strong>{text(record.topic)}</strong> {text(record.question)}</p>\n'
        + "\n".join(sides)
        + f'\n<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, routes.POSITIONS, record.id)})'
        f" {writer.address(routes.POSITIONS, record.id)}</p></li>"
    )


def _questions(writer: LessonWriter, lesson: Lesson, with_key: bool) -> str:
    items = []
    for question in lesson.questions:
        # The student is sent to the passages the answer rests on; the key shows them after the answer.
        hint = "" if with_key else writer.refs(question.answer)
        head = f'<p markdown="1">{text(question.question)}{hint} {writer.permalink(question.id, "question")}</p>'
        if with_key:
            after = (
                f'<div class="answer" markdown="1"><p markdown="1"><strong>Answer:</strong> '
                f"{basis_badge(question.answer)} {writer.cited(question.answer)}</p></div>"
            )
        else:
            after = '<div class="answer-space" aria-hidden="true"></div>'
        items.append(f'<li class="question" id="{question.id}" markdown="1">{head}\n{after}</li>')
    return '<ol class="questions" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def pages(content: Content, site_url: str = "") -> dict[str, Page]:
    """Every lesson page, keyed by its path in the generated tree."""
    out = {INDEX: index(content, site_url)}
    for lesson in content.lessons:
        out[handout_page(lesson.id)] = lesson_page(content, lesson, site_url)
        out[key_page(lesson.id)] = lesson_page(content, lesson, site_url, with_key=True)
    return out
