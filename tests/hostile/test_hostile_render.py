"""Hostile text in every text field builds a site that shows it as text and runs none of it.

The fixtures under tests/hostile/content/ put one line of every injection
(`hostile.project.payload`) into each text field of each content kind, then the
real command line builds the site from a copy of the project.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from explainer.model.kinds import KINDS
from explainer.model import schema
from explainer.model.schema import PartialDate, Ref, Sha256, Slug, Text, Url
from explainer.model.shapes import ListOf, MapOf, Obj
from hostile.project import HERE, hostile_site, payload  # noqa: F401 (a fixture)
from hostile.scan import pages, scan

# Fields with a pattern of their own: hostile values are refused (test_hostile_paths).
NOT_FREE_TEXT = tuple(getattr(schema, name) for name in ("Slug", "Ref", "Url", "PartialDate", "Sha256", "SitePath")
                      if hasattr(schema, name))


@pytest.fixture
def hostile(hostile_site):
    return hostile_site


def text_fields(schema, seen=None):
    """Every free-text field of a schema as (the object's schema, field name); shared objects once."""
    seen = set() if seen is None else seen
    if isinstance(schema, Obj) and id(schema) not in seen:
        seen.add(id(schema))
        for name, spec in schema.fields.items():
            if isinstance(spec.type, Text) and not isinstance(spec.type, NOT_FREE_TEXT):
                yield schema, name
            elif isinstance(spec.type, ListOf) and isinstance(spec.type.item, Text) \
                    and not isinstance(spec.type.item, NOT_FREE_TEXT):
                yield schema, name
            else:
                yield from text_fields(spec.type, seen)
    elif isinstance(schema, (ListOf, MapOf)):
        yield from text_fields(schema.item, seen)


def hostile_fields(schema, data, found: set) -> set:
    """The (object schema id, field name) pairs whose value in `data` holds hostile text."""
    if isinstance(schema, Obj) and isinstance(data, dict):
        for name, value in data.items():
            if name in schema.fields:
                if "pwned" in str(value) or "HOSTILE(" in str(value):
                    found.add((id(schema), name))
                hostile_fields(schema.fields[name].type, value, found)
    elif isinstance(schema, ListOf) and isinstance(data, list):
        for item in data:
            hostile_fields(schema.item, item, found)
    elif isinstance(schema, MapOf) and isinstance(data, dict):
        for item in data.values():
            hostile_fields(schema.item, item, found)
    return found


def test_the_fixtures_put_hostile_text_in_every_text_field():
    """A kind or field added later must get hostile text in tests/hostile/content/ too."""
    found: set = set()
    for kind in KINDS.values():
        for path in sorted((HERE / "content" / kind.folder).glob("*.yml")):
            hostile_fields(kind.schema, yaml.safe_load(path.read_text(encoding="utf-8")), found)
    missing = [f"{schema.title or 'a nested mapping'}: {name}" for kind in KINDS.values()
               for schema, name in text_fields(kind.schema) if (id(schema), name) not in found]
    assert not missing, f"text fields without hostile text in tests/hostile/content/: {missing}"


def test_no_page_carries_injected_markup_script_or_url(hostile):
    root, _ = hostile
    site = root / "site"
    found = [f for page in pages(site) for f in scan(page, site).found]
    assert not found, "\n".join(found)


def test_hostile_text_is_shown_word_for_word(hostile):
    """Escaped, not stripped: every field a page shows reads exactly as written."""
    root, markers = hostile
    site = root / "site"
    text = "\n".join(scan(page, site).visible_text() for page in pages(site))
    shown = [m for m in markers if f"{m} </title>" in text]
    garbled = [m for m in shown if " ".join(payload(m).split()) not in text]
    assert not garbled, f"fields shown altered: {garbled}"
    assert {"explainer-title", "explainer-claim", "event-title", "words", "source-text", "term-term",
            "position-statement", "note-text"} <= set(shown)


def test_titles_and_descriptions_stay_inside_their_elements(hostile):
    """Front matter flows into <title>, <meta> and the theme's header unescaped by the theme."""
    root, _ = hostile
    site = root / "site"
    page = scan(site / "explainers" / "hostile-explainer" / "index.html", site)
    titles = [attrs for tag, attrs in page.tags if tag == "title"]
    assert len(titles) == 1
    descriptions = [a["content"] for tag, a in page.tags if tag == "meta" and a.get("name") == "description"]
    assert len(descriptions) == 1 and "explainer-description" in descriptions[0]
    assert not [a for tag, a in page.tags if tag == "meta" and set(a) - {"name", "content", "property", "charset",
                                                                          "http-equiv", "viewport"}]


def test_the_built_pages_pass_the_strict_build_without_warnings(hostile):
    root, _ = hostile
    assert (root / "site" / "explainers" / "hostile-explainer" / "index.html").is_file()
    assert (root / "site" / "sources" / "hostile-source" / "index.html").is_file()
