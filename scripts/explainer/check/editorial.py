"""Editorial text carries no facts of its own.

Each kind declares its editorial fields (model/kinds.py, `Kind.editorial`). Every
year, number, month or weekday name and proper name in one (see check/facts.py)
must stand in the pool of the page the text is shown on:
- a timeline event, quote card, position or glossary term: every record of its kind,
  since they share one page;
- a lesson: itself, the records and claims it sets as readings, and its key terms;
- the site file (home page, eras, page labels): all content;
- any other record (an explainer, a note): itself.
A record's pool is the source's words at each of its citations, and the texts,
reference titles and reference dates of its background statements and dates.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from typing import Any

from ..load.records import Record
from ..model.kinds import KINDS, text_key
from ..model.problems import Problem, shown
from .checked import Checked
from .facts import MONTHS, Pool, missing, pool_of

LIST_PAGE_KINDS = ("event", "quote", "position", "term")  # kinds whose records share one page
REFERENCE_LISTS = ("references", "date_references")
DATE = re.compile(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$")


def check_editorial(content: Checked) -> list[Problem]:
    """Every fact in an editorial field that its page's citations and references do not give."""
    pools = Pools(content)
    problems = []
    for kind, records in content.records.items():
        fields = KINDS[kind].editorial
        for record in records:
            for where, text, noun in editorial_texts(record.data, fields):
                scope = "on the site" if kind == "site" else "on this page"
                for fact in missing(text, pools.page(record)):
                    problems.append(
                        record.problem(
                            where,
                            f"{shown(fact)} in this {noun} is in no cited words or background reference {scope}",
                            "remove it, or cite or reference words that give it",
                        )
                    )
    return problems


def editorial_texts(data: dict, fields: dict[str, str]) -> Iterator[tuple[tuple, str, str]]:
    """(where, text, what it is called) for every editorial value of a record."""
    for path, noun in fields.items():
        for where, value in _values_at(data, path.split(".")):
            if isinstance(value, str) and value:
                yield where, value, noun


def _values_at(value, path: list[str], where: tuple = ()) -> Iterator[tuple[tuple, object]]:
    if not path:
        yield where, value
    elif path[0] == "*":
        items = value.items() if isinstance(value, dict) else enumerate(value) if isinstance(value, list) else ()
        for key, item in items:
            yield from _values_at(item, path[1:], (*where, key))
    elif isinstance(value, dict) and value.get(path[0]) is not None:
        yield from _values_at(value[path[0]], path[1:], (*where, path[0]))


class Pools:
    """The pool of each page, each built once."""

    def __init__(self, content: Checked):
        self.content = content
        self.names = _names(content)
        self._built: dict[tuple, Pool] = {}
        self._published: dict[str, tuple[Record, tuple]] | None = None

    def page(self, record: Record) -> Pool:
        if record.kind == "site":
            return self._pool(("site",), lambda: self._words(r for rs in self.content.records.values() for r in rs))
        if record.kind in LIST_PAGE_KINDS:
            return self._pool(("kind", record.kind), lambda: self._words(self.content.of(record.kind)))
        if record.kind == "lesson":
            return self._pool(("lesson", record.path), lambda: self._lesson_words(record))
        return self._pool(("record", record.path), lambda: self._words([record]))

    def _pool(self, key: tuple, texts) -> Pool:
        if key not in self._built:
            self._built[key] = pool_of(texts(), self.names)
        return self._built[key]

    def _words(self, records) -> Iterator[str]:
        for record in records:
            yield from page_words(self.content, record)

    def _lesson_words(self, lesson: Record) -> Iterator[str]:
        yield from page_words(self.content, lesson)
        for reading in lesson.data.get("readings") or []:
            if reading in self.published():
                yield from page_words(self.content, *self.published()[reading])
        for term in lesson.data.get("key_terms") or []:
            found = self.content.record("term", term)
            if found is not None:
                yield from page_words(self.content, found)

    def published(self) -> dict[str, tuple[Record, tuple]]:
        """Every id a reading may name → the record and where in it the id stands."""
        if self._published is None:
            self._published = {}
            for records in self.content.records.values():
                for record in records:
                    if record.kind != "site":
                        for ident, where in _ids(record.data):
                            self._published.setdefault(ident, (record, where))
        return self._published


def page_words(content: Checked, record: Record, where: tuple = ()) -> Iterator[str]:
    """The cited words and background texts of `record` (or of its part at `where`)."""
    yield from cited_words(content, record, where)
    part = _at(record.data, where)
    if part is not None:
        yield from background_words(part)


def cited_words(content: Checked, record: Record, where: tuple = ()) -> Iterator[str]:
    """The source's words at each citation of `record` (or of its part at `where`)."""
    for statement in content.statements_of(record):
        if statement.where[: len(where)] == where:
            for citation in statement.citations:
                source = content.sources.get(citation.source)
                anchor = citation.anchor
                yield source.text[anchor.start : anchor.end] if source and anchor else citation.quote


def background_words(data) -> Iterator[str]:
    """Texts of background statements, and the titles and dates of every reference, anywhere in `data`."""
    if isinstance(data, dict):
        if isinstance(data.get("references"), list) and isinstance(data.get(text_key(data)), str):
            yield data[text_key(data)]
        for key in REFERENCE_LISTS:
            references = data.get(key)
            for reference in references if isinstance(references, list) else []:
                if isinstance(reference, dict):
                    yield str(reference.get("title") or "")
                    yield date_words(str(reference.get("date") or ""))
        children = list(data.values())
    else:
        children = data if isinstance(data, list) else []
    for child in children:
        if isinstance(child, (dict, list)):
            yield from background_words(child)


def date_words(value: str) -> str:
    """A reference's date as a person writes it ("2019-08-18" → "18 August 2019"), so it gives those facts."""
    match = DATE.match(value)
    if not match:
        return ""
    year, month, day = match.groups()
    return " ".join(
        part for part in (str(int(day)) if day else "", MONTHS[int(month) - 1].title() if month else "", year) if part
    )


def _names(content: Checked) -> list[tuple[str, list[str]]]:
    """Names a page gives through another form: a party or speaker by an alias, a long name by its short form."""
    sites = content.of("site")
    data = sites[0].data if sites else {}
    named = []
    for party in data.get("parties") or []:
        for who in [party, *((party or {}).get("speakers") or [])]:
            if who and who.get("name"):
                named.append((who["name"], list(who.get("aliases") or [])))
    for pair in data.get("equivalences") or []:
        if pair and pair.get("long") and pair.get("short"):
            named += [(pair["long"], [pair["short"]]), (pair["short"], [pair["long"]])]
    return named


def _ids(data, where: tuple = ()) -> Iterator[tuple[str, tuple]]:
    """Every id in a record's data (its own, its sections', claims' and questions'), with where it stands."""
    if isinstance(data, dict) and isinstance(data.get("id"), str):
        yield data["id"], where
    items: Iterable[tuple[Any, Any]] = data.items() if isinstance(data, dict) else enumerate(data)
    for key, value in items:
        if isinstance(value, (dict, list)):
            yield from _ids(value, (*where, key))


def _at(data, where: tuple):
    for key in where:
        try:
            data = data[key]
        except (KeyError, IndexError, TypeError):
            return None
    return data
