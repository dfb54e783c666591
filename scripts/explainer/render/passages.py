"""Numbered source passages for a printed handout: each passage printed once.

Pure: spans in, numbers out. A handout cites the same sentence from several
readings; printing its words under each one made a 50-minute lesson five pages
long. Instead every cited span gets a passage number, and a span inside a
longer cited span of the same source is read in that longer passage.
"""

from __future__ import annotations

from dataclasses import dataclass

Span = tuple[str, int, int]  # (source id, start, end) in the source's text


@dataclass(frozen=True)
class Passage:
    """One passage printed on a handout: its number and the words it holds."""

    number: int
    source: str
    start: int
    end: int

    def holds(self, span: Span) -> bool:
        return span[0] == self.source and self.start <= span[1] and span[2] <= self.end


def number_passages(stages: list[list[Span]]) -> dict[Span, Passage]:
    """Every span of every stage, mapped to the passage that prints it.

    Stages are numbered one after the other (the student's part first, then the
    answer key), so a passage has the same number in the handout and in the
    teacher's edition. Within a stage, passages are numbered in the order the
    first of the spans they hold appears; a span held by an earlier passage, or by a longer span
    of its own stage, adds no passage of its own.
    """
    passages: list[Passage] = []
    found: dict[Span, Passage] = {}
    for spans in stages:
        ordered = list(dict.fromkeys(spans))
        new = [s for s in ordered if not _held(s, passages) and not _inside_other(s, ordered)]
        new.sort(key=lambda n: next(i for i, s in enumerate(ordered) if _contains(n, s)))
        for span in new:
            passages.append(Passage(len(passages) + 1, *span))
        for span in ordered:
            found[span] = next(p for p in passages if p.holds(span))
    return found


def _held(span: Span, passages: list[Passage]) -> bool:
    return any(p.holds(span) for p in passages)


def _contains(outer: Span, inner: Span) -> bool:
    return outer[0] == inner[0] and outer[1] <= inner[1] and inner[2] <= outer[2]


def _inside_other(span: Span, spans: list[Span]) -> bool:
    """True when another, longer span of the same source holds this one."""
    return any(o != span and _contains(o, span) for o in spans)


def in_order(found: dict[Span, Passage]) -> list[Passage]:
    """The distinct passages, by number."""
    return sorted(set(found.values()), key=lambda p: p.number)
