"""Loading: YAML accidents and attacks become problems with positions, never exceptions."""

from __future__ import annotations

import pytest

from explainer.load.records import load_record

PATH = "content/glossary/x.yml"
VALID = b"id: x\nterm: X\ndefinition: An x.\nbasis: narration\ncite:\n  - source: s\n    quote: a b c\n"


def messages(data: bytes) -> list[tuple[int, int, str]]:
    _, problems = load_record(PATH, data)
    return [(p.line, p.column, p.message) for p in problems]


def test_valid_record_loads_with_positions():
    record, problems = load_record(PATH, VALID)
    assert problems == []
    assert record.id == "x" and record.at("cite", 0, "quote") == (7, 12)


@pytest.mark.parametrize("data, expected", [
    (b"", [(1, 1, "file is empty")]),
    (b"id: x\nid: y\n", [(2, 1, "duplicate key 'id' (first on line 1)")]),
    (b"id: x\n\tterm: X\n", [(2, 1, "YAML syntax error: found a tab character that violates indentation")]),
    (b"- id: x\n", [(1, 1, "record must be a mapping of fields")]),
    (b"id: !!python/object/apply:os.system [echo hi]\n", [(1, 5, "tag '!!python/object/apply:os.system' is not allowed")]),
    (b"a: &x [1]\nb: *x\n", [(2, 4, "anchors and aliases (&name, *name) are not allowed")]),
    (b"id: caf\xe9\n", [(1, 8, "byte 0xe9 is not UTF-8")]),
    (b"id: x\n---\nid: y\n", [(3, 1, "a second YAML document starts here")]),
])
def test_accidents_and_attacks_are_problems(data, expected):
    assert messages(data)[:len(expected)] == expected


def test_billion_laughs_is_refused_quickly():
    lines = ["a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
    lines += [f"a{i}: &a{i} [*a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}, *a{i-1}]"
              for i in range(1, 10)]
    found = messages("\n".join(lines).encode())
    assert found and all("aliases" in m for _, _, m in found)


def test_byte_order_mark_and_crlf_are_accepted():
    record, problems = load_record(PATH, b"\xef\xbb\xbf" + VALID.replace(b"\n", b"\r\n"))
    assert problems == [] and record.data["term"] == "X"


def test_a_value_repeated_in_a_message_is_cut_short_with_its_length():
    from explainer.model.problems import shown

    assert shown("treaty") == "'treaty'"
    assert shown("x" * 80) == repr("x" * 80)
    assert shown("x" * 81) == repr("x" * 79 + "…") + " (81 characters)"
    assert shown("x" * 500_000).endswith("…' (500,000 characters)") and len(shown("x" * 500_000)) < 110
