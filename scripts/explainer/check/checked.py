"""What the checks work on: the loaded records, the source texts, the statements and their anchors.

The renderers never see this: once every check passes, model/build.py makes
the typed records of model/records.py from it."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..cite.anchor import Anchor, SourceText
from ..cite.coverage import Coverage
from ..load.records import Record


@dataclass
class Citation:
    source: str
    quote: str
    anchor: Anchor | None


@dataclass
class Statement:
    """Anything that carries `cite:` or `references:`: a claim, an event, a quote, a position side…

    `anchor` is the HTML id it is published under; `owner` the file's record.
    """

    owner: Record
    where: tuple
    text_key: str  # the field that holds its text
    anchor: str
    text: str
    basis: str | None
    attributed_to: str | None
    citations: list[Citation]
    references: list[dict]  # a background statement's references (our own words), else empty


@dataclass
class Checked:
    records: dict[str, list[Record]] = field(default_factory=dict)
    sources: dict[str, SourceText] = field(default_factory=dict)
    statements: list[Statement] = field(default_factory=list)
    coverage: dict[str, Coverage] = field(default_factory=dict)
    # Lookups by id, built on first use and rebuilt when a list grows, so that
    # rendering stays linear in the content (a scan per lookup was quadratic).
    _indexes: dict = field(default_factory=dict, repr=False, compare=False)

    def of(self, kind: str) -> list[Record]:
        return self.records.get(kind, [])

    def record(self, kind: str, record_id: str) -> Record | None:
        records = self.of(kind)
        return self._index(("record", kind), records, lambda: {r.id: r for r in reversed(records)}).get(record_id)

    def statements_of(self, record: Record) -> list[Statement]:
        return self._by_owner().get(id(record), [])

    def statement_at(self, record: Record, where: tuple = ()) -> Statement | None:
        """The statement `record` carries at `where` (() for the record's own `cite:`)."""
        return next((s for s in self.statements_of(record) if s.where == where), None)

    def citing(self, source_id: str) -> list[tuple[Statement, Citation]]:
        """Every (statement, citation) that cites `source_id`, in statement order."""

        def build():
            found: dict[str, list] = {}
            for statement in self.statements:
                for citation in statement.citations:
                    found.setdefault(citation.source, []).append((statement, citation))
            return found

        return self._index("citing", self.statements, build).get(source_id, [])

    def memo(self, key: str, build):
        """A value computed once from the records (which do not change once checked)."""
        return self._index(("memo", key), self.records, build)

    def _by_owner(self) -> dict[int, list[Statement]]:
        def build():
            found: dict[int, list[Statement]] = {}
            for statement in self.statements:
                found.setdefault(id(statement.owner), []).append(statement)
            return found

        return self._index("owners", self.statements, build)

    def _index(self, key, basis, build):
        size = sum(map(len, basis.values())) if isinstance(basis, dict) else len(basis)
        cached = self._indexes.get(key)
        if cached is None or cached[0] != size:
            cached = self._indexes[key] = (size, build())
        return cached[1]
