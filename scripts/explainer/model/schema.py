"""A small schema language: one definition validates YAML nodes, exports
JSON Schema for editors, and documents each field for contributors.

`convert(node, path)` turns a YAML node into a plain value and reports
problems through the `Context`; it never raises on bad content.
"""

from __future__ import annotations

import datetime
import re
from dataclasses import dataclass, field
from typing import ClassVar

import yaml

from .problems import Problem, shown

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
DATE = re.compile(r"^(\d{4})(?:-(\d{2})(?:-(\d{2}))?)?$")
SCALAR_TEXT = {"tag:yaml.org,2002:" + t for t in ("str", "int", "float", "bool", "timestamp")}
NULL = "tag:yaml.org,2002:null"
SHAPES = {"tag:yaml.org,2002:" + t for t in ("null", "map", "seq")}
# Any other tag was refused by load.check_nodes: its value is not converted, so it is reported once.
CONVERTED = SCALAR_TEXT | SHAPES
# Control characters; the bidi marks, embeddings, overrides and isolates that can reorder what a
# reader sees; and zero-width characters that hide inside a word (a search or a quote check misses it).
HIDDEN = re.compile(
    "[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f\u061c\u200b\u200e\u200f\u202a-\u202e"
    "\u2060\u2066-\u2069\ufeff\ud800-\udfff]"
)


@dataclass
class Context:
    """Where conversion is happening, and where problems and positions go."""

    path: str
    problems: list[Problem] = field(default_factory=list)
    positions: dict[tuple, tuple[int, int]] = field(default_factory=dict)
    refs: list[tuple[str, str, tuple]] = field(default_factory=list)  # (kind, id, where)

    def report(self, node: yaml.Node, message: str, fix: str) -> None:
        mark = node.start_mark
        self.problems.append(Problem(self.path, mark.line + 1, mark.column + 1, message, fix))


def _tag(node: yaml.Node) -> str:
    return node.tag.rsplit(":", 1)[-1]


def slug_like(value: str) -> str:
    """The id a contributor probably meant: 'My Source' → 'my-source'."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-") or "my-id"


def node_kind(node: yaml.Node) -> str:
    """What a YAML node holds, in a contributor's words."""
    return {"null": "nothing", "seq": "a list", "map": "a mapping"}.get(_tag(node), "text")


def fill_in(what: str) -> str:
    """The fix for an empty field: what belongs there."""
    return f"fill it in: {what}"


def field_path(where: tuple) -> str:
    """('sections', 0, 'claims') → 'sections[0].claims'."""
    out = ""
    for part in where:
        out += f"[{part}]" if isinstance(part, int) else (f".{part}" if out else part)
    return out or "record"


class Type:
    doc = ""

    def convert(self, node, where: tuple, ctx: Context):
        raise NotImplementedError

    def json(self) -> dict:
        raise NotImplementedError

    def describe(self) -> str:
        return self.doc


@dataclass
class Text(Type):
    """A non-empty string; line breaks inside it are folded to spaces."""

    doc: str = "text"
    max_len: int = 5000
    too_long: ClassVar[str] = "shorten it or split the record"

    def convert(self, node, where, ctx):
        if node.tag not in SCALAR_TEXT or not isinstance(node, yaml.ScalarNode):
            if node.tag not in SHAPES:
                return None  # a tag content never uses: load.check_nodes reports it
            ctx.report(
                node, f"{field_path(where)} must be {self.doc}, not {node_kind(node)}", "write it as one line of text"
            )
            return None
        value = " ".join(node.value.split())
        if not value:
            ctx.report(node, f"{field_path(where)} is empty", fill_in(self.doc))
            return None
        if hidden := HIDDEN.search(value):
            ctx.report(
                node,
                f"{field_path(where)} holds the invisible character U+{ord(hidden.group()):04X}",
                "delete it: control, zero-width and text-direction characters can disguise what the text says",
            )
            return None
        if len(value) > self.max_len:
            ctx.report(node, f"{field_path(where)} is {len(value):,} characters, over {self.max_len:,}", self.too_long)
            return None
        return self.check(value, node, where, ctx)

    def check(self, value, node, where, ctx):
        return value

    def json(self):
        return {"type": "string", "minLength": 1, "maxLength": self.max_len, "description": self.doc}


@dataclass
class Slug(Text):
    doc: str = "an id: lower-case letters, digits and hyphens"
    max_len: int = 100  # an id is a file name and part of an address
    too_long: ClassVar[str] = "shorten it; an id names its file and becomes part of an address"

    def check(self, value, node, where, ctx):
        if not SLUG.match(value):
            suggestion = slug_like(value)
            ctx.report(
                node,
                f"{field_path(where)} {shown(value)} is not a valid id",
                f"use lower-case letters, digits and hyphens, e.g. {shown(suggestion)}",
            )
            return None
        return value

    def json(self):
        return {"type": "string", "pattern": SLUG.pattern, "maxLength": self.max_len, "description": self.doc}


