"""A lesson's questions as Moodle XML, the file Moodle's question bank imports.

Pure: the checked content and one lesson in, XML text out, the same bytes on
every run. A category entry first names where Moodle files the questions
(created on import when "Get category from file" is ticked). Each question
becomes an essay question, which a teacher grades by hand: its grader
information holds the cited answer key (the answer, how it is sourced, and the
exact words of every source it cites, with their address on this site). The
same key is the general feedback, which Moodle shows students only as the
quiz's review options allow.

Values are escaped twice: as HTML, since Moodle reads each text as HTML, and
that HTML as XML character data by ElementTree. Characters XML 1.0 cannot
hold become U+FFFD.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from html import escape

from ..model.content import Content
from ..model.records import Citation, Lesson, Question, Reference, Statement
from ..model.routes import absolute, export_page, source_page, span_id, url
from .blocks import BASIS_LABEL
from .markup import human_date

NOT_XML = re.compile("[^\t\n\r\x20-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
NAME_LIMIT = 255  # Moodle keeps question names up to 255 characters
CATEGORY = "$course$/top/"  # the course's own question bank, as Moodle's export writes it
ESSAY_SETTINGS = (("defaultgrade", "1"), ("penalty", "0"), ("hidden", "0"))
RESPONSE_SETTINGS = (
    ("responseformat", "editor"),
    ("responserequired", "1"),
    ("responsefieldlines", "5"),
    ("attachments", "0"),
    ("attachmentsrequired", "0"),
)


def files(content: Content, site_url: str = "") -> dict[str, str]:
    """Every lesson's export, keyed by its path in the generated tree."""
    return {export_page(lesson.id): export(content, lesson, site_url) for lesson in content.lessons}


def export(content: Content, lesson: Lesson, site_url: str = "") -> str:
    """One lesson: a category entry, then an essay question per question, in the lesson's order."""
    quiz = ET.Element("quiz")
    quiz.append(_category(lesson))
    for number, question in enumerate(lesson.questions, 1):
        quiz.append(_essay(number, question, answer_key(content, question.answer, site_url)))
    ET.indent(quiz)
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        + ET.tostring(quiz, encoding="unicode", short_empty_elements=False)
        + "\n"
    )


def clean(value) -> str:
    """A value as one line of text XML can hold: spacing collapsed, forbidden characters replaced."""
    return NOT_XML.sub("\ufffd", " ".join(str(value).split()))


def html(value) -> str:
    return escape(clean(value), quote=True)


def _category(lesson: Lesson) -> ET.Element:
    # A "/" inside a name is written "//", or Moodle would read a sub-category.
    name = clean(lesson.title).replace("/", "//")
    entry = ET.Element("question", type="category")
    _text(ET.SubElement(entry, "category"), CATEGORY + name)
    _text(ET.SubElement(entry, "info", format="html"), f"<p>{html(lesson.description)}</p>")
    return entry


def _essay(number: int, question: Question, key: str) -> ET.Element:
    entry = ET.Element("question", type="essay")
    _text(ET.SubElement(entry, "name"), question_name(number, question.question))
    _text(ET.SubElement(entry, "questiontext", format="html"), f"<p>{html(question.question)}</p>")
    _text(ET.SubElement(entry, "generalfeedback", format="html"), key)
    for tag, value in ESSAY_SETTINGS:
        ET.SubElement(entry, tag).text = value
    ET.SubElement(entry, "idnumber").text = clean(question.id)
    for tag, value in RESPONSE_SETTINGS:
        ET.SubElement(entry, tag).text = value
    _text(ET.SubElement(entry, "graderinfo", format="html"), key)
    _text(ET.SubElement(entry, "responsetemplate", format="html"), "")
    return entry


def _text(parent: ET.Element, value: str) -> None:
    ET.SubElement(parent, "text").text = value


def question_name(number: int, question: str) -> str:
    """'3. The question's words', cut to Moodle's limit with an ellipsis."""
    name = f"{number}. {clean(question)}"
    return name if len(name) <= NAME_LIMIT else name[: NAME_LIMIT - 1].rstrip() + "\u2026"


def answer_key(content: Content, statement: Statement, site_url: str = "") -> str:
    """The answer, its label, and each citation's exact words, source and address, as HTML."""
    if statement.background:
        return _background_key(statement)
    items = "".join(f"<li>{_citation(content, citation, site_url)}</li>" for citation in statement.citations)
    return (
        f"<p><strong>Answer:</strong> {html(statement.text)}</p>"
        + _basis(statement)
        + f"<p>Cited words:</p><ol>{items}</ol>"
    )


def _background_key(statement: Statement) -> str:
    """A background answer has no cited words: its label says so, and its references are listed."""
    label, meaning = BASIS_LABEL["background"]
    items = "".join(f"<li>{_reference(ref)}</li>" for ref in statement.references)
    return (
        f"<p><strong>Answer:</strong> {html(statement.text)}</p>"
        + f"<p>Basis: <em>{label}</em>. {html(meaning)}</p>"
        + f"<p>References:</p><ol>{items}</ol>"
    )


def _reference(ref: Reference) -> str:
    """Title linked to its address, then publisher, date and where, as the site lists them."""
    parts = [f'<a href="{html(ref.url)}">{html(ref.title)}</a>', html(ref.publisher)]
    parts += [html(human_date(ref.date))] if ref.date else []
    parts += [html(ref.where)] if ref.where else []
    return ", ".join(parts)


def _basis(statement: Statement) -> str:
    """The label the site shows beside the answer, e.g. 'Reported: ' and the speaker's name, and what it means."""
    if not statement.basis:
        return ""
    label, meaning = BASIS_LABEL[statement.basis]
    if statement.attributed_to and statement.basis != "narration":
        label += f": {html(statement.attributed_to)}"
    return f"<p>Basis: <em>{label}</em>. {html(meaning)}</p>"


def _citation(content: Content, citation: Citation, site_url: str) -> str:
    title = html(content.source(citation.source).title)
    if not site_url:  # an address from the root would lead into the learning platform's own site
        return f"\u201c{html(citation.words)}\u201d \u2014 {title}"
    address = absolute(site_url, url(source_page(citation.source)) + "#" + span_id(citation.start, citation.end))
    return f'\u201c{html(citation.words)}\u201d \u2014 <a href="{html(address)}">{title}</a>'
