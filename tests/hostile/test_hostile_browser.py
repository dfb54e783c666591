"""In a real browser, hostile content runs nothing and adds no element.

Every page of the hostile site that carries the payload is opened in headless
Chromium (and Material's search is made to show hostile results). An injected
script or handler would set `data-pwned` on <html>; an injected element would
carry the class `pwned`. Requests to any other host are blocked and recorded.
"""

from __future__ import annotations

import os

import pytest

from browser.harness import CHROMIUM, FLAGS, missing_browser, serve, site_prefix
from hostile.project import hostile_site  # noqa: F401 (a fixture)

PROBE = """() => ({
  pwned: document.documentElement.getAttribute('data-pwned'),
  injected: [...document.querySelectorAll('.pwned')].map(e => e.outerHTML.slice(0, 80)),
  handlers: [...document.querySelectorAll('*')].flatMap(e => [...e.attributes]
      .filter(a => a.name.startsWith('on')).map(a => `${e.tagName} ${a.name}`)),
  urls: [...document.querySelectorAll('[href], [src], [action], [formaction]')]
      .map(e => e.getAttribute('href') || e.getAttribute('src') || e.getAttribute('action') || '')
      .filter(u => /^\\s*(javascript|data|vbscript):/i.test(u)),
})"""


@pytest.fixture(scope="module")
def visits(hostile_site):
    reason = missing_browser()
    if reason:
        if os.environ.get("CI"):
            pytest.fail(reason, pytrace=False)
        pytest.skip(reason)
    from playwright.sync_api import sync_playwright

    root, _ = hostile_site
    site = root / "site"
    pages = sorted(p.relative_to(site).as_posix().removesuffix("index.html") for p in site.rglob("*.html")
                   if "assets" not in p.parts and b"pwned" in p.read_bytes())
    results, outside, dialogs = {}, [], []
    with serve(site, site_prefix(root / "mkdocs.yml")) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        page = browser.new_page()
        page.route("**/*", lambda route: route.continue_() if route.request.url.startswith(base)
                   else (outside.append(route.request.url), route.abort()))
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in pages:
            page.goto(base + path, wait_until="load")
            page.mouse.move(5, 5)
            page.mouse.move(600, 400)
            results[path] = page.evaluate(PROBE)
        results["search results"] = search(page, base)
        browser.close()
    return results, outside, dialogs


def search(page, base: str) -> dict:
    """Material renders results from search_index.json: type words that match the hostile titles."""
    page.goto(base, wait_until="load")
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type("comment", delay=20)  # a word only the payload has
    page.wait_for_selector(".md-search-result__item", timeout=15_000)
    return page.evaluate(PROBE) | {"results": page.locator(".md-search-result__item").count()}


def test_hostile_pages_were_visited(visits):
    results, _, _ = visits
    assert len(results) >= 8, sorted(results)
    assert results["search results"]["results"] > 0


def test_no_injected_script_or_handler_ran(visits):
    results, _, dialogs = visits
    ran = {path: r["pwned"] for path, r in results.items() if r["pwned"] is not None}
    assert not ran and not dialogs, (ran, dialogs)


def test_no_injected_element_handler_or_url_exists(visits):
    results, _, _ = visits
    found = {path: {k: r[k] for k in ("injected", "handlers", "urls") if r[k]} for path, r in results.items()}
    found = {path: f for path, f in found.items() if f}
    assert not found, found


def test_nothing_is_requested_from_another_host(visits):
    _, outside, _ = visits
    assert not outside, outside
