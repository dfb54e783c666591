"""Redirects declared in content/redirects/: retired addresses that still lead somewhere.

A static host has no server-side redirects, so `apply` adds to the generated
tree what any host can serve: a small HTML page at each retired page address
(it keeps the #anchor), and, on each page that still exists, a hidden link
per retired anchor, which moved-anchors.js follows and MkDocs' strict build
checks. `problems` says which redirects cannot work; `resolver` follows
chains for the promise check in `manifest`.
"""

from __future__ import annotations

import json
import posixpath

from .routes import page_url
from ..model.content import Content
from .manifest import addresses, published_in
from .markup import escape, link, text
from ..model.problems import Problem, shown

MAX_HOPS = 10


def _split(address: str) -> tuple[str, str]:
    page, _, anchor = address.partition("#")
    return page, anchor


def _table(content: Content) -> dict[str, str]:
    return {r.data["from"]: r.data["to"] for r in content.of("redirect") if r.data.get("from") and r.data.get("to")}


def resolver(content: Content, tree: dict):
    """A function: retired address → the published address it leads to, or None."""
    table, live = _table(content), addresses(published_in(tree))

    def resolve(address: str, hops: int = 0) -> str | None:
        if address in live:
            return address
        if hops > MAX_HOPS:
            return None
        page, anchor = _split(address)
        if address in table:
            return resolve(table[address], hops + 1)
        if anchor and page in table:  # the page moved: its anchors move with it, unless it names one
            target_page, target_anchor = _split(table[page])
            return resolve(f"{target_page}#{target_anchor or anchor}", hops + 1)
        return None

    return resolve


def problems(content: Content, tree: dict) -> list[Problem]:
    """Redirects that cannot work: from an address still published, to one that is not, or twice from one."""
    if not content.of("redirect"):
        return []
    live = addresses(published_in(tree))
    resolve = resolver(content, tree)
    found, seen = [], {}
    for record in content.of("redirect"):
        origin, target = record.data.get("from"), record.data.get("to")
        if origin in seen:
            line, col = record.at("from")
            found.append(Problem(record.path, line, col, f"from {shown(origin)} is already redirected in {seen[origin]}",
                                 "keep one redirect per retired address"))
        elif origin in live:
            line, col = record.at("from")
            found.append(Problem(record.path, line, col, f"from {shown(origin)} is still published",
                                 "a redirect is for an address that is gone; remove it or correct the address"))
        elif origin and "." in _split(origin)[0]:  # /sitemap.xml/ or /404.html/ would turn a built file into a folder
            line, col = record.at("from")
            found.append(Problem(record.path, line, col, f"from {shown(origin)} names a file the build writes",
                                 "pages on this site are folders without dots; give the retired page's address"))
        elif target and resolve(target) is None:
            line, col = record.at("to")
            found.append(Problem(record.path, line, col, f"to {shown(target)} is not published",
                                 "point it at a published address; copy it from the site's # link"))
        if origin:
            seen.setdefault(origin, record.path)
    return found


def apply(content: Content, tree: dict) -> dict:
    """The tree with what makes each redirect work on a static host."""
    if not _table(content):
        return tree
    resolve = resolver(content, tree)
    md_of = {page_url(p): p for p in tree if p.endswith(".md")}
    out = dict(tree)
    gone: dict[str, dict[str, str]] = {}
    for origin, target in sorted(_table(content).items()):
        final = resolve(target)
        page, anchor = _split(origin)
        if final is None or origin in md_of or not page.endswith("/"):
            continue  # reported by `problems`
        if page in md_of:
            out[md_of[page]] = _with_moved_anchor(out[md_of[page]], md_of[page], anchor, final, md_of)
        else:
            gone.setdefault(page, {})[anchor] = final
    for page, moves in gone.items():
        out[page.lstrip("/") + "index.html"] = redirect_page(page, moves)
    return out


def _with_moved_anchor(body: str, from_md: str, anchor: str, final: str, md_of: dict) -> str:
    page, target_anchor = _split(final)
    target = link(from_md, md_of[page], target_anchor) if page in md_of else relative(page_url(from_md), final)
    return (body.rstrip("\n") + f'\n\n<div class="moved-anchors" hidden markdown="1">\n'
            f'[{text(anchor)}]({target}){{ data-moved-from="{anchor}" }}\n</div>\n')


def relative(from_page: str, to_address: str) -> str:
    """A relative URL from one page address to another address: works under any site root."""
    to_page, anchor = _split(to_address)
    rel = posixpath.relpath(to_page, from_page)
    rel = "./" if rel == "." else rel + ("/" if to_page.endswith("/") else "")
    return rel + (f"#{anchor}" if anchor else "")


def redirect_page(page: str, moves: dict[str, str]) -> str:
    """A page that sends a retired address on, keeping or translating its #anchor."""
    default = relative(page, moves.get("", "/"))
    by_anchor = {anchor: relative(page, target) for anchor, target in sorted(moves.items()) if anchor}
    shown = escape(default)
    return ("<!doctype html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
            "<title>This page has moved</title>\n<meta name=\"robots\" content=\"noindex\">\n"
            f'<meta http-equiv="refresh" content="0; url={shown}">\n<link rel="canonical" href="{shown}">\n'
            "<script>\n(function () {\n"
            f"  var moved = {json.dumps(by_anchor)};\n"
            "  var id = decodeURIComponent(window.location.hash.slice(1));\n"
            f"  window.location.replace(moved[id] || ({json.dumps(default)} + window.location.hash));\n"
            "})();\n</script>\n</head>\n<body>\n"
            f'<p>This page has moved to <a href="{shown}">{shown}</a>.</p>\n</body>\n</html>\n')
