"""Open data: the curated content as JSON and CSV files, and the page that offers them.

Pure: checked content in, {path: text} out, beside the generated pages under
data/. JSON keeps every value exactly; CSV is for spreadsheets, one row per
record (timeline, quotes) or per citation (claims).
"""

from __future__ import annotations

import csv
import io
import json
import posixpath

from ..model import routes
from ..model.content import Content
from ..model.records import Statement
from ..model.routes import site_relative as page_url
from ..model.routes import source_page, span_id
from .markup import text
from .page import Page
from .pages import label

FOLDER = "data"

# What each file holds and its CSV columns, in one place: the files and the page describing them follow it.
DATASETS = {
    "timeline": (
        "Every event on the timeline, with its partial date and its citations.",
        (
            "id",
            "date",
            "date_precision",
            "when",
            "date_reference_urls",
            "era",
            "title",
            "text",
            "basis",
            "attributed_to",
            "url",
            "cited_words",
            "cited_sources",
        ),
    ),
    "quotes": (
        "Every direct quotation: speaker, occasion, place, date and the exact words.",
        (
            "id",
            "speaker",
            "occasion",
            "place",
            "date",
            "date_precision",
            "when",
            "date_reference_urls",
            "words",
            "url",
            "cited_words",
            "cited_sources",
        ),
    ),
    "claims": (
        "Every statement on the site (claims, events, quotes, positions, definitions, notes, answers), "
        "one CSV row per citation, with the exact words it rests on and where they are in the source; "
        "a background statement, not from the news report, has a row per reference instead.",
        (
            "id",
            "kind",
            "record",
            "text",
            "basis",
            "attributed_to",
            "url",
            "source",
            "source_title",
            "quote",
            "start",
            "end",
            "source_url",
            "reference_title",
            "reference_url",
        ),
    ),
}
COLUMN_DOCS = {
    "id": "the anchor the item is published under",
    "date": "as precise as the sources allow: a year, a month or a day (YYYY, YYYY-MM or YYYY-MM-DD)",
    "date_precision": "year, month or day",
    "when": "the time words shown on the site, as the source gives them",
    "date_reference_urls": "when the source does not give the date: the background references that do, "
    "separated by ` | `",
    "reference_title": "for a background statement (not from the news report): a public reference it rests on",
    "reference_url": "that reference's address",
    "url": "the page and anchor on this site, relative to the site's address",
    "cited_words": "the exact words of each citation, separated by ` | `",
    "cited_sources": "the source ids of each citation, in the same order",
    "quote": "the exact words in the source",
    "start": "character offset where the words start in the source text",
    "end": "character offset where they end",
    "source_url": "the highlighted span on the source's page",
}


def precision(date: str) -> str:
    return ("year", "month", "day")[date.count("-")]


def citations(content: Content, statement: Statement) -> list[dict]:
    return [
        {
            "source": c.source,
            "source_title": content.source(c.source).title,
            "quote": c.words,
            "start": c.start,
            "end": c.end,
            "source_url": page_url(source_page(c.source), span_id(c.start, c.end)),
        }
        for c in statement.citations
    ]


def timeline_items(content: Content) -> list[dict]:
    return [
        {
            "id": r.id,
            "date": r.date,
            "date_precision": precision(r.date),
            "when": r.when,
            "date_references": _references(r.date_references),
            "era": r.era,
            "title": r.title,
            "text": r.statement.text,
            "basis": r.statement.basis,
            "attributed_to": r.statement.attributed_to,
            "url": _url(content, r.statement),
            "citations": citations(content, r.statement),
        }
        for r in content.events
    ]


def quote_items(content: Content) -> list[dict]:
    return [
        {
            "id": r.id,
            "speaker": r.speaker,
            "occasion": r.occasion,
            "place": r.place,
            "date": r.date,
            "date_precision": precision(r.date) if r.date else None,
            "when": r.when,
            "date_references": _references(r.date_references),
            "words": r.words,
            "insertions": list(r.insertions),
            "url": _url(content, r.statement),
            "citations": citations(content, r.statement),
        }
        for r in content.quotes
    ]


def claim_items(content: Content) -> list[dict]:
    items = []
    for statement in content.statements:
        url = _url(content, statement)
        if url is None:
            continue  # not published on a page of its own
        items.append(
            {
                "id": statement.anchor,
                "kind": statement.kind,
                "record": statement.record,
                "text": statement.text,
                "basis": statement.basis,
                "attributed_to": statement.attributed_to,
                "url": url,
                "citations": citations(content, statement),
                "references": _references(statement.references),
            }
        )
    return sorted(items, key=lambda item: (item["url"], item["id"]))


