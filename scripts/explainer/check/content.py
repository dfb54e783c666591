"""Checks across files: the records and source texts → the checked content and every problem.

Each file was checked alone as it loaded (syntax, schema, id); here the whole
set is: unique ids, references, source hashes, citations. Every problem
found is reported; nothing stops at the first.
"""

from __future__ import annotations

import difflib
import hashlib
import posixpath
import re

from ..cite.anchor import SourceText
from ..load.nodes import controls, decode
from ..load.records import CONTENT, Record, load_record
from ..model import routes
from ..model.kinds import KINDS, SITE_FILE
from ..model.problems import Problem, in_order, shown
from ..model.schema import SLUG, slug_like
from ..model.topic import PAGE_KEYS
from . import statements, targets, voices
from .checked import Checked
from .dates import check_dates
from .editorial import check_editorial
from .notes import check_notes
from .typos import check_typos


def check_content(files: dict[str, bytes]) -> tuple[Checked, list[Problem]]:
    """All content files (YAML records and source texts) → checked content and every problem."""
    problems: list[Problem] = []
    records: list[Record] = []
    texts: dict[str, bytes] = {}
    for path in sorted(files):
        if path.endswith(".txt") and path.startswith(f"{CONTENT}/sources/") and path.count("/") == 2:
            texts[posixpath.basename(path)[:-4]] = files[path]
        elif path.endswith((".yml", ".yaml")):
            record, found = load_record(path, files[path])
            problems += found
            if record is not None:
                records.append(record)
        else:
            problems.append(
                Problem(
                    path,
                    1,
                    1,
                    "file is neither a YAML record nor a source text",
                    "content holds .yml records and content/sources/<id>.txt texts",
                )
            )
    content = Checked()
    for record in sorted(records, key=lambda r: (r.kind, r.id)):
        content.records.setdefault(record.kind, []).append(record)
    problems += _check_site(content)
    problems += _check_ids(records, content) + _check_page_names(records)
    problems += _check_sources(content, texts)
    problems += _check_refs(content, records)
    problems += targets.check_readings(content) + targets.check_note_targets(content)
    problems += statements.collect_statements(content)
    problems += statements.check_quotes(content)
    problems += voices.check_voices(content)
    problems += statements.check_silent_sides(content) + statements.check_unsupported(content)
    problems += statements.check_consistency(content)
    problems += statements.check_coverage(content)
    problems += check_editorial(content) + check_dates(content) + check_notes(content)
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


# Anchors the pages give their own parts (see routes): an id equal to one would put two
# elements with one id on a page.
RESERVED_ID = re.compile(routes.RESERVED_PATTERN[:-2] + "|" + "|".join(routes.RESERVED) + ")$")


def _published_ids(record: Record, parties: list[str]):
    """Every id a record publishes, with the anchors derived from it (position sides)."""
    yield from _ids_in(record)
    if record.kind == "position" and record.id:
        for party in parties:
            yield routes.side_anchor(record.id, party), ("id",)


def _check_site(content: Checked) -> list[Problem]:
    """There is one site file; ids inside it are unique."""
    sites = content.of("site")
    if not sites:
        return [
            Problem(
                SITE_FILE,
                1,
                1,
                "the site file is missing",
                f"add {SITE_FILE} (copy templates/site.yml): it names the site's title, parties and eras",
            )
        ]
    problems = []
    record = sites[0]
    for field, noun in (("parties", "party"), ("eras", "era")):
        seen: set[str] = set()
        for i, item in enumerate(record.data.get(field) or []):
            ident = (item or {}).get("id")
            if ident is None:
                continue  # reported by the schema
            if ident in seen:
                problems.append(
                    record.problem(
                        (field, i, "id"), f"{noun} id {shown(ident)} is listed twice", f"give each {noun} its own id"
                    )
                )
            seen.add(ident)
    return problems


def _site_ids(content: Checked, field: str) -> list[str]:
    sites = content.of("site")
    return [item["id"] for item in (sites[0].data.get(field) or []) if item and item.get("id")] if sites else []


def _check_ids(records: list[Record], content: Checked) -> list[Problem]:
    problems: list[Problem] = []
    first: dict[str, str] = {}
    parties = _site_ids(content, "parties")
    for record in sorted(records, key=lambda r: r.path):
        if record.kind == "site":
            continue
        for value, where in _published_ids(record, parties):
            if not value:
                continue
            if RESERVED_ID.match(value):
                problems.append(
                    record.problem(
                        where,
                        f"id {shown(value)} is reserved for a part of the page",
                        "choose a more specific id, e.g. one starting with the topic",
                    )
                )
            elif value in first:
                problems.append(
                    record.problem(
                        where,
                        f"id {shown(value)} is already used in {first[value]}",
                        "ids are links: choose an id used nowhere else",
                    )
                )
            else:
                first[value] = record.path
    return problems


