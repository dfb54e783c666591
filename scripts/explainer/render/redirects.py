"""What makes each redirect work on a static host, which has no server-side redirects:
a small HTML page at each retired page address (it keeps the #anchor), and for a
retired anchor on a page that still exists, a hidden link on that page which
moved-anchors.js follows (and MkDocs' strict build checks)."""

from __future__ import annotations

import json
import posixpath

from ..check.redirects import resolver, split, table
from ..model import routes
from ..model.content import Content
from .markup import escape, text


def plan(content: Content, live_pages: dict, pages: list[str]) -> tuple[dict[str, str], dict[str, list[str]]]:
    """(redirect pages by path, hidden moved-anchor links by generated page) for the redirects."""
    resolve = resolver(content, live_pages)
    md_of = {routes.url(p): p for p in pages}
    gone: dict[str, dict[str, str]] = {}
    moved: dict[str, list[str]] = {}
    for origin, target in sorted(table(content).items()):
        final = resolve(target)
        page, anchor = split(origin)
        if final is None or origin in md_of or not page.endswith("/"):
            continue  # reported by the check
        if page in md_of:
            moved.setdefault(md_of[page], []).append(_moved_link(md_of[page], anchor, final, md_of))
        else:
            gone.setdefault(page, {})[anchor] = final
    return {page.lstrip("/") + "index.html": redirect_page(page, moves) for page, moves in gone.items()}, moved


def _moved_link(from_md: str, anchor: str, final: str, md_of: dict) -> str:
    page, target_anchor = split(final)
    target = routes.link(from_md, md_of[page], target_anchor) if page in md_of else relative(routes.url(from_md), final)
    return f'[{text(anchor)}]({target}){{ data-moved-from="{anchor}" }}'


def moved_block(links: list[str]) -> str:
    """The hidden links that carry a page's retired anchors on to where they went."""
    return '<div class="moved-anchors" hidden markdown="1">\n' + "\n".join(links) + "\n</div>\n"


def relative(from_page: str, to_address: str) -> str:
    """A relative URL from one page address to another address: works under any site root."""
    to_page, anchor = split(to_address)
    rel = posixpath.relpath(to_page, from_page)
    rel = "./" if rel == "." else rel + ("/" if to_page.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


def redirect_page(page: str, moves: dict[str, str]) -> str:
    """A page that sends a retired address on, keeping or translating its #anchor."""
    default = relative(page, moves.get("", "/"))
    by_anchor = {anchor: relative(page, target) for anchor, target in sorted(moves.items()) if anchor}
    shown = escape(default)
    return (
        '<!doctype html>\n<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<title>This page has moved</title>\n<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="refresh" content="0; url={shown}">\n<link rel="canonical" href="{shown}">\n'
        "<script>\n(function () {\n"
        f"  var moved = {json.dumps(by_anchor)};\n"
        "  var id = decodeURIComponent(window.location.hash.slice(1));\n"
        f"  window.location.replace(moved[id] || ({json.dumps(default)} + window.location.hash));\n"
        "})();\n</script>\n</head>\n<body>\n"
        f'<p>This page has moved to <a href="{shown}">{shown}</a>.</p>\n</body>\n</html>\n'
    )
