"""Rendering pieces shared by every page: statements, labels, footnotes.

Pure: records in, Markdown strings out. Every string from content goes
through `markup.text`.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from ..model.content import Content
from ..model.records import Citation, Reference, Statement
from ..model.routes import link, source_page, span_id
from .markup import human_date, quoted, text
from .typos import mark_typos

BASIS_LABEL = {
    "narration": ("Narration", "The source states this in its own voice."),
    "reported": ("Reported", "Someone is reported to have said this (indirect speech)."),
    "quotation": ("Quotation", "These are someone's exact words, quoted verbatim."),
    "observation": (
        "About the text",
        "Our observation on the report's own wording; the words it describes are quoted and cited.",
    ),
    "background": (
        "Background: not from the news report",
        "Written in our own words from the public references listed with it; not checked against the source.",
    ),
}


def basis_badge(statement: Statement) -> str:
    """A small label telling narration, reported speech, quotation and background apart."""
    basis = "background" if statement.background else statement.basis
    if not basis:
        return ""
    label, meaning = BASIS_LABEL[basis]
    speaks = statement.basis in ("reported", "quotation")
    who = f": {text(statement.attributed_to)}" if statement.attributed_to and speaks else ""
    return f'<span class="basis basis-{basis}" title="{meaning}">{label}{who}</span>'


NOTE_LABEL = {
    "observation": "Editor's note",
    "inference": "Editor's inference",
    "background": "Background note (not from the news report)",
}


def note_label(kind: str) -> str:
    """What a note is, in words: an observation on the text, an inference, or background."""
    return NOTE_LABEL[kind]


def claim_class(statement: Statement) -> str:
    """A background statement has its own look, apart from verified ones."""
    return "claim background" if statement.background else "claim"


def reference(ref: Reference) -> str:
    """A background reference: its title linked to its address, publisher, date and where."""
    parts = [f"[{text(ref.title)}]({ref.url})", text(ref.publisher)]
    parts += [human_date(ref.date)] if ref.date else []
    parts += [text(ref.where.rstrip("."))] if ref.where else []  # the list adds its own stop
    return ", ".join(parts)


def reference_list(refs: tuple[Reference, ...]) -> str:
    """Background references inline: "(Background references: A; B)"."""
    return f' <span class="background-refs">(Background reference{"s" if len(refs) > 1 else ""}: ' + (
        "; ".join(reference(r) for r in refs) + ")</span>"
    )


def legend() -> str:
    """The key to the labels, shown once on every page that uses them."""
    items = "".join(
        f'<li><span class="basis basis-{key}">{label}</span> {meaning}</li>'
        for key, (label, meaning) in BASIS_LABEL.items()
    )
    return (
        f'<details class="legend"><summary>How to read the labels</summary>'
        f'<ul class="legend-list">{items}</ul>'
        f"<p>Each small number leads to the exact words in the source.</p></details>\n"
    )


@dataclass
class PageWriter:
    """Collects the footnotes of one page while its statements are written."""

    path: str
    content: Content
    footnotes: list[str] = field(default_factory=list)

    def cited(self, statement: Statement, shown: str | None = None) -> str:
        """Statement text (or `shown`), escaped, with a footnote for each citation."""
        body = text(shown if shown is not None else statement.text)
        return body + self.refs(statement)

    def refs(self, statement: Statement) -> str:
        marks = []
        for index, citation in enumerate(statement.citations, 1):
            label = f"{statement.anchor}-{index}"
            marks.append(f"[^{label}]")
            self.footnotes.append(f"[^{label}]: {self._footnote(citation)}")
        for index, ref in enumerate(statement.references, 1):
            label = f"{statement.anchor}-ref-{index}"
            marks.append(f"[^{label}]")
            self.footnotes.append(f"[^{label}]: Background reference, not the news report: {reference(ref)}")
        return "".join(marks)

    def _footnote(self, citation: Citation) -> str:
        title = text(self.content.source(citation.source).title)
        target = link(self.path, source_page(citation.source), span_id(citation.start, citation.end))
        typos = self.content.source(citation.source).typos
        return f"{mark_typos(quoted(citation.words), typos)} &#8212; [{title}]({target})"

    def permalink(self, anchor: str, what: str) -> str:
        """A visible link to the record's own anchor, for copying."""
        return f'[#](#{anchor}){{ .permalink title="Link to this {what}" aria-label="Link to this {what}" data-copy }}'

    def claim_block(self, statement: Statement, what: str = "claim") -> str:
        """A claim as its own paragraph: label, text, citations, permalink."""
        return (
            f'<p class="{claim_class(statement)}" id="{statement.anchor}" markdown="1">{basis_badge(statement)} '
            f"{self.cited(statement)} {self.permalink(statement.anchor, what)}</p>\n"
        )

    def finish(self, body: str) -> str:
        notes = "\n".join(self.footnotes)
        return body.rstrip("\n") + ("\n\n" + notes if notes else "") + "\n"
