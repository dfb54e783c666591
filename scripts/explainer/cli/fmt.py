"""Canonical YAML for content files: `make fmt` rewrites them, CI shows the diff.

The output is written from the parsed node tree, and then parsed again and
compared, so values cannot change; comments are carried along. The form:
- the first line names the kind's JSON Schema (`# yaml-language-server: …`);
- block style, two-space indents, list items two spaces under their key;
- keys in the order written, no blank lines, no `---`;
- a string is plain when YAML reads it back as the same string, else
  double-quoted; one longer than WIDTH columns is folded (`>-`) at single spaces;
- a full-line comment stays before the key or list item it precedes (or after
  the one it is indented under); an end-of-line comment stays on its line.
"""

from __future__ import annotations

import io
import json
import re
from dataclasses import dataclass, field

import yaml

from ..load.nodes import Loader, parse
from ..model.problems import Problem

WIDTH = 100
STR = "tag:yaml.org,2002:str"
NULL = "tag:yaml.org,2002:null"
MODELINE = "# yaml-language-server:"
NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]|[\x85\u2028\u2029\ufeff]"
)
COMMENT = re.compile(r"#[^\r\n]*")


class FormatError(Exception):
    """The file cannot be formatted safely; `problem` says where and why."""

    def __init__(self, problem: Problem):
        super().__init__(problem.format())
        self.problem = problem


@dataclass
class Entry:
    """A mapping key or a list item, where it was written, and the comments that go with it."""

    line: int
    col: int
    key: yaml.Node | None
    value: yaml.Node
    children: list[Entry] = field(default_factory=list)
    before: list[str] = field(default_factory=list)
    after: list[str] = field(default_factory=list)
    trailing: str = ""


def format_text(text: str, path: str, header: str | None) -> str:
    """The canonical form of one content file's text; raises FormatError when unsafe."""
    node, problems = parse(text, path)
    if node is None or problems:
        first = problems[0] if problems else Problem(path, 1, 1, "cannot be parsed")
        raise FormatError(
            Problem(
                path, first.line, first.column, f"not formatted: {first.message}", "fix what `make check` reports first"
            )
        )
    if not isinstance(node, yaml.MappingNode):
        raise FormatError(
            Problem(path, 1, 1, "not formatted: the file is not a mapping of fields", "write 'field: value' lines")
        )
    tokens = list(yaml.scan(text, Loader=yaml.SafeLoader))
    dashes = iter(t.start_mark for t in tokens if isinstance(t, yaml.BlockEntryToken))
    entries = _entries(node, dashes)
    _attach(_comments(text, tokens), list(_flatten(entries)))
    lines = [header] if header else []
    for entry in entries:
        _emit(entry, 0, lines)
    out = "\n".join(lines) + "\n"
    _verify(text, out, path)
    return out


def _entries(node: yaml.Node, dashes) -> list[Entry]:
    out = []
    if isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            out.append(Entry(key.start_mark.line, key.start_mark.column, key, value, _entries(value, dashes)))
    elif isinstance(node, yaml.SequenceNode):
        for item in node.value:
            mark = item.start_mark if node.flow_style else next(dashes)
            out.append(Entry(mark.line, mark.column, None, item, _entries(item, dashes)))
    return out


def _flatten(entries: list[Entry]):
    for entry in entries:
        yield entry
        yield from _flatten(entry.children)


def _comments(text: str, tokens: list) -> list[tuple[int, int, bool, str]]:
    """(line, column, alone on its line, text) of every comment: they sit in the gaps between tokens."""
    found = []
    for left, right in zip(tokens, tokens[1:], strict=False):  # each token with the next
        start = left.end_mark.index
        for match in COMMENT.finditer(text, start, right.start_mark.index):
            line_start = text.rfind("\n", 0, match.start()) + 1
            alone = not text[line_start : match.start()].strip()
            line = text.count("\n", 0, match.start())
            found.append((line, match.start() - line_start, alone, match.group().rstrip()))
    for token in tokens:  # a block scalar's header may end in a comment the scanner folds into the token
        if isinstance(token, yaml.ScalarToken) and token.style in (">", "|"):
            line_end = text.find("\n", token.start_mark.index)
            header = text[token.start_mark.index : line_end if line_end != -1 else len(text)]
            header_comment = re.match(r"[>|][-+0-9]*[ \t]+(#.*)$", header)
            if header_comment:
                col = token.start_mark.column + header_comment.start(1)
                found.append((token.start_mark.line, col, False, header_comment.group(1).rstrip()))
    return sorted(c for c in found if not c[3].startswith(MODELINE))


def _attach(comments, entries: list[Entry]) -> None:
    for line, col, alone, body in comments:
        earlier = [e for e in entries if (e.line, e.col) < (line, col)]
        if not alone and earlier:
            holder = earlier[-1]
            if holder.trailing:
                holder.after.append(body)
            else:
                holder.trailing = body
            continue
        later = next((e for e in entries if (e.line, e.col) > (line, col)), None)
        under = [e for e in earlier if e.col <= col]
        if later is not None and (col <= later.col or not under):
            later.before.append(body)
        elif under:
            under[-1].after.append(body)
        else:
            entries[-1].after.append(body)


