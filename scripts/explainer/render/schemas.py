"""JSON Schemas for editors, one per content kind, from the checker's own definitions.

Committed under schemas/ and named by the first line of every content file,
so an editor with a YAML language server completes and checks fields while
typing. `make schemas` rewrites them; a test fails when one is stale.
"""

from __future__ import annotations

import json

from ..model.kinds import KINDS

FOLDER = "schemas"
DRAFT = "http://json-schema.org/draft-07/schema#"  # an identifier, never fetched; editors support draft 7


def schema_path(kind: str) -> str:
    return f"{FOLDER}/{kind}.schema.json"


def header(kind: str) -> str:
    """The first line of a content file of `kind` (the schema path is relative to the file's folder:
    content/<folder>/, or content/ for the site file)."""
    up = "../../" if KINDS[kind].folder else "../"
    return f"# yaml-language-server: $schema={up}{schema_path(kind)}"


def schema(kind: str) -> dict:
    body = KINDS[kind].schema.json()
    return {"$schema": DRAFT, "$id": f"{kind}.schema.json", **body}


def files() -> dict[str, str]:
    """Every schema file, keyed by its path from the project root."""
    return {schema_path(kind): json.dumps(schema(kind), indent=2, ensure_ascii=False) + "\n" for kind in sorted(KINDS)}
