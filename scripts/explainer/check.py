"""Validation: content files → records and problems, then checks across files.

Each file is checked alone first (syntax, schema, id), then the whole set
(unique ids, references, source hashes, citations). Every problem found is
reported; nothing stops at the first.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

from . import cite, lessons, statements
from .content import Content
from .load import controls, decode, parse
from .model import KIND_BY_FOLDER, KINDS, Record
from .problems import Problem, in_order, shown
from .schema import SLUG, Context, slug_like
from .typos import check_typos

CONTENT = "content"


def kind_of(path: str) -> str | None:
    """The record kind a content path holds, from its folder."""
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == CONTENT and parts[1] in KIND_BY_FOLDER:
        return KIND_BY_FOLDER[parts[1]].name
    return None


def load_record(path: str, data: bytes) -> tuple[Record | None, list[Problem]]:
    """One YAML file → its record, checked against its kind's schema."""
    kind = kind_of(path)
    if kind is None:
        folders = ", ".join(f"{CONTENT}/{k.folder}/" for k in KINDS.values())
        return None, [Problem(path, 1, 1, "file is not in a content folder", f"move it into one of {folders}")]
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    node, problems = parse(text, path)
    if node is None:
        return None, problems
    ctx = Context(path, problems=problems)
    data = KINDS[kind].schema.convert(node, (), ctx)
    if data is None:
        return None, ctx.problems
    record = Record(kind, data.get("id") or "", path, data, ctx.positions)
    record.refs = ctx.refs
    problems = ctx.problems + _check_file_name(record)
    return record, problems


def _check_file_name(record: Record) -> list[Problem]:
    stem = posixpath.splitext(posixpath.basename(record.path))[0]
    if record.id and record.id != stem:
        line, col = record.at("id")
        fix = f"rename the file to {record.id}.yml" + (f" or set id: {stem}" if SLUG.match(stem) else "")
        return [Problem(record.path, line, col, f"id {shown(record.id)} does not match the file name {shown(stem)}", fix)]
    return []


def check_content(files: dict[str, bytes]) -> tuple[Content, list[Problem]]:
    """All content files (YAML records and source texts) → checked content and every problem."""
    problems: list[Problem] = []
    records: list[Record] = []
    texts: dict[str, bytes] = {}
    for path in sorted(files):
        if path.endswith(".txt") and kind_of(path) == "source":
            texts[posixpath.basename(path)[:-4]] = files[path]
        elif path.endswith((".yml", ".yaml")):
            record, found = load_record(path, files[path])
            problems += found
            if record is not None:
                records.append(record)
        else:
            problems.append(Problem(path, 1, 1, "file is neither a YAML record nor a source text",
                                    "content holds .yml records and content/sources/<id>.txt texts"))
    content = Content()
    for record in sorted(records, key=lambda r: (r.kind, r.id)):
        content.records.setdefault(record.kind, []).append(record)
    problems += _check_ids(records) + _check_page_names(records)
    problems += _check_sources(content, texts)
    problems += _check_refs(content, records)
    problems += lessons.check_readings(content) + lessons.check_note_targets(content)
    problems += statements.collect_statements(content)
    problems += statements.check_quotes(content)
    problems += statements.check_silent_sides(content)
    problems += statements.check_consistency(content)
    problems += statements.check_coverage(content)
    return content, in_order(problems)


def _ids_in(record: Record):
    """Every id a record publishes: its own and those of nested claims and sections."""
    yield record.id, ("id",)
    for s, section in enumerate(record.data.get("sections") or []):
        if section and section.get("id"):
            yield section["id"], ("sections", s, "id")
        for c, claim in enumerate((section or {}).get("claims") or []):
            if claim and claim.get("id"):
                yield claim["id"], ("sections", s, "claims", c, "id")
    for q, question in enumerate(record.data.get("questions") or []):
        if question and question.get("id"):
            yield question["id"], ("questions", q, "id")


# Anchors the pages give their own parts (sections, source paragraphs and spans, eras, the
# field reference): an id equal to one would put two elements with one id on a page.
RESERVED_ID = re.compile(r"^(?:coverage|readings|questions|parts|objectives|key-terms|full-text|editors-notes|"
                         r"discussion|p\d+|span-\d+-\d+|era-.*|kind-.*|part-.*)$")


def _published_ids(record: Record):
    """Every id a record publishes, with the anchors derived from it (position sides)."""
    yield from _ids_in(record)
    if record.kind == "position" and record.id:
        for side in ("russia", "united-states"):
            yield f"{record.id}-{side}", ("id",)


