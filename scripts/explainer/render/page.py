"""A generated page before it is written: its metadata and body, put together once.

Renderers return a `Page`; `site` adds what other parts of the model give a
page (structured data, links for retired anchors) before the one call to
`markdown`, so no finished page is ever edited again.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field

from .markup import front_matter


@dataclass(frozen=True)
class Page:
    title: str
    description: str
    body: str
    jsonld: dict | None = None  # schema.org data the theme override prints in a script element
    after: tuple[str, ...] = field(default=())  # blocks that follow the body (hidden moved-anchor links)


def markdown(page: Page) -> str:
    """The page as Markdown with YAML front matter (JSON values are valid YAML)."""
    head = front_matter(title=page.title, description=page.description)
    if page.jsonld is not None:
        head = head[: -len("---\n")] + f"jsonld: {json.dumps(page.jsonld, ensure_ascii=True)}\n---\n"
    body = page.body
    for block in page.after:
        body = body.rstrip("\n") + "\n\n" + block
    return head + body
