"""A generated page before it is written: its metadata and body, put together once.

Renderers return a `Page`; `site` adds what other parts of the model give a
page (structured data, links for retired anchors) before the one call to
`markdown`, so no finished page is ever edited again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .markup import front_matter, human_date


@dataclass(frozen=True)
class Page:
    title: str
    description: str
    body: str
    jsonld: dict | None = None  # schema.org data the theme override prints in a script element
    updated: str | None = None  # the date of the last commit to what the page is made from (YYYY-MM-DD)
    after: tuple[str, ...] = field(default=())  # blocks that follow the body (hidden moved-anchor links)


def markdown(page: Page) -> str:
    """The page as Markdown with YAML front matter (JSON values are valid YAML)."""
    head = front_matter(title=page.title, description=page.description)
    if page.jsonld is not None:
        head = head[: -len("---\n")] + f"jsonld: {json.dumps(page.jsonld, ensure_ascii=True)}\n---\n"
    if page.updated:
        head = head[: -len("---\n")] + _updated(page.updated) + "---\n"
    body = page.body
    for block in page.after:
        body = body.rstrip("\n") + "\n\n" + block
    return head + body


def _updated(date: str) -> str:
    """Front-matter lines for when a page was last updated; the theme override prints `updated_text`."""
    return f"updated: {json.dumps(date)}\nupdated_text: {json.dumps(human_date(date))}\n"


def with_updated(markdown_text: str, date: str) -> str:
    """A hand-written page with its last-updated date added to its front matter (or a new one)."""
    if markdown_text.startswith("---\n") and "\n---\n" in markdown_text[3:]:
        end = markdown_text.index("\n---\n", 3) + 1
        return markdown_text[:end] + _updated(date) + markdown_text[end:]
    return "---\n" + _updated(date) + "---\n" + markdown_text
