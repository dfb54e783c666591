"""The pages for teachers: a "For teachers" list, and for each lesson a student
handout and a teacher's edition with the cited answer key.

Pure: content in, Markdown out. Handouts are meant to be printed, so every
citation carries its quoted words and a visible address (`print-url`, shown
only in print), and every link is a plain link that works without scripts.
"""

from __future__ import annotations

from .address import absolute, page_url
from .content import Content, Statement
from .lessons import targets
from .markup import front_matter, link, quoted, text, time
from .pages import quote_words, statement_at
from .passages import in_order, number_passages
from .render import BASIS_LABEL, PageWriter, basis_badge, source_page, span_id
from .typos import CONVENTION, has_typo, sic_marked

INDEX = "lessons/index.md"
SIDES = (("russia", "Russia"), ("united_states", "United States"))


def handout_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def key_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}/answers.md"


class LessonWriter(PageWriter):
    """A page writer whose citations also print their full address."""

    site_url: str = ""
    passages: dict  # (source, start, end) → Passage, set by _writer and lesson_page

    def _footnote(self, citation) -> str:
        return super()._footnote(citation) + self.span_address(citation)

    def span_address(self, citation) -> str:
        if citation.anchor is None:
            return ""
        return self.source_address(citation.source, citation.anchor.start, citation.anchor.end)

    def source_address(self, source: str, start: int, end: int) -> str:
        """The absolute address of a highlighted span on a source page, shown in print only."""
        path = page_url(source_page(source)) + "#" + span_id(start, end)
        return f' <span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def address(self, page: str, anchor: str = "") -> str:
        """The absolute address of a page (and anchor), shown in print only."""
        path = page_url(page) + (f"#{anchor}" if anchor else "")
        return f'<span class="print-url">{text(absolute(self.site_url, path))}</span>'

    def refs(self, statement: Statement) -> str:
        """A statement's sources, as references to the page's numbered passages (not footnotes)."""
        numbers = list(dict.fromkeys(self.passages[span].number for span in spans_of([statement])))
        if not numbers:
            return ""
        links = ", ".join(f"[{n}](#passage-{n})" for n in numbers)
        return f' <span class="passage-refs">(Passage{"s" if len(numbers) > 1 else ""} {links})</span>'

    def passage_list(self) -> str:
        """Every passage the page refers to, printed once: its words, source and address."""
        items, typos_shown = [], False
        for passage in in_order(self.passages):
            record = self.content.record("source", passage.source)
            typos = record.data.get("typos") or []
            words = self.content.sources[passage.source].text[passage.start:passage.end]
            typos_shown = typos_shown or has_typo(words, typos)
            target = link(self.path, source_page(passage.source), span_id(passage.start, passage.end))
            items.append(f'<li id="passage-{passage.number}" markdown="1"><strong>Passage {passage.number}.</strong> '
                         f'{sic_marked(words, typos)} <span class="passage-source">&#8212; '
                         f'[{text(record.data["title"])}]({target})'
                         f"{self.source_address(passage.source, passage.start, passage.end)}</span></li>")
        if not items:
            return ""
        note = f" {CONVENTION}" if typos_shown else ""
        return ("## Source passages { #passages }\n\n<p>The exact words of the sources, each printed once; "
                f"the readings and questions refer to them by number.{note}</p>\n"
                '<ul class="passages" markdown="1">\n' + "\n".join(items) + "\n</ul>\n")


def _writer(content: Content, page: str, site_url: str) -> LessonWriter:
    writer = LessonWriter(page, content)
    writer.site_url = site_url
    writer.passages = {}
    return writer