def _references(refs) -> list[dict]:
    return [{"title": r.title, "publisher": r.publisher, "url": r.url, "date": r.date, "where": r.where} for r in refs]


def _url(content: Content, statement: Statement) -> str | None:
    place = routes.place_of(content, statement)
    return page_url(place.page, place.anchor) if place else None


def to_json(name: str, items: list[dict]) -> str:
    """One item a line: a diff shows which items changed, and each line is written by the C
    encoder (an indented layout would fall back to the json module's pure-Python one)."""
    head = json.dumps({"name": name, "description": DATASETS[name][0]}, ensure_ascii=False)[:-1]
    lines = "".join(f"{json.dumps(item, ensure_ascii=False)},\n" for item in items)
    return f'{head}, "items": [\n{lines[:-2]}\n]}}\n' if items else f'{head}, "items": []}}\n'


def csv_rows(name: str, items: list[dict]) -> list[dict]:
    """Flat rows for the CSV: one per record, or one per citation for claims."""
    if name == "claims":
        return [
            row
            for item in items
            for row in [{**item, **citation} for citation in item["citations"]]
            + [{**item, "reference_title": r["title"], "reference_url": r["url"]} for r in item["references"]]
        ]
    return [
        {
            **item,
            "date_reference_urls": " | ".join(r["url"] for r in item.get("date_references") or []),
            "cited_words": " | ".join(c["quote"] for c in item["citations"]),
            "cited_sources": " | ".join(c["source"] for c in item["citations"]),
        }
        for item in items
    ]


def to_csv(name: str, items: list[dict]) -> str:
    columns = DATASETS[name][1]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    writer.writerows([_cell(row.get(key)) for key in columns] for row in csv_rows(name, items))
    return out.getvalue()


def _cell(value) -> str:
    """A CSV cell; text that a spreadsheet would run as a formula gets a leading apostrophe (OWASP)."""
    if value is None:
        return ""
    value = str(value)
    return "'" + value if value[:1] in ("=", "+", "-", "@", "\t", "\r") else value


def _items(n: int) -> str:
    return "1 item" if n == 1 else f"{n} items"


def page(content: Content, counts: dict[str, int]) -> Page:
    """The page offering the files."""
    about = label(content.site, "data")
    sets = []
    for name, (description, _) in DATASETS.items():
        sets.append(
            f"## {name.capitalize()} {{ #{name} }}\n\n{description} {_items(counts[name])}.\n\n"
            f"Download: [{name}.json]({name}.json) (JSON) · [{name}.csv]({name}.csv) (CSV)\n"
        )
    columns = sorted({c for _, cols in DATASETS.values() for c in cols if c in COLUMN_DOCS})
    docs = "\n".join(f"- `{c}`: {COLUMN_DOCS[c]}" for c in columns)
    return Page(
        about.title,
        about.description,
        f"# {text(about.title)}\n\n"
        "Everything this site says is also here as data, for a class project, a spreadsheet or your own "
        "site. Each item carries its citations: the exact words of the source and where they are.\n\n"
        + "\n".join(sets)
        + "\n"
        "## Columns\n\n" + docs + "\n\n"
        "JSON keeps every value exactly. In the CSV files, a value that a spreadsheet would read as a "
        "formula (one starting with `=`, `+`, `-` or `@`) starts with an apostrophe.\n\n"
        "## Using the data\n\n"
        "The quoted words belong to their sources; see each source's page for its licence. "
        "When you use the data, cite this site and the sources the items name.\n",
    )


def files(content: Content) -> tuple[Page, dict[str, str]]:
    """The page offering the open data, and every data file keyed by its path in the generated tree."""
    sets = {"timeline": timeline_items(content), "quotes": quote_items(content), "claims": claim_items(content)}
    assert tuple(sets) == routes.DATASETS == tuple(DATASETS)
    out = {}
    for name, items in sets.items():
        out[posixpath.join(FOLDER, f"{name}.json")] = to_json(name, items)
        out[posixpath.join(FOLDER, f"{name}.csv")] = to_csv(name, items)
    return page(content, {name: len(items) for name, items in sets.items()}), out
