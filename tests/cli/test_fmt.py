"""Canonical YAML: content is in canonical form, and formatting changes no value and drops no comment."""

from __future__ import annotations

import difflib

import pytest
import yaml
from hypothesis import given, settings
from hypothesis import strategies as st

from explainer.render import schemas
from explainer.load.records import kind_of
from explainer.cli.fmt import FormatError, format_text
from conftest import ROOT

HEADER = schemas.header("term")
CONTENT = sorted(p for p in (ROOT / "content").rglob("*.yml") if kind_of(p.relative_to(ROOT).as_posix()))


def comments(text: str) -> list[str]:
    """Comments as an independent reader sees them: scanned apart from fmt's own code."""
    found, scanner_tokens = [], list(yaml.scan(text, Loader=yaml.SafeLoader))
    for left, right in zip(scanner_tokens, scanner_tokens[1:]):
        gap = text[left.end_mark.index:right.start_mark.index]
        found += ["#" + part.split("\n", 1)[0].rstrip() for part in gap.split("#")[1:]]
    return sorted(found)


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_content_is_in_canonical_form(path):
    rel = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    canonical = format_text(text, rel, schemas.header(kind_of(rel)))
    diff = "".join(difflib.unified_diff(text.splitlines(True), canonical.splitlines(True), rel, rel))
    assert not diff, f"run `make fmt`:\n{diff}"


@pytest.mark.parametrize("path", CONTENT, ids=lambda p: p.relative_to(ROOT).as_posix())
def test_formatting_keeps_every_value_and_comment(path):
    rel = path.relative_to(ROOT).as_posix()
    text = path.read_text(encoding="utf-8")
    out = format_text(text, rel, schemas.header(kind_of(rel)))
    assert yaml.safe_load(out) == yaml.safe_load(text)
    assert [c for c in comments(out) if not c.startswith("# yaml-language-server")] == \
        [c for c in comments(text) if not c.startswith("# yaml-language-server")]
    assert format_text(out, rel, schemas.header(kind_of(rel))) == out


TRICKY = """---
# leading comment
id: x   # the id
title: "1987"
flag: 'yes'
empty:
year: 1987
when: 2019-09-05
colon: "a: b"
lead: " space"
multi: "line one\\nline two"
single: 'it''s'
text: >-  # why folded
  A long text that goes on and on and on, long enough to need folding at the width of one hundred columns, really.
list: [a, b,   c]
cite:
    # first citation
    - source: s
      quote: q   # trailing on quote
      # commented-out prefix
    # second citation
    - {source: t, quote: u}
# end comment
"""

TRICKY_CANONICAL = """# yaml-language-server: $schema=../../schemas/term.schema.json
# leading comment
id: x  # the id
title: "1987"
flag: "yes"
empty:
year: 1987
when: 2019-09-05
colon: "a: b"
lead: " space"
multi: "line one\\nline two"
single: it's
text: >-  # why folded
  A long text that goes on and on and on, long enough to need folding at the width of one hundred
  columns, really.
list:
  - a
  - b
  - c
cite:
  # first citation
  - source: s
    quote: q  # trailing on quote
    # commented-out prefix
  # second citation
  - source: t
    quote: u
# end comment
"""


def test_tricky_file_gets_its_canonical_form():
    assert format_text(TRICKY, "x.yml", HEADER) == TRICKY_CANONICAL
    assert yaml.safe_load(TRICKY_CANONICAL) == yaml.safe_load(TRICKY)


def test_a_file_with_problems_is_left_alone():
    with pytest.raises(FormatError) as err:
        format_text("id: x\nid: y\n", "content/glossary/x.yml", HEADER)
    assert err.value.problem.format() == ("content/glossary/x.yml:2:1: not formatted: duplicate key 'id' "
                                          "(first on line 1); fix what `make check` reports first")


PRINTABLE = st.text(st.characters(blacklist_categories=("Cs",)), max_size=300)


@settings(max_examples=300, deadline=None)
@given(value=PRINTABLE, key=st.from_regex(r"[a-z_]{1,12}", fullmatch=True), indent=st.integers(0, 3))
def test_any_string_survives_formatting(value, key, indent):
    """Whatever a string holds (quotes, colons, hashes, line breaks, odd spaces), it reads back the same."""
    data = {"id": "x", key: value, "list": [{"quote": value} for _ in range(indent)]}
    text = yaml.safe_dump(data, allow_unicode=True, width=40)
    out = format_text(text, "x.yml", HEADER)
    assert yaml.safe_load(out) == yaml.safe_load(text)  # PyYAML's own dump does not keep every character (\x85)
    assert format_text(out, "x.yml", HEADER) == out
