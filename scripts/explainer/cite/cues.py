"""Reporting cues: the frame words that attribute speech, found with the speakers' aliases as data.

Three shapes of English reporting, after the PARC attribution corpus and BBC R&D's Citron:
"According to X, …"; "X said (that) …" with any reporting verb, before or after what was said;
and "…, which X described as …". X is an alias of a speaker, or "he"/"she", which the caller
settles. Only the grammar words are here; who may speak, and by what names, comes in as data.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Iterable

Range = tuple[int, int]

PRONOUNS = ("he", "she")
SAY = (
    "said|says|told|tells|believes|believed|thinks|thought|argued|argues|added|adds|stated|claimed|claims|"
    "warned|warns|noted|insisted|insists|explained|declared|wrote|writes|replied|announced|asserted|"
    "maintained|maintains|acknowledged|admitted|accused|accuses"
)
# Verbs that take the relative "which" as their object: "which the ministry described as".
AS = r"described\s+(?:it\s+|them\s+)?as|called|termed|dubbed|labell?ed|characteri[sz]ed\s+(?:it\s+)?as"
TIME = (
    r"(?:on\s+|last\s+|this\s+)?(?:Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday|yesterday|today|"
    r"tonight|earlier|later|week|month|year)"
)
# Whom someone told, in lower case ("told an economic forum", "told reporters"), never "that".
_WORD = r"(?!that\b)[a-z][\w\u2019'-]*"
TOLD = rf"(?:told|tells)(?:\s+(?:(?:a|an|the)\s+(?:{_WORD}\s+){{0,2}}{_WORD}|{_WORD}))?"
PREPOSITIONS = "at|in|on|during|after|before|while|when|from|to|via|with|without|through|following|ahead"
# After a cue that follows what was said, only the circumstances come: "…,” the mayor said at the forum.
_AFTER_CONTENT = re.compile(rf"\s*(?:[.,;:!?)\]\u2014]|$)|\s+(?:{PREPOSITIONS}|{TIME})(?!\w)")
_ENDS_CONTENT = ",\u201d\u2014"


@dataclass(frozen=True)
class Cue:
    """The frame words of an attribution: `text` is the source's `[start:end]`."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Found:
    """A cue in a sentence; `speaker` is None for a pronoun, which the caller resolves."""

    cue: Cue
    speaker: str | None
    leading: bool  # what was said follows the cue (else it comes before it)


class Lexicon:
    """The speakers' aliases compiled into one pattern for cues and one for plain mentions."""

    def __init__(self, aliases: dict[str, str]):
        self.aliases = aliases
        names = "|".join(_alias_pattern(a) for a in sorted(aliases, key=len, reverse=True)) or r"(?!)"
        who = rf"(?:{names}|[Hh]e|[Ss]he)"
        self.mention = re.compile(rf"(?<!\w)(?:{names})(?!\w)")
        self.cue = re.compile(
            rf"(?<!\w)(?:(?P<acc>[Aa]ccording\s+to\s+(?P<w1>{who}))"
            rf"|(?P<rel>which\s+(?P<w2>{who})\s+(?:{AS}))"
            rf"|(?P<say>(?P<w3>{who})\s+(?:{TOLD}|{SAY})(?P<that>(?:\s+{TIME})?\s+that)?))(?!\w)"
        )

    def speaker(self, name: str) -> str | None:
        """The speaker an alias as written names; None for a pronoun."""
        name = " ".join(name.split())
        return self.aliases.get(name) or self.aliases.get(name[:1].lower() + name[1:])

    def cues(self, text: str, sentence: Range, quotes: list[Range]) -> list[Found]:
        """The cues of a sentence, in order, outside its quotations."""
        found = []
        for start, end in _outside(sentence, quotes):
            found += [self._found(text, sentence, m) for m in self.cue.finditer(text, start, end)]
        return found

    def mentions(self, text: str, start: int, end: int) -> Iterable[tuple[int, str | None]]:
        """(offset, speaker id) of every alias between start and end."""
        return ((m.start(), self.speaker(m.group())) for m in self.mention.finditer(text, start, end))

    def _found(self, text: str, sentence: Range, m: re.Match) -> Found:
        who = m.group("w1") or m.group("w2") or m.group("w3")
        leading = not m.group("say") or bool(m.group("that")) or not _after_content(text, sentence, m)
        return Found(Cue(m.start(), m.end(), m.group()), self.speaker(who), leading)


def aliases_of(speakers: Iterable) -> tuple[dict[str, str], list[tuple[str, list[str]]]]:
    """alias -> speaker id, and the aliases given to more than one speaker (the first keeps them)."""
    owners: dict[str, list[str]] = {}
    for speaker in speakers:
        for alias in speaker.aliases:
            owners.setdefault(" ".join(alias.split()), []).append(speaker.id)
    aliases = {alias: ids[0] for alias, ids in owners.items() if alias}
    return aliases, [(alias, ids) for alias, ids in owners.items() if len(set(ids)) > 1]


def _alias_pattern(alias: str) -> str:
    """An alias as a pattern: any run of spaces between words; a lower-case first letter may be a capital."""
    words = r"\s+".join(re.escape(w) for w in alias.split())
    first = alias[0]
    return f"[{first}{first.upper()}]{words[len(re.escape(first)) :]}" if first.islower() else words


def _after_content(text: str, sentence: Range, m: re.Match) -> bool:
    """A cue that closes a clause ("…,” he said."): after what was said, before its circumstances."""
    before = text[sentence[0] : m.start()].rstrip()
    return bool(before) and before[-1] in _ENDS_CONTENT and bool(_AFTER_CONTENT.match(text, m.end(), sentence[1]))


def _outside(sentence: Range, quotes: list[Range]) -> list[Range]:
    """The parts of a sentence between its quotations."""
    parts, start = [], sentence[0]
    for q_start, q_end in quotes:
        parts.append((start, q_start))
        start = q_end
    parts.append((start, sentence[1]))
    return [(s, e) for s, e in parts if s < e]
