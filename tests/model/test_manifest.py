"""Links that never break: urls.json is the promise, and only a redirect may retire an address.

The suite fails when a published page or anchor disappears without a
redirect declared in content/redirects/, and when something newly published
is not yet promised (run `make manifest`).
"""

from __future__ import annotations

import json
import re
from html.parser import HTMLParser
from pathlib import Path

import pytest

from explainer.check import promise as manifest
from explainer.check import redirects
from explainer.check.pipeline import check_all
from explainer.cli import files
from explainer.model import routes
from explainer.render import site
from explainer.render.markup import escape
from explainer.render.redirects import relative
from conftest import ROOT, checked, read_files, TESTS

GOLDEN = TESTS / "golden"
PROMISE = (GOLDEN / "expected" / "urls.json").read_text(encoding="utf-8")


def build(content_files: dict[str, bytes], handwritten=None):
    content = checked(content_files, handwritten)
    return content, site.generate(content, handwritten)


def promise_kept(content_files: dict[str, bytes], promised: str = PROMISE) -> list[str]:
    """Every problem `make check` reports against the promise (redirects and urls.json)."""
    _, found = check_all(content_files, None, promised)
    return [p.format() for p in found]


def golden(**changes: tuple[str, str | None]) -> dict[str, bytes]:
    """The golden content, with files edited ((old, new) text) or added (None, text)."""
    tree = read_files(GOLDEN)
    for name, (old, new) in changes.items():
        path = "content/" + name
        if old is None:
            tree[path] = new.encode("utf-8")
        else:
            tree[path] = tree[path].decode("utf-8").replace(old, new).encode("utf-8")
    return tree


def test_the_real_site_keeps_every_promise():
    handwritten = files.read_handwritten(ROOT)[0]
    content = checked(read_files(ROOT), handwritten)
    promised = (ROOT / manifest.MANIFEST).read_text(encoding="utf-8")
    now = manifest.published(content, handwritten)
    found = manifest.compare(promised, now, redirects.resolver(content, now))  # unpromised: an error here
    assert [p.format() for p in found] == []


def test_every_kind_of_record_is_promised_by_its_id():
    pages = manifest.loads((ROOT / manifest.MANIFEST).read_text(encoding="utf-8"))
    content = checked(read_files(ROOT))
    promised = {anchor for anchors in pages.values() for anchor in anchors}
    for records in (content.events, content.quotes, content.positions, content.terms, content.lessons, content.notes):
        assert records and {r.id for r in records} <= promised
    claims = {c.id for r in content.explainers for s in r.sections for c in s.claims}
    questions = {q.id for r in content.lessons for q in r.questions}
    assert claims and questions and (claims | questions) <= promised


def test_golden_promise_holds():
    assert promise_kept(golden()) == []


def test_renamed_claim_without_redirect_fails_with_the_line_in_urls_json():
    renamed = golden(**{"explainers/treaty.yml": ("id: treaty-first-reduction", "id: treaty-first-cut")})
    line = next(i for i, text in enumerate(PROMISE.splitlines(), 1) if '"treaty-first-reduction"' in text)
    assert promise_kept(renamed) == [
        f"urls.json:{line}:1: /explainers/treaty/#treaty-first-reduction was published and is gone without a "
        "redirect; restore the id, or add content/redirects/<old-id>.yml with from: and to: (see templates/redirect.yml)",
    ]
    content = checked(renamed)
    now = manifest.published(content, {})
    assert [p.format() for p in manifest.compare(PROMISE, now, redirects.resolver(content, now))][-1] == (
        "urls.json:1:1: /explainers/treaty/#treaty-first-cut is published but not yet promised in urls.json; "
        "run `make manifest` and commit urls.json")  # `make manifest --check`, which CI runs


def test_renamed_claim_with_redirect_keeps_the_promise():
    redirect = "id: treaty-first-reduction\nfrom: /explainers/treaty/#treaty-first-reduction\nto: /explainers/treaty/#treaty-first-cut\n"
    renamed = golden(**{"explainers/treaty.yml": ("id: treaty-first-reduction", "id: treaty-first-cut"),
                        "redirects/treaty-first-reduction.yml": (None, redirect)})
    grown = manifest.dumps(manifest.merged(manifest.loads(PROMISE), {"/explainers/treaty/": ["treaty-first-cut"]}))
    assert promise_kept(renamed, grown) == []
    _, tree = build(renamed)
    assert '{ data-moved-from="treaty-first-reduction" }' in tree["explainers/treaty.md"]


def test_renamed_page_needs_a_redirect_for_the_page_and_keeps_its_anchors():
    moved = golden(**{"explainers/treaty.yml": ("id: treaty\n", "id: the-treaty\n")})
    tree = moved.pop("content/explainers/treaty.yml")
    moved["content/explainers/the-treaty.yml"] = tree
    gone = promise_kept(moved)
    assert any(p.startswith("urls.json:") and "/explainers/treaty/ was published and is gone" in p for p in gone)
    assert any("/explainers/treaty/#treaty-banned-range was published and is gone" in p for p in gone)
    moved["content/redirects/treaty.yml"] = b"id: treaty\nfrom: /explainers/treaty/\nto: /explainers/the-treaty/\n"
    moved["content/redirects/inf.yml"] = b"id: inf\nfrom: /explainers/inf/\nto: /explainers/the-treaty/\n"
    moved["content/redirects/treaty-range.yml"] = (
        b"id: treaty-range\nfrom: /explainers/treaty/#treaty-range\nto: /explainers/the-treaty/#treaty-banned-range\n")
    left = [p for p in promise_kept(moved) if "was published and is gone" in p or "content/redirects" in p]
    assert left == []
    _, built = build(moved)
    page = built["explainers/treaty/index.html"]
    assert '<meta http-equiv="refresh" content="0; url=../the-treaty/">' in page
    assert '"treaty-range": "../the-treaty/#treaty-banned-range"' in page


