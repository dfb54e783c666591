"""Fixes a contributor can paste: the checker's suggested values as ready YAML lines.

A hint such as "the closest passage" used to be shown as a Python repr, curly
quotation marks and all; pasted as printed it failed again. Each function
here returns a `key: value` line that YAML reads back as exactly the value,
and a quote that anchors in its source as it stands (the caller verifies).
Pure: a source text in, a line of YAML out.
"""

from __future__ import annotations

import re

import yaml

from ..load.nodes import NOT_PRINTABLE
from . import anchor as cite

MARKER = "ready to paste: "  # every pasteable fix ends with MARKER + one YAML line
QUOTE_MARKS = "\"'\u2018\u2019\u201a\u201b\u201c\u201d\u201e\u201f"
LINE_BREAKS = "\t\n\r\x85\u2028\u2029"  # printable, but a quoted line would fold or lose them
CONTEXT_WORDS = 12  # how far a prefix or a widened quote may reach


def yaml_line(key: str, value: str) -> str:
    """`key: value` on one line, reading back as exactly `value`: plain when that is safe, else quoted."""
    line = f"{key}: {value}"
    try:
        if yaml.safe_load(line) == {key: value}:
            return line
    except yaml.YAMLError:
        pass
    return f"{key}: {_double_quoted(value)}"


def _double_quoted(value: str) -> str:
    """A YAML double-quoted scalar; what a line may not hold is escaped by its code point."""
    out = []
    for ch in value:
        if ch in '\\"':
            out.append("\\" + ch)
        elif NOT_PRINTABLE.match(ch) or ch in LINE_BREAKS:
            code = ord(ch)
            out.append(f"\\x{code:02X}" if code < 0x100 else f"\\u{code:04X}" if code < 0x10000 else f"\\U{code:08X}")
        else:
            out.append(ch)
    return '"' + "".join(out) + '"'


def quote_fix(source: cite.SourceText, passage: cite.Anchor) -> str | None:
    """A `quote:` line for the passage, trimmed to whole words, widened until it occurs once."""
    first, last = _trimmed(source.text, passage.start, passage.end, lambda ch: not ch.isalnum())
    if len(source.text[first:last].split()) < cite.MIN_WORDS:
        first, last = passage.start, passage.end
    for start, end in _widenings(source.text, first, last):
        quote = source.text[start:end]
        if cite.anchor(source, quote) == cite.Anchor(source.id, start, end):
            return yaml_line("quote", quote)
    return None


def words_fix(source: cite.SourceText, passage: cite.Anchor) -> str | None:
    """A `words:` line for a quote record: the passage without the quotation marks around it, nor
    the comma a report puts before its closing mark (a question mark may be the speaker's)."""
    start, end = _trimmed(source.text, passage.start, passage.end, lambda ch: ch.isspace() or ch in QUOTE_MARKS + ",;:")
    words = source.text[start:end]
    return yaml_line("words", words) if words and source.occurrences(cite.fold(words)) else None


def prefix_fix(source: cite.SourceText, at: cite.Anchor) -> str | None:
    """A `prefix:` line with the words before `at` that tell it from the quote's other places.

    At least MIN_WORDS of them where there are so many: one word such as "session" tells the
    places apart but reads as a mistake.
    """
    quote = source.text[at.start : at.end]
    starts = [m.start() for m in re.finditer(r"\S+", source.text[: at.start])][-CONTEXT_WORDS:]
    for begin in reversed(starts[: len(starts) - cite.MIN_WORDS + 1] or starts[:1]):
        before = " ".join(source.text[begin : at.start].split())
        if cite.anchor(source, quote, prefix=before) == at:
            return yaml_line("prefix", before)
    return None


def _trimmed(text: str, start: int, end: int, strip) -> tuple[int, int]:
    while start < end and strip(text[start]):
        start += 1
    while end > start and strip(text[end - 1]):
        end -= 1
    return start, end


def _widenings(text: str, start: int, end: int):
    """The passage, then with one more word before it each time; then with words after it."""
    yield start, end
    before = [m.start() for m in re.finditer(r"\S+", text[:start])][-CONTEXT_WORDS:]
    for begin in reversed(before):
        yield _trimmed(text, begin, end, lambda ch: not ch.isalnum())
    after = [m.end() for m in re.finditer(r"\S+", text[end : end + 400])][:CONTEXT_WORDS]
    for finish in after:
        yield _trimmed(text, start, end + finish, lambda ch: not ch.isalnum())
