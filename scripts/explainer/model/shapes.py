"""The schema language's shapes: lists, mappings by id, and records with known fields.

Scalars (text, ids, dates, numbers) are in schema.py; these hold them.
"""

from __future__ import annotations

import difflib
from dataclasses import dataclass, field

import yaml

from .problems import shown
from .schema import CONVERTED, NULL, SLUG, Slug, Type, field_path, fill_in


@dataclass
class ListOf(Type):
    item: Type
    min_items: int = 1
    max_items: int = 10_000
    doc: str = ""

    def convert(self, node, where, ctx):
        if not isinstance(node, yaml.SequenceNode):
            ctx.report(
                node, f"{field_path(where)} must be a list", "write each item on its own line starting with '- '"
            )
            return None
        if not node.value and self.min_items:
            ctx.report(node, f"{field_path(where)} is an empty list", f"give at least one: {self.describe()}")
        elif not self.min_items <= len(node.value) <= self.max_items:
            ctx.report(
                node,
                f"{field_path(where)} has {len(node.value)} items",
                f"give at least {self.min_items} and at most {self.max_items}",
            )
        values = []
        for index, child in enumerate(node.value):
            mark = child.start_mark
            ctx.positions[where + (index,)] = (mark.line + 1, mark.column + 1)
            values.append(self.item.convert(child, where + (index,), ctx) if child.tag in CONVERTED else None)
        return values

    def json(self):
        schema = {"type": "array", "items": self.item.json(), "minItems": self.min_items}
        if self.doc:
            schema["description"] = self.doc
        return schema

    def describe(self):
        return self.doc or f"a list of {self.item.describe()}"


@dataclass
class MapOf(Type):
    """A mapping from ids of `key_kind` (resolved like refs) to values of one type."""

    item: Type
    key_kind: str = ""
    doc: str = ""

    def convert(self, node, where, ctx):
        if not isinstance(node, yaml.MappingNode):
            ctx.report(
                node,
                f"{field_path(where)} must be a mapping of {self.key_kind} ids",
                f"write '<{self.key_kind} id>:' lines, each with {self.item.describe()}",
            )
            return None
        value: dict = {}
        for key, child in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a list or mapping as a key: load.check_nodes has reported it
            name = Slug().convert(key, where, ctx)
            if name is None:
                continue
            mark = key.start_mark  # an entry is found by its key: its value may start on the next line
            ctx.positions[where + (name,)] = (mark.line + 1, mark.column + 1)
            ctx.refs.append((self.key_kind, name, where + (name,)))
            value[name] = self.item.convert(child, where + (name,), ctx) if child.tag in CONVERTED else None
        return value

    def json(self):
        schema = {
            "type": "object",
            "propertyNames": {"pattern": SLUG.pattern},
            "additionalProperties": self.item.json(),
        }
        if self.doc:
            schema["description"] = self.doc
        return schema

    def describe(self):
        return self.doc or f"a mapping from {self.key_kind} ids to {self.item.describe()}"


@dataclass
class Field:
    type: Type
    required: bool = True
    doc: str = ""


@dataclass
class Obj(Type):
    """A mapping with known fields; any other field is an error."""

    fields: dict[str, Field] = field(default_factory=dict)
    doc: str = ""
    title: str = ""

    def convert(self, node, where, ctx):
        if not isinstance(node, yaml.MappingNode):
            ctx.report(
                node,
                f"{field_path(where)} must be a mapping of fields",
                "write 'field: value' lines, e.g. " + ", ".join(list(self.fields)[:3]),
            )
            return None
        value: dict = {}
        for key, child in node.value:
            if not isinstance(key, yaml.ScalarNode):
                continue  # a list or mapping as a key: load.check_nodes has reported it
            name = key.value
            spec = self.fields.get(name)
            if spec is None:
                ctx.report(key, f"unknown field {shown(name)} in {field_path(where)}", _suggest(name, self.fields))
                continue
            mark = child.start_mark
            ctx.positions[where + (name,)] = (mark.line + 1, mark.column + 1)
            if child.tag == NULL:
                if spec.required:
                    ctx.report(child, f"{field_path(where + (name,))} is empty", fill_in(spec.type.describe()))
                continue
            value[name] = spec.type.convert(child, where + (name,), ctx) if child.tag in CONVERTED else None
        for name, spec in self.fields.items():
            if spec.required and name not in value and not _was_present(node, name):
                ctx.report(
                    node,
                    f"{field_path(where)} lacks the required field {name!r}",
                    f"add '{name}:' with {spec.type.describe()}",
                )
        return value

    def json(self):
        schema = {
            "type": "object",
            "additionalProperties": False,
            "properties": {name: _with_doc(spec) for name, spec in self.fields.items()},
            "required": [name for name, spec in self.fields.items() if spec.required],
        }
        if self.doc:
            schema["description"] = self.doc
        if self.title:
            schema["title"] = self.title
        return schema

    def describe(self):
        return self.doc or "a mapping"


def _was_present(node: yaml.MappingNode, name: str) -> bool:
    return any(key.value == name for key, _ in node.value)


def _with_doc(spec: Field) -> dict:
    schema = spec.type.json()
    if spec.doc:
        schema = {**schema, "description": spec.doc}
    return schema


def _suggest(name: str, fields: dict) -> str:
    close = difflib.get_close_matches(str(name), list(fields), n=1)
    hint = f"did you mean {close[0]!r}? " if close else ""
    return hint + "allowed fields: " + ", ".join(fields)
