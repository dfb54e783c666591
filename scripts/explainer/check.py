"""Validation: content files → records and problems, then checks across files.

Each file is checked alone first (syntax, schema, id), then the whole set
(unique ids, references, source hashes, citations). Every problem found is
reported; nothing stops at the first.
"""

from __future__ import annotations

import hashlib
import posixpath
import re

from . import cite, lessons
from .consistency import unsupported
from .coverage import coverage
from .content import Citation, Content, Statement
from .load import controls, decode, parse
from .model import KIND_BY_FOLDER, KINDS, Record
from .problems import Problem
from .schema import Context

CONTENT = "content"
STATEMENT_TEXT = ("text", "definition", "statement", "answer")
QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


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
        return [Problem(record.path, line, col, f"id {record.id!r} does not match the file name {stem!r}",
                        f"rename the file to {record.id}.yml or set id: {stem}")]
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
    problems += lessons.check_readings(content)
    problems += _collect_statements(content)
    problems += _check_quotes(content)
    problems += _check_silent_sides(content)
    problems += _check_consistency(content)
    problems += _check_coverage(content)
    return content, sorted(set(problems), key=_order)


def _order(p: Problem):
    return (p.path, p.line, p.column, p.message)


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
                problems.append(Problem(record.path, line, col, f"id {value!r} is reserved for a part of the page",
                                        "choose a more specific id, e.g. one starting with the topic"))
            elif value in first:
                line, col = record.at(*where)
                problems.append(Problem(record.path, line, col, f"id {value!r} is already used in {first[value]}",
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
            problems.append(Problem(record.path, line, col, f"no text for source {record.id!r}",
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
    for name in sorted(set(texts) - {r.id for r in content.of("source")}):
        problems.append(Problem(f"{CONTENT}/sources/{name}.txt", 1, 1, "source text has no metadata",
                                f"add {CONTENT}/sources/{name}.yml (copy another source's .yml)"))
    return problems


def _check_refs(content: Content, records: list[Record]) -> list[Problem]:
    known: dict[str, set[str]] = {kind: {r.id for r in content.of(kind)} for kind in KINDS}
    every = {value for r in records for value, _ in _ids_in(r)}
    problems = []
    for record in records:
        for kind, value, where in record.refs:
            pool = every if kind == "any" else known.get(kind, set())
            if value not in pool:
                line, col = record.at(*where)
                what = "record" if kind == "any" else kind
                problems.append(Problem(record.path, line, col, f"no {what} has the id {value!r}",
                                        _closest_id(value, pool)))
    return problems


def _closest_id(value: str, pool: set[str]) -> str:
    import difflib

    close = difflib.get_close_matches(value, sorted(pool), n=1)
    return f"did you mean {close[0]!r}?" if close else "check the spelling against the ids in content/"


def _walk_cited(data, where=()):
    """Yield (where, mapping) for every mapping that carries `cite`."""
    if isinstance(data, dict):
        if "cite" in data:
            yield where, data
        for key, value in data.items():
            yield from _walk_cited(value, where + (key,))
    elif isinstance(data, list):
        for index, value in enumerate(data):
            yield from _walk_cited(value, where + (index,))


def _statement_anchor(record: Record, where: tuple, mapping: dict) -> str:
    if "id" in mapping and where:
        return mapping["id"]
    if where:
        return f"{record.id}-{'-'.join(str(w) for w in where)}".replace("_", "-")
    return record.id


def _collect_statements(content: Content) -> list[Problem]:
    problems = []
    for records in content.records.values():
        for record in records:
            for where, mapping in _walk_cited(record.data):
                statement, found = _statement(content, record, where, mapping)
                problems += found
                content.statements.append(statement)
    return problems


def _statement(content: Content, record: Record, where: tuple, mapping: dict):
    text = next((mapping[k] for k in STATEMENT_TEXT if mapping.get(k)), None) or mapping.get("words") or ""
    citations, problems = [], []
    for index, item in enumerate(mapping.get("cite") or []):
        if not item or not item.get("source") or not item.get("quote"):
            continue
        source = content.sources.get(item["source"])
        found = None
        if source is not None:
            found = cite.anchor(source, item["quote"], item.get("prefix"), item.get("suffix"))
            if isinstance(found, cite.Miss):
                line, col = record.at(*where, "cite", index, "quote")
                problems.append(Problem(record.path, line, col, found.message, found.fix))
                found = None
        citations.append(Citation(item["source"], item["quote"], found))
    problems += _check_attribution(record, where, mapping)
    statement = Statement(record, where, _statement_anchor(record, where, mapping), text,
                          mapping.get("basis"), mapping.get("attributed_to"), citations)
    problems += _check_quoted_words(record, where, mapping, statement)
    problems += _check_side(record, where, mapping)
    return statement, problems


def _check_attribution(record: Record, where: tuple, mapping: dict) -> list[Problem]:
    if mapping.get("basis") in ("reported", "quotation") and not mapping.get("attributed_to"):
        line, col = record.at(*where, "basis")
        return [Problem(record.path, line, col, f"basis {mapping['basis']!r} needs attributed_to",
                        "add 'attributed_to:' naming who is reported as saying it")]
    return []


def _check_quoted_words(record: Record, where: tuple, mapping: dict, statement: Statement) -> list[Problem]:
    """Words shown in quotation marks must occur verbatim in one of the statement's quotes."""
    quotes = [cite.fold(c.quote) for c in statement.citations if c.anchor]
    if not quotes or not statement.text:
        return []
    problems = []
    for match in QUOTED.finditer(statement.text):
        shown = cite.fold(match.group(1)).strip(" ,.")
        if shown and not any(shown in q for q in quotes):
            key = next((k for k in STATEMENT_TEXT if k in mapping), "text")
            line, col = record.at(*where, key)
            problems.append(Problem(record.path, line, col,
                                    f"quoted words {match.group(0)!r} are not in any of the cited quotes",
                                    "quote the source word for word, or cite the passage that has these words"))
    return problems


def _check_side(record: Record, where: tuple, mapping: dict) -> list[Problem]:
    """A position side states a position with its basis, or says why the sources are silent."""
    if record.kind != "position" or len(where) != 1:
        return []
    line, col = record.at(*where)
    if mapping.get("silent"):
        return [Problem(record.path, line, col, "a side cannot be both stated and silent",
                        "remove 'silent:' or remove 'statement:' and 'cite:'")]
    missing = [k for k in ("statement", "basis", "held_by") if not mapping.get(k)]
    if missing:
        return [Problem(record.path, line, col, f"{where[0]} lacks {', '.join(missing)}",
                        "a stated side needs held_by, statement, basis and cite")]
    return []


def _check_silent_sides(content: Content) -> list[Problem]:
    problems = []
    for record in content.of("position"):
        for side in ("russia", "united_states"):
            value = record.data.get(side)
            if value is not None and "cite" not in value and not value.get("silent"):
                line, col = record.at(side)
                problems.append(Problem(record.path, line, col, f"{side} has neither cite nor silent",
                                        "state the position with cite:, or say with silent: what the sources leave out"))
    return problems


def _check_quotes(content: Content) -> list[Problem]:
    """A quote record's words must be verbatim in its cited source; insertions inside the words."""
    problems = []
    for record in content.of("quote"):
        words = record.data.get("words")
        if not words:
            continue
        folded = cite.fold(words)
        cited = [content.sources[c["source"]] for c in record.data.get("cite") or []
                 if c and c.get("source") in content.sources]
        if cited and not any(s.occurrences(folded) for s in cited):
            line, col = record.at("words")
            closest = cited[0].closest(folded)
            problems.append(Problem(record.path, line, col, "words are not verbatim in the cited source",
                                    f"copy them exactly; closest passage: {closest!r}"))
        for index, inserted in enumerate(record.data.get("insertions") or []):
            if inserted and cite.fold(inserted) not in folded:
                line, col = record.at("insertions", index)
                problems.append(Problem(record.path, line, col, f"insertion {inserted!r} is not inside words",
                                        "copy the inserted words exactly as they appear in 'words'"))
    return problems


def _check_consistency(content: Content) -> list[Problem]:
    """Numbers a claim's quotes lack are errors; names they lack are warnings."""
    problems = []
    for statement in content.statements:
        quotes = [c.quote for c in statement.citations]
        # A statement with an unanchored citation has its problem reported already.
        if statement.owner.kind == "quote" or not statement.text or any(not c.anchor for c in statement.citations):
            continue
        missing_numbers, missing_names = unsupported(statement.text, quotes)
        record, where = statement.owner, statement.where
        key = next((k for k in STATEMENT_TEXT if record.at(*where, k) != record.at(*where)), "text")
        line, col = record.at(*where, key)
        for number in missing_numbers:
            problems.append(Problem(record.path, line, col, f"{number} is in the claim but in none of its quotes",
                                    "correct the figure, or cite the passage that gives it"))
        for name in missing_names:
            problems.append(Problem(record.path, line, col, f"{name!r} is in the claim but in none of its quotes",
                                    "check the name, or cite a passage that names it", severity="warning"))
    return problems


def _check_coverage(content: Content) -> list[Problem]:
    """Each source must be cited as fully as its metadata requires; name every uncited sentence."""
    spans: dict[str, list[tuple[int, int]]] = {}
    for statement in content.statements:
        for citation in statement.citations:
            if citation.anchor:
                spans.setdefault(citation.source, []).append((citation.anchor.start, citation.anchor.end))
    problems = []
    for record in content.of("source"):
        source = content.sources.get(record.id)
        if source is None:
            continue
        result = coverage(source.text, spans.get(record.id, []))
        content.coverage[record.id] = result
        required = record.data.get("coverage_required") or 0
        if result.sentence_share + 1e-9 < required:
            for start, end in result.uncited:
                line = source.text.count("\n", 0, start) + 1
                col = start - (source.text.rfind("\n", 0, start) + 1) + 1
                sentence = source.text[start:end]
                shown = sentence if len(sentence) <= 90 else sentence[:87] + "..."
                problems.append(Problem(
                    f"{CONTENT}/sources/{record.id}.txt", line, col,
                    f"sentence not fully cited (coverage {result.sentence_share:.0f}%, required {required}%): {shown!r}",
                    "cite its words from a claim, event, quote or note"))
    return problems
