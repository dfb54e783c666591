"""The built site, served on 127.0.0.1 and visited once in headless Chromium.

Every page is opened at 1280 px in the light scheme and at 390 px in the dark
one; each visit records what the tests check (axe-core results, requests,
console errors, links and ids) and writes a full-page screenshot to
artifacts/screenshots/. With CI set, a missing browser or tool fails the run.

The fixtures are package-scoped: Playwright's sync API allows one instance per
thread, so the browser is closed before other test modules start their own.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from pathlib import Path

import pytest

from .harness import NODE_MODULES, ROOT, chromium, missing_tools, serve, site_pages, site_prefix

SCREENSHOTS = ROOT / "artifacts" / "screenshots"
VIEWS = (("1280", {"width": 1280, "height": 900}, "light"), ("390", {"width": 390, "height": 844}, "dark"))

COLLECT = """() => ({
  links: [...document.querySelectorAll('a[href]')].map(a => a.href),
  ids: [...document.querySelectorAll('[id]')].map(e => e.id),
  overflow: document.scrollingElement.scrollWidth - window.innerWidth,
  resources: [...document.querySelectorAll('link[href], script[src], img[src], iframe[src], source[src], '
                                            + 'video[src], audio[src], object[data], embed[src]')]
    .filter(e => !(e.tagName === 'LINK' && e.rel === 'canonical'))
    .map(e => e.href || e.src || e.data),
})"""


def require(reason: str | None) -> None:
    """Skip locally with the reason; fail under CI, where skipping would hide a broken setup."""
    if reason is None:
        return
    if os.environ.get("CI"):
        pytest.fail(f"browser tests cannot run: {reason}", pytrace=False)
    pytest.skip(reason)


@dataclass
class Visit:
    page: str
    view: str
    axe: list = field(default_factory=list)
    console: list = field(default_factory=list)
    links: list = field(default_factory=list)
    ids: set = field(default_factory=set)
    screenshot: Path | None = None
    overflow: int = 0  # how far the page is wider than the window (px)
    resources: list = field(default_factory=list)  # what the page loads or hints at (preconnect…)


@dataclass
class Survey:
    base: str
    site: Path
    pages: list[str]
    visits: list[Visit]
    outside: list[str]      # requests to any other host (blocked, and a failure)
    failed: list[str]       # requests to the site that did not succeed


@pytest.fixture(scope="package")
def tools():
    require(missing_tools())


@pytest.fixture(scope="package")
def served(tools, built_site):
    with serve(built_site, site_prefix()) as base:
        yield base, built_site


@pytest.fixture(scope="package")
def browser(tools):
    with chromium() as instance:
        yield instance


@pytest.fixture(scope="package")
def survey(served, browser) -> Survey:
    base, site = served
    axe = (NODE_MODULES / "axe-core" / "axe.min.js").read_text(encoding="utf-8")
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    result = Survey(base, site, site_pages(site), [], [], [])
    for view, viewport, scheme in VIEWS:
        context = browser.new_context(viewport=viewport, color_scheme=scheme)
        context.route("**/*", lambda route: _guard(route, base, result))
        page = context.new_page()
        page.on("requestfailed", lambda r: r.url.startswith(base) and result.failed.append(f"{r.url}: {r.failure}"))
        page.on("response", lambda r: r.status >= 400 and result.failed.append(f"{r.url}: HTTP {r.status}"))
        for path in result.pages:
            result.visits.append(_visit(page, base, path, view, axe))
        context.close()
    return result


def _guard(route, base: str, survey: Survey) -> None:
    """Let requests to the local site through; block and record everything else."""
    if route.request.url.startswith(base):
        route.continue_()
    else:
        survey.outside.append(route.request.url)
        route.abort()


def _visit(page, base: str, path: str, view: str, axe: str) -> Visit:
    visit = Visit(path, view)
    listener = lambda m: m.type == "error" and visit.console.append(m.text)  # noqa: E731
    errors = lambda e: visit.console.append(str(e))  # noqa: E731
    page.on("console", listener)
    page.on("pageerror", errors)
    page.goto(base + path, wait_until="load")
    found = page.evaluate(COLLECT)
    visit.links, visit.ids, visit.resources = found["links"], set(found["ids"]), found["resources"]
    visit.overflow = found["overflow"]
    page.add_script_tag(content=axe)
    visit.axe = page.evaluate("axe.run(document, {resultTypes: ['violations']}).then(r => r.violations)")
    name = path.strip("/").replace("/", "_").removesuffix(".html") or "home"
    visit.screenshot = SCREENSHOTS / f"{name}-{view}.png"
    page.screenshot(path=str(visit.screenshot), full_page=True)
    page.remove_listener("console", listener)
    page.remove_listener("pageerror", errors)
    return visit
