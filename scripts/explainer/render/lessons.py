"""The pages for teachers: a "For teachers" list, and for each lesson a student
handout and a teacher's edition with the cited answer key.

Pure: content in, Markdown out. Handouts are meant to be printed, so every
citation carries its quoted words and a visible address (`print-url`, shown
only in print), and every link is a plain link that works without scripts.
"""

from __future__ import annotations

from ..model import routes
from ..model.content import Content, Target
from ..model.records import Citation, Lesson, Position, Statement
from ..model.routes import LESSONS as INDEX
from ..model.routes import absolute, export_page, handout_page, key_page, link, source_page, span_id, url
from .blocks import BASIS_LABEL, PageWriter, basis_badge
from .markup import quoted, text, time
from .offline import offer
from .page import Page
from .pages import label, party_name, quote_words, silence


class LessonWriter(PageWriter):
    """A page writer whose citations also print their full address."""

    site_url: str = ""

    def _footnote(self, citation: Citation) -> str:
        return super()._footnote(citation) + self.span_address(citation)

    def span_address(self, citation: Citation) -> str:
        if not self.site_url:  # a path alone would be no address on paper
            return ""
        path = url(source_page(citation.source)) + "#" + span_id(citation.start, citation.end)
        return f' <span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def address(self, page: str, anchor: str = "") -> str:
        """The absolute address of a page (and anchor), shown in print only, when the site's is known."""
        if not self.site_url:
            return ""
        path = url(page) + (f"#{anchor}" if anchor else "")
        return f'<span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def citations(self, statement: Statement) -> str:
        """Citations written out under a reading: the source's exact words, its title, its address."""
        items = []
        for citation in statement.citations:
            title = text(self.content.source(citation.source).title)
            target = link(self.path, source_page(citation.source), span_id(citation.start, citation.end))
            items.append(f'<li markdown="1">{quoted(citation.words)} &#8212; [{title}]({target})'
                         f"{self.span_address(citation)}</li>")
        return '<ul class="citations" markdown="1">\n' + "\n".join(items) + "\n</ul>\n"


def _writer(content: Content, page: str, site_url: str) -> LessonWriter:
    writer = LessonWriter(page, content)
    writer.site_url = site_url
    return writer


def index(content: Content, site_url: str = "") -> Page:
    """The "For teachers" page: every lesson, with its handout and its teacher's edition."""
    writer, about = _writer(content, INDEX, site_url), label(content.site, "lessons")
    parts = [f"# {text(about.title)}\n",
             "Each lesson has a **student handout** and a **teacher's edition** with the answer key. "
             "Print either from your browser: the navigation is left out, every citation is printed with "
             "the source's exact words, and every link with its full address. Links to a lesson, a question "
             "or any sentence on this site keep working: addresses are never reused or dropped.\n"]
    if not content.lessons:
        parts.append("No lessons yet.\n")
    for lesson in content.lessons:
        parts.append(f"## {text(lesson.title)} {{ #{lesson.id} }}\n")
        parts.append(f'<p class="lesson-meta">{_meta(lesson)}</p>\n')
        parts.append(f"{text(lesson.description)}\n")
        parts.append(f"[Student handout]({link(INDEX, handout_page(lesson.id))}) &#183; "
                     f"[Teacher&#39;s edition with answer key]({link(INDEX, key_page(lesson.id))}) &#183; "
                     f"[Questions for Moodle (XML)]({link(INDEX, export_page(lesson.id))}){{ download }} "
                     f"{writer.permalink(lesson.id, 'lesson')}\n")
    parts.append(offer())
    return Page(about.title, about.description, writer.finish("\n".join(parts)))


def _meta(lesson: Lesson) -> str:
    count = len(lesson.questions)
    return (f"{text(lesson.level)} &#183; {lesson.duration} minutes &#183; "
            f"{count} question{'s' if count != 1 else ''}")


