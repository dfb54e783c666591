"""Loading: the bytes of one YAML file → a checked node tree, or problems.

Parsing stops at the node graph (`compose`): nothing is constructed, so no
tag can run code, and an alias is one shared node, not an expansion. The
walk below then refuses what the content never needs: anchors and aliases,
non-standard tags, duplicate keys, non-string keys.
"""

from __future__ import annotations

import yaml

from .problems import Problem

try:  # libyaml is several times faster and keeps line and column marks
    from yaml import CSafeLoader as Loader
except ImportError:  # pragma: no cover - exercised only without libyaml
    from yaml import SafeLoader as Loader

CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
ALIASES = "anchors and aliases"
MAX_BYTES = 2_000_000  # a content file this large is a mistake, not content


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (an optional byte-order mark is dropped) or a problem at the first bad byte."""
    if len(data) > MAX_BYTES:
        return None, [Problem(path, 1, 1, f"file is {len(data):,} bytes, over the {MAX_BYTES:,} limit",
                              "split it into smaller files")]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line = data.count(b"\n", 0, err.start) + 1
        column = err.start - (data.rfind(b"\n", 0, err.start) + 1) + 1
        return None, [Problem(path, line, column, f"byte 0x{data[err.start]:02x} is not UTF-8",
                              "save the file as UTF-8")]


def parse(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose one YAML document; report syntax errors with their position.

    The node comes back with problems such as duplicate keys, so a schema can
    report more in the same run; it is None when walking it would be unsafe.
    """
    try:
        nodes = list(yaml.compose_all(text, Loader=Loader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = err.problem or err.context or "invalid YAML"
        return None, [Problem(path, line, col, f"YAML syntax error: {what}",
                              "check indentation (spaces, not tabs), colons and quotes")]
    except yaml.YAMLError as err:
        return None, [Problem(path, 1, 1, f"YAML error: {err}", "fix the YAML syntax")]
    if not nodes:
        return None, [Problem(path, 1, 1, "file is empty", "add the record's fields or delete the file")]
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        return None, [Problem(path, mark.line + 1, mark.column + 1, "a second YAML document starts here",
                              "remove the '---' separator and what follows; one record per file")]
    problems = check_nodes(nodes[0], path)
    if any(p.message.startswith(ALIASES) for p in problems):
        # Composition keeps no trace of where an alias was written: find it in the events.
        others = [p for p in problems if not p.message.startswith(ALIASES)]
        return None, others + _alias_problems(text, path)
    return nodes[0], problems


def _alias_problems(text: str, path: str) -> list[Problem]:
    return [Problem(path, event.start_mark.line + 1, event.start_mark.column + 1,
                    f"{ALIASES} (&name, *name) are not allowed", "write the value out in full")
            for event in yaml.parse(text, Loader=Loader) if isinstance(event, yaml.AliasEvent)]


def check_nodes(root: yaml.Node, path: str) -> list[Problem]:
    """Refuse aliases, unsafe tags, duplicate and non-string keys anywhere in the tree."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            problems.append(_at(path, node, f"{ALIASES} (&name, *name) are not allowed",
                                "write the value out in full"))
            continue
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            problems.append(_at(path, node, f"tag {node.tag.replace(CORE, '!!')!r} is not allowed",
                                "remove the tag; content holds plain text, lists and mappings"))
            continue
        if isinstance(node, yaml.MappingNode):
            problems += _check_keys(node, path)
            stack.extend(value for _, value in reversed(node.value))
        elif isinstance(node, yaml.SequenceNode):
            stack.extend(reversed(node.value))
    return problems


def _check_keys(node: yaml.MappingNode, path: str) -> list[Problem]:
    problems = []
    first: dict[str, yaml.Node] = {}
    for key, _ in node.value:
        if key.tag == CORE + "merge":
            problems.append(_at(path, key, "merge keys (<<) are not allowed", "write the fields out in full"))
        elif not isinstance(key, yaml.ScalarNode) or key.tag not in (CORE + "str", CORE + "int"):
            problems.append(_at(path, key, "mapping keys must be plain words", "use a field name such as 'title'"))
        elif key.value in first:
            earlier = first[key.value].start_mark.line + 1
            problems.append(_at(path, key, f"duplicate key {key.value!r} (first on line {earlier})",
                                "keep one of them; YAML would silently drop the first"))
        else:
            first[key.value] = key
    return problems


def _at(path: str, node: yaml.Node, message: str, fix: str) -> Problem:
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, message, fix)
