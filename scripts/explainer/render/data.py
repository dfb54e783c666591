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

from ..model.content import Content, Statement
from .blocks import source_page, span_id

FOLDER = "data"

# What each file holds and its CSV columns, in one place: the files and the page describing them follow it.
DATASETS = {
    "timeline": ("Every event on the timeline, with its partial date and its citations.",
                 ("id", "date", "date_precision", "date_basis", "era", "title", "text", "basis",
                  "attributed_to", "url", "cited_words", "cited_sources")),
    "quotes": ("Every direct quotation: speaker, occasion, place, date and the exact words.",
               ("id", "speaker", "occasion", "place", "date", "date_precision", "date_basis", "words",
                "url", "cited_words", "cited_sources")),
    "claims": ("Every cited statement on the site (claims, events, quotes, positions, definitions, notes), "
               "one CSV row per citation, with the exact words it rests on and where they are in the source.",
               ("id", "kind", "record", "text", "basis", "attributed_to", "url", "source", "source_title",
                "quote", "start", "end", "source_url")),
}
COLUMN_DOCS = {
    "id": "the anchor the item is published under",
    "date": "as precise as the sources allow: 1987, 2019-08 or 2019-09-05",
    "date_precision": "year, month or day",
    "url": "the page and anchor on this site, relative to the site's address",
    "cited_words": "the exact words of each citation, separated by ` | `",
    "cited_sources": "the source ids of each citation, in the same order",
    "quote": "the exact words in the source",
    "start": "character offset where the words start in the source text",
    "end": "character offset where they end",
    "source_url": "the highlighted span on the source's page",
}


def page_url(page: str, anchor: str = "") -> str:
    """A generated page's address relative to the site root (directory URLs), with an anchor."""
    stem = page[: -len(".md")]
    path = "" if stem == "index" else (stem[: -len("index")] if stem.endswith("/index") else stem + "/")
    return f"{path}#{anchor}" if anchor else path


def relative_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """The address of `to_page` as a link on `from_page` (both generated .md paths), with directory URLs."""
    depth = page_url(from_page).count("/")
    return "../" * depth + page_url(to_page, anchor)


def precision(date: str) -> str:
    return ("year", "month", "day")[date.count("-")]


def citations(content: Content, statement: Statement) -> list[dict]:
    out = []
    for citation in statement.citations:
        record = content.record("source", citation.source)
        item = {"source": citation.source, "source_title": record.data["title"] if record else citation.source,
                "quote": citation.quote, "start": None, "end": None, "source_url": page_url(source_page(citation.source))}
        source = content.sources.get(citation.source)
        if citation.anchor and source:
            start, end = citation.anchor.start, citation.anchor.end
            item.update(quote=source.text[start:end], start=start, end=end,
                        source_url=page_url(source_page(citation.source), span_id(start, end)))
        out.append(item)
    return out


def _statement(content: Content, record) -> Statement | None:
    return content.statement_at(record)


def timeline_items(content: Content, locate) -> list[dict]:
    items = []
    for record in sorted(content.of("event"), key=lambda r: (r.data["date"], r.id)):
        d, statement = record.data, _statement(content, record)
        items.append({"id": record.id, "date": d["date"], "date_precision": precision(d["date"]),
                      "date_basis": d.get("date_basis"), "era": d["era"], "title": d["title"], "text": d["text"],
                      "basis": d["basis"], "attributed_to": d.get("attributed_to"),
                      "url": _url(locate, statement), "citations": citations(content, statement) if statement else []})
    return items


def quote_items(content: Content, locate) -> list[dict]:
    items = []
    for record in sorted(content.of("quote"), key=lambda r: (r.data["date"], r.id)):
        d, statement = record.data, _statement(content, record)
        items.append({"id": record.id, "speaker": d["speaker"], "occasion": d["occasion"], "place": d["place"],
                      "date": d["date"], "date_precision": precision(d["date"]), "date_basis": d["date_basis"],
                      "words": d["words"], "insertions": list(d.get("insertions") or []),
                      "url": _url(locate, statement), "citations": citations(content, statement) if statement else []})
    return items


def claim_items(content: Content, locate) -> list[dict]:
    items = []
    for statement in content.statements:
        if locate(statement) is None:
            continue  # not published on a page of its own
        items.append({"id": statement.anchor, "kind": statement.owner.kind, "record": statement.owner.id,
                      "text": statement.text, "basis": statement.basis, "attributed_to": statement.attributed_to,
                      "url": _url(locate, statement), "citations": citations(content, statement)})
    return sorted(items, key=lambda item: (item["url"], item["id"]))


def _url(locate, statement: Statement | None) -> str | None:
    where = locate(statement) if statement else None
    return page_url(where.page, where.anchor) if where else None


def to_json(name: str, items: list[dict]) -> str:
    """One item a line: a diff shows which items changed, and each line is written by the C
    encoder (an indented layout would fall back to the json module's pure-Python one)."""
    head = json.dumps({"name": name, "description": DATASETS[name][0]}, ensure_ascii=False)[:-1]
    lines = "".join(f"{json.dumps(item, ensure_ascii=False)},\n" for item in items)
    return f'{head}, "items": [\n{lines[:-2]}\n]}}\n' if items else f'{head}, "items": []}}\n'


def csv_rows(name: str, items: list[dict]) -> list[dict]:
    """Flat rows for the CSV: one per record, or one per citation for claims."""
    if name == "claims":
        return [{**item, **citation} for item in items for citation in item["citations"]]
    return [{**item, "cited_words": " | ".join(c["quote"] for c in item["citations"]),
             "cited_sources": " | ".join(c["source"] for c in item["citations"])} for item in items]


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


def page(counts: dict[str, int]) -> str:
    """The Markdown page offering the files."""
    sets = []
    for name, (description, _) in DATASETS.items():
        sets.append(f"## {name.capitalize()} {{ #{name} }}\n\n{description} {_items(counts[name])}.\n\n"
                    f"Download: [{name}.json]({name}.json) (JSON) · [{name}.csv]({name}.csv) (CSV)\n")
    columns = sorted({c for _, cols in DATASETS.values() for c in cols if c in COLUMN_DOCS})
    docs = "\n".join(f"- `{c}`: {COLUMN_DOCS[c]}" for c in columns)
    return ("---\ntitle: \"Open data\"\n"
            "description: \"Download the timeline, the quotes and every cited claim as JSON or CSV.\"\n---\n"
            "# Open data\n\n"
            "Everything this site says is also here as data, for a class project, a spreadsheet or your own "
            "site. Each item carries its citations: the exact words of the source and where they are.\n\n"
            + "\n".join(sets) + "\n"
            "## Columns\n\n" + docs + "\n\n"
            "JSON keeps every value exactly. In the CSV files, a value that a spreadsheet would read as a "
            "formula (one starting with `=`, `+`, `-` or `@`) starts with an apostrophe.\n\n"
            "## Using the data\n\n"
            "The quoted words belong to their sources; see each source's page for its licence. "
            "When you use the data, cite this site and the sources the items name.\n")


def files(content: Content, locate) -> dict[str, str]:
    """Every open-data file and the page offering them, keyed by path in the generated tree."""
    sets = {"timeline": timeline_items(content, locate), "quotes": quote_items(content, locate),
            "claims": claim_items(content, locate)}
    out = {posixpath.join(FOLDER, "index.md"): page({name: len(items) for name, items in sets.items()})}
    for name, items in sets.items():
        out[posixpath.join(FOLDER, f"{name}.json")] = to_json(name, items)
        out[posixpath.join(FOLDER, f"{name}.csv")] = to_csv(name, items)
    return out
