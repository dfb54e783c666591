"""Lessons: readings name claims, events, quotes or positions; answers are checked like any claim."""

from __future__ import annotations

from pathlib import Path

from explainer.check.content import check_content
from explainer.render.site import generate
from conftest import checked, read_files, TESTS

GOLDEN = TESTS / "golden"
LESSON = "content/lessons/golden-lesson.yml"


def problems_with(old: str, new: str, path: str = LESSON) -> list[str]:
    files = read_files(GOLDEN)
    assert old in files[path].decode()
    files[path] = files[path].decode().replace(old, new).encode()
    _, problems = check_content(files)
    return [p.format() for p in problems if p.path == path]


def test_a_reading_must_be_a_claim_event_quote_or_position():
    assert problems_with("  - treaty-banned-range\n", "  - treaty-what-it-banned\n") == [
        "content/lessons/golden-lesson.yml:13:5: reading 'treaty-what-it-banned' is a section, not a reading; "
        "list ids of explainer claims, events, quotes or positions"]
    assert problems_with("  - treaty-signed\n", "  - inf-treaty\n") == [
        "content/lessons/golden-lesson.yml:14:5: reading 'inf-treaty' is a term, not a reading; "
        "list ids of explainer claims, events, quotes or positions"]


def test_a_reading_is_listed_once():
    assert problems_with("  - treaty-signed\n", "  - treaty-signed\n  - treaty-signed\n") == [
        "content/lessons/golden-lesson.yml:15:5: 'treaty-signed' is listed twice (first on line 14); keep one of them"]


NOTE = "content/notes/party-was-soviet-union.yml"


def test_a_note_applies_only_where_a_page_shows_it():
    assert problems_with("  - us-withdrawal\n", "  - us-withdrawal\n  - golden-lesson\n  - party-was-soviet-union\n"
                         "  - putin-eef-2019\n  - treaty\n", NOTE) == [
        f"{NOTE}:7:5: applies_to 'golden-lesson' is a lesson, and no page shows a note there; "
        "list ids of explainer claims, events, quotes, positions or terms",
        f"{NOTE}:8:5: applies_to 'party-was-soviet-union' is a note, and no page shows a note there; "
        "list ids of explainer claims, events, quotes, positions or terms",
        f"{NOTE}:9:5: applies_to 'putin-eef-2019' is a source, and no page shows a note there; "
        "list ids of explainer claims, events, quotes, positions or terms",
        f"{NOTE}:10:5: applies_to 'treaty' is an explainer, and no page shows a note there; "
        "list ids of explainer claims, events, quotes, positions or terms"]


def test_a_term_does_not_see_itself():
    term = "content/glossary/inf-treaty.yml"
    assert problems_with("basis: narration\n", "see_also: [inf-treaty]\nbasis: narration\n", term) == [
        f"{term}:6:12: 'inf-treaty' is this record's own id; remove it; a record does not refer to itself"]


def test_question_ids_are_ids_like_any_other():
    assert problems_with("  - id: golden-lesson-range\n", "  - id: treaty-banned-range\n") == [
        "content/lessons/golden-lesson.yml:20:9: id 'treaty-banned-range' is already used in "
        "content/explainers/treaty.yml; ids are links: choose an id used nowhere else"]


def test_an_answer_is_checked_like_a_claim():
    found = problems_with("5,500 kilometers.\n", "5,000 kilometers.\n")
    assert any("5,000 is in the claim but in none of its quotes" in p for p in found), found
    found = problems_with("    answer: >-\n      Missiles", '    answer: >-\n      "All banned missiles" are gone; missiles')
    assert any("quoted words '\"All banned missiles\"' are not in any of the cited quotes" in p for p in found)


def test_answers_appear_only_in_the_teachers_edition():
    pages = generate(checked(read_files(GOLDEN)))
    answer = "Missiles launched from the ground, ballistic or cruise, that could fly between 500 and 5,500 kilometers."
    assert answer in pages["lessons/golden-lesson/answers.md"]
    assert answer not in pages["lessons/golden-lesson.md"]
    assert 'id="golden-lesson-range"' in pages["lessons/golden-lesson.md"]


def test_a_handout_prints_the_sites_address_when_it_is_known():
    page = generate(checked(read_files(GOLDEN)), site_url="https://example.net/fork/")["lessons/golden-lesson.md"]
    assert '<p class="lesson-address"><span class="print-url">https://example.net/fork/lessons/golden-lesson/</span></p>' in page
    assert ('<span class="print-url">https://example.net/fork/sources/putin-eef-2019/&#35;span-1255-1306</span>'
            in page)


def test_a_handout_prints_no_address_when_it_is_unknown():
    page = generate(checked(read_files(GOLDEN)))["lessons/golden-lesson.md"]
    assert "print-url" not in page and '<p class="lesson-address"></p>' in page