def lesson_page(content: Content, lesson: Lesson, site_url: str = "", with_key: bool = False) -> Page:
    """One lesson: the student handout, or (with_key) the teacher's edition with the answer key."""
    page = key_page(lesson.id) if with_key else handout_page(lesson.id)
    writer = _writer(content, page, site_url)
    edition = "Teacher&#39;s edition with answer key" if with_key else "Student handout"
    other = (f"[Student handout]({link(page, handout_page(lesson.id))})" if with_key
             else f"[Teacher&#39;s edition with answer key]({link(page, key_page(lesson.id))})")
    title = lesson.title + (" (teacher's edition)" if with_key else "")
    parts = [f"# {text(lesson.title)}\n",
             f'<p class="lesson-meta">{edition} &#183; {_meta(lesson)}</p>\n',
             f'<p class="lesson-address">{writer.address(page)}</p>\n',
             f'<p class="lesson-other no-print" markdown="1">{other} &#183; '
             f"[Questions for Moodle (XML)]({link(page, export_page(lesson.id))}){{ download }} &#183; "
             f"[All lessons]({link(page, INDEX)})</p>\n",
             f"{text(lesson.description)}\n",
             "## Learning objectives { #objectives }\n", "By the end of the lesson, students can:\n",
             "\n".join(f"- {text(o)}" for o in lesson.objectives) + "\n",
             "## Key terms { #key-terms }\n", _terms(writer, content, lesson.key_terms),
             "## Readings { #readings }\n", _labels(), _readings(writer, content, lesson.readings),
             "## Discussion { #discussion }\n",
             "\n".join(f"{n}. {text(q)}" for n, q in enumerate(lesson.discussion, 1)) + "\n",
             "## Check your understanding { #questions }\n",
             _questions(writer, lesson, with_key)]
    return Page(title, lesson.description, writer.finish("\n".join(parts)))


def _labels() -> str:
    """The key to the labels, written out (a closed <details> would not print)."""
    items = "".join(f'<li><span class="basis basis-{key}">{label}</span> {meaning}</li>'
                    for key, (label, meaning) in BASIS_LABEL.items())
    return f'<ul class="legend-list basis-key">{items}</ul>\n'


def _terms(writer: LessonWriter, content: Content, ids: tuple[str, ...]) -> str:
    items = []
    for term_id in ids:
        term = content.term(term_id)
        target = link(writer.path, routes.GLOSSARY, term.id)
        items.append(f'<dt markdown="1">[{text(term.term)}]({target})</dt>\n'
                     f'<dd markdown="1">\n<p>{text(term.statement.text)}</p>\n{writer.citations(term.statement)}</dd>')
    return '<dl class="lesson-terms" markdown="1">\n' + "\n".join(items) + "\n</dl>\n"


def _readings(writer: LessonWriter, content: Content, ids: tuple[str, ...]) -> str:
    items = [_reading(writer, content, content.target(ref)) for ref in ids]
    return '<ol class="readings" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def _reading(writer: LessonWriter, content: Content, target: Target) -> str:
    record = target.record
    if isinstance(record, Position):
        return _position_reading(writer, content, record)
    statement = target.statement
    where = routes.place_of(content, statement)
    if target.kind == "quote":
        head = (f"<strong>{text(record.speaker)}</strong>, {text(record.occasion)}, {text(record.place)}, "
                f"{time(record.date)}")
        body = f'<blockquote markdown="1"><p markdown="1">&#8220;{quote_words(record)}&#8221;</p></blockquote>'
    else:
        head = (f"{time(record.date)}: <strong>{text(record.title)}</strong>"
                if target.kind == "event" else f"From <em>{text(record.title)}</em>")
        body = f'<p markdown="1">{basis_badge(statement)} {text(statement.text)}</p>'
    return (f'<li class="reading reading-{target.kind}" markdown="1"><p class="reading-from">{head}</p>\n'
            f"{body}\n{writer.citations(statement)}"
            f'<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, where.page, where.anchor)})'
            f" {writer.address(where.page, where.anchor)}</p></li>")


def _position_reading(writer: LessonWriter, content: Content, record: Position) -> str:
    sides = []
    for side in record.sides:
        name = text(party_name(content.site, side.party))
        if side.statement is None:
            sides.append(f'<p class="side-silent"><strong>{name}:</strong> {text(silence(content.site, side))}</p>')
            continue
        sides.append(f'<p markdown="1"><strong>{name}</strong> (held by {text(side.held_by or "")}): '
                     f"{basis_badge(side.statement)} {text(side.statement.text)}</p>\n"
                     f"{writer.citations(side.statement)}")
    return (f'<li class="reading reading-position" markdown="1">'
            f'<p class="reading-from">Positions: <strong>{text(record.topic)}</strong> {text(record.question)}</p>\n'
            + "\n".join(sides)
            + f'\n<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, routes.POSITIONS, record.id)})'
            f' {writer.address(routes.POSITIONS, record.id)}</p></li>')


def _questions(writer: LessonWriter, lesson: Lesson, with_key: bool) -> str:
    items = []
    for question in lesson.questions:
        head = f'<p markdown="1">{text(question.question)} {writer.permalink(question.id, "question")}</p>'
        if with_key:
            after = (f'<div class="answer" markdown="1"><p markdown="1"><strong>Answer:</strong> '
                     f"{basis_badge(question.answer)} {writer.cited(question.answer)}</p></div>")
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
