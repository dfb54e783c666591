"""The whole generated tree: checked content → {relative path: file text}.

Pure: the caller reads the content and the hand-written pages, and writes
the result.
"""

from __future__ import annotations

from . import corrections, data, lessonpages, manifest, meta, pages, redirects, sourcepage, updated
from .content import Content, Statement
from .markup import front_matter, link, text
from .render import source_page
from .sourcepage import Citer


def where_published(content: Content):
    """A function telling, for a statement, the page and anchor it is published at."""
    explainer_titles = {r.id: r.data["title"] for r in content.of("explainer")}

    def locate(statement: Statement) -> Citer | None:
        record = statement.owner
        if record.kind == "explainer":
            return Citer(f"explainers/{record.id}.md", statement.anchor,
                         f"{explainer_titles[record.id]} {_opening(statement.text)}")
        fixed = {"event": ("timeline.md", "Timeline"), "quote": ("quotes.md", "Quotes"),
                 "position": ("positions.md", "Positions"), "term": ("glossary.md", "Glossary")}
        if record.kind in fixed:
            page, label = fixed[record.kind]
            side = {"russia": " (Russia)", "united_states": " (United States)"}.get(statement.where[:1] and
                                                                                 statement.where[0], "")
            words = f" {_opening(record.data['words'], 6)}" if record.kind == "quote" else ""
            return Citer(page, statement.anchor, f"{label}: {_short(record)}{side}{words}")
        if record.kind == "note":
            return Citer(source_page(record.data["source"]), statement.anchor, f"Editor's note: {record.data['title']}")
        if record.kind == "lesson":  # an answer key: published in the teacher's edition
            return Citer(lessonpages.key_page(record.id), statement.anchor, f"Lesson: {record.data['title']} {_opening(statement.text)}")
        return None

    return locate


def _opening(sentence: str, words: int = 7) -> str:
    """The first words of a claim, so links to several claims of one page differ."""
    parts = sentence.split()
    return "(\u201c" + " ".join(parts[:words]) + (" \u2026" if len(parts) > words else "") + "\u201d)"


def _short(record) -> str:
    data = record.data
    return data.get("title") or data.get("topic") or data.get("term") or data.get("speaker") or record.id


def sources_index(content: Content) -> str:
    page = "sources/index.md"
    rows = [f"- [{text(r.data['title'])}]({link(page, source_page(r.id))}), {text(r.data['publisher'])}"
            for r in content.of("source")]
    return (front_matter(title="Sources", description="The source texts every sentence on this site is cited to.")
            + "# Sources\n\nEvery sentence on this site cites one of these texts, word for word.\n\n"
            + "\n".join(rows) + "\n")


def corrections_page(content: Content, locate, history) -> str:
    """Corrections from the history; without one (no git, or a caller that read none), says so."""
    places = {}
    for statement in content.statements:
        citer = locate(statement)
        if citer:
            places[statement.anchor] = (citer.page, citer.anchor, citer.label)
    if history is None or history.commits is None:
        note = history.note if history is not None else "This build read no history, so no corrections are listed."
        return corrections.page(None, places.get, note)
    return corrections.page(corrections.corrections(history.commits), places.get, history.note)


def generate(content: Content, handwritten: dict[str, str] | None = None, site_url: str = "",
             history=None) -> dict[str, str]:
    """Every generated file, keyed by its path inside the generated docs folder.

    `site_url` (mkdocs.yml's) makes the addresses printed on handouts absolute. `history`
    (history.History, read from git by the caller) dates corrections and page updates.
    """
    locate = where_published(content)
    files = dict(handwritten or {})
    files["index.md"] = pages.home(content)
    files["explainers/index.md"] = pages.explainer_index(content)
    for record in content.of("explainer"):
        files[f"explainers/{record.id}.md"] = pages.explainer(content, record)
    files["timeline.md"] = pages.timeline(content)
    files["positions.md"] = pages.positions(content)
    files["quotes.md"] = pages.quotes(content)
    files["glossary.md"] = pages.glossary(content)
    files["sources/index.md"] = sources_index(content)
    for record in content.of("source"):
        if record.id in content.sources:
            files[source_page(record.id)] = sourcepage.render(content, record, locate)
    files.update(lessonpages.pages(content, locate, site_url))
    files.update(data.files(content, locate))
    files[corrections.PAGE] = corrections_page(content, locate, history)
    if history is not None:
        written = {page for page in (handwritten or {}) if page.endswith(".md")}
        files = updated.stamp(files, updated.inputs(content, list(files), written), history.last_changed)
    files = redirects.apply(content, meta.annotate(content, files))
    files[manifest.MANIFEST] = manifest.dumps(manifest.published(files))  # what this build publishes
    return dict(sorted(files.items()))
