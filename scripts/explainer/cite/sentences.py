"""The layout a source's voices are read in: paragraphs, top-level quotations and sentences.

Pure functions over the text, each returning (start, end) character offsets. A paragraph is a
line; a quotation opens with “ and closes with ” (‘ ’ nest inside it; outside one, ’ is an
apostrophe), and one left open runs to its paragraph's end, as a quotation continued in the next
paragraph does. Sentences never end inside a quotation.
"""

from __future__ import annotations

import re

Range = tuple[int, int]

OPEN, CLOSE = "\u201c", "\u201d"
_PARAGRAPH = re.compile(r"[^\n]*\S[^\n]*")
_SPACE = re.compile(r"\s*")
_MARK = re.compile(f"[{OPEN}{CLOSE}]")
# A sentence ends at . ? or ! (closing marks and brackets may follow) before a capital, digit or opening mark.
_END = re.compile(r"[.?!][\u201d\u2019)\]]*(?=\s+[\u201c\u2018(\[]?[A-Z0-9])")
# ... but not after a title ("Mr.") or a lone initial ("John F."); an initialism ("E.U.") may end one.
_NOT_END = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|Gov|Lt|Col|Prof|Jr|Sr|No|vs)|(?<![.\w])[A-Z])$")


def paragraphs(text: str) -> list[Range]:
    """Each line that holds more than whitespace, without its trailing whitespace."""
    return [_strip(text, m.start(), m.end()) for m in _PARAGRAPH.finditer(text)]


def quotations(text: str, paragraph: Range) -> list[Range]:
    """The top-level quotations of a paragraph, marks included."""
    found, depth, opened = [], 0, 0
    for mark in _MARK.finditer(text, *paragraph):
        if mark.group() == OPEN:
            opened = mark.start() if depth == 0 else opened
            depth += 1
        elif depth:  # a closing mark with nothing open is a stray: it stays narration
            depth -= 1
            if depth == 0:
                found.append((opened, mark.end()))
    if depth:
        found.append((opened, paragraph[1]))
    return found


def sentences(text: str) -> list[Range]:
    """Every sentence of the text, in order, without surrounding whitespace."""
    found = []
    for paragraph in paragraphs(text):
        found += sentences_of(text, paragraph, quotations(text, paragraph))
    return found


def sentences_of(text: str, paragraph: Range, quotes: list[Range]) -> list[Range]:
    """The sentences of one paragraph, given its quotations."""
    found, start = [], paragraph[0]
    for end in _ends(text, paragraph, quotes):
        found.append((start, end))
        spaces = _SPACE.match(text, end)  # always matches: the pattern allows no space at all
        start = spaces.end() if spaces else end
    if start < paragraph[1]:
        found.append((start, paragraph[1]))
    return found


def _ends(text: str, paragraph: Range, quotes: list[Range]):
    for m in _END.finditer(text, *paragraph):
        inside = any(q_start < m.end() < q_end for q_start, q_end in quotes)
        if not inside and not _NOT_END.search(text, max(paragraph[0], m.start() - 6), m.start()):
            yield m.end()


def _strip(text: str, start: int, end: int) -> Range:
    while end > start and text[end - 1].isspace():
        end -= 1
    while start < end and text[start].isspace():
        start += 1
    return start, end