def _emit(entry: Entry, indent: int, out: list[str]) -> None:
    pad = " " * indent
    if entry.key is None and entry.children:  # the first child shares the dash's line
        entry.before += entry.children[0].before
        entry.children[0].before = []
    out.extend(pad + c for c in entry.before)
    head = pad + ("-" if entry.key is None else _key(entry.key) + ":")
    tail = f"  {entry.trailing}" if entry.trailing else ""
    value = entry.value
    if isinstance(value, yaml.ScalarNode):
        first, rest = _scalar(value, len(head) + 1, indent + 2)
        out.append((f"{head} {first}" if first else head) + tail)
        out.extend(rest)
    elif not value.value:
        out.append(f"{head} {'[]' if isinstance(value, yaml.SequenceNode) else '{}'}{tail}")
    elif entry.key is None:  # a list item holding a mapping or list: its first line follows the dash
        nested: list[str] = []
        for child in entry.children:
            _emit(child, indent + 2, nested)
        out.append(pad + "- " + nested[0][indent + 2 :] + tail)
        out.extend(nested[1:])
    else:
        out.append(head + tail)
        for child in entry.children:
            _emit(child, indent + 2, out)
    out.extend(pad + c for c in entry.after)


def _key(node: yaml.Node) -> str:
    if node.tag != STR:
        return node.value
    return node.value if _plain_ok(node.value) else _double_quoted(node.value)


def _scalar(node: yaml.ScalarNode, used: int, indent: int) -> tuple[str, list[str]]:
    """The scalar's first line (after 'key: ') and any further lines."""
    if node.tag != STR:  # numbers, dates, booleans and nulls stay as written (they were plain)
        return ("" if node.tag == NULL and node.value == "" else node.value), []
    value = node.value
    if used + len(value) > WIDTH and _foldable(value):
        lines = _wrap(value, WIDTH - indent)
        if len(lines) > 1:
            return ">-", [" " * indent + line for line in lines]
    return (value if _plain_ok(value) else _double_quoted(value)), []


_EMITTER = yaml.emitter.Emitter(io.StringIO(), allow_unicode=True)
_RESOLVER = yaml.resolver.Resolver()


def _plain_ok(value: str) -> bool:
    """A plain scalar YAML reads back as this very string."""
    if not value or NON_PRINTABLE.search(value):
        return False
    analysis = _EMITTER.analyze_scalar(value)
    if analysis.multiline or not analysis.allow_block_plain:
        return False
    return _RESOLVER.resolve(yaml.ScalarNode, value, (True, False)) == STR


def _foldable(value: str) -> bool:
    return (
        value == value.strip()
        and not re.search(r"[\t\r\n]", value)
        and not NON_PRINTABLE.search(value)
        and _EMITTER.analyze_scalar(value).allow_block
    )


def _wrap(value: str, width: int) -> list[str]:
    """Break at single spaces only: in a folded scalar each break reads back as one space."""
    breaks = [m.start() for m in re.finditer(r"(?<=\S) (?=\S)", value)]
    lines, start = [], 0
    while len(value) - start > width:
        fits = [b for b in breaks if start < b <= start + width]
        cut = fits[-1] if fits else next((b for b in breaks if b > start), None)
        if cut is None:
            break
        lines.append(value[start:cut])
        start = cut + 1
    lines.append(value[start:])
    return lines


def _double_quoted(value: str) -> str:
    quoted = json.dumps(value, ensure_ascii=False)  # JSON strings are YAML double-quoted scalars
    return NON_PRINTABLE.sub(lambda m: f"\\u{ord(m.group()):04x}", quoted)


def _verify(before: str, after: str, path: str) -> None:
    """Never write a file whose data or comments would change."""
    data = _data(before)
    same = data is not None and data == _data(after)
    if not same or _comment_texts(before) != _comment_texts(after):
        raise FormatError(
            Problem(
                path,
                1,
                1,
                "not formatted: the canonical form would change " + ("its data" if not same else "its comments"),
                "report this as a bug in scripts/explainer/cli/fmt.py; format the file by hand",
            )
        )


def _comment_texts(text: str) -> list[str] | None:
    try:
        return sorted(c[3] for c in _comments(text, list(yaml.scan(text, Loader=yaml.SafeLoader))))
    except yaml.YAMLError:
        return None


def _data(text: str):
    """The data a text holds, as composed: each scalar's resolved tag and text, nothing constructed
    (constructing would turn `date: 1987-02-30` into an error instead of a date to be checked)."""

    def walk(node: yaml.Node):
        if isinstance(node, yaml.MappingNode):
            return [(walk(key), walk(value)) for key, value in node.value]
        if isinstance(node, yaml.SequenceNode):
            return [walk(item) for item in node.value]
        return node.tag, node.value

    try:
        node = yaml.compose(text, Loader=Loader)
        return walk(node) if node is not None else None
    except yaml.YAMLError:
        return None
