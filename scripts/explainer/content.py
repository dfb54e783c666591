"""The checked content as the renderer sees it: records, statements and anchors."""

from __future__ import annotations

from dataclasses import dataclass, field

from .cite import Anchor, SourceText
from .coverage import Coverage
from .model import Record


@dataclass
class Citation:
    source: str
    quote: str
    anchor: Anchor | None


@dataclass
class Statement:
    """Anything that carries `cite:`: a claim, an event, a quote, a position side…

    `anchor` is the HTML id it is published under; `owner` the file's record.
    """

    owner: Record
    where: tuple
    anchor: str
    text: str
    basis: str | None
    attributed_to: str | None
    citations: list[Citation]


@dataclass
class Content:
    records: dict[str, list[Record]] = field(default_factory=dict)
    sources: dict[str, SourceText] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)

    def of(self, kind: str) -> list[Record]:
        return self.records.get(kind, [])

    def record(self, kind: str, record_id: str) -> Record | None:
        return next((r for r in self.of(kind) if r.id == record_id), None)

    def statements_of(self, record: Record) -> list[Statement]:
        return [s for s in self.statements if s.owner is record]
