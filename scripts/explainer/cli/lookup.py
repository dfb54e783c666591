"""`make find Q=…`: from an id, or an address copied from the site, to the file and line.

A reader reports a claim by its `#` link; the editor needs the YAML that makes it. Every id in
the content (records, and the sections, claims and questions inside them) and every anchor
of a cited statement is indexed with its file and line. An address is looked up by its anchor,
else by the last of its path's segments that is an id (`/lessons/<id>/answers/`), and only
when the generated site publishes it, so a link that works on the site is the one found.
Pure: the checked records (with their lines) and the published addresses in, places out.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass
from urllib.parse import urlsplit

from ..check.checked import Checked

# The kind a nested id is reported as, by the list that holds it.
PART_KINDS = {"sections": "section", "claims": "claim", "questions": "question"}


@dataclass(frozen=True)
class Place:
    path: str
    line: int
    kind: str
    id: str

    def format(self) -> str:
        return f"{self.path}:{self.line}: {self.kind} {self.id}"


def index(content: Checked) -> dict[str, Place]:
    """Every id and statement anchor → where it is written (the first wins, as ids are unique)."""
    places: dict[str, Place] = {}
    for records in content.records.values():
        for record in records:
            if record.id:
                places.setdefault(record.id, Place(record.path, record.at("id")[0], record.kind, record.id))
            for where, part_id in _nested_ids(record.data):
                kind = PART_KINDS.get(str(where[-2]), str(where[-2])) if len(where) > 1 else record.kind
                places.setdefault(part_id, Place(record.path, record.at(*where, "id")[0], kind, part_id))
    for statement in content.statements:
        record, where = statement.owner, statement.where
        kind = "side" if where[:1] == ("sides",) else record.kind
        places.setdefault(statement.anchor, Place(record.path, record.at(*where)[0], kind, statement.anchor))
    return places


def _nested_ids(data, where=()):
    """(where, id) of every mapping below the record's top that has an `id`."""
    children = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in children:
        if isinstance(value, dict) and isinstance(value.get("id"), str):
            yield where + (key,), value["id"]
        if isinstance(value, (dict, list)):
            yield from _nested_ids(value, where + (key,))


def find(places: dict[str, Place], published: dict[str, list[str]], query: str, site_url: str = "") -> Place | str:
    """The place `query` (an id, or an address on the site) is written at, or why there is none."""
    query = query.strip()
    if "/" not in query and "#" not in query:
        return places.get(query) or f"no id {query!r} in content/; {_suggest(query, places)}"
    page, anchor = _address(query, site_url)
    if page not in published:
        return (
            f"{page} is not an address this site publishes; copy the address from the site's # link, "
            f"e.g. /timeline/#some-event-id"
        )
    if anchor and anchor not in published[page]:
        return f"{page}#{anchor} is not published; {_suggest(anchor, places)}"
    if anchor in places:
        return places[anchor]
    for segment in reversed(page.strip("/").split("/")):  # a page's own record, or the page a part is on
        if segment in places:
            return places[segment]
    if anchor:
        return (
            f"#{anchor} is a heading of {page}, a page made from many records; use the # link beside the one you mean"
        )
    return f"{page} is made from many records; add the #anchor of the one you mean (the # link beside it)"


def _address(query: str, site_url: str) -> tuple[str, str]:
    """'https://example.org/explainer/timeline/#x' → ('/timeline/', 'x'), for any of its spellings."""
    parts = urlsplit(query)
    path = parts.path if parts.scheme or parts.path.startswith("/") else "/" + parts.path
    prefix = urlsplit(site_url).path.rstrip("/")
    if prefix and (path + "/").startswith(prefix + "/"):
        path = path[len(prefix) :]
    if not path.endswith("/") and "." not in path.rsplit("/", 1)[-1]:
        path += "/"  # /timeline and /timeline/ are the same page; /data/claims.csv is a file
    return path or "/", parts.fragment


def _suggest(value: str, places: dict[str, Place]) -> str:
    close = difflib.get_close_matches(value, sorted(places), n=1)
    return f"did you mean {close[0]}?" if close else "copy the id from the site's # link, or from a content file"
