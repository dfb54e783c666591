"""The ZIP for a classroom without internet, unpacked and opened from disk (file://) in Chromium.

Every page opens without a script error, every link and anchor leads to a file
in the unpacked folder (and to an element with that id), search finds a word
from a quote, and every request the browser makes is logged: any that is not
for a file: address fails the test (and is blocked, so nothing leaves).
"""

from __future__ import annotations

import re
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml

from explainer import offline

from .conftest import COLLECT
from .harness import ROOT


@dataclass
class Visit:
    page: str
    title: str
    links: list
    ids: set


@dataclass
class Survey:
    folder: Path
    visits: list[Visit] = field(default_factory=list)
    requests: list[str] = field(default_factory=list)  # every request, file: or not
    errors: list[str] = field(default_factory=list)     # console errors, page errors, failed loads


@pytest.fixture(scope="module")
def unpacked(tools, built_site, tmp_path_factory) -> Path:
    target = tmp_path_factory.mktemp("classroom")
    with zipfile.ZipFile(built_site / offline.ZIP) as archive:
        archive.extractall(target)
    return target / offline.FOLDER


def log_and_block(route, survey: Survey) -> None:
    survey.requests.append(route.request.url)
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def survey(browser, unpacked) -> Survey:
    result = Survey(unpacked)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: log_and_block(route, result))
    context.on("request", lambda r: r.url.startswith("file:") or result.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and result.errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: result.errors.append(f"{page.url}: {e}"))
    page.on("requestfailed", lambda r: result.errors.append(f"{r.url}: {r.failure}"))
    for path in sorted(unpacked.rglob("*.html")):
        page.goto(path.as_uri(), wait_until="load")
        found = page.evaluate(COLLECT)
        result.visits.append(Visit(path.relative_to(unpacked).as_posix(), page.title(),
                                   found["links"], set(found["ids"])))
    context.close()
    return result


def test_the_zip_holds_the_whole_site_in_one_folder(built_site, unpacked):
    names = zipfile.ZipFile(built_site / offline.ZIP).namelist()
    assert names == sorted(names) and all(n.startswith(offline.FOLDER + "/") for n in names)
    for page in ("index.html", "lessons/index.html", "timeline.html", "data/claims.csv",
                 "search/search_index.js", "javascripts/iframe-worker.js", "README.txt"):
        assert (unpacked / page).is_file(), page
    handouts = [p.stem for p in (ROOT / "content" / "lessons").glob("*.yml")]
    for lesson in handouts:
        assert (unpacked / "lessons" / f"{lesson}.html").is_file()
        assert (unpacked / "lessons" / lesson / "answers.html").is_file()
        assert (unpacked / "lessons" / f"{lesson}.moodle.xml").is_file()


def test_every_page_opens_with_a_title_and_no_error(survey):
    assert len(survey.visits) >= 20
    untitled = [v.page for v in survey.visits if not v.title]
    assert not untitled, untitled
    assert not survey.errors, "\n".join(survey.errors)


def test_no_request_leaves_the_disk(survey):
    assert len(survey.requests) > len(survey.visits)  # pages, styles, scripts: the log is live
    outside = sorted({url for url in survey.requests if not url.startswith("file:")})
    assert not outside, "requests that are not for a file:\n" + "\n".join(outside)


def test_every_link_and_anchor_resolves_on_disk(survey):
    ids = {(survey.folder / v.page).resolve(): v.ids for v in survey.visits}
    broken = []
    for visit in survey.visits:
        for href in visit.links:
            if not href.startswith("file:"):
                continue  # a link to another site (a source's original): not a request
            url, fragment = urldefrag(href)
            target = Path(unquote(urlsplit(url).path)).resolve()
            if not target.is_relative_to(survey.folder.resolve()) or not target.is_file():
                broken.append(f"{visit.page}: {href} (no such file in the copy)")
            elif fragment and unquote(fragment) not in ids.get(target, set()):
                broken.append(f"{visit.page}: {href} (no element with that id)")
    assert not broken, "\n".join(sorted(set(broken)))


def test_the_copy_says_what_it_is_instead_of_offering_itself(survey):
    teachers = next(v for v in survey.visits if v.page == "lessons/index.html")
    assert "offline" in teachers.ids
    assert not [link for link in teachers.links if link.startswith("file:") and link.endswith(".zip")]
    text = (survey.folder / "lessons" / "index.html").read_text(encoding="utf-8")
    assert "You are reading the copy of the site made for use without internet." in text


def a_word_from_a_quote() -> str:
    """The longest word of the first quote (by file name): a word only the quotes are likely to hold."""
    first = sorted((ROOT / "content" / "quotes").glob("*.yml"))[0]
    words = re.findall(r"[A-Za-z]+", yaml.safe_load(first.read_text(encoding="utf-8"))["words"])
    return max(words, key=len)


def test_search_finds_a_word_from_a_quote_from_disk(browser, unpacked):
    word = a_word_from_a_quote()
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.route("**/*", lambda route: log_and_block(route, Survey(unpacked, requests=requests)))
    page = context.new_page()
    page.goto((unpacked / "index.html").as_uri())
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert word.lower() in results.first.inner_text().lower()
    found = urlsplit(results.first.locator("a").first.get_attribute("href"))
    assert found.scheme == "file" and Path(unquote(found.path)).is_file(), found  # the result opens from disk
    assert requests and all(url.startswith("file:") for url in requests), requests
    context.close()
