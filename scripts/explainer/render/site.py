"""The whole generated tree: checked content → {relative path: file text}.

Pure: the caller reads the content and the hand-written pages, and writes
the result.
"""

from __future__ import annotations

from dataclasses import replace

from ..check import promise
from ..model import routes
from ..model.content import Content
from . import corrections, data, lessons, meta, moodle, pages, redirects, sourcepage, updated
from .page import Page, markdown, with_updated


def pages_of(content: Content, site_url: str = "") -> dict[str, Page]:
    """Every generated page, keyed by its path in the generated tree."""
    out = {routes.HOME: pages.home(content), routes.EXPLAINERS: pages.explainer_index(content)}
    for record in content.explainers:
        out[routes.explainer_page(record.id)] = pages.explainer(content, record)
    out[routes.TIMELINE] = pages.timeline(content)
    out[routes.POSITIONS] = pages.positions(content)
    out[routes.QUOTES] = replace(pages.quotes(content), jsonld=meta.quotes_jsonld(content))
    out[routes.GLOSSARY] = pages.glossary(content)
    out[routes.SOURCES] = pages.sources_index(content)
    for source in content.sources:
        out[routes.source_page(source.id)] = sourcepage.render(content, source)
    out.update(lessons.pages(content, site_url))
    return out


def corrections_page(content: Content, history) -> Page:
    """Corrections from the history; without one (no git, or a caller that read none), says so."""
    places = {}
    for statement in content.statements:
        if place := routes.place_of(content, statement):
            places[statement.anchor] = (place.page, place.anchor, sourcepage.citer_label(content, statement))
    if history is None or history.commits is None:
        note = history.note if history is not None else "This build read no history, so no corrections are listed."
        return corrections.page(None, places.get, note)
    return corrections.page(corrections.corrections(history.commits), places.get, history.note)


def generate(
    content: Content, handwritten: dict[str, str | bytes] | None = None, site_url: str = "", history=None
) -> dict[str, str | bytes]:
    """Every generated file, keyed by its path inside the generated docs folder.

    `site_url` (mkdocs.yml's) makes the addresses printed on handouts absolute. `history`
    (cli/history.History, read from git by the caller) dates corrections and page updates.
    """
    files: dict[str, str | bytes] = dict(handwritten or {})
    generated = pages_of(content, site_url)
    generated[routes.DATA], data_files = data.files(content)
    generated[routes.CORRECTIONS] = corrections_page(content, history)
    stamps = _dates(content, generated, files, history)
    live = promise.published(content, files)
    redirect_pages, moved = redirects.plan(content, live, [*generated, *(p for p in files if p.endswith(".md"))])
    for path, page in generated.items():
        after = (redirects.moved_block(moved[path]),) if path in moved else ()
        files[path] = markdown(replace(page, after=after, updated=stamps.get(path)))
    for path in stamps.keys() - generated.keys():  # a hand-written page, dated by its own file
        files[path] = with_updated(str(files[path]), stamps[path])
    for path in set(moved) - set(generated):  # a hand-written page that lost an anchor
        files[path] = str(files[path]).rstrip("\n") + "\n\n" + redirects.moved_block(moved[path])
    files.update(data_files)
    files.update(moodle.files(content, site_url))
    files.update(redirect_pages)
    files[promise.MANIFEST] = promise.dumps(live)  # what this build publishes
    return dict(sorted(files.items()))


def _dates(content: Content, generated: dict[str, Page], handwritten: dict, history) -> dict[str, str]:
    """When each page was last updated, from the history (none without one)."""
    if history is None or not history.last_changed:  # no git, or nothing committed yet: no dates
        return {}
    written = {page for page in handwritten if page.endswith(".md")}
    return updated.dates(updated.inputs(content, [*generated, *written], written), history.last_changed)
