"""Lessons as Moodle XML: each export, parsed back, holds exactly the lesson's questions and cited answer key."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from explainer.render import moodle
from explainer.render.site import generate
from conftest import ROOT, read_files
from conftest import checked as checked_files
from hostile.project import hostile_site, payload  # noqa: F401 (a fixture)

SITE_URL = "https://example.org/inf-explainer/"
TAGS_WRITTEN = {"div", "p", "strong", "em", "ol", "li", "a"}  # the HTML the key is made of


def checked(root: Path):
    return checked_files(read_files(root))


@pytest.fixture(scope="module", params=["content", "golden"])
def content(request):
    return checked(ROOT if request.param == "content" else ROOT / "tests" / "golden")


def one_line(value: str) -> str:
    return " ".join(value.split())


def fragment(question: ET.Element, tag: str) -> ET.Element:
    """The HTML inside a question's <tag><text>, parsed: it must be well-formed markup."""
    element = question.find(tag)
    assert element.get("format") == "html"
    return ET.fromstring(f"<div>{element.findtext('text')}</div>")


def words(element: ET.Element) -> str:
    return one_line("".join(element.itertext()))


def test_every_lesson_exports_its_questions_and_cited_answers(content):
    lessons = content.lessons
    assert lessons
    for lesson in lessons:
        quiz = ET.fromstring(moodle.export(content, lesson, SITE_URL))
        assert quiz.tag == "quiz"
        category, *essays = quiz.findall("question")
        assert category.get("type") == "category"
        assert category.findtext("category/text") == "$course$/top/" + one_line(lesson.title)
        assert [e.get("type") for e in essays] == ["essay"] * len(lesson.questions)
        for n, (essay, question) in enumerate(zip(essays, lesson.questions), 1):
            statement = question.answer
            assert essay.findtext("name/text") == f"{n}. {one_line(question.question)}"
            assert essay.findtext("idnumber") == question.id
            assert words(fragment(essay, "questiontext")) == one_line(question.question)
            key = fragment(essay, "graderinfo")
            assert ET.tostring(key) == ET.tostring(fragment(essay, "generalfeedback"))
            assert words(key.find("p")) == "Answer: " + one_line(statement.text)
            if statement.background:  # no cited words: the references it rests on, in order
                listed = key.findall("ol/li")
                assert len(listed) == len(statement.references) > 0 and not statement.citations
                for item, ref in zip(listed, statement.references):
                    assert item.find("a").get("href") == ref.url
                    assert words(item).startswith(f"{one_line(ref.title)}, {one_line(ref.publisher)}")
                continue
            cited = key.findall("ol/li")
            assert len(cited) == len(statement.citations) > 0
            for item, citation in zip(cited, statement.citations):
                exact = content.source(citation.source).text[citation.start:citation.end]
                title = content.source(citation.source).title
                assert words(item) == f"\u201c{one_line(exact)}\u201d \u2014 {one_line(title)}"
                assert item.find("a").get("href") == (f"{SITE_URL}sources/{citation.source}/"
                                                     f"#span-{citation.start}-{citation.end}")


def test_the_answer_key_says_how_the_answer_is_sourced(content):
    for lesson in content.lessons:
        quiz = ET.fromstring(moodle.export(content, lesson))
        for essay, question in zip(quiz.findall("question[@type='essay']"), lesson.questions):
            label = words(fragment(essay, "graderinfo").findall("p")[1])
            answer = question.answer
            if answer.background:
                assert label.startswith("Basis: Background: not from the news report. "), label
                continue
            if answer.basis == "observation":  # our remark on the report's wording: nobody's words
                assert label.startswith("Basis: About the text. "), label
                continue
            who = f": {one_line(answer.attributed_to)}" if answer.basis != "narration" else ""
            assert label.startswith(f"Basis: {answer.basis.capitalize()}{who}. "), label


