"""A phone reader's path at 390 px: citation markers big enough to tap, the cited words shown in
place without moving the page, by touch and by keyboard, and source pages that open on the article."""

from __future__ import annotations

import pytest

PHONE = {"width": 390, "height": 844}
EXPLAINER = "explainers/why-it-ended/"
SOURCE = "sources/putin-eef-2019/"
MARKERS = """() => [...document.querySelectorAll('a.footnote-ref')].map(a => {
  const r = a.getBoundingClientRect(); return {href: a.getAttribute('href'), width: r.width, height: r.height};
})"""
SHOWN = """() => [...document.querySelectorAll('.cite-shown')].map(e => ({
  text: e.innerText, visible: e.getBoundingClientRect().height > 0, id: e.id}))"""


@pytest.fixture
def phone(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, is_mobile=True)
    yield context.new_page()
    context.close()


@pytest.fixture
def phone_without_js(browser):
    context = browser.new_context(viewport=PHONE, has_touch=True, java_script_enabled=False)
    yield context.new_page()
    context.close()


def footnote_words(page, href: str) -> str:
    """The words of a marker's footnote, without its back arrow."""
    return page.evaluate("""id => { const p = document.getElementById(id).querySelector('p').cloneNode(true);
      p.querySelectorAll('.footnote-backref').forEach(a => a.remove()); return p.innerText.trim(); }""",
                         href.lstrip("#"))


@pytest.mark.parametrize("path", [EXPLAINER, "timeline/", "quotes/", "positions/", "glossary/", SOURCE])
def test_every_citation_marker_is_a_24_px_tap_target(phone, served, path):
    base, _ = served
    phone.goto(base + path)
    markers = phone.evaluate(MARKERS)
    assert markers, f"no citation markers on {path}"
    small = [m for m in markers if m["width"] < 24 or m["height"] < 24]
    assert not small, f"{len(small)} of {len(markers)} markers smaller than 24 x 24 px: {small[:3]}"


def test_a_tap_shows_the_cited_words_in_place_and_the_page_does_not_move(phone, served):
    base, _ = served
    phone.goto(base + EXPLAINER)
    marker = phone.locator("p.claim a.footnote-ref").nth(3)
    marker.evaluate("a => window.scrollTo(0, a.getBoundingClientRect().top + window.scrollY - 300)")
    before = phone.evaluate("[window.scrollY, location.hash]")
    marker.tap()
    phone.wait_for_function(f"({SHOWN})().length === 1")
    shown = phone.evaluate(SHOWN)[0]
    assert phone.evaluate("[window.scrollY, location.hash]") == before
    assert shown["visible"] and shown["text"].strip() == footnote_words(phone, marker.get_attribute("href"))
    assert marker.get_attribute("aria-expanded") == "true" and marker.get_attribute("data-cite-shown") == shown["id"]
    box = phone.evaluate(f"document.getElementById('{shown['id']}').getBoundingClientRect().top")
    assert 300 <= box <= 844, "the words show just under the marker, on the screen"
    marker.tap()  # the marker again closes them
    assert phone.evaluate(SHOWN) == [] and marker.get_attribute("aria-expanded") == "false"
    assert phone.evaluate("[window.scrollY, location.hash]") == before


def test_enter_on_a_focused_marker_shows_the_words_and_escape_closes_them(phone, served):
    base, _ = served
    phone.goto(base + EXPLAINER)
    marker = phone.locator("p.claim a.footnote-ref").nth(1)
    marker.focus()
    before = phone.evaluate("[window.scrollY, location.hash]")
    phone.keyboard.press("Enter")
    phone.wait_for_function(f"({SHOWN})().length === 1")
    assert phone.evaluate(SHOWN)[0]["text"].strip() == footnote_words(phone, marker.get_attribute("href"))
    assert phone.evaluate("[window.scrollY, location.hash]") == before
    phone.keyboard.press("Tab")  # into the shown words: their link to the source
    assert "#span-" in phone.evaluate("document.activeElement.getAttribute('href') || ''")
    phone.keyboard.press("Escape")
    assert phone.evaluate(SHOWN) == []
    assert phone.evaluate("document.activeElement.getAttribute('href')") == marker.get_attribute("href")


def test_without_javascript_a_marker_is_still_a_link_to_its_words(phone_without_js, served):
    base, _ = served
    phone_without_js.goto(base + EXPLAINER)
    marker = phone_without_js.locator("p.claim a.footnote-ref").first
    marker.tap()
    phone_without_js.wait_for_function(f"location.hash === {marker.get_attribute('href')!r}")
    assert phone_without_js.evaluate("document.querySelector(':target').id") == marker.get_attribute("href")[1:]


def test_a_source_page_opens_on_the_article_with_what_cites_it_folded(phone, served):
    base, _ = served
    phone.goto(base + SOURCE)
    first = phone.evaluate("document.querySelector('p.source-paragraph').getBoundingClientRect().top")
    assert first < PHONE["height"] * 0.75, "the article's first words are on the first screen"
    folded = phone.evaluate("""() => [...document.querySelectorAll('details.cited-by')].map(d => ({
      open: d.open, lines: d.getBoundingClientRect().height
        / parseFloat(getComputedStyle(d.querySelector('summary')).lineHeight)}))""")
    assert folded and not any(d["open"] for d in folded)
    assert all(d["lines"] < 1.5 for d in folded), "one line per passage"
    # The article took screens 4.5 to 14 of 19 before issue 14; its lists of citers were open.
    end = phone.evaluate("[...document.querySelectorAll('p.source-paragraph')].pop().getBoundingClientRect().bottom")
    assert end / PHONE["height"] < 5, f"the article ends {end / PHONE['height']:.1f} screens down"


def test_arriving_at_a_cited_passage_opens_what_cites_it(phone, served):
    base, _ = served
    phone.goto(base + EXPLAINER)
    href = phone.locator(".footnote a[href*='#span-']").first.get_attribute("href")
    phone.goto(base + EXPLAINER + href)
    span = href.split("#")[1]
    phone.wait_for_function(f"document.querySelector('details.cited-by a[href=\"#{span}\"]').closest('details').open")
