"""Coverage: how much of a source its citations account for.

A sentence counts as covered when every letter and digit in it lies inside
some cited span; partial citations do not cover a sentence. Pure functions.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

# A sentence ends at . ? ! (optionally followed by closing quotes) before
# whitespace and a capital or an opening quote, or at the end of a line.
END = re.compile(r"[.?!][\"'\u201d\u2019)]*(?=\s+[\"'\u201c\u2018(]?[A-Z])|\n")
ABBREVIATION = re.compile(r"(?:\b(?:[A-Z]\.){2,}|\b(?:Mr|Mrs|Ms|Dr|St|Gen|Sen|Rep|No|vs)\.)$")
LOOK_BACK = 8  # enough for the longest named abbreviation, or the last two letters of a run like A.B.


def sentences(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence, trimmed of surrounding whitespace."""
    found, start = [], 0
    for match in END.finditer(text):
        end = match.end() if match.group() != "\n" else match.start()
        # "the E.U. summit": an abbreviation, not a sentence end. Only the last few characters are
        # searched (searching back to the sentence's start was quadratic in a text of abbreviations).
        if match.group() != "\n" and ABBREVIATION.search(
            text, max(start, match.start() - LOOK_BACK), match.start() + 1
        ):
            continue
        found.append(_trim(text, start, end))
        start = match.end()
    found.append(_trim(text, start, len(text)))
    return [(s, e) for s, e in found if e > s]


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


@dataclass
class Coverage:
    sentences: int = 0
    sentences_covered: int = 0
    chars: int = 0
    chars_covered: int = 0
    uncited: list[tuple[int, int]] = field(default_factory=list)

    @property
    def sentence_share(self) -> float:
        return 100.0 * self.sentences_covered / self.sentences if self.sentences else 100.0

    @property
    def char_share(self) -> float:
        return 100.0 * self.chars_covered / self.chars if self.chars else 100.0


def coverage(text: str, spans: list[tuple[int, int]]) -> Coverage:
    """Sentence and character coverage of `text` by the cited `spans`."""
    covered = bytearray(len(text))
    for start, end in spans:
        covered[start:end] = b"\x01" * (end - start)
    result = Coverage()
    for start, end in sentences(text):
        wanted = [i for i in range(start, end) if text[i].isalnum()]
        hit = sum(covered[i] for i in wanted)
        result.sentences += 1
        result.chars += len(wanted)
        result.chars_covered += hit
        if hit == len(wanted):
            result.sentences_covered += 1
        else:
            result.uncited.append((start, end))
    return result
