"""Loading: the bytes of one YAML file → a checked node tree, or problems.

Parsing stops at the node graph (`compose`): nothing is constructed, so no
tag can run code, and an alias is one shared node, not an expansion. The
walk below then refuses what the content never needs: anchors and aliases,
non-standard tags, duplicate keys, non-string keys.
"""

from __future__ import annotations

import re

import yaml

from ..model.problems import Problem, position, shown

# libyaml is several times faster and keeps line and column marks; the pure-Python loader otherwise.
Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

CORE = "tag:yaml.org,2002:"
PLAIN_TAGS = {CORE + t for t in ("str", "int", "float", "bool", "null", "timestamp", "map", "seq")}
ALIASES = "anchors and aliases"
# What YAML 1.1 allows in a stream (its "printable" set); anything else stops the reader.
NOT_PRINTABLE = re.compile("[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]")
MAX_DEPTH = 50  # records nest a few levels: record, list, mapping, cite list, citation
SCAN_DEPTH_FROM = 1000 if Loader.__name__ == "CSafeLoader" else MAX_DEPTH
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x84\x86-\x9f]")
MAX_BYTES = 2_000_000  # a content file this large is a mistake, not content


def too_big(size: int, path: str) -> Problem | None:
    """A file over the limit is a problem; the reader checks its size before reading it."""
    if size > MAX_BYTES:
        return Problem(
            path, 1, 1, f"file is {size:,} bytes, over the {MAX_BYTES:,} limit", "split it into smaller files"
        )
    return None


def decode(data: bytes, path: str) -> tuple[str | None, list[Problem]]:
    """UTF-8 (an optional byte-order mark is dropped) or a problem at the first bad byte."""
    if big := too_big(len(data), path):
        return None, [big]
    try:
        return data.decode("utf-8-sig"), []
    except UnicodeDecodeError as err:
        line, column = position(data, err.start)
        return None, [
            Problem(path, line, column, f"byte 0x{data[err.start]:02x} is not UTF-8", "save the file as UTF-8")
        ]


def controls(text: str, path: str) -> list[Problem]:
    """A control character in a text file (other than tab and line ends) is a problem at its place."""
    match = CONTROL.search(text)
    if match is None:
        return []
    line, column = position(text, match.start())
    return [
        Problem(
            path,
            line,
            column,
            f"control character U+{ord(match.group()):04X} in the text",
            "delete it; a verbatim source holds printable text, tabs and line breaks",
        )
    ]


def parse(text: str, path: str) -> tuple[yaml.Node | None, list[Problem]]:
    """Compose one YAML document; report syntax errors with their position.

    The node comes back with problems such as duplicate keys, so a schema can
    report more in the same run; it is None when walking it would be unsafe.
    """
    try:
        if deep := _too_deep(text, path):
            return None, [deep]
        nodes = list(yaml.compose_all(text, Loader=Loader))
    except yaml.MarkedYAMLError as err:
        mark = err.problem_mark or err.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        what = err.problem or err.context or "invalid YAML"
        return None, [
            Problem(
                path, line, col, f"YAML syntax error: {what}", "check indentation (spaces, not tabs), colons and quotes"
            )
        ]
    except yaml.YAMLError as err:  # a reader error: a character YAML does not allow
        return None, [_bad_character(text, path, err)]
    if not nodes:
        return None, [Problem(path, 1, 1, "file is empty", "add the record's fields or delete the file")]
    if len(nodes) > 1:
        mark = nodes[1].start_mark
        return None, [
            Problem(
                path,
                mark.line + 1,
                mark.column + 1,
                "a second YAML document starts here",
                "remove the '---' separator and what follows; one record per file",
            )
        ]
    problems = check_nodes(nodes[0], path)
    if any(p.message.startswith(ALIASES) for p in problems):
        # Composition keeps no trace of where an alias was written: find it in the events.
        others = [p for p in problems if not p.message.startswith(ALIASES)]
        return None, others + _alias_problems(text, path)
    return nodes[0], problems


def _too_deep(text: str, path: str) -> Problem | None:
    """Refuse nesting deeper than content ever needs, before composing.

    The composer recurses once per level (libyaml's in C: about 50,000 nested
    '[' crash the process) and libyaml's scanner slows quadratically with
    depth; the event stream is flat, so counting levels there is safe, and
    stopping at the limit keeps it cheap. Each level needs an opening bracket
    or a deeper column, which bounds the depth before anything is parsed.
    """
    bound = text.count("[") + text.count("{") + 2 * max(map(len, text.splitlines()), default=0) + 2
    if bound <= SCAN_DEPTH_FROM:
        return None
    depth = 0
    for event in yaml.parse(text, Loader=Loader):
        if isinstance(event, (yaml.SequenceStartEvent, yaml.MappingStartEvent)):
            depth += 1
            if depth > MAX_DEPTH:
                line, column = _place(event.start_mark)
                return Problem(
                    path,
                    line,
                    column,
                    f"nested more than {MAX_DEPTH} levels deep",
                    "write the record's fields as a flat mapping, as the other records do",
                )
        elif isinstance(event, (yaml.SequenceEndEvent, yaml.MappingEndEvent)):
            depth -= 1
    return None


def _bad_character(text: str, path: str, err: yaml.YAMLError) -> Problem:
    """Where the first character YAML refuses is; libyaml reports only an offset, in one line."""
    match = NOT_PRINTABLE.search(text)
    if match is None:
        return Problem(path, 1, 1, "YAML error: " + " ".join(str(err).split()), "fix the YAML syntax")
    line, column = position(text, match.start())
    return Problem(
        path,
        line,
        column,
        f"character U+{ord(match.group()):04X} is not allowed in YAML",
        "delete it; it is invisible or a control character",
    )


def _place(mark) -> tuple[int, int]:
    """A parser mark as 1-based line and column (the parser gives every event one)."""
    return (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)


def _alias_problems(text: str, path: str) -> list[Problem]:
    return [
        Problem(
            path, *_place(event.start_mark), f"{ALIASES} (&name, *name) are not allowed", "write the value out in full"
        )
        for event in yaml.parse(text, Loader=Loader)
        if isinstance(event, yaml.AliasEvent)
    ]


def check_nodes(root: yaml.Node, path: str) -> list[Problem]:
    """Refuse aliases, unsafe tags, duplicate and non-string keys anywhere in the tree."""
    problems: list[Problem] = []
    seen: set[int] = set()
    stack = [root]
    while stack:
        node = stack.pop()
        if id(node) in seen:
            problems.append(_at(path, node, f"{ALIASES} (&name, *name) are not allowed", "write the value out in full"))
            continue
        seen.add(id(node))
        if node.tag not in PLAIN_TAGS:
            problems.append(
                _at(
                    path,
                    node,
                    f"tag {node.tag.replace(CORE, '!!')!r} is not allowed",
                    "remove the tag; content holds plain text, lists and mappings",
                )
            )
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
            problems.append(
                _at(
                    path,
                    key,
                    f"duplicate key {shown(key.value)} (first on line {earlier})",
                    "keep one of them; YAML would silently drop the first",
                )
            )
        else:
            first[key.value] = key
    return problems


def _at(path: str, node: yaml.Node, message: str, fix: str) -> Problem:
    mark = node.start_mark
    return Problem(path, mark.line + 1, mark.column + 1, message, fix)
