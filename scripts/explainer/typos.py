"""The source's own typos: kept as printed, and marked [sic] wherever its words are shown.

Which words are typos is data (`typos:` in a source's metadata), never code,
so a new source with its own slips needs no change here. Pure.

The mark is drawn by the stylesheet (`.typo::after`), not written into the
text: the words on the page, in a footnote or a copied quotation stay the
source's exact words, which the checks compare character for character.
"""

from __future__ import annotations

from .markup import escape, text
from .problems import Problem, shown

CONVENTION = ("Words are printed exactly as the source has them, typos included; "
              "[sic] follows a typo that is the source's own.")


def sic_marked(words: str, typos: list[str]) -> str:
    """The words as safe text, every whole typo they contain marked."""
    return mark_typos(text(words), typos)


def mark_typos(safe: str, typos: list[str]) -> str:
    """Safe text (escaped already) with every typo it holds whole in a span the stylesheet marks [sic]."""
    for typo in typos or []:
        escaped = escape(typo)
        if typo and escaped in safe:
            safe = safe.replace(escaped, f'<span class="typo" title="&#91;sic&#93;: so in the source">{escaped}</span>')
    return safe


def has_typo(words: str, typos: list[str]) -> bool:
    return any(typo and typo in " ".join(words.split()) for typo in typos or [])


def check_typos(record, source_text: str) -> list[Problem]:
    """Every listed typo must occur in the source's text, or it marks nothing."""
    problems = []
    for index, typo in enumerate(record.data.get("typos") or []):
        if typo and typo not in source_text:
            line, col = record.at("typos", index)
            problems.append(Problem(record.path, line, col,
                                    f"typo {shown(typo)} is not in {record.id}.txt",
                                    "copy the word exactly as the text misprints it, or remove it from typos"))
    return problems
