"""When each page was last updated: the last commit touching the files it is made from.

Pure: the generated tree, the content and each file's last commit date in
(history.py reads those from git), pages with `updated` in their front
matter out; docs/overrides/main.html prints it. A page made from one record
file dates from that file; a list page from the files of its kind; a page
that gathers from everywhere (the home page, the indexes, open data) from
the newest content.
"""

from __future__ import annotations

from .content import Content
from .lessons import targets
from .markup import human_date
from .meta import with_front_matter
from .render import source_page

CONTENT = "content/"  # stands for every file under content/
HANDWRITTEN = "docs/pages/"
LISTS = {"timeline.md": "event", "positions.md": "position", "quotes.md": "quote", "glossary.md": "term",
         "lessons/index.md": "lesson"}


def inputs(content: Content, pages: list[str], handwritten: set[str]) -> dict[str, set[str]]:
    """Each page's input files (repository paths), or {CONTENT} for a page drawn from everything."""
    found = {page: {CONTENT} for page in pages if page.endswith(".md")}
    found.update({page: {HANDWRITTEN + page} for page in handwritten if page in found})
    for page, kind in LISTS.items():
        found[page] = {r.path for r in content.of(kind)} or {CONTENT}
    for record in content.of("explainer"):
        found[f"explainers/{record.id}.md"] = {record.path}
    for record in content.of("source"):
        notes = {n.path for n in content.of("note") if n.data.get("source") == record.id}
        found[source_page(record.id)] = {record.path, f"content/sources/{record.id}.txt"} | notes
    for lesson in content.of("lesson"):
        both = {lesson.path} | _lesson_inputs(content, lesson)
        found[f"lessons/{lesson.id}.md"] = found[f"lessons/{lesson.id}/answers.md"] = both
    return {page: paths for page, paths in found.items() if page in pages or page in handwritten}


def _lesson_inputs(content: Content, lesson) -> set[str]:
    """A lesson prints its readings and key terms, and the sources they cite."""
    index = targets(content)
    records = [index[ref].record for ref in lesson.data.get("readings") or [] if ref in index]
    records += [r for r in (content.record("term", t) for t in lesson.data.get("key_terms") or []) if r]
    statements = [s for r in records + [lesson] for s in content.statements_of(r)]
    cited = {c.source for s in statements for c in s.citations}
    return ({r.path for r in records} | {f"content/sources/{s}.yml" for s in cited}
            | {f"content/sources/{s}.txt" for s in cited})


def date_of(paths: set[str], last_changed: dict[str, str]) -> str | None:
    """The newest date of the paths' last commits (CONTENT: of any content file)."""
    dates = [d for p in paths for f, d in last_changed.items() if f == p or (p == CONTENT and f.startswith(CONTENT))]
    return max(dates, default=None)


def stamp(files: dict[str, str], page_inputs: dict[str, set[str]], last_changed: dict[str, str]) -> dict[str, str]:
    """Pages with `updated` (ISO date) and `updated_text` ('5 September 2019') in their front matter."""
    out = dict(files)
    for page, paths in page_inputs.items():
        date = date_of(paths, last_changed)
        if date and isinstance(out.get(page), str):
            body = out[page] if out[page].startswith("---\n") else "---\n---\n" + out[page]
            out[page] = with_front_matter(body, updated=date, updated_text=human_date(date))
    return out
