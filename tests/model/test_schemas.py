"""One schema, three uses: the checker, the JSON Schemas editors use, the field reference.

The committed schemas must be what model.py generates; real content must
pass them and the broken fixtures' typos must not; every content file names
its schema on its first line.
"""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest
import yaml

from explainer.render import reference
from explainer.render import schemas
from explainer.load.records import kind_of
from explainer.model.kinds import KINDS
from conftest import ROOT, TESTS

FIXTURES = TESTS / "fixtures" / "broken"


class Yaml12Loader(yaml.SafeLoader):
    """Reads scalars as editors do (YAML 1.2): 2019-09-05 stays a string, not a date."""


Yaml12Loader.yaml_implicit_resolvers = {
    first: [(tag, rx) for tag, rx in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


def validator(kind: str) -> jsonschema.Draft7Validator:
    schema = json.loads((ROOT / schemas.schema_path(kind)).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    return jsonschema.Draft7Validator(schema)


def content_files() -> list[Path]:
    return sorted(p for p in (ROOT / "content").rglob("*.yml") if kind_of(p.relative_to(ROOT).as_posix()))


def test_committed_schemas_are_what_the_model_generates():
    generated = schemas.files()
    committed = {p.relative_to(ROOT).as_posix(): p.read_text(encoding="utf-8")
                 for p in (ROOT / schemas.FOLDER).glob("*.schema.json")}
    stale = sorted(rel for rel in generated if committed.get(rel) != generated[rel])
    extra = sorted(set(committed) - set(generated))
    assert not stale and not extra, f"stale: {stale}, extra: {extra}; run `make schemas` and commit schemas/"


def test_every_kind_has_a_schema_with_all_its_fields():
    for kind, spec in KINDS.items():
        schema = schemas.schema(kind)
        assert schema["additionalProperties"] is False
        assert list(schema["properties"]) == list(spec.schema.fields)


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_passes_its_json_schema(path):
    kind = kind_of(path.relative_to(ROOT).as_posix())
    data = yaml.load(path.read_text(encoding="utf-8"), Loader=Yaml12Loader)
    problems = [f"{list(e.absolute_path)}: {e.message}" for e in validator(kind).iter_errors(data)]
    assert problems == []


@pytest.mark.parametrize("path", content_files(), ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_names_its_schema_on_the_first_line(path):
    kind = kind_of(path.relative_to(ROOT).as_posix())
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    assert first == schemas.header(kind), "run `make fmt` to add the schema line"
    target = (path.parent / first.split("$schema=", 1)[1]).resolve()
    assert target == (ROOT / schemas.schema_path(kind)).resolve() and target.is_file()


@pytest.mark.parametrize("kind", ["event", "lesson", "redirect"])
def test_json_schema_rejects_what_the_checker_rejects(kind):
    """The broken fixtures' unknown fields and bad values are errors for editors too."""
    data = yaml.load((FIXTURES / f"{kind}.yml").read_text(encoding="utf-8"), Loader=Yaml12Loader)
    messages = " ".join(e.message for e in validator(kind).iter_errors(data))
    assert "Additional properties are not allowed" in messages


def test_field_reference_is_in_step_with_the_model():
    committed = (ROOT / reference.PAGE).read_text(encoding="utf-8")
    assert committed == reference.markdown(), "run `make schemas` and commit docs/pages/contributing/fields.md"
    for kind, spec in KINDS.items():
        section = committed.split(f"## {kind} {{ #kind-{kind} }}", 1)[1].split("\n## ", 1)[0]
        for name in spec.schema.fields:
            assert f"| `{name}` |" in section, (kind, name)
