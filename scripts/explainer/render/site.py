"""The whole generated tree: checked content → {relative path: file text}.

Pure: the caller reads the content and the hand-written pages, and writes
the result.
"""

from __future__ import annotations

from dataclasses import replace

from ..check import promise
from ..model import routes
from ..model.content import Content
from . import data, lessons, meta, moodle, pages, redirects, sourcepage
from .page import Page, markdown


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


def generate(content: Content, handwritten: dict[str, str | bytes] | None = None,
             site_url: str = "") -> dict[str, str | bytes]:
    """Every generated file, keyed by its path inside the generated docs folder.

    `site_url` (mkdocs.yml's) makes the addresses printed on handouts absolute.
    """
    files: dict[str, str | bytes] = dict(handwritten or {})
    generated = pages_of(content, site_url)
    generated[routes.DATA], data_files = data.files(content)
    live = promise.published(content, files)
    redirect_pages, moved = redirects.plan(content, live, [*generated, *(p for p in files if p.endswith(".md"))])
    for path, page in generated.items():
        files[path] = markdown(replace(page, after=(redirects.moved_block(moved[path]),) if path in moved else ()))
    for path in set(moved) - set(generated):  # a hand-written page that lost an anchor
        files[path] = str(files[path]).rstrip("\n") + "\n\n" + redirects.moved_block(moved[path])
    files.update(data_files)
    files.update(moodle.files(content, site_url))
    files.update(redirect_pages)
    files[promise.MANIFEST] = promise.dumps(live)  # what this build publishes
    return dict(sorted(files.items()))
