"""Per-page metadata in the built HTML: title, description, Open Graph, JSON-LD, cite this page."""

from __future__ import annotations

import json
from html.parser import HTMLParser

from conftest import ROOT, checked, read_files


class Head(HTMLParser):
    def __init__(self):
        super().__init__()
        self.meta, self.title, self.jsonld, self.cards, self.cite = {}, "", [], 0, ""
        self._in = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "meta" and (a.get("property") or a.get("name")):
            self.meta[a.get("property") or a.get("name")] = a.get("content")
        elif tag == "title" or (tag == "script" and a.get("type") == "application/ld+json"):
            self._in = tag
        elif tag == "p" and a.get("class") == "cite-text":
            self._in = "cite"
        elif tag == "figure" and "quote-card" in (a.get("class") or ""):
            self.cards += 1

    def handle_endtag(self, tag):
        if tag in ("title", "script", "p"):
            self._in = None

    def handle_data(self, data):
        if self._in == "title":
            self.title += data
        elif self._in == "script":
            self.jsonld.append(data)
        elif self._in == "cite":
            self.cite += data


def parse(path) -> Head:
    head = Head()
    head.feed(path.read_text(encoding="utf-8"))
    return head


def forwarding(site) -> set:
    """The small pages that send a retired page's address on (content/redirects/): no content of their own."""
    return {site / r.origin.strip("/") / "index.html" for r in checked(read_files(ROOT)).redirects
            if "#" not in r.origin}


def pages(site):
    moved = forwarding(site)
    return [p for p in sorted(site.rglob("index.html"))
            if not p.relative_to(site).as_posix().startswith("search") and p not in moved]


def test_every_page_has_title_description_and_open_graph(built_site):
    titles = {}
    for path in pages(built_site):
        head = parse(path)
        for key in ("description", "og:title", "og:description", "og:url", "og:site_name", "twitter:card"):
            assert head.meta.get(key), f"{path}: no {key}"
        assert head.meta["og:url"].startswith("https://"), path
        titles.setdefault(head.title.strip(), []).append(path)
    assert all(len(paths) == 1 for paths in titles.values()), {t: p for t, p in titles.items() if len(p) > 1}


def test_every_page_offers_cite_this_page_with_its_address(built_site):
    for path in pages(built_site):
        head = parse(path)
        assert head.meta["og:url"] in head.cite, path


def test_quotes_are_schema_org_quotations(built_site):
    head = parse(built_site / "quotes" / "index.html")
    data = json.loads("".join(head.jsonld))
    quotations = [q for q in data["@graph"] if q["@type"] == "Quotation"]
    assert data["@context"] == "https://schema.org"
    assert head.cards >= 1 and len(quotations) == head.cards
    assert all(q["text"] and q["spokenByCharacter"]["name"] and q["citation"] for q in quotations)
