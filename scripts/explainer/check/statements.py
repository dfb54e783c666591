"""Checks on cited statements: every mapping with `cite:` becomes a Statement
whose citations are anchored, then held to the rules on attribution, quoted
words, position sides, quote records, claim–quote consistency and coverage."""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Any

from ..cite import anchor as cite
from ..cite import paste
from ..cite.coverage import coverage
from ..load.records import CONTENT, Record
from ..model import routes
from ..model.kinds import STATEMENT_TEXT, text_key
from ..model.problems import Problem, shown
from .checked import Checked, Citation, Statement
from .consistency import unsupported

QUOTED = re.compile(r"[\"\u201c]([^\"\u201c\u201d]+)[\"\u201d]")


def walk_cited(data, where=()):
    """Yield (where, mapping) for every statement: a mapping that carries `cite` or, with a text,
    `references` (a background statement; a source's `published` has references but no text)."""
    children: Iterable[tuple[Any, Any]]
    if isinstance(data, dict):
        if "cite" in data or ("references" in data and any(k in data for k in STATEMENT_TEXT)):
            yield where, data
        children = data.items()
    else:
        children = enumerate(data)
    for key, value in children:
        if isinstance(value, (dict, list)):  # text and numbers hold no statements: no generator for them
            yield from walk_cited(value, where + (key,))


def collect_statements(content: Checked) -> list[Problem]:
    problems = []
    for kind, records in content.records.items():
        if kind == "site":
            continue
        for record in records:
            for where, mapping in walk_cited(record.data):
                statement, found = _statement(content, record, where, mapping)
                problems += found
                content.statements.append(statement)
    return problems


def _statement(content: Checked, record: Record, where: tuple, mapping: dict):
    key = text_key(mapping)
    text = mapping.get(key) or ""
    citations, problems = [], []
    for index, item in enumerate(mapping.get("cite") or []):
        if not item or not item.get("source") or not item.get("quote"):
            continue
        source = content.sources.get(item["source"])
        found: cite.Anchor | None = None
        if source is not None:
            result = cite.anchor(source, item["quote"], item.get("prefix"), item.get("suffix"))
            if isinstance(result, cite.Miss):
                problems.append(record.problem((*where, "cite", index, "quote"), result.message, result.fix))
            else:
                found = result
        citations.append(Citation(item["source"], item["quote"], found))
    problems += _check_attribution(record, where, mapping) + _check_support(record, where, mapping)
    anchor = routes.statement_anchor(record.id, where, mapping.get("id"))
    references = [r for r in mapping.get("references") or [] if isinstance(r, dict)]
    statement = Statement(
        record, where, key, anchor, text, mapping.get("basis"), mapping.get("attributed_to"), citations, references
    )
    problems += _check_quoted_words(record, where, mapping, statement)
    problems += _check_side(record, where, mapping)
    return statement, problems


def _check_attribution(record: Record, where: tuple, mapping: dict) -> list[Problem]:
    if mapping.get("basis") == "observation" and mapping.get("attributed_to"):
        return [
            record.problem(
                (*where, "attributed_to"),
                "an observation about the text is ours, not anyone's",
                "remove 'attributed_to:'; for someone's words, use basis reported or quotation",
            )
        ]
    if mapping.get("basis") in ("reported", "quotation") and not mapping.get("attributed_to"):
        return [
            record.problem(
                (*where, "basis"),
                f"basis {mapping['basis']!r} needs attributed_to",
                "add 'attributed_to:' naming who is reported as saying it",
            )
        ]
    return []


def _check_support(record: Record, where: tuple, mapping: dict) -> list[Problem]:
    """A statement rests on the source's words (cite:, with a basis) or on background references."""
    if "cite" in mapping and "references" in mapping:
        return [
            record.problem(
                (*where, "references"),
                "a statement has either cite: (the source's words) or references: (background), not both",
                "split it into a cited statement and a background statement",
            )
        ]
    if "references" in mapping:
        return [
            record.problem(
                (*where, key),
                f"a background statement has no {key}: it is in our own words, not anyone's",
                f"remove '{key}:'",
            )
            for key in ("basis", "attributed_to")
            if key in mapping
        ]
    if record.kind != "quote" and not mapping.get("basis"):
        return [
            record.problem(
                (*where, "cite"),
                "a cited statement needs basis",
                "add 'basis: narration', 'basis: reported' or 'basis: quotation'",
            )
        ]
    return []


def check_unsupported(content: Checked) -> list[Problem]:
    """Every claim, event, definition, note and answer has cite: or references:."""
    problems = []
    for kind in ("explainer", "event", "term", "note", "lesson"):
        for record in content.of(kind):
            for where, mapping in _statement_places(record):
                if isinstance(mapping, dict) and "cite" not in mapping and "references" not in mapping:
                    problems.append(
                        record.problem(
                            where or ("id",),
                            "this statement has no support",
                            "cite the source's words with cite:, or give background references with references:",
                        )
                    )
    return problems


def _statement_places(record: Record):
    """(where, mapping) of each place a record of this kind must carry a statement."""
    data = record.data
    if record.kind == "explainer":
        for s, section in enumerate(data.get("sections") or []):
            for c, claim in enumerate((section or {}).get("claims") or []):
                yield ("sections", s, "claims", c), claim
    elif record.kind == "lesson":
        for q, question in enumerate(data.get("questions") or []):
            yield ("questions", q), question
    else:
        yield (), data


