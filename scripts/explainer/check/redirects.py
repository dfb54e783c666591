"""Redirects declared in content/redirects/: which cannot work, and where each leads.

Checked against what the site publishes (the routing table), before anything
is rendered, so `make check` and `make site` give the same verdict.
"""

from __future__ import annotations

from ..model.content import Content
from ..model.problems import Problem, shown
from .promise import Pages, addresses

MAX_HOPS = 10


def split(address: str) -> tuple[str, str]:
    page, _, anchor = address.partition("#")
    return page, anchor


def table(content: Content) -> dict[str, str]:
    return {r.origin: r.target for r in content.redirects}


def resolver(content: Content, live_pages: Pages):
    """A function: retired address → the published address it leads to, or None."""
    moves, live = table(content), addresses(live_pages)

    def resolve(address: str, hops: int = 0) -> str | None:
        if address in live:
            return address
        if hops > MAX_HOPS:
            return None
        page, anchor = split(address)
        if address in moves:
            return resolve(moves[address], hops + 1)
        if anchor and page in moves:  # the page moved: its anchors move with it, unless it names one
            target_page, target_anchor = split(moves[page])
            return resolve(f"{target_page}#{target_anchor or anchor}", hops + 1)
        return None

    return resolve


def problems(content: Content, live_pages: Pages, at) -> list[Problem]:
    """Redirects that cannot work: from an address still published, to one that is not, or twice
    from one. `at(redirect_id, field)` gives a field's (path, line, column)."""
    live = addresses(live_pages)
    resolve = resolver(content, live_pages)
    found: list[Problem] = []
    seen: dict[str, str] = {}

    def problem(redirect_id: str, field: str, message: str, fix: str) -> Problem:
        path, line, column = at(redirect_id, field)
        return Problem(path, line, column, message, fix)

    for redirect in content.redirects:
        origin, target = redirect.origin, redirect.target
        if origin in seen:
            found.append(
                problem(
                    redirect.id,
                    "from",
                    f"from {shown(origin)} is already redirected in {seen[origin]}",
                    "keep one redirect per retired address",
                )
            )
        elif origin in live:
            found.append(
                problem(
                    redirect.id,
                    "from",
                    f"from {shown(origin)} is still published",
                    "a redirect is for an address that is gone; remove it or correct the address",
                )
            )
        elif "." in split(origin)[0]:  # /sitemap.xml/ or /404.html/ would turn a built file into a folder
            found.append(
                problem(
                    redirect.id,
                    "from",
                    f"from {shown(origin)} names a file the build writes",
                    "pages on this site are folders without dots; give the retired page's address",
                )
            )
        elif resolve(target) is None:
            found.append(
                problem(
                    redirect.id,
                    "to",
                    f"to {shown(target)} is not published",
                    "point it at a published address; copy it from the site's # link",
                )
            )
        seen.setdefault(origin, at(redirect.id, "from")[0])
    return found
