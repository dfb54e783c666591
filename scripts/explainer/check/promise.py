"""The promise of lasting links: every published address and anchor.

What the site publishes comes from the routing table (model/routes.py) and,
for hand-written pages, from the ids their authors wrote. The committed
`urls.json` is the promise; `compare` says which promised addresses are gone
without a redirect, and which published ones are not yet promised. Pure:
JSON text in and out, the caller reads and writes the file.
"""

from __future__ import annotations

import json
import re

from ..model import routes
from ..model.content import Content
from ..model.problems import Problem

MANIFEST = "urls.json"
ID_ATTRIBUTE = re.compile(r"""<[a-zA-Z][^<>]*?\sid=["']([^"'<>]+)["']""")
ID_IN_ATTR_LIST = re.compile(r"\{:?[ \t]*(?:[^{}\n]*?[ \t])?#([A-Za-z][\w:.-]*)[^{}\n]*\}")
HEADER = (
    "The promise of lasting links: every address and anchor ever published. Remove nothing: "
    "declare a redirect in content/redirects/ instead. `make manifest` adds new ones."
)

Pages = dict[str, list[str]]


def published(content: Content, handwritten: dict[str, str | bytes]) -> Pages:
    """Every address the site publishes, with its anchors: generated pages and data from the
    routing table, hand-written pages with the ids written in them."""
    pages = routes.published(content)
    for path, body in handwritten.items():
        if path.endswith(".md") and isinstance(body, str):
            pages[routes.url(path)] = anchors_in(body)
    return dict(sorted(pages.items()))


def anchors_in(markdown: str) -> list[str]:
    """The ids an author wrote into a hand-written page (HTML id attributes and { #id } lists)."""
    return sorted(set(ID_ATTRIBUTE.findall(markdown)) | set(ID_IN_ATTR_LIST.findall(markdown)))


def addresses(pages: Pages) -> set[str]:
    """Pages and anchors as flat addresses: '/timeline/' and '/timeline/#some-event-id'."""
    return {url for url in pages} | {f"{url}#{anchor}" for url, anchors in pages.items() for anchor in anchors}


def dumps(pages: Pages) -> str:
    """The manifest file: stable order, one anchor a line, so a diff shows each change."""
    return (
        json.dumps(
            {"about": HEADER, "pages": {u: sorted(set(a)) for u, a in sorted(pages.items())}},
            indent=2,
            ensure_ascii=False,
        )
        + "\n"
    )


def loads(text: str) -> Pages:
    return json.loads(text)["pages"]


def broken(text: str) -> list[Problem]:
    """Why urls.json cannot be read as a promise (it is committed, so a hand edit can break it)."""
    fix = f"restore it (git checkout {MANIFEST}), then run `make manifest`"
    try:
        data = json.loads(text)
    except json.JSONDecodeError as err:
        return [Problem(MANIFEST, err.lineno, err.colno, f"not valid JSON: {err.msg}", fix)]
    pages = data.get("pages") if isinstance(data, dict) else None
    if not isinstance(pages, dict) or not all(
        isinstance(anchors, list) and all(isinstance(a, str) for a in anchors) for anchors in pages.values()
    ):
        return [Problem(MANIFEST, 1, 1, 'has no "pages" mapping each address to a list of anchors', fix)]
    return []


def merged(promised: Pages, now: Pages) -> Pages:
    """The promise grows with what is published now; nothing leaves it."""
    out = {url: set(anchors) for url, anchors in promised.items()}
    for url, anchors in now.items():
        out.setdefault(url, set()).update(anchors)
    return {url: sorted(anchors) for url, anchors in sorted(out.items())}


def compare(promised_text: str, now: Pages, resolve, unpromised: bool = True) -> list[Problem]:
    """Promised addresses that are gone without a working redirect, and (with `unpromised`) published
    ones not yet promised: `make manifest --check` asks for both, `make check` for the first alone, as a
    new record is promised by `make manifest` once it is ready.

    `resolve(address)` gives the published address a retired one leads to, or None.
    """
    promised = loads(promised_text)
    live = addresses(now)
    problems = []
    for address in sorted(addresses(promised) - live):
        if resolve(address) is None:
            problems.append(
                Problem(
                    MANIFEST,
                    _line_of(promised_text, address),
                    1,
                    f"{address} was published and is gone without a redirect",
                    "restore the id, or add content/redirects/<old-id>.yml with from: and to: "
                    "(see templates/redirect.yml)",
                )
            )
    for address in sorted(live - addresses(promised)) if unpromised else ():
        problems.append(
            Problem(
                MANIFEST,
                1,
                1,
                f"{address} is published but not yet promised in {MANIFEST}",
                f"run `make manifest` and commit {MANIFEST}",
            )
        )
    return problems


def _line_of(text: str, address: str) -> int:
    """The line of urls.json holding a promised address (its anchor, or its page)."""
    page, _, anchor = address.partition("#")
    lines = text.splitlines()
    start = next((i for i, line in enumerate(lines) if line.strip().startswith(json.dumps(page) + ":")), 0)
    if not anchor:
        return start + 1
    for i in range(start, len(lines)):
        if lines[i].strip().rstrip(",") == json.dumps(anchor):
            return i + 1
        if i > start and lines[i].strip().startswith("]"):
            break
    return start + 1
