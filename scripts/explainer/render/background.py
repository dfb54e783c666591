"""The list of background references on the Sources page: every public reference the site's
background statements and background dates rest on, each with the statements that use it."""

from __future__ import annotations

from ..model import routes
from ..model.content import Content
from ..model.records import Reference
from ..model.routes import link
from .blocks import reference
from .markup import text


def used_references(content: Content) -> list[tuple[Reference, list[tuple[str, str]]]]:
    """Each distinct reference (by address and title), with (label, link target) of what uses it."""
    found: dict[tuple[str, str], tuple[Reference, dict[tuple[str, str], None]]] = {}

    def add(ref: Reference, label: str, page: str, anchor: str) -> None:
        # A dict keeps the users in order and each once, in constant time (a list scan was quadratic).
        found.setdefault((ref.url, ref.title), (ref, {}))[1][(label, page + "#" + anchor)] = None

    for statement in content.statements:
        place = routes.place_of(content, statement)
        if place is None:
            continue
        for ref in statement.references:
            add(ref, statement.anchor, place.page, place.anchor)
    for event in content.events:
        for ref in event.date_references:
            add(ref, f"{event.id} (date)", routes.TIMELINE, event.id)
    for quote in content.quotes:
        for ref in quote.date_references:
            add(ref, f"{quote.id} (date)", routes.QUOTES, quote.id)
    entries = [(ref, list(users)) for ref, users in found.values()]
    return sorted(entries, key=lambda entry: (entry[0].title.lower(), entry[0].url))


def section(content: Content, page: str) -> str:
    """The Sources page's list of background references; empty when there are none."""
    entries = used_references(content)
    if not entries:
        return ""
    items = []
    for ref, users in entries:
        uses = ", ".join(f"[{text(label)}]({_target(page, where)})" for label, where in users)
        items.append(f"- {reference(ref)}. Used by: {uses}")
    return (
        "## Background references\n\n"
        "Facts the source texts do not give are shown as background, in our own words, with these "
        "public references. They are not quoted and not checked word for word.\n\n" + "\n".join(items) + "\n"
    )


def _target(page: str, where: str) -> str:
    target_page, _, anchor = where.partition("#")
    return link(page, target_page, anchor)
