"""Machine-readable page metadata: schema.org JSON-LD for the quotes page.

Pure. The theme override (docs/overrides/main.html) prints front matter
`jsonld` into a <script type="application/ld+json"> with Jinja's `tojson`,
which escapes <, > and &, so no text from content can end the script early.
JSON-LD values are plain text: they are not HTML-escaped here.
"""

from __future__ import annotations

from ..model.content import Content
from ..model.records import Quote
from ..model.routes import QUOTES, relative_url, source_page

SCHEMA = "https://schema.org"


def quotation(content: Content, record: Quote) -> dict:
    """One quote as a schema.org Quotation."""
    quote = {
        "@type": "Quotation",
        "@id": f"#{record.id}",
        "text": record.words,
        "spokenByCharacter": {"name": record.speaker},
        "locationCreated": {"@type": "Place", "name": record.place},
        "description": f"{record.speaker}, {record.occasion}, {record.place}, {record.when}",
        "citation": [_source(content, c.source) for c in record.statement.citations],
    }
    if record.date:  # a background date, with references on the page; none when the source gives none
        quote["dateCreated"] = record.date
    return quote


def _source(content: Content, source_id: str) -> dict:
    source = content.source(source_id)
    work = {"@type": "CreativeWork", "name": source.title, "url": relative_url(QUOTES, source_page(source_id))}
    if source.url:
        work["sameAs"] = source.url
    if source.published.date:
        work["datePublished"] = source.published.date
    return work


def quotes_jsonld(content: Content) -> dict | None:
    """The quotes page's structured data, or None when there are no quotes."""
    if not content.quotes:
        return None
    return {"@context": SCHEMA, "@graph": [quotation(content, r) for r in content.quotes]}
