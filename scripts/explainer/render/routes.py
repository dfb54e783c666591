"""Published addresses: where a generated page ends up on the site.

The site is built with directory URLs (MkDocs' default): `timeline.md` is
published as `/timeline/`, `sources/index.md` as `/sources/`.
"""

from __future__ import annotations


def page_url(page: str) -> str:
    """A generated page's address from the site root: 'explainers/treaty.md' → '/explainers/treaty/'."""
    stem = page[:-3] if page.endswith(".md") else page
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"/{stem}/"


def absolute(site_url: str, path: str) -> str:
    """An address from the site root made absolute with the site's own address, when known."""
    return site_url.rstrip("/") + path if site_url else path
