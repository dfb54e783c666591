"""A content file → its record: the kind from the folder, the value checked
against the kind's schema, with the line and column of every value kept."""

from __future__ import annotations

import posixpath
from dataclasses import dataclass, field

from ..model.kinds import KIND_BY_FOLDER, KINDS, SITE_FILE
from ..model.problems import Problem, shown
from ..model.schema import SLUG, Context
from .nodes import decode, parse

CONTENT = "content"


@dataclass
class Record:
    """One content file's record: its plain data and where each value sits."""

    kind: str
    id: str
    path: str
    data: dict
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    refs: list[tuple[str, str, tuple]] = field(default_factory=list)

    def at(self, *where) -> tuple[int, int]:
        """Line and column of the value at `where`, or of the nearest enclosing value."""
        while where and where not in self.positions:
            where = where[:-1]
        return self.positions.get(where, (1, 1))

    def problem(self, where: tuple, message: str, fix: str, severity: str = "error") -> Problem:
        """A problem with the value at `where` in this record's file, at its line and column."""
        line, col = self.at(*where)
        return Problem(self.path, line, col, message, fix, severity=severity)


def kind_of(path: str) -> str | None:
    """The record kind a content path holds, from its folder."""
    if path == SITE_FILE:
        return "site"
    parts = path.split("/")
    if len(parts) == 3 and parts[0] == CONTENT and parts[1] in KIND_BY_FOLDER:
        return KIND_BY_FOLDER[parts[1]].name
    return None


def load_record(path: str, data: bytes) -> tuple[Record | None, list[Problem]]:
    """One YAML file → its record, checked against its kind's schema."""
    kind = kind_of(path)
    if kind is None:
        folders = ", ".join(f"{CONTENT}/{k.folder}/" for k in KINDS.values() if k.folder)
        return None, [Problem(path, 1, 1, "file is not in a content folder", f"move it into one of {folders}")]
    text, problems = decode(data, path)
    if text is None:
        return None, problems
    node, problems = parse(text, path)
    if node is None:
        return None, problems
    ctx = Context(path, problems=problems)
    value = KINDS[kind].schema.convert(node, (), ctx)
    if value is None:
        return None, ctx.problems
    record = Record(kind, value.get("id") or "", path, value, ctx.positions)
    record.refs = ctx.refs
    problems = ctx.problems + _check_file_name(record)
    return record, problems


def _check_file_name(record: Record) -> list[Problem]:
    stem = posixpath.splitext(posixpath.basename(record.path))[0]
    if record.id and record.id != stem:
        fix = f"rename the file to {record.id}.yml" + (f" or set id: {stem}" if SLUG.match(stem) else "")
        return [record.problem(("id",), f"id {shown(record.id)} does not match the file name {shown(stem)}", fix)]
    return []
