"""The field reference for contributors, written from the same definitions the checker uses.

`make schemas` writes it to docs/pages/contributing/fields.md beside the JSON
Schemas; a test fails when either is out of step with model.py.
"""

from __future__ import annotations

from ..model.kinds import KINDS, SITE_FILE
from ..model.shapes import ListOf, MapOf, Obj
from .markup import front_matter, text

PAGE = "docs/pages/contributing/fields.md"


def _part_name(name: str, obj: Obj) -> str:
    return obj.title or name.rstrip("s")


def _anchor(name: str) -> str:
    return name.replace(" ", "-").replace("'", "")


def _what(name: str, spec, parts: dict) -> str:
    """A field's description, with a link to the table of a nested mapping."""
    kind = spec.type
    inner = kind.item if isinstance(kind, (ListOf, MapOf)) else kind
    about = spec.doc or kind.describe()
    if isinstance(inner, Obj):
        part = _part_name(name, inner)
        parts.setdefault(part, inner)
        shape = (
            "a list, each a"
            if isinstance(kind, ListOf)
            else f"a mapping from {kind.key_kind} ids, each to a"
            if isinstance(kind, MapOf)
            else "a mapping:"
        )
        return f"{text(about)} ({shape} [{text(part)}](#part-{_anchor(part)}))"
    return text(about)


def _table(obj: Obj, parts: dict) -> str:
    rows = [
        f"| `{name}` | {'yes' if spec.required else 'no'} | {_what(name, spec, parts)} |"
        for name, spec in obj.fields.items()
    ]
    return "| Field | Required | What it holds |\n|---|---|---|\n" + "\n".join(rows) + "\n"


def markdown() -> str:
    parts: dict[str, Obj] = {}
    out = [
        front_matter(
            title="Field reference",
            description="Every field of every kind of content record, from the checker's own definitions.",
        ),
        "# Field reference\n",
        "Every content file holds one record of one kind, in the folder of its kind, named after its "
        "`id`. Its first line names the kind's JSON Schema, so an editor with a YAML language server "
        "completes and checks the fields as you type. This page, the schemas in `schemas/` and the "
        "checker are all made from `scripts/explainer/model/kinds.py`; `make schemas` rewrites the first "
        "two, and a test fails when they are out of step. Each kind also has a commented template in "
        "`templates/`.\n",
    ]
    for kind in KINDS.values():
        out.append(f"## {kind.name} {{ #kind-{kind.name} }}\n")
        where = f"One file per record: `content/{kind.folder}/<id>.yml`" if kind.folder else f"One file: `{SITE_FILE}`"
        out.append(
            f"{text(kind.schema.doc[:1].upper() + kind.schema.doc[1:])}. {where}; "
            f"template: `templates/{kind.name}.yml`; schema: `schemas/{kind.name}.schema.json`.\n"
        )
        out.append(_table(kind.schema, parts))
    out.append("## Parts of records { #parts }\n")
    done: set[str] = set()
    while len(done) < len(parts):
        for name in [n for n in parts if n not in done]:
            done.add(name)
            obj = parts[name]
            out.append(f"### {text(name)} {{ #part-{_anchor(name)} }}\n")
            if obj.doc:
                out.append(f"{text(obj.doc[:1].upper() + obj.doc[1:])}.\n")
            out.append(_table(obj, parts))
    return "\n".join(out)
