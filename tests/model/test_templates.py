"""A commented template per content kind: complete, canonical, and valid when copied into content/."""

from __future__ import annotations

import re

import pytest
import yaml

from explainer.render import schemas
from explainer.check.content import check_content
from explainer.load.records import load_record
from explainer.cli.fmt import format_text
from explainer.model.kinds import KINDS
from conftest import ROOT, read_files

TEMPLATES = ROOT / "templates"


def test_every_kind_has_a_template():
    assert sorted(p.stem for p in TEMPLATES.glob("*.yml")) == sorted(KINDS)


def fields_of(schema) -> set[str]:
    """Every field name of a kind, nested ones (citations, sections, questions, sides) included."""
    names = set()
    for name, spec in schema.fields.items():
        names.add(name)
        inner = getattr(spec.type, "item", None) or spec.type
        if hasattr(inner, "fields"):
            names |= fields_of(inner)
    return names


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_names_every_field(kind):
    text = (TEMPLATES / f"{kind}.yml").read_text(encoding="utf-8")
    written = set(re.findall(r"^[ #-]*([a-z_0-9]+):", text, re.M))
    missing = fields_of(KINDS[kind].schema) - written
    assert not missing, f"templates/{kind}.yml does not mention {sorted(missing)}"


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_template_is_canonical(kind):
    text = (TEMPLATES / f"{kind}.yml").read_text(encoding="utf-8")
    assert format_text(text, f"templates/{kind}.yml", schemas.header(kind)) == text, "run `make fmt`"


def test_site_template_is_a_valid_site_file():
    """There is one site file, so its template is checked alone (and a whole second site in test_second_site)."""
    record, problems = load_record("content/site.yml", (TEMPLATES / "site.yml").read_bytes())
    assert [p.format() for p in problems] == [] and record.kind == "site"


@pytest.mark.parametrize("kind", sorted(set(KINDS) - {"source", "site"}))
def test_template_copied_into_content_checks_clean(kind):
    """Beside the real content, as a contributor would copy it: no problem at all."""
    text = (TEMPLATES / f"{kind}.yml").read_bytes()
    path = f"content/{KINDS[kind].folder}/{yaml.safe_load(text)['id']}.yml"
    files = read_files(ROOT)
    assert path not in files
    files[path] = text
    _, problems = check_content(files)
    _, alone = check_content(read_files(ROOT))
    assert [p.format() for p in problems if p not in alone] == []


def test_source_template_has_valid_metadata():
    text = (TEMPLATES / "source.yml").read_bytes()
    record, problems = load_record("content/sources/example-source.yml", text)
    assert problems == [] and record.id == "example-source"
