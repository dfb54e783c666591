"""The source page shows whose voice each passage is (issue 12), in Chromium: quotations and reported
speech marked with their speaker, told apart without colour, and the text itself unchanged."""

from __future__ import annotations

import pytest
import yaml

from explainer.cite.voices import Voice, read_voices
from explainer.model.build import build_site
from explainer.render.voicemarks import speakers_of_site
from conftest import ROOT

SOURCE = "sources/putin-eef-2019/"
TEXT = (ROOT / "content/sources/putin-eef-2019.txt").read_text(encoding="utf-8")
MARKS = """() => [...document.querySelectorAll('p.source-paragraph .voice')].map(e => {
  const style = getComputedStyle(e);
  return {tag: e.tagName, kind: e.className, title: e.title, text: e.textContent,
          line: style.textDecorationLine, style: style.textDecorationStyle, quotes: style.quotes};
})"""


@pytest.fixture
def page(browser, served):
    base, _ = served
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(base + SOURCE)
    yield page
    context.close()


def expected_marks() -> list[tuple[str, str, str]]:
    """(class, title, words) of every span the reader gives a speaker, from the site file's speakers."""
    site = yaml.safe_load((ROOT / "content/site.yml").read_text(encoding="utf-8"))
    speakers = speakers_of_site(build_site(site))
    names = {s.id: s.name for s in speakers}
    return [
        (f"voice voice-{s.voice.value}", f"{names.get(s.speaker or '', '')}, {s.voice.value}", TEXT[s.start:s.end])
        for s in read_voices(TEXT, speakers) if s.voice is not Voice.NARRATION
    ]


def test_every_quotation_and_reported_clause_is_marked_with_its_speaker(page):
    marks = page.evaluate(MARKS)
    found = [(m["kind"], m["title"], m["text"]) for m in marks]
    assert found == expected_marks()
    assert {m["tag"] for m in marks if m["kind"] == "voice voice-quoted"} == {"Q"}
    assert ("voice voice-quoted", "Russia, quoted", "“regrettable and provocative.”") in found
    assert ("voice voice-reported", "United States, reported", "it would soon have these weapons as well,") in found


def test_quoted_and_reported_words_differ_by_the_shape_of_their_underline_not_colour_alone(page):
    shapes = {(m["kind"], m["line"], m["style"]) for m in page.evaluate(MARKS)}
    assert shapes == {("voice voice-quoted", "underline", "solid"), ("voice voice-reported", "underline", "dotted")}
    legend = page.evaluate("document.querySelector('p.voice-legend').innerText")
    assert legend == "Solid underline: quoted words. Dotted: reported speech. Plain: the report's narration."


def test_a_quotation_mark_is_the_source_s_own_and_the_text_reads_as_printed(page):
    assert {m["quotes"] for m in page.evaluate(MARKS) if m["tag"] == "Q"} == {"none"}  # a <q> adds no marks
    paragraphs = page.evaluate("[...document.querySelectorAll('p.source-paragraph')].map(p => p.textContent)")
    assert "\n".join(paragraphs) == TEXT
