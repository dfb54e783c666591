"""When each page was last updated: the last commit touching the files it is made from.

Pure: the content, the pages and each file's last commit date in (cli/history.py
reads those from git), a date per page out; render/page.py writes it into the
page's front matter and docs/overrides/main.html prints it. A page made from
one record file dates from that file; a list page from the files of its kind;
a page that gathers from everywhere (the home page, the indexes, open data)
from the newest content.
"""

from __future__ import annotations

from ..model import routes
from ..model.content import Content
from ..model.records import Lesson, Position

CONTENT = "content/"  # stands for every file under content/
HANDWRITTEN = "docs/pages/"


def inputs(content: Content, pages: list[str], handwritten: set[str]) -> dict[str, set[str]]:
    """Each page's input files (repository paths), or {CONTENT} for a page drawn from everything."""
    found = {page: {CONTENT} for page in pages if page.endswith(".md")}
    found.update({page: {HANDWRITTEN + page} for page in handwritten if page in found})
    lists: dict[str, tuple] = {
        routes.TIMELINE: content.events,
        routes.POSITIONS: content.positions,
        routes.QUOTES: content.quotes,
        routes.GLOSSARY: content.terms,
        routes.LESSONS: content.lessons,
    }
    for page, records in lists.items():
        found[page] = {content.path_of(r.id) for r in records} or {CONTENT}
    for explainer in content.explainers:
        found[routes.explainer_page(explainer.id)] = {content.path_of(explainer.id)}
    for source in content.sources:
        notes = {content.path_of(note.id) for note in content.notes_on_source(source.id)}
        found[routes.source_page(source.id)] = {content.path_of(source.id), _text_path(source.id)} | notes
    for lesson in content.lessons:
        both = {content.path_of(lesson.id)} | _lesson_inputs(content, lesson)
        found[routes.handout_page(lesson.id)] = found[routes.key_page(lesson.id)] = both
    return {page: paths for page, paths in found.items() if page in pages or page in handwritten}


def _text_path(source_id: str) -> str:
    return f"{CONTENT}sources/{source_id}.txt"


def _lesson_inputs(content: Content, lesson: Lesson) -> set[str]:
    """A lesson prints its readings and key terms, and the sources they cite."""
    targets = [content.named(ref) for ref in lesson.readings]
    records = [t.record for t in targets] + [content.term(t) for t in lesson.key_terms]
    statements = [q.answer for q in lesson.questions] + [content.term(t).statement for t in lesson.key_terms]
    for target in targets:
        if isinstance(target.record, Position):
            statements += [side.statement for side in target.record.sides if side.statement]
        elif target.statement is not None:
            statements.append(target.statement)
    cited = {c.source for s in statements for c in s.citations}
    return (
        {content.path_of(r.id) for r in records} | {content.path_of(s) for s in cited} | {_text_path(s) for s in cited}
    )


def date_of(paths: set[str], last_changed: dict[str, str]) -> str | None:
    """The newest date of the paths' last commits (CONTENT: of any content file)."""
    dates = [last_changed[p] for p in paths if p in last_changed]
    if CONTENT in paths:  # a page drawn from everything: the newest content file's date
        dates += [d for f, d in last_changed.items() if f.startswith(CONTENT)]
    return max(dates, default=None)


def dates(page_inputs: dict[str, set[str]], last_changed: dict[str, str]) -> dict[str, str]:
    """The date each page was last updated, for the pages whose inputs have a history."""
    found = {page: date_of(paths, last_changed) for page, paths in page_inputs.items()}
    return {page: date for page, date in found.items() if date}
