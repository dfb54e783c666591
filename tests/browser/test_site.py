"""What a reader gets in a real browser, over every page of the built site."""

from __future__ import annotations

from urllib.parse import unquote, urldefrag

import pytest


def test_every_page_was_visited_at_both_widths(survey):
    assert len(survey.pages) >= 10, survey.pages
    assert len(survey.visits) == 2 * len(survey.pages)


def test_axe_finds_no_violation_of_any_impact(survey):
    found = [f"{v.page} @{v.view}px: {x['id']} ({x['impact']}) {x['help']}: "
             f"{[n['target'] for n in x['nodes'][:3]]}" for v in survey.visits for x in v.axe]
    assert not found, "\n".join(found)


def test_no_request_leaves_the_local_server(survey):
    assert not survey.outside, "requests to other hosts:\n" + "\n".join(sorted(set(survey.outside)))


def test_no_page_names_another_host_to_load_or_preconnect(survey):
    """Scripts, styles, images, frames and hints (preconnect, dns-prefetch, preload) stay on the site."""
    found = sorted({f"{v.page}: {url}" for v in survey.visits for url in v.resources
                    if not url.startswith(survey.base)})
    assert not found, "\n".join(found)


def test_every_request_to_the_site_succeeds(survey):
    assert not survey.failed, "\n".join(sorted(set(survey.failed)))


def test_no_console_errors(survey):
    found = [f"{v.page} @{v.view}px: {message}" for v in survey.visits for message in v.console]
    assert not found, "\n".join(found)


def test_every_internal_link_and_anchor_resolves(survey):
    ids = {v.page: v.ids for v in survey.visits}
    broken = []
    for visit in survey.visits:
        for href in visit.links:
            if not href.startswith(survey.base):
                continue  # a link to another site: not a request, and not ours to check
            url, fragment = urldefrag(href)
            path = url[len(survey.base):]
            if path in ids:
                if fragment and unquote(fragment) not in ids[path]:
                    broken.append(f"{visit.page}: {href} (no element with that id)")
            elif not (survey.site / unquote(path)).is_file():
                broken.append(f"{visit.page}: {href} (no such page or file)")
    assert not broken, "\n".join(sorted(set(broken)))


def test_screenshots_are_written_for_every_page(survey):
    for visit in survey.visits:
        assert visit.screenshot.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n", visit.screenshot


@pytest.fixture
def page(browser, served):
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    yield context.new_page()
    context.close()


def test_search_works_on_the_static_site(page, served):
    base, _ = served
    page.goto(base)
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type("Gorbachev")
    # Material lists results as .md-search-result__item; Zensical's search (a listbox of options,
    # in a shadow root, which Playwright's CSS locators enter) is another component.
    results = page.locator(".md-search-result__item, [role=listbox] [role=option]")
    results.first.wait_for(timeout=10_000)
    assert "Gorbachev" in results.first.inner_text()
