"""The routing table: where every page, record and statement is published.

One authority for addresses and anchors. Pages, footnotes, open data, the
manifest of lasting links, redirects and the checks of ids all ask here;
nothing reads an address back out of rendered text. Pages are generated
Markdown paths (`timeline.md`); the site is built with directory URLs, so
`timeline.md` is published at `/timeline/`.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass

from .content import Content
from .records import Statement

HOME = "index.md"
EXPLAINERS = "explainers/index.md"
TIMELINE = "timeline.md"
POSITIONS = "positions.md"
QUOTES = "quotes.md"
GLOSSARY = "glossary.md"
SOURCES = "sources/index.md"
LESSONS = "lessons/index.md"
DATA = "data/index.md"
CORRECTIONS = "corrections.md"
# The pages a site file may link or label by name.
PAGE_BY_KEY = {
    "explainers": EXPLAINERS,
    "timeline": TIMELINE,
    "positions": POSITIONS,
    "quotes": QUOTES,
    "glossary": GLOSSARY,
    "sources": SOURCES,
    "lessons": LESSONS,
    "data": DATA,
}
DATASETS = ("timeline", "quotes", "claims")

# Anchors the pages give their own parts. A record id equal to one would put two elements
# with one id on a page, so the checker reserves them (and their patterns).
FULL_TEXT, ABOUT_TEXT = "full-text", "about-this-text"  # a source page: the article first, then about it
SOURCE_PARTS = ("coverage", "editors-notes", FULL_TEXT, ABOUT_TEXT)
LESSON_PARTS = ("objectives", "key-terms", "readings", "passages", "discussion", "questions")
OFFLINE_PART = "offline"  # the "For teachers" page's offer of the whole site as a ZIP
RESERVED_PATTERN = r"^(?:p\d+|span-\d+-\d+|passage-\d+|era-.*|kind-.*|part-.*|parts)$"
RESERVED = SOURCE_PARTS + LESSON_PARTS + (OFFLINE_PART,)


def explainer_page(explainer_id: str) -> str:
    return f"explainers/{explainer_id}.md"


def source_page(source_id: str) -> str:
    return f"sources/{source_id}.md"


def handout_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}.md"


def key_page(lesson_id: str) -> str:
    return f"lessons/{lesson_id}/answers.md"


def export_page(lesson_id: str) -> str:
    """A lesson's questions for a learning platform (Moodle XML), beside its handout."""
    return f"lessons/{lesson_id}.moodle.xml"


OFFLINE_ZIP = "lessons/offline-site.zip"  # the whole site for use without internet, beside "For teachers"


def span_id(start: int, end: int) -> str:
    return f"span-{start}-{end}"


def paragraph_id(line: int) -> str:
    return f"p{line}"


def era_anchor(era_id: str) -> str:
    return f"era-{era_id}"


def side_anchor(position_id: str, party_id: str) -> str:
    return f"{position_id}-{party_id}"


def statement_anchor(record_id: str, where: tuple, own_id: str | None) -> str:
    """The id a statement is published under: its own id (a claim, a question), its
    position side's, or its record's."""
    if own_id and where:
        return own_id
    if len(where) == 2 and where[0] == "sides":
        return side_anchor(record_id, where[1])
    return record_id


# --- Addresses ------------------------------------------------------------------------------


def url(page: str) -> str:
    """A page's address from the site root: 'explainers/some-page.md' → '/explainers/some-page/'."""
    if not page.endswith(".md"):
        return "/" + page  # a data file keeps its name
    stem = page[: -len(".md")]
    if stem == "index":
        return "/"
    if stem.endswith("/index"):
        stem = stem[: -len("/index")]
    return f"/{stem}/"


def site_relative(page: str, anchor: str = "") -> str:
    """A page's address relative to the site root (no leading slash), as open data gives it."""
    path = url(page)[1:]
    return f"{path}#{anchor}" if anchor else path


def relative_url(from_page: str, to_page: str, anchor: str = "") -> str:
    """The address of `to_page` as a link from `from_page`, for HTML and JSON-LD (directory URLs)."""
    return "../" * (url(from_page).count("/") - 1) + site_relative(to_page, anchor)


