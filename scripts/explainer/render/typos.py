"""The source's own typos: kept as printed, and marked [sic] wherever its words are shown.

Which words are typos is data (`typos:` in a source's metadata), never code,
so a new source with its own slips needs no change here. Pure.

The mark is drawn by the stylesheet (`.typo::after`), not written into the
text: the words on the page, in a footnote or a copied quotation stay the
source's exact words, which the checks compare character for character.
"""

from __future__ import annotations

from collections.abc import Sequence

from .markup import escape, text

CONVENTION = (
    "Words are printed exactly as the source has them, typos included; [sic] follows a typo that is the source's own."
)


def sic_marked(words: str, typos: Sequence[str]) -> str:
    """The words as safe text, every whole typo they contain marked."""
    return mark_typos(text(words), typos)


def mark_typos(safe: str, typos: Sequence[str] | None) -> str:
    """Safe text (escaped already) with every typo it holds whole in a span the stylesheet marks [sic]."""
    for typo in typos or []:
        escaped = escape(typo)
        if typo and escaped in safe:
            safe = safe.replace(escaped, f'<span class="typo" title="&#91;sic&#93;: so in the source">{escaped}</span>')
    return safe


def has_typo(words: str, typos: Sequence[str]) -> bool:
    return any(typo and typo in " ".join(words.split()) for typo in typos or [])