def test_redirects_that_cannot_work_are_reported_where_they_are_written():
    broken = golden(**{"redirects/inf.yml": ("to: /explainers/treaty/", "to: /explainers/nowhere/"),
                       "redirects/still-here.yml": (None, "id: still-here\nfrom: /timeline/\nto: /explainers/treaty/\n")})
    assert [p for p in promise_kept(broken) if p.startswith("content/")] == [
        "content/redirects/inf.yml:3:5: to '/explainers/nowhere/' is not published; "
        "point it at a published address; copy it from the site's # link",
        "content/redirects/still-here.yml:2:7: from '/timeline/' is still published; "
        "a redirect is for an address that is gone; remove it or correct the address",
    ]


class Ids(HTMLParser):
    def __init__(self):
        super().__init__()
        self.ids: set[str] = set()

    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k == "id" and v)


def test_built_site_publishes_its_manifest_and_every_promised_anchor(built_site):
    published = json.loads((built_site / manifest.MANIFEST).read_text(encoding="utf-8"))["pages"]
    promised = manifest.loads((ROOT / manifest.MANIFEST).read_text(encoding="utf-8"))
    all_moves = {r.origin: r.target for r in checked(read_files(ROOT)).redirects}
    moves = {origin: to for origin, to in all_moves.items() if not redirects.split(origin)[1]}
    retired = set(moves)
    assert set(promised) - set(published) == retired & set(promised)  # a retired page only by its redirect
    for url, anchors in promised.items():
        target = built_site / url.lstrip("/")
        target = target / "index.html" if url.endswith("/") else target
        assert target.is_file(), url
        if url in retired:  # the page that forwards to where its redirect leads, #anchor and all
            refresh = f'<meta http-equiv="refresh" content="0; url={escape(relative(url, moves[url]))}">'
            assert refresh in target.read_text(encoding="utf-8"), url
        elif anchors:
            parser = Ids()
            parser.feed(target.read_text(encoding="utf-8"))
            gone = {a for a in anchors if f"{url}#{a}" in all_moves}  # carried on by a hidden link
            assert set(anchors) - gone <= parser.ids, (url, sorted(set(anchors) - gone - parser.ids))
            for anchor in gone:
                assert f'data-moved-from="{anchor}"' in target.read_text(encoding="utf-8"), (url, anchor)


@pytest.mark.parametrize("address, expected", [
    ("/explainers/treaty/", "/explainers/treaty/"),
    ("/explainers/treaty/#treaty-range", "/explainers/treaty/#treaty-banned-range"),
    ("/explainers/inf/", "/explainers/treaty/"),
    ("/explainers/inf/#treaty-first-reduction", "/explainers/treaty/#treaty-first-reduction"),
    ("/explainers/inf/#treaty-range", "/explainers/treaty/#treaty-banned-range"),
    ("/explainers/gone/", None),
])
def test_redirects_resolve_through_chains(address, expected):
    content = checked(golden())
    assert redirects.resolver(content, manifest.published(content, {}))(address) == expected


# Ids a rendered page carries that are not promises: citation spans and footnotes follow the text.
UNPROMISED = re.compile(r"^(?:span-\d+-\d+|passage-\d+|fn:.*|fnref:.*)$")


@pytest.mark.parametrize("root", [ROOT, GOLDEN], ids=["real", "golden"])
def test_the_routing_table_publishes_what_the_pages_carry(root):
    """The manifest comes from the routing table, never from rendered text: the pages must agree with it."""
    content, tree = build(read_files(root), files.read_handwritten(root)[0] if root == ROOT else None)
    scraped = {routes.url(path): [a for a in manifest.anchors_in(body) if not UNPROMISED.match(a)]
               for path, body in tree.items() if path.endswith(".md")}
    scraped.update({routes.url(path): [] for path in tree if not path.endswith((".md", ".html"))
                    and not path.startswith(("stylesheets/", "javascripts/", "assets/")) and path != manifest.MANIFEST})
    assert manifest.loads(tree[manifest.MANIFEST]) == dict(sorted(scraped.items()))


@pytest.mark.parametrize("text, expected", [
    ('{"pages": {"/": [}', "urls.json:1:18: not valid JSON: Expecting value"),
    ("[1, 2]", 'urls.json:1:1: has no "pages" mapping each address to a list of anchors'),
    ('{"pages": {"/": [1]}}', 'urls.json:1:1: has no "pages" mapping each address to a list of anchors'),
    ("\ufffd", "urls.json:1:1: not valid JSON: Expecting value"),
])
def test_a_damaged_promise_is_a_problem_not_a_crash(text, expected):
    assert [p.format() for p in manifest.broken(text)] == [
        f"{expected}; restore it (git checkout urls.json), then run `make manifest`"]


def test_the_real_promise_reads_cleanly():
    assert manifest.broken((ROOT / manifest.MANIFEST).read_text(encoding="utf-8")) == []


def test_make_manifest_reports_damaged_bytes_cleanly(tmp_path):
    from hostile.project import TRACEBACK, cli, copy_project

    root = copy_project(tmp_path / "project")
    (root / manifest.MANIFEST).write_bytes(b'{"pages": \xff')
    run = cli(root, "manifest", "--check")
    assert run.code == 1 and TRACEBACK not in run.text, run.text
    assert "urls.json:1:11: not valid JSON: Expecting value" in run.out