def absolute(site_url: str, path: str) -> str:
    """An address from the site root made absolute with the site's own address, when known."""
    return site_url.rstrip("/") + path if site_url else path


def link(from_page: str, to_page: str, anchor: str = "") -> str:
    """A relative Markdown link target from one generated page to another (or to itself)."""
    target = "" if to_page == from_page else _relpath(to_page, posixpath.dirname(from_page))
    return f"{target}#{anchor}" if anchor else target


def _relpath(path: str, start: str) -> str:
    """posixpath.relpath for paths inside the docs folder, without its os.getcwd() per call."""
    if path.startswith("/") or start.startswith("/") or ".." in path.split("/") + start.split("/"):
        return posixpath.relpath(path, start or ".")
    to = [part for part in path.split("/") if part not in ("", ".")]
    here = [part for part in start.split("/") if part not in ("", ".")]
    common = 0
    for a, b in zip(to, here, strict=False):  # the shared leading folders
        if a != b:
            break
        common += 1
    return "/".join([".."] * (len(here) - common) + to[common:]) or "."


# --- Where statements are published ---------------------------------------------------------


@dataclass(frozen=True)
class Place:
    page: str
    anchor: str


FIXED_PAGE = {"event": TIMELINE, "quote": QUOTES, "position": POSITIONS, "term": GLOSSARY}


def place_of(content: Content, statement: Statement) -> Place | None:
    """The page and anchor a statement is published at (an answer key: the teacher's edition)."""
    if statement.kind == "explainer":
        return Place(explainer_page(statement.record), statement.anchor)
    if statement.kind in FIXED_PAGE:
        return Place(FIXED_PAGE[statement.kind], statement.anchor)
    if statement.kind == "note":
        return Place(source_page(content.note(statement.record).source), statement.anchor)
    if statement.kind == "lesson":
        return Place(key_page(statement.record), statement.anchor)
    return None


# --- Everything the site publishes ----------------------------------------------------------


def published(content: Content) -> dict[str, list[str]]:
    """Every generated page's address, and every data file's, with the anchors it carries."""
    anchors: dict[str, list[str]] = {page: [] for page in (HOME, EXPLAINERS, SOURCES, CORRECTIONS)}
    for explainer in content.explainers:
        anchors[explainer_page(explainer.id)] = [
            a for s in explainer.sections for a in (s.id, *(c.id for c in s.claims))
        ]
    anchors[TIMELINE] = [era_anchor(e.id) for e in content.site.eras] + [e.id for e in content.events]
    anchors[POSITIONS] = [a for p in content.positions for a in (p.id, *(side_anchor(p.id, s.party) for s in p.sides))]
    anchors[QUOTES] = [q.id for q in content.quotes]
    anchors[GLOSSARY] = [t.id for t in content.terms]
    for source in content.sources:
        anchors[source_page(source.id)] = source_anchors(content, source.id)
    anchors[LESSONS] = [*(lesson.id for lesson in content.lessons), OFFLINE_PART]
    for lesson in content.lessons:
        parts = [*LESSON_PARTS, *(q.id for q in lesson.questions)]
        anchors[handout_page(lesson.id)] = parts
        anchors[key_page(lesson.id)] = list(parts)
        anchors[export_page(lesson.id)] = []
    anchors[DATA] = list(DATASETS)
    for name in DATASETS:
        anchors[f"data/{name}.json"] = []
        anchors[f"data/{name}.csv"] = []
    return {url(page): sorted(set(found)) for page, found in anchors.items()}


def source_anchors(content: Content, source_id: str) -> list[str]:
    """A source page's parts, its editor's notes and one anchor per paragraph (line) of text."""
    notes = [note.id for note in content.notes_on_source(source_id)]
    parts = ["coverage", FULL_TEXT, ABOUT_TEXT] + (["editors-notes"] if notes else [])
    text = content.source(source_id).text
    lines = [paragraph_id(n) for n, line in enumerate(text.split("\n"), 1) if line.strip()]
    return parts + notes + lines