def _check_quoted_words(record: Record, where: tuple, mapping: dict, statement: Statement) -> list[Problem]:
    """Words shown in quotation marks must occur verbatim in one of the statement's quotes; an
    observation about the text shows the words it is about."""
    quotes = [cite.fold(c.quote) for c in statement.citations if c.anchor]
    if not quotes or not statement.text:
        return []
    problems = []
    if statement.basis == "observation" and not QUOTED.search(statement.text):
        problems.append(
            record.problem(
                (*where, statement.text_key),
                "an observation about the text quotes none of the words it is about",
                "put the words it describes in quotation marks, as the source has them",
            )
        )
    for match in QUOTED.finditer(statement.text):
        words = cite.fold(match.group(1)).strip(" ,.")
        if words and not any(words in q for q in quotes):
            problems.append(
                record.problem(
                    (*where, statement.text_key),
                    f"quoted words {shown(match.group(0))} are not in any of the cited quotes",
                    "quote the source word for word, or cite the passage that has these words",
                )
            )
    return problems


def _check_side(record: Record, where: tuple, mapping: dict) -> list[Problem]:
    """A position side states a position with its basis, or says why the sources are silent."""
    if record.kind != "position" or len(where) != 2:
        return []
    if mapping.get("silent"):
        return [
            record.problem(
                where, "a side cannot be both stated and silent", "remove 'silent:' or remove 'statement:' and 'cite:'"
            )
        ]
    needed = ("statement", "kind") if "references" in mapping else ("statement", "kind", "basis")
    missing = [k for k in needed if not mapping.get(k)]
    if missing:
        return [
            record.problem(
                where,
                f"{where[1]} lacks {', '.join(missing)}",
                "a stated side needs kind, statement and cite: with basis, or references:",
            )
        ]
    if (mapping.get("kind") == "background") != ("references" in mapping):
        return [
            record.problem(
                (*where, "kind"),
                "kind background goes with references:, and references: with kind background",
                "give a background side references: and kind: background; a cited side another kind",
            )
        ]
    return []


def check_silent_sides(content: Checked) -> list[Problem]:
    problems = []
    for record in content.of("position"):
        for party, value in (record.data.get("sides") or {}).items():
            if value is not None and "cite" not in value and "references" not in value and not value.get("silent"):
                problems.append(
                    record.problem(
                        ("sides", party),
                        f"{party} has neither cite, references nor silent",
                        "state the position with cite: or references:, or say with silent: what the sources leave out",
                    )
                )
    return problems


def check_quotes(content: Checked) -> list[Problem]:
    """A quote record's words must be verbatim in its cited source; insertions inside the words."""
    problems = []
    for record in content.of("quote"):
        words = record.data.get("words")
        if not words:
            continue
        folded = cite.fold(words)
        cited = [
            content.sources[c["source"]]
            for c in record.data.get("cite") or []
            if c and c.get("source") in content.sources
        ]
        if cited and not any(s.occurrences(folded) for s in cited):
            passage = cited[0].closest_anchor(folded)
            ready = paste.words_fix(cited[0], passage) if passage else None
            problems.append(
                record.problem(
                    ("words",),
                    "words are not verbatim in the cited source",
                    "copy them exactly" + (f"; the closest passage, {paste.MARKER}{ready}" if ready else ""),
                )
            )
        for index, inserted in enumerate(record.data.get("insertions") or []):
            if inserted and cite.fold(inserted) not in folded:
                problems.append(
                    record.problem(
                        ("insertions", index),
                        f"insertion {shown(inserted)} is not inside words",
                        "copy the inserted words exactly as they appear in 'words'",
                    )
                )
    return problems


def check_consistency(content: Checked) -> list[Problem]:
    """Numbers a claim's quotes lack are errors; names they lack are warnings."""
    problems = []
    sites = content.of("site")
    same = (
        [
            (e["long"], e["short"])
            for e in (sites[0].data.get("equivalences") or [])
            if e and "long" in e and "short" in e
        ]
        if sites
        else []
    )
    for statement in content.statements:
        quotes = [c.quote for c in statement.citations]
        # A statement without citations, or with one unanchored, has its problem reported already.
        if (
            statement.owner.kind == "quote"
            or not statement.text
            or not statement.citations
            or any(not c.anchor for c in statement.citations)
        ):
            continue
        missing_numbers, missing_names = unsupported(statement.text, quotes, same)
        record, where = statement.owner, statement.where
        for number in missing_numbers:
            problems.append(
                record.problem(
                    (*where, statement.text_key),
                    f"{number} is in the claim but in none of its quotes",
                    "correct the figure, or cite the passage that gives it",
                )
            )
        for name in missing_names:
            problems.append(
                record.problem(
                    (*where, statement.text_key),
                    f"{name!r} is in the claim but in none of its quotes",
                    "check the name, or cite a passage that names it",
                    severity="warning",
                )
            )
    return problems


def check_coverage(content: Checked) -> list[Problem]:
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
                line, col = source.position(start)
                sentence = source.text[start:end]
                excerpt = sentence if len(sentence) <= 90 else sentence[:87] + "..."
                problems.append(
                    Problem(
                        f"{CONTENT}/sources/{record.id}.txt",
                        line,
                        col,
                        f"sentence not fully cited (coverage {result.sentence_share:.0f}%, "
                        f"required {required}%): {excerpt!r}",
                        "cite its words from a claim, event, quote or note",
                    )
                )
    return problems
