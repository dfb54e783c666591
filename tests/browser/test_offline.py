"""The ZIP for a classroom without internet, unpacked and opened from disk (file://) in Chromium.

Every page opens without a script error, every link and anchor leads to a file
in the unpacked folder (and to an element with that id), search finds a word
from a quote, and every request the browser makes is logged: any that is not
for a file: address fails the test (and is blocked, so nothing leaves). Run on
the ZIP of the real content and on that of the golden content, which retires
a page and an anchor (content/redirects/).
"""

from __future__ import annotations

import re
import shutil
import zipfile
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlsplit

import pytest
import yaml

from explainer.render import offline
from hostile.project import cli, copy_project

from .conftest import COLLECT
from .harness import ROOT

CONTENT = {"content": ROOT / "content", "golden": ROOT / "tests" / "golden" / "content"}


@dataclass
class Copy:
    folder: Path   # the unpacked folder
    content: Path  # the content/ it was built from


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
def golden_zip(tools, tmp_path_factory) -> Path:
    """The golden content built by `explainer site`, as `make site` would."""
    root = copy_project(tmp_path_factory.mktemp("golden-offline") / "project")
    shutil.rmtree(root / "content")
    shutil.copytree(CONTENT["golden"], root / "content")
    run = cli(root, "site")
    assert run.code == 0, run.text
    return root / "site" / offline.ZIP


@pytest.fixture(scope="module", params=sorted(CONTENT))
def copy(request, tools, tmp_path_factory) -> Copy:
    """The published ZIP, unpacked into a temporary folder."""
    built = (request.getfixturevalue("built_site") / offline.ZIP if request.param == "content"
             else request.getfixturevalue("golden_zip"))
    target = tmp_path_factory.mktemp(f"classroom-{request.param}")
    with zipfile.ZipFile(built) as archive:
        assert archive.namelist() == sorted(archive.namelist())
        archive.extractall(target)
    return Copy(target / offline.FOLDER, CONTENT[request.param])


def log_and_block(route, requests: list[str]) -> None:
    requests.append(route.request.url)
    if route.request.url.startswith("file:"):
        route.continue_()
    else:
        route.abort()


@pytest.fixture(scope="module")
def survey(browser, copy) -> Survey:
    result = Survey(copy.folder)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    context.route("**/*", lambda route: log_and_block(route, result.requests))
    context.on("request", lambda r: r.url.startswith("file:") or result.requests.append(r.url))
    page = context.new_page()
    page.on("console", lambda m: m.type == "error" and result.errors.append(f"{page.url}: {m.text}"))
    page.on("pageerror", lambda e: result.errors.append(f"{page.url}: {e}"))
    page.on("requestfailed", lambda r: result.errors.append(f"{r.url}: {r.failure}"))
    for path in sorted(copy.folder.rglob("*.html")):
        page.goto(path.as_uri(), wait_until="load")
        # Let what the page still fetches after its load event (the favicon, deferred scripts) finish:
        # the next navigation would abort it, and that abort is ours, not the page's.
        page.wait_for_load_state("networkidle")
        found = page.evaluate(COLLECT)
        result.visits.append(Visit(path.relative_to(copy.folder).as_posix(), page.title(),
                                   found["links"], set(found["ids"])))
    context.close()
    return result


def test_the_zip_holds_the_whole_site_in_one_folder(copy):
    names = {p.relative_to(copy.folder).as_posix() for p in copy.folder.rglob("*") if p.is_file()}
    assert {"index.html", "lessons/index.html", "timeline.html", "data/claims.csv", "search/search_index.js",
            "javascripts/iframe-worker.js", "README.txt"} <= names
    assert not [n for n in names if n.endswith((".map", "404.html")) or n.startswith("sitemap")]
    lessons = [p.stem for p in (copy.content / "lessons").glob("*.yml")]
    assert lessons
    for lesson in lessons:
        assert {f"lessons/{lesson}.html", f"lessons/{lesson}/answers.html", f"lessons/{lesson}.moodle.xml"} <= names


def test_every_page_opens_with_a_title_and_no_error(survey):
    assert len(survey.visits) >= 10
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


def a_word_from_a_quote(content: Path) -> str:
    """The longest word of the first quote (by file name): a word only the quotes are likely to hold."""
    first = sorted((content / "quotes").glob("*.yml"))[0]
    words = re.findall(r"[A-Za-z]+", yaml.safe_load(first.read_text(encoding="utf-8"))["words"])
    return max(words, key=len)


def test_search_finds_a_word_from_a_quote_from_disk(browser, copy):
    word = a_word_from_a_quote(copy.content)
    context = browser.new_context(viewport={"width": 1280, "height": 900})
    requests: list[str] = []
    context.route("**/*", lambda route: log_and_block(route, requests))
    page = context.new_page()
    page.goto((copy.folder / "index.html").as_uri())
    page.keyboard.press("/")  # the theme's shortcut to the search box
    page.keyboard.type(word)
    results = page.locator(".md-search-result__item")
    results.first.wait_for(timeout=10_000)
    assert word.lower() in results.first.inner_text().lower()
    found = urlsplit(results.first.locator("a").first.get_attribute("href"))
    assert found.scheme == "file" and Path(unquote(found.path)).is_file(), found  # the result opens from disk
    assert requests and all(url.startswith("file:") for url in requests), requests
    context.close()