def index(content: Content, site_url: str = "") -> str:
    """The "For teachers" page: every lesson, with its handout and its teacher's edition."""
    writer = _writer(content, INDEX, site_url)
    parts = [front_matter(title="For teachers",
                          description="Lessons built on the explainer, each with a printable handout and a cited answer key."),
             "# For teachers\n",
             "Each lesson has a **student handout** and a **teacher's edition** with the answer key. "
             "Print either from your browser: the navigation is left out, every citation is printed with "
             "the source's exact words, and every link with its full address. Links to a lesson, a question "
             "or any sentence on this site keep working: addresses are never reused or dropped.\n"]
    if not content.of("lesson"):
        parts.append("No lessons yet.\n")
    for lesson in sorted(content.of("lesson"), key=lambda r: (r.data["order"], r.id)):
        d = lesson.data
        parts.append(f"## {text(d['title'])} {{ #{lesson.id} }}\n")
        parts.append(f'<p class="lesson-meta">{_meta(lesson)}</p>\n')
        parts.append(f"{text(d['description'])}\n")
        parts.append(f"[Student handout]({link(INDEX, handout_page(lesson.id))}) &#183; "
                     f"[Teacher&#39;s edition with answer key]({link(INDEX, key_page(lesson.id))}) "
                     f"{writer.permalink(lesson.id, 'lesson')}\n")
    return writer.finish("\n".join(parts))


def _meta(lesson) -> str:
    d = lesson.data
    count = len(d["questions"])
    return (f"{text(d['level'])} &#183; {d['duration']} minutes &#183; "
            f"{count} question{'s' if count != 1 else ''}")


def lesson_page(content: Content, lesson, locate, site_url: str = "", with_key: bool = False) -> str:
    """One lesson: the student handout, or (with_key) the teacher's edition with the answer key."""
    d = lesson.data
    page = key_page(lesson.id) if with_key else handout_page(lesson.id)
    writer = _writer(content, page, site_url)
    writer.passages = number_passages([spans_of(student_statements(content, lesson)),
                                       spans_of(answer_statements(content, lesson))])
    edition = "Teacher&#39;s edition with answer key" if with_key else "Student handout"
    other = (f"[Student handout]({link(page, handout_page(lesson.id))})" if with_key
             else f"[Teacher&#39;s edition with answer key]({link(page, key_page(lesson.id))})")
    title = d["title"] + (" (teacher's edition)" if with_key else "")
    parts = [front_matter(title=title, description=d["description"]),
             f"# {text(d['title'])}\n",
             f'<p class="lesson-meta">{edition} &#183; {_meta(lesson)}</p>\n',
             f'<p class="lesson-address">{writer.address(page)}</p>\n',
             f'<p class="lesson-other no-print" markdown="1">{other} &#183; '
             f"[All lessons]({link(page, INDEX)})</p>\n",
             f"{text(d['description'])}\n",
             "## Learning objectives { #objectives }\n", "By the end of the lesson, students can:\n",
             "\n".join(f"- {text(o)}" for o in d["objectives"]) + "\n",
             "## Key terms { #key-terms }\n", _terms(writer, content, d["key_terms"]),
             "## Readings { #readings }\n", _labels(), _readings(writer, content, d["readings"], locate),
             writer.passage_list(),
             "## Discussion { #discussion }\n",
             "\n".join(f"{n}. {text(q)}" for n, q in enumerate(d["discussion"], 1)) + "\n",
             "## Check your understanding { #questions }\n",
             _questions(writer, content, lesson, with_key)]
    return writer.finish("\n".join(parts))


def student_statements(content: Content, lesson) -> list[Statement]:
    """The statements a student handout prints, in page order: key terms, then readings."""
    found = [statement_at(content, content.record("term", t)) for t in lesson.data["key_terms"]]
    index = targets(content)
    for ref in lesson.data["readings"]:
        target = index[ref]
        if target.kind == "position":
            found += [statement_at(content, target.record, key) for key, _ in SIDES
                      if not target.record.data[key].get("silent")]
        else:
            found.append(statement_at(content, target.record, *target.where))
    return [s for s in found if s]


def answer_statements(content: Content, lesson) -> list[Statement]:
    found = [statement_at(content, lesson, "questions", q) for q in range(len(lesson.data["questions"]))]
    return [s for s in found if s]


def spans_of(statements: list[Statement]) -> list:
    """The anchored spans the statements cite, in order: (source, start, end)."""
    return [(c.source, c.anchor.start, c.anchor.end) for s in statements for c in s.citations if c.anchor]


def _labels() -> str:
    """The key to the labels, written out (a closed <details> would not print)."""
    items = "".join(f'<li><span class="basis basis-{key}">{label}</span> {meaning}</li>'
                    for key, (label, meaning) in BASIS_LABEL.items())
    return f'<ul class="legend-list basis-key">{items}</ul>\n'