SITE_KINDS = ("era", "party", "page")  # what the site file names, not records

# Kinds whose records get a page of their own beside the kind's list page (folder/index.md).
OWN_PAGE = {"explainer", "source", "lesson"}


def _check_page_names(records: list[Record]) -> list[Problem]:
    """id: index would give a record the list page's address and silently replace that page."""
    problems = []
    for record in records:
        if record.kind in OWN_PAGE and record.id == "index":
            problems.append(
                record.problem(
                    ("id",),
                    f"id 'index' is the address of the {record.kind} list",
                    "choose another id (and rename the file to match)",
                )
            )
    return problems


def _check_sources(content: Checked, texts: dict[str, bytes]) -> list[Problem]:
    problems = []
    for record in content.of("source"):
        published = record.data.get("published") or {}
        if published.get("basis") in ("stated", "inferred") and not published.get("date"):
            problems.append(
                record.problem(
                    ("published",), "published has a basis but no date", "add 'date:' or set 'basis: unknown'"
                )
            )
        data = texts.get(record.id)
        if data is None:
            problems.append(
                record.problem(
                    ("id",),
                    f"no text for source {shown(record.id)}",
                    f"add the verbatim text as {CONTENT}/sources/{record.id}.txt",
                )
            )
            continue
        digest = hashlib.sha256(data).hexdigest()
        if record.data.get("sha256") and digest != record.data["sha256"]:
            problems.append(
                record.problem(
                    ("sha256",),
                    f"{record.id}.txt no longer matches its recorded hash (now {digest})",
                    "restore the verbatim text; change the hash only for a new, reviewed source",
                )
            )
            continue
        text, found = decode(data, f"{CONTENT}/sources/{record.id}.txt")
        problems += found + (controls(text, f"{CONTENT}/sources/{record.id}.txt") if text else [])
        if text is not None:
            content.sources[record.id] = SourceText(record.id, text)
            problems += check_typos(record, text)
    for name in sorted(set(texts) - {r.id for r in content.of("source")}):
        if not SLUG.match(name):
            problems.append(
                Problem(
                    f"{CONTENT}/sources/{name}.txt",
                    1,
                    1,
                    f"the name {shown(name)} is not a valid id",
                    f"rename the file, e.g. to {slug_like(name)}.txt; its id is its name",
                )
            )
            continue
        problems.append(
            Problem(
                f"{CONTENT}/sources/{name}.txt",
                1,
                1,
                "source text has no metadata",
                f"add {CONTENT}/sources/{name}.yml (copy another source's .yml)",
            )
        )
    return problems


def _check_refs(content: Checked, records: list[Record]) -> list[Problem]:
    known: dict[str, set[str]] = {kind: {r.id for r in content.of(kind)} for kind in KINDS}
    known.update(era=set(_site_ids(content, "eras")), party=set(_site_ids(content, "parties")), page=set(PAGE_KEYS))
    every = {value for r in records if r.kind != "site" for value, _ in _ids_in(r)}
    problems = []
    for record in records:
        listed: dict[tuple, tuple] = {}  # (list, id) → where it was first listed
        for kind, value, where in record.refs:
            pool = every if kind == "any" else known.get(kind, set())
            if value not in pool:
                what = "record" if kind == "any" else kind
                fix = _closest_id(
                    value,
                    pool,
                    f"use one of: {', '.join(sorted(pool))} ({SITE_FILE})"
                    if kind in SITE_KINDS
                    else "check the spelling against the ids in content/",
                )
                problems.append(record.problem(where, f"no {what} has the id {shown(value)}", fix))
            elif value == record.id and kind != "any":  # a reading or note on itself is the wrong kind
                problems.append(
                    record.problem(
                        where,
                        f"{shown(value)} is this record's own id",
                        "remove it; a record does not refer to itself",
                    )
                )
            if isinstance(where[-1], int):  # an item of a list of ids
                first = listed.setdefault((where[:-1], value), where)
                if first != where:
                    problems.append(
                        record.problem(
                            where,
                            f"{shown(value)} is listed twice (first on line {record.at(*first)[0]})",
                            "keep one of them",
                        )
                    )
    return problems


def _closest_id(value: str, pool: set[str], otherwise: str) -> str:
    close = difflib.get_close_matches(value, sorted(pool), n=1)
    return f"did you mean {close[0]!r}?" if close else otherwise