def test_the_export_is_the_same_text_every_time_and_published_beside_the_handout(content):
    tree = generate(content, site_url=SITE_URL)
    for lesson in content.lessons:
        path = f"lessons/{lesson.id}.moodle.xml"
        assert tree[path] == moodle.export(content, lesson, SITE_URL) == moodle.export(content, lesson, SITE_URL)
        assert tree[path].startswith('<?xml version="1.0" encoding="UTF-8"?>\n<quiz>')
        for page in (f"lessons/{lesson.id}.md", f"lessons/{lesson.id}/answers.md", "lessons/index.md"):
            target = f"{lesson.id}.moodle.xml" if page != f"lessons/{lesson.id}/answers.md" else f"../{lesson.id}.moodle.xml"
            assert f"[Questions for Moodle (XML)]({target}){{ download }}" in tree[page], page


def test_without_the_site_address_citations_carry_no_link(content):
    """Only a background reference keeps its link: its address is another site's, whole."""
    for lesson in content.lessons:
        quiz = ET.fromstring(moodle.export(content, lesson, site_url=""))
        for essay, question in zip(quiz.findall("question[@type='essay']"), lesson.questions):
            links = [a.get("href") for a in fragment(essay, "graderinfo").iter("a")]
            assert links == [ref.url for ref in question.answer.references]


def test_a_long_question_gets_a_name_moodle_keeps():
    name = moodle.question_name(12, "word " * 100)
    assert moodle.NAME_LIMIT - 5 < len(name) <= moodle.NAME_LIMIT and name.startswith("12. word word") and name.endswith("word\u2026")
    assert moodle.question_name(1, "Short?") == "1. Short?"


def test_text_xml_cannot_hold_becomes_a_replacement_character():
    assert moodle.clean("a\x00b\x08c\ufffe d\n\t\x0be") == "a\ufffdb\ufffdc\ufffd d e"  # \x0b is spacing
    assert moodle.html('<b class="x">&\x01</b>') == "&lt;b class=&quot;x&quot;&gt;&amp;\ufffd&lt;/b&gt;"


def test_a_slash_in_a_lesson_title_does_not_make_a_subcategory():
    files = read_files(ROOT / "tests" / "golden")
    path = next(p for p in files if p.startswith("content/lessons/"))
    title = ET.fromstring(generate(checked_files(files))[f"lessons/{Path(path).stem}.moodle.xml"])
    files[path] = files[path].replace(b"\ntitle: ", b"\ntitle: Before/after. ", 1)
    renamed = ET.fromstring(generate(checked_files(files))[f"lessons/{Path(path).stem}.moodle.xml"])
    old = title.findtext("question/category/text").removeprefix("$course$/top/")
    assert renamed.findtext("question/category/text") == f"$course$/top/Before//after. {old}"


def test_hostile_text_is_exported_word_for_word_and_runs_nothing(hostile_site):
    root, markers = hostile_site
    quiz = ET.parse(root / "site" / "lessons" / "hostile-lesson.moodle.xml").getroot()
    essay = quiz.find("question[@type='essay']")
    name = essay.findtext("name/text")  # the payload is longer than a name may be: cut, not altered
    assert len(name) <= moodle.NAME_LIMIT and name.endswith("\u2026")
    assert ("1. " + one_line(payload("lesson-question"))).startswith(name[:-1])
    assert words(fragment(essay, "questiontext")) == one_line(payload("lesson-question"))
    key = fragment(essay, "graderinfo")
    assert words(key.find("p")) == "Answer: " + one_line(payload("lesson-answer"))
    # attributed_to must name a speaker of the site file: the hostile one, by its hostile name
    assert f"Reported: {one_line(payload('speaker-name'))}" in words(key)
    category = quiz.find("question[@type='category']")
    assert words(fragment(category, "info")) == one_line(payload("lesson-description"))
    for html in [fragment(category, "info")] + [fragment(e, tag) for e in quiz.findall("question[@type='essay']")
                                                 for tag in ("questiontext", "graderinfo", "generalfeedback")]:
        assert {e.tag for e in html.iter()} <= TAGS_WRITTEN, {e.tag for e in html.iter()}
        assert all(set(e.attrib) <= {"href"} for e in html.iter())
        assert all(a.get("href").startswith("https://") for a in html.iter("a"))