def _terms(writer: LessonWriter, content: Content, ids: list[str]) -> str:
    items = []
    for term_id in ids:
        term = content.record("term", term_id)
        statement = statement_at(content, term)
        target = link(writer.path, "glossary.md", term.id)
        items.append(f'<dt markdown="1">[{text(term.data["term"])}]({target})</dt>\n'
                     f'<dd markdown="1">\n<p markdown="1">{text(term.data["definition"])}{writer.refs(statement)}</p>\n</dd>')
    return '<dl class="lesson-terms" markdown="1">\n' + "\n".join(items) + "\n</dl>\n"


def _readings(writer: LessonWriter, content: Content, ids: list[str], locate) -> str:
    index = targets(content)
    items = [_reading(writer, content, index[ref], locate) for ref in ids]
    return '<ol class="readings" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def _reading(writer: LessonWriter, content: Content, target, locate) -> str:
    record = target.record
    if target.kind == "position":
        return _position_reading(writer, content, record)
    statement = statement_at(content, record, *target.where)
    where = locate(statement)
    if target.kind == "quote":
        d = record.data
        head = (f"<strong>{text(d['speaker'])}</strong>, {text(d['occasion'])}, {text(d['place'])}, "
                f"{time(d['date'])}")
        body = (f'<blockquote markdown="1"><p markdown="1">&#8220;{quote_words(record)}&#8221;'
                f"{writer.refs(statement)}</p></blockquote>")
    else:
        head = (f"{time(record.data['date'])}: <strong>{text(record.data['title'])}</strong>"
                if target.kind == "event" else f"From <em>{text(record.data['title'])}</em>")
        body = f'<p markdown="1">{basis_badge(statement)} {text(statement.text)}{writer.refs(statement)}</p>'
    return (f'<li class="reading reading-{target.kind}" markdown="1"><p class="reading-from">{head}</p>\n'
            f"{body}\n"
            f'<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, where.page, where.anchor)})'
            f" {writer.address(where.page, where.anchor)}</p></li>")


def _position_reading(writer: LessonWriter, content: Content, record) -> str:
    d = record.data
    sides = []
    for key, name in SIDES:
        side = d[key]
        if side.get("silent"):
            sides.append(f'<p class="side-silent"><strong>{name}:</strong> {text(side["silent"])}</p>')
            continue
        statement = statement_at(content, record, key)
        sides.append(f'<p markdown="1"><strong>{name}</strong> (held by {text(side["held_by"])}): '
                     f"{basis_badge(statement)} {text(statement.text)}{writer.refs(statement)}</p>")
    return (f'<li class="reading reading-position" markdown="1">'
            f'<p class="reading-from">Positions: <strong>{text(d["topic"])}</strong> {text(d["question"])}</p>\n'
            + "\n".join(sides)
            + f'\n<p class="read-more" markdown="1">[Read it on the site]({link(writer.path, "positions.md", record.id)})'
            f' {writer.address("positions.md", record.id)}</p></li>')


def _questions(writer: LessonWriter, content: Content, lesson, with_key: bool) -> str:
    items = []
    for q, question in enumerate(lesson.data["questions"]):
        statement = statement_at(content, lesson, "questions", q)
        # The student is sent to the passages the answer rests on; the key shows them after the answer.
        hint = "" if with_key or statement is None else writer.refs(statement)
        head = (f'<p markdown="1">{text(question["question"])}{hint} '
                f'{writer.permalink(question["id"], "question")}</p>')
        if with_key:
            after = (f'<div class="answer" markdown="1"><p markdown="1"><strong>Answer:</strong> '
                     f"{basis_badge(statement)} {writer.cited(statement)}</p></div>")
        else:
            after = '<div class="answer-space" aria-hidden="true"></div>'
        items.append(f'<li class="question" id="{question["id"]}" markdown="1">{head}\n{after}</li>')
    return '<ol class="questions" markdown="1">\n' + "\n".join(items) + "\n</ol>\n"


def pages(content: Content, locate, site_url: str = "") -> dict[str, str]:
    """Every lesson page, keyed by its path in the generated tree."""
    out = {INDEX: index(content, site_url)}
    for lesson in content.of("lesson"):
        out[handout_page(lesson.id)] = lesson_page(content, lesson, locate, site_url)
        out[key_page(lesson.id)] = lesson_page(content, lesson, locate, site_url, with_key=True)
    return out