@dataclass
class Ref(Slug):
    """The id of another record of `kind`; resolved after all files load."""

    kind: str = ""

    def check(self, value, node, where, ctx):
        value = super().check(value, node, where, ctx)
        if value is not None:
            ctx.refs.append((self.kind, value, where))
        return value

    def describe(self):
        return f"the id of a {self.kind} record"

    def json(self):
        return {"type": "string", "pattern": SLUG.pattern, "maxLength": self.max_len, "description": self.describe()}


@dataclass
class Url(Text):
    doc: str = "a web address starting with https:// or http://"

    def check(self, value, node, where, ctx):
        if not re.match(r"^https?://[^\s<>\"'`]+$", value):
            ctx.report(
                node,
                f"{field_path(where)} {shown(value)} is not an http(s) address",
                "give a full https:// address (other schemes are refused)",
            )
            return None
        return value

    def json(self):
        return {"type": "string", "pattern": r"^https?://[^\s<>\"'`]+$", "description": self.doc}


SITE_PATH = re.compile(r"^/(?:[a-z0-9][a-z0-9._-]*/)*(?:#[A-Za-z0-9][A-Za-z0-9_:.-]*)?$")


@dataclass
class SitePath(Text):
    """An address on this site, from its root: a page, optionally with an anchor."""

    doc: str = "an address on this site from its root, e.g. /explainers/some-page/#some-claim-id"

    def check(self, value, node, where, ctx):
        if not SITE_PATH.match(value):
            ctx.report(
                node,
                f"{field_path(where)} {shown(value)} is not an address on this site",
                "write the part after the site's address, starting and ending with '/', e.g. "
                "/explainers/some-page/ or /explainers/some-page/#claim-id",
            )
            return None
        return value

    def json(self):
        return {"type": "string", "pattern": SITE_PATH.pattern, "description": self.doc}


@dataclass
class PartialDate(Text):
    doc: str = "a date as precise as known: 1987, 2019-08 or 2019-09-05"

    def check(self, value, node, where, ctx):
        match = DATE.match(value)
        if not match or not _valid_date(*match.groups()):
            ctx.report(
                node,
                f"{field_path(where)} {shown(value)} is not a valid date",
                "write YYYY, YYYY-MM or YYYY-MM-DD (e.g. 2019-08 for August 2019)",
            )
            return None
        return value

    def json(self):
        # An unquoted year (`date: 1987`) is a number to YAML editors; the checker accepts it.
        return {
            "anyOf": [
                {"type": "string", "pattern": DATE.pattern},
                {"type": "integer", "minimum": 1000, "maximum": 9999},
            ],
            "description": self.doc,
        }


def _valid_date(year: str, month: str | None, day: str | None) -> bool:
    """A date that exists in the calendar, as precise as it is written."""
    try:
        datetime.date(int(year), int(month or 1), int(day or 1))
    except ValueError:
        return False
    return True


@dataclass
class Sha256(Text):
    doc: str = "the SHA-256 of the source text, 64 hex digits"

    def check(self, value, node, where, ctx):
        if not re.match(r"^[0-9a-f]{64}$", value):
            ctx.report(
                node, f"{field_path(where)} is not a SHA-256", "copy the hash that `make check` prints for the text"
            )
            return None
        return value

    def json(self):
        return {"type": "string", "pattern": "^[0-9a-f]{64}$", "description": self.doc}


@dataclass
class Enum(Type):
    values: tuple = ()
    doc: str = ""

    def convert(self, node, where, ctx):
        if not isinstance(node, yaml.ScalarNode):
            ctx.report(
                node,
                f"{field_path(where)} must be one word, not {node_kind(node)}",
                "use one of: " + ", ".join(self.values),
            )
            return None
        if node.value not in self.values:
            ctx.report(
                node, f"{field_path(where)} {shown(node.value)} is not allowed", "use one of: " + ", ".join(self.values)
            )
            return None
        return node.value

    def json(self):
        return {"enum": list(self.values), "description": self.describe()}

    def describe(self):
        return f"{self.doc} (one of: {', '.join(self.values)})" if self.doc else "one of: " + ", ".join(self.values)


@dataclass
class Int(Type):
    low: int = 0
    high: int = 10**6
    doc: str = "a whole number"

    def convert(self, node, where, ctx):
        if not isinstance(node, yaml.ScalarNode) or not re.match(r"^-?\d+$", node.value):
            ctx.report(
                node, f"{field_path(where)} must be {self.doc}", f"write a number from {self.low} to {self.high}"
            )
            return None
        value = int(node.value)
        if not self.low <= value <= self.high:
            ctx.report(
                node, f"{field_path(where)} {value} is out of range", f"use a number from {self.low} to {self.high}"
            )
            return None
        return value

    def json(self):
        return {"type": "integer", "minimum": self.low, "maximum": self.high, "description": self.doc}
