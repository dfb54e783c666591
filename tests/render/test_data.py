"""Open data and page metadata: the files say what the pages say, exactly."""

from __future__ import annotations

import csv
import io
import json

import pytest
import yaml

from explainer.model import routes
from explainer.render import data
from explainer.render.page import Page, markdown
from explainer.render.site import generate
from conftest import ROOT, checked, read_files


@pytest.fixture(scope="module")
def content():
    return checked(read_files(ROOT / "tests" / "golden"))


@pytest.fixture(scope="module")
def tree(content):
    return generate(content)


def test_every_claim_citation_is_the_exact_span_of_its_source(content, tree):
    claims = json.loads(tree["data/claims.json"])["items"]
    assert len(claims) == sum(1 for s in content.statements if routes.place_of(content, s))
    placed = {s.anchor: s for s in content.statements if routes.place_of(content, s)}
    assert {bool(claim["references"]) for claim in claims} == {False, True}  # the golden tree has both kinds
    for claim in claims:
        # cited, or background with the record's references: never both, never neither
        assert bool(claim["citations"]) != bool(claim["references"]), claim["id"]
        assert [r["url"] for r in claim["references"]] == [r.url for r in placed[claim["id"]].references]
        for citation in claim["citations"]:
            source = content.source(citation["source"]).text
            assert source[citation["start"]:citation["end"]] == citation["quote"]
            assert citation["source_url"] == f"sources/{citation['source']}/#span-{citation['start']}-{citation['end']}"


def test_claims_csv_has_one_row_per_citation(tree):
    items = json.loads(tree["data/claims.json"])["items"]
    rows = list(csv.DictReader(io.StringIO(tree["data/claims.csv"])))
    assert len(rows) == sum(len(item["citations"]) + len(item["references"]) for item in items)
    assert rows[0]["quote"] == items[0]["citations"][0]["quote"]
    background = [row for row in rows if row["reference_url"]]  # a row per reference, and no quote
    assert [(row["id"], row["reference_url"]) for row in background] == [
        (item["id"], ref["url"]) for item in items for ref in item["references"]]
    assert not any(row["quote"] or row["source"] for row in background)


def test_timeline_and_quotes_match_the_records(content, tree):
    events = json.loads(tree["data/timeline.json"])["items"]
    assert [e["id"] for e in events] == [r.id for r in sorted(content.events, key=lambda r: (r.date, r.id))]
    assert all(e["url"] == f"timeline/#{e['id']}" for e in events)
    quotes = json.loads(tree["data/quotes.json"])["items"]
    assert {q["words"] for q in quotes} == {r.words for r in content.quotes}
    rows = list(csv.DictReader(io.StringIO(tree["data/quotes.csv"])))
    assert [r["id"] for r in rows] == [q["id"] for q in quotes]


def test_the_data_page_links_every_file(tree):
    page = tree["data/index.md"]
    for name in data.DATASETS:
        assert f"]({name}.json)" in page and f"]({name}.csv)" in page


@pytest.mark.parametrize("value, cell", [("=1+1", "'=1+1"), ("@SUM(A1)", "'@SUM(A1)"), ("-2", "'-2"),
                                         ("plain", "plain"), (None, ""), (1987, "1987")])
def test_csv_cells_cannot_run_as_spreadsheet_formulas(value, cell):
    assert data._cell(value) == cell


@pytest.mark.parametrize("page, url", [("index.md", ""), ("timeline.md", "timeline/"),
                                       ("sources/index.md", "sources/"), ("sources/x.md", "sources/x/")])
def test_page_urls_follow_directory_urls(page, url):
    assert routes.site_relative(page) == url
    assert routes.relative_url("quotes.md", page) == "../" + url


def test_quotes_page_carries_one_quotation_per_quote_as_json_ld(content, tree):
    front = yaml.safe_load(tree["quotes.md"].split("---\n")[1])
    graph = front["jsonld"]["@graph"]
    assert front["jsonld"]["@context"] == "https://schema.org"
    assert sorted(q["@id"] for q in graph) == sorted(f"#{r.id}" for r in content.quotes)
    assert all(q["@type"] == "Quotation" and q["text"] and q["citation"] for q in graph)
    assert front["title"] == "Quotes"  # the page's own metadata survives


def test_front_matter_takes_any_text_as_one_yaml_line():
    hostile = {"text": "a\n---\n</script><b>\"'&"}
    page = markdown(Page("T", "D", "# T\n", jsonld=hostile))
    front = yaml.safe_load(page.split("---\n")[1])
    assert front == {"title": "T", "description": "D", "jsonld": hostile}
    assert page.endswith("---\n# T\n")


@pytest.mark.parametrize("items", [[], [{"id": "a", "text": "\u201cq\u201d \\ \"x\"", "n": None}], [{"id": "a"}, {"id": "b"}]])
def test_json_files_hold_one_item_a_line(items):
    document = data.to_json("quotes", items)
    assert json.loads(document) == {"name": "quotes", "description": data.DATASETS["quotes"][0], "items": items}
    assert document.count("\n") == (len(items) + 2 if items else 1)