def _check_ids(records: list[Record]) -> list[Problem]:
    problems, first = [], {}
    for record in sorted(records, key=lambda r: r.path):
        for value, where in _published_ids(record):
            if not value:
                continue
            if RESERVED_ID.match(value):
                line, col = record.at(*where)
                problems.append(Problem(record.path, line, col, f"id {shown(value)} is reserved for a part of the page",
                                        "choose a more specific id, e.g. one starting with the topic"))
            elif value in first:
                line, col = record.at(*where)
                problems.append(Problem(record.path, line, col, f"id {shown(value)} is already used in {first[value]}",
                                        "ids are links: choose an id used nowhere else"))
            else:
                first[value] = record.path
    return problems


# Kinds whose records get a page of their own beside the kind's list page (folder/index.md).
OWN_PAGE = {"explainer", "source", "lesson"}


def _check_page_names(records: list[Record]) -> list[Problem]:
    """id: index would give a record the list page's address and silently replace that page."""
    problems = []
    for record in records:
        if record.kind in OWN_PAGE and record.id == "index":
            line, col = record.at("id")
            problems.append(Problem(record.path, line, col, f"id 'index' is the address of the {record.kind} list",
                                    "choose another id (and rename the file to match)"))
    return problems


def _check_sources(content: Content, texts: dict[str, bytes]) -> list[Problem]:
    problems = []
    for record in content.of("source"):
        published = record.data.get("published") or {}
        if published.get("basis") in ("stated", "inferred") and not published.get("date"):
            line, col = record.at("published")
            problems.append(Problem(record.path, line, col, "published has a basis but no date",
                                    "add 'date:' or set 'basis: unknown'"))
        data = texts.get(record.id)
        line, col = record.at("id")
        if data is None:
            problems.append(Problem(record.path, line, col, f"no text for source {shown(record.id)}",
                                    f"add the verbatim text as {CONTENT}/sources/{record.id}.txt"))
            continue
        digest = hashlib.sha256(data).hexdigest()
        if record.data.get("sha256") and digest != record.data["sha256"]:
            line, col = record.at("sha256")
            problems.append(Problem(record.path, line, col,
                                    f"{record.id}.txt no longer matches its recorded hash (now {digest})",
                                    "restore the verbatim text; change the hash only for a new, reviewed source"))
            continue
        text, found = decode(data, f"{CONTENT}/sources/{record.id}.txt")
        problems += found + (controls(text, f"{CONTENT}/sources/{record.id}.txt") if text else [])
        if text is not None:
            content.sources[record.id] = cite.SourceText(record.id, text)
            problems += check_typos(record, text)
    for name in sorted(set(texts) - {r.id for r in content.of("source")}):
        if not SLUG.match(name):
            problems.append(Problem(f"{CONTENT}/sources/{name}.txt", 1, 1, f"the name {shown(name)} is not a valid id",
                                    f"rename the file, e.g. to {slug_like(name)}.txt; its id is its name"))
            continue
        problems.append(Problem(f"{CONTENT}/sources/{name}.txt", 1, 1, "source text has no metadata",
                                f"add {CONTENT}/sources/{name}.yml (copy another source's .yml)"))
    return problems


def _check_refs(content: Content, records: list[Record]) -> list[Problem]:
    known: dict[str, set[str]] = {kind: {r.id for r in content.of(kind)} for kind in KINDS}
    every = {value for r in records for value, _ in _ids_in(r)}
    problems = []
    for record in records:
        listed: dict[tuple, tuple] = {}  # (list, id) → where it was first listed
        for kind, value, where in record.refs:
            pool = every if kind == "any" else known.get(kind, set())
            if value not in pool:
                what = "record" if kind == "any" else kind
                problems.append(_at(record, where, f"no {what} has the id {shown(value)}", _closest_id(value, pool)))
            elif value == record.id and kind != "any":  # a reading or note on itself is the wrong kind
                problems.append(_at(record, where, f"{shown(value)} is this record's own id",
                                    "remove it; a record does not refer to itself"))
            if isinstance(where[-1], int):  # an item of a list of ids
                first = listed.setdefault((where[:-1], value), where)
                if first != where:
                    problems.append(_at(record, where, f"{shown(value)} is listed twice "
                                                       f"(first on line {record.at(*first)[0]})", "keep one of them"))
    return problems


def _at(record: Record, where: tuple, message: str, fix: str) -> Problem:
    line, col = record.at(*where)
    return Problem(record.path, line, col, message, fix)


def _closest_id(value: str, pool: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(pool), n=1)
    return f"did you mean {close[0]!r}?" if close else "check the spelling against the ids in content/"
