"""Keyboard only: from a claim to its citation's quote, to the source, and back to the claim."""

from __future__ import annotations

import pytest

FOCUSED = """() => {
  const a = document.activeElement;
  return {tag: a.tagName, cls: a.className || '', href: a.getAttribute('href') || '',
          claim: a.closest('p.claim') ? a.closest('p.claim').id : null};
}"""
TOOLTIP = """() => [...document.querySelectorAll('.md-tooltip2--active')]
  .filter(e => getComputedStyle(e).visibility === 'visible' && getComputedStyle(e).opacity !== '0')
  .map(e => e.innerText).join('\\n')"""


def tab_until(page, wanted, limit: int = 80) -> dict:
    """Press Tab until the focused element satisfies `wanted`; fail after `limit` presses."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED)
        if wanted(focused):
            return focused
    pytest.fail(f"{limit} presses of Tab never reached the element wanted; last: {focused}")


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def explainer_with_claims(survey) -> str:
    return next(p for p in survey.pages if p.startswith("explainers/") and p != "explainers/"
                and any(v.page == p and any("#fn:" in link for link in v.links) for v in survey.visits))


def test_tab_reaches_a_citation_and_shows_its_exact_words(page, survey):
    page.goto(survey.base + explainer_with_claims(survey))
    marker = tab_until(page, lambda f: "footnote-ref" in f["cls"] and f["claim"])
    page.wait_for_function(f"({TOOLTIP})().length > 0", timeout=5_000)
    shown = page.evaluate(TOOLTIP)
    note_id = marker["href"].lstrip("#")
    words = page.evaluate("id => document.getElementById(id).querySelector('p').innerText", note_id)
    quoted = words.split("\u201d")[0].lstrip("\u201c")
    assert len(quoted.split()) >= 3 and quoted in shown


def test_hovering_a_citation_shows_its_exact_words(page, survey):
    page.goto(survey.base + explainer_with_claims(survey))
    marker = page.locator("p.claim a.footnote-ref").nth(1)
    note_id = marker.get_attribute("href").lstrip("#")
    marker.hover()
    page.wait_for_function(f"({TOOLTIP})().length > 0", timeout=5_000)
    words = page.evaluate("id => document.getElementById(id).querySelector('p').innerText", note_id)
    assert words.split("\u201d")[0].lstrip("\u201c") in page.evaluate(TOOLTIP)


def test_claim_to_source_to_claim_by_keyboard_alone(page, survey):
    explainer = explainer_with_claims(survey)
    page.goto(survey.base + explainer)
    marker = tab_until(page, lambda f: "footnote-ref" in f["cls"] and f["claim"])
    claim = marker["claim"]
    page.keyboard.press("Enter")  # shows the exact words in place, under the claim (the page does not jump)
    assert page.evaluate("location.hash") == ""
    assert page.evaluate("document.activeElement.getAttribute('aria-expanded')") == "true"
    source_link = tab_until(page, lambda f: "#span-" in f["href"], limit=1)
    page.keyboard.press("Enter")  # to the highlighted span on the source page
    page.wait_for_url("**/sources/**")
    span = source_link["href"].split("#")[1]
    assert page.evaluate("document.querySelector(':target').id") == span
    assert page.evaluate("document.querySelector(':target').tagName") == "MARK"
    back = tab_until(page, lambda f: f["href"].endswith(f"#{claim}") and "explainers/" in f["href"], limit=60)
    page.keyboard.press("Enter")  # back to the claim that cites the span
    page.wait_for_url(f"**/{explainer}#{claim}")
    assert page.evaluate("document.querySelector(':target').id") == claim, back
