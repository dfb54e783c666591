"""Machine-readable page metadata: schema.org JSON-LD in a page's front matter.

Pure. The theme override (docs/overrides/main.html) prints front matter
`jsonld` into a <script type="application/ld+json"> with Jinja's `tojson`,
which escapes <, > and &, so no text from content can end the script early.
JSON-LD values are plain text: they are not HTML-escaped here.
"""

from __future__ import annotations

import json

from ..model.content import Content
from .data import relative_url
from .blocks import source_page

SCHEMA = "https://schema.org"
PAGE = "quotes.md"  # the page carrying the quotes' JSON-LD; relative URLs resolve against it


def quotation(content: Content, record) -> dict:
    """One quote as a schema.org Quotation."""
    d = record.data
    item = {"@type": "Quotation", "@id": f"#{record.id}", "text": d["words"],
            "spokenByCharacter": {"name": d["speaker"]},
            "dateCreated": d["date"], "locationCreated": {"@type": "Place", "name": d["place"]},
            "description": f"{d['speaker']}, {d['occasion']}, {d['place']}",
            "citation": [_source(content, c["source"]) for c in d["cite"]]}
    return item


def _source(content: Content, source_id: str) -> dict:
    record = content.record("source", source_id)
    work = {"@type": "CreativeWork", "name": record.data["title"] if record else source_id,
            "url": relative_url(PAGE, source_page(source_id))}
    if record and record.data.get("url"):
        work["sameAs"] = record.data["url"]
    if record and record.data["published"].get("date"):
        work["datePublished"] = record.data["published"]["date"]
    return work


def quotes_jsonld(content: Content) -> dict:
    records = sorted(content.of("quote"), key=lambda r: (r.data["date"], r.id))
    return {"@context": SCHEMA, "@graph": [quotation(content, r) for r in records]}


def with_front_matter(page: str, **fields) -> str:
    """The page with extra front-matter keys; JSON is YAML, so any value fits on one line."""
    if not page.startswith("---\n") or "\n---\n" not in page[3:]:
        return page
    end = page.index("\n---\n", 3)
    extra = "".join(f"\n{key}: {json.dumps(value, ensure_ascii=True, sort_keys=False)}"
                    for key, value in fields.items())
    return page[:end] + extra + page[end:]


def annotate(content: Content, files: dict[str, str]) -> dict[str, str]:
    """Pages with their structured data added to the front matter."""
    out = dict(files)
    if PAGE in out and content.of("quote"):
        out[PAGE] = with_front_matter(out[PAGE], jsonld=quotes_jsonld(content))
    return out
