"""`make find`: every published anchor and page leads to the line of the file that makes it."""

from __future__ import annotations

import shutil

import pytest

from explainer.check import promise
from explainer.check.content import check_content
from explainer.cli import files, lookup
from explainer.model.build import build
from conftest import ROOT
from makeable import make, makeable

SITE_URL = "https://example.org/inf-explainer/"


@pytest.fixture(scope="module")
def real():
    checked, _ = check_content(files.read_content(ROOT)[0])
    published = promise.published(build(checked), files.read_handwritten(ROOT)[0])
    return lookup.index(checked), published


def find(real, query: str):
    places, published = real
    return lookup.find(places, published, query, SITE_URL)


def test_every_published_anchor_that_is_an_id_leads_to_the_line_that_writes_it(real):
    places, published = real
    found = 0
    for page, anchors in published.items():
        for anchor in anchors:
            if anchor in places:  # the others are parts of a page: headings, citation spans, lists
                place = find(real, f"{page}#{anchor}")
                assert isinstance(place, lookup.Place) and place.id == anchor, (page, anchor, place)
                lines = (ROOT / place.path).read_text(encoding="utf-8").splitlines()
                line = lines[place.line - 1]
                if place.kind == "side":  # a side has no id: the line of its party's key under sides:
                    key = line.strip().rstrip(":")
                    assert anchor.endswith("-" + key) and key in ("russia", "united-states"), (place, key)
                else:
                    assert line.split("#")[0].strip() in (f"id: {anchor}", f"- id: {anchor}"), (place, line)
                found += 1
    assert found > 150  # every claim, event, quote, term, note, section, side and question


@pytest.mark.parametrize("query", ["treaty-signed-by", "/explainers/treaty/#treaty-signed-by",
                                   "explainers/treaty/#treaty-signed-by",
                                   "https://example.org/inf-explainer/explainers/treaty/#treaty-signed-by",
                                   "/inf-explainer/explainers/treaty/#treaty-signed-by"])
def test_an_id_and_each_spelling_of_its_address_find_the_same_line(real, query):
    assert find(real, query).format() == "content/explainers/treaty.yml:70: claim treaty-signed-by"


@pytest.mark.parametrize("query, expected", [
    ("/explainers/treaty", "content/explainers/treaty.yml:2: explainer treaty"),
    ("/lessons/what-the-treaty-did/answers/#objectives",
     "content/lessons/what-the-treaty-did.yml:2: lesson what-the-treaty-did"),
    ("/lessons/what-the-treaty-did/answers/#wtd-which-missiles",
     "content/lessons/what-the-treaty-did.yml:41: question wtd-which-missiles"),
    ("/positions/#august-missile-test-russia",
     "content/positions/august-missile-test.yml:7: side august-missile-test-russia"),
    ("/sources/putin-eef-2019/#article-undated", "content/notes/article-undated.yml:2: note article-undated"),
    ("treaty-what-it-banned", "content/explainers/treaty.yml:7: section treaty-what-it-banned"),
])
def test_pages_parts_and_nested_ids(real, query, expected):
    assert find(real, query).format() == expected


@pytest.mark.parametrize("query, expected", [
    ("treaty-signed-bi", "no id 'treaty-signed-bi' in content/; did you mean treaty-signed-by?"),
    ("/explainers/treaty/#treaty-signed-bx", "/explainers/treaty/#treaty-signed-bx is not published; "
                                              "did you mean treaty-signed-by?"),
    ("/timeline/#treaty-signed-by", "/timeline/#treaty-signed-by is not published; did you mean treaty-signed-by?"),
    ("/nowhere/", "/nowhere/ is not an address this site publishes; copy the address from the site's # link, "
                  "e.g. /timeline/#some-event-id"),
    ("/timeline/", "/timeline/ is made from many records; add the #anchor of the one you mean (the # link beside it)"),
    ("/timeline/#era-treaty", "#era-treaty is a heading of /timeline/, a page made from many records; "
                              "use the # link beside the one you mean"),
])
def test_what_cannot_be_found_says_why_and_what_to_do(real, query, expected):
    assert find(real, query) == expected


def test_make_find_takes_an_address_with_its_hash_as_typed(tmp_path):
    for name in ("content", "docs", "mkdocs.yml"):
        copy = shutil.copytree if (ROOT / name).is_dir() else shutil.copy
        copy(ROOT / name, tmp_path / name)
    makeable(tmp_path)
    result = make(tmp_path, "find", "Q=/explainers/treaty/#treaty-signed-by")
    assert (result.returncode, result.stdout) == (0, "content/explainers/treaty.yml:70: claim treaty-signed-by\n")
    result = make(tmp_path, "find", "Q=treaty-signed-bi")
    assert (result.returncode, result.stdout) == (
        2, "find: no id 'treaty-signed-bi' in content/; did you mean treaty-signed-by?\n")
    assert make(tmp_path, "find").stdout.startswith("usage: make find Q=")
