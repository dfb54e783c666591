"""Whose voice each cited word is: a statement's basis, attribution and side kind held to the
voices of the source spans it cites (issue 12).

The rules (`narration_problem`, `attribution_problem`, `quotation_problem`, `side_problem`) are
pure: they take what a citation reaches (`Heard`) and the site's `Cast`, and return the message of
an error, or None. `check_voices` walks the checked statements and quote records and places each
message on the line that makes the claim: `basis`, `attributed_to`, `kind` or a quote's `words`.
"""

from __future__ import annotations

import bisect
import operator
from dataclasses import dataclass
from functools import cached_property

from ..cite.anchor import SourceText, fold
from ..cite.voices import Span, Speaker, Voice, describe, read_voices, voice_of
from ..load.records import Record
from ..model.kinds import SITE_FILE
from ..model.problems import Problem, shown
from .checked import Checked, Statement
from .statements import QUOTED

EXCERPT = 40  # characters of cited words a message repeats
Heard = tuple[tuple[Voice, "str | None"], ...]


@dataclass(frozen=True)
class Cast:
    """The site's speakers and parties, looked up by any name or alias, case ignored."""

    speakers: tuple[Speaker, ...]

    @cached_property
    def names(self) -> dict[str, str]:
        return {s.id: s.name for s in self.speakers}

    def resolve(self, name: str) -> str | None:
        """The id of the speaker a name or alias names; None for no one."""
        wanted = _key(name)
        return next((s.id for s in self.speakers for a in s.aliases if _key(a) == wanted), None)

    def by_name(self, name: str) -> str | None:
        """The id of the speaker whose display name this is (a quote's `speaker`)."""
        return next((s.id for s in self.speakers if _key(s.name) == _key(name)), None)

    def known(self) -> str:
        names = sorted({a for s in self.speakers for a in s.aliases}, key=str.casefold)
        return ", ".join(names) or f"none yet (name the speaker under parties: in {SITE_FILE})"

    def members(self, party: str) -> set[str]:
        """The party and its speakers: whose words are the party's own."""
        return {s.id for s in self.speakers if s.id == party or s.party == party}


def speakers_of(site: dict) -> list[Speaker]:
    """Each party, then each of its speakers, from the site file's mapping; incomplete entries left
    to the schema check."""
    found = []
    for party in _listed(site.get("parties")):
        if not _named(party):
            continue
        found.append(Speaker(party["id"], party["name"], party["id"], _aliases(party)))
        found += [
            Speaker(s["id"], s["name"], party["id"], _aliases(s)) for s in _listed(party.get("speakers")) if _named(s)
        ]
    return found


@dataclass(frozen=True)
class Voices:
    """One source's spans, and where each cue that names a speaker stands."""

    spans: list[Span]
    cues: tuple[tuple[int, int, str], ...]  # (start, end, speaker)

    def heard(self, start: int, end: int) -> Heard:
        return voice_of(self.spans, start, end)

    def cued(self, start: int, end: int) -> set[str]:
        """The speakers whose cue [start, end) reaches into: a citation of the words that attribute
        speech to someone ("the harbor's mayor Ada Lind", of "Ada Lind said that") is theirs."""
        first = bisect.bisect_right(self.cues, start, key=operator.itemgetter(1))  # cues never overlap,
        last = bisect.bisect_left(self.cues, end, key=operator.itemgetter(0))  # so both ends are in order
        return {who for _, _, who in self.cues[first:last]}


def voices_of(text: str, speakers: list[Speaker]) -> Voices:
    spans = read_voices(text, speakers)
    cues = {(s.cue.start, s.cue.end, s.speaker) for s in spans if s.cue and s.speaker}
    return Voices(spans, tuple(sorted(cues)))


# --- The rules: pure, each a message or None ----------------------------------------------------


def narration_problem(heard: list[Heard], names: dict[str, str]) -> str | None:
    """Narration must cite some of the report's own words; a cue counts as the report's."""
    if any((Voice.NARRATION, None) in voices for voices in heard):
        return None
    return f"labelled narration, but the cited words are not the report's own (voice found: {found(heard, names)})"


def attribution_problem(who: str, heard: Heard, cued: set[str], quote: str, names: dict[str, str]) -> str | None:
    """A citation of a statement attributed to `who` holds their words, or the cue naming them."""
    if who in cued or any(v is not Voice.NARRATION and s == who for v, s in heard):
        return None
    name = names[who]
    return (
        f"attributed to {name}, but the cited words {_excerpt(quote)} are not {possessive(name)} "
        f"(voice found: {found([heard], names)})"
    )


def quotation_problem(who: str, words: str, heard: Heard, names: dict[str, str], label: str) -> str | None:
    """Quoted words lie inside quotation marks, in `who`'s voice only."""
    if heard and all(voice == (Voice.QUOTED, who) for voice in heard):
        return None
    return (
        f"{label} {_excerpt(words)} {'are' if label == 'words' else 'is'} not inside quotation marks "
        f"given to {names[who]} (voice found: {found([heard], names) if heard else 'none'})"
    )


FOREIGN = "another party's account"


def side_problem(kind: str | None, party: str, heard: list[Heard], cast: Cast) -> str | None:
    """A side's cited words agree with its kind: the party's own, the report's, or another's account."""
    names, members = cast.names, cast.members(party)
    party_name = names.get(party, party)
    spoken: list[Heard] = [tuple((v, s) for v, s in voices if v is not Voice.NARRATION) for voices in heard]
    foreign: list[Heard] = [tuple((v, s) for v, s in voices if s not in members) for voices in spoken]
    if kind != "account" and any(foreign):
        return (
            f"{FOREIGN} in the {party_name} cell without its label: "
            f"the cited words are not the {party_name} side's (voice found: {found(foreign, names)})"
        )
    if kind == "own" and not all(spoken):
        return f"kind own, but some cited words are the report's narration, not {possessive(party_name)} words"
    if kind == "actions" and any(spoken):
        voices = found(spoken, names)
        return f"kind actions, but the cited words are not only the report's narration (voice found: {voices})"
    if kind == "account" and not all(foreign):
        return (
            f"kind account, but some cited words are not another party's account of the {party_name} side "
            f"(voice found: {found(heard, names)})"
        )
    return None


SIDE_FIXES = {
    None: "set kind: account to show it under its label, or say with silent: that the sources give no position",
    "own": "set kind: actions for the report's narration, or cite only the party's quoted or reported words",
    "actions": "set kind: own or account to match whose words they are, or cite only the report's narration",
    "account": "set kind: own or actions to match whose words they are, or cite another party's words",
}


def found(heard: list[Heard], names: dict[str, str]) -> str:
    """Every distinct voice heard, described for readers, in order: "Ada Lind, quoted; the report"."""
    voices = dict.fromkeys(voice for voices in heard for voice in voices)
    return "; ".join(describe(v, s, names) for v, s in voices)


def possessive(name: str) -> str:
    return f"{name}'" if name.endswith("s") else f"{name}'s"


def _excerpt(words: str) -> str:
    return shown(" ".join(words.split()), EXCERPT)


def _key(name: str) -> str:
    return " ".join(name.replace("\u2019", "'").split()).casefold()


def _listed(value) -> list:
    """A list from YAML, or nothing: the schema check reports any other shape."""
    return value if isinstance(value, list) else []


def _named(item) -> bool:
    return isinstance(item, dict) and isinstance(item.get("id"), str) and isinstance(item.get("name"), str)


def _aliases(item: dict) -> tuple[str, ...]:
    aliases = item.get("aliases")
    return (item["name"], *(a for a in aliases if isinstance(a, str))) if isinstance(aliases, list) else (item["name"],)


# --- Placing the rules on the content -----------------------------------------------------------


def cast_of(content: Checked) -> Cast:
    sites = content.of("site")
    return content.memo("cast", lambda: Cast(tuple(speakers_of(sites[0].data if sites else {}))))


def source_voices(content: Checked, source: SourceText) -> Voices:
    """A source's voices, read once however many statements cite it."""
    return content.memo(f"voices:{source.id}", lambda: voices_of(source.text, list(cast_of(content).speakers)))


def check_aliases(content: Checked) -> list[Problem]:
    """A name or alias names one speaker: given to two, the reader could not tell whose words follow it."""
    sites = content.of("site")
    problems: list[Problem] = []
    owners: dict[str, str] = {}
    for where, owner, name in _names_in(sites[0].data) if sites else []:
        first = owners.setdefault(_key(name), owner)
        if first != owner:
            problems.append(
                sites[0].problem(
                    where,
                    f"{shown(name)} already names {first}",
                    "give each name or alias to one party or speaker, or the source's cues cannot tell them apart",
                )
            )
    return problems


def _names_in(site: dict):
    """(where, owner id, name) of every party's and speaker's name and alias, in file order."""
    for p, party in enumerate(_listed(site.get("parties"))):
        if not _named(party):
            continue
        yield from _own_names(("parties", p), party)
        for s, speaker in enumerate(_listed(party.get("speakers"))):
            if _named(speaker):
                yield from _own_names(("parties", p, "speakers", s), speaker)


def _own_names(where: tuple, item: dict):
    yield (*where, "name"), item["id"], item["name"]
    for a, alias in enumerate(_listed(item.get("aliases"))):
        if isinstance(alias, str):
            yield (*where, "aliases", a), item["id"], alias


def check_voices(content: Checked) -> list[Problem]:
    """Every cited statement's basis, attribution and side kind, and every quote's words, against
    the voices of what they cite."""
    if not content.of("site"):
        return []  # the missing site file is reported; without it no one can be told apart
    cast = cast_of(content)
    problems = check_aliases(content)
    for statement in content.statements:
        problems += _check_statement(content, cast, statement)
    for record in content.of("quote"):
        problems += _check_quote(content, cast, record)
    return problems


def _cited(content: Checked, statement: Statement):
    """(citation, its source's voices) for each anchored citation."""
    for citation in statement.citations:
        source = content.sources.get(citation.source)
        if citation.anchor and source is not None:
            yield citation, source_voices(content, source)


def _check_statement(content: Checked, cast: Cast, statement: Statement) -> list[Problem]:
    if statement.owner.kind == "quote":
        return []  # its words are checked against its speaker instead
    record, where, names = statement.owner, statement.where, cast.names
    cited = list(_cited(content, statement))
    heard = [voices.heard(c.anchor.start, c.anchor.end) for c, voices in cited if c.anchor]
    problems = []
    if statement.basis == "narration" and heard:
        message = narration_problem(heard, names)
        if message:
            fix = "set basis: reported or quotation with attributed_to, or cite the report's own words"
            problems.append(record.problem((*where, "basis"), message, fix))
    who = _attributed(cast, statement, problems)
    if who:
        problems += _check_attribution(record, where, who, cited, names)
        if statement.basis == "quotation":
            problems += _check_quotation(content, record, where, who, statement, cited, names)
    if record.kind == "position" and len(where) == 2 and heard:
        problems += _check_side(record, where, cast, heard)
    return problems


def _attributed(cast: Cast, statement: Statement, problems: list[Problem]) -> str | None:
    """The speaker id `attributed_to` names; an unknown name is reported."""
    name = statement.attributed_to
    if not isinstance(name, str) or not name:
        return None
    who = cast.resolve(name)
    if who is None:
        problems.append(
            statement.owner.problem(
                (*statement.where, "attributed_to"),
                f"attributed_to {shown(name)} names no speaker or party in {SITE_FILE}",
                f"use one of their names or aliases: {cast.known()}",
            )
        )
    return who


def _check_attribution(record: Record, where: tuple, who: str, cited, names) -> list[Problem]:
    problems = []
    for citation, voices in cited:
        start, end = citation.anchor.start, citation.anchor.end
        message = attribution_problem(who, voices.heard(start, end), voices.cued(start, end), citation.quote, names)
        if message:
            fix = f"cite {possessive(names[who])} words or the words that attribute them, or correct attributed_to"
            problems.append(record.problem((*where, "attributed_to"), message, fix))
    return problems


def _check_quotation(content: Checked, record: Record, where, who: str, statement, cited, names) -> list[Problem]:
    """The words a quotation statement shows in quotation marks; without any, its citations."""
    shown_words = [m.group(1) for m in QUOTED.finditer(statement.text or "")]
    places = []
    for words in shown_words:
        place = _within(content, words, cited)
        if place:
            places.append((words, place[1].heard(*place[0])))
    if not shown_words:
        places = [(c.quote, voices.heard(c.anchor.start, c.anchor.end)) for c, voices in cited]
        if any((Voice.QUOTED, who) in heard for _, heard in places):
            return []
    problems = []
    for words, heard in places:
        message = quotation_problem(who, words, heard, names, "labelled quotation, but")
        if message:
            fix = f"quote only words the report gives to {names[who]} in quotation marks, or set basis: reported"
            problems.append(record.problem((*where, "basis"), message, fix))
    return problems


def _within(content: Checked, words: str, cited):
    """Where words shown in quotation marks stand inside one of the citations: ((start, end), voices)."""
    folded = fold(words).strip(" ,.")
    for citation, voices in cited:
        source = content.sources[citation.source]
        for at in source.occurrences(folded) if folded else []:
            place = source.anchor_folded(at, len(folded))
            if citation.anchor.start <= place.start and place.end <= citation.anchor.end:
                return (place.start, place.end), voices
    return None  # not in the cited words: the quoted-words check reports it


def _check_side(record: Record, where: tuple, cast: Cast, heard: list[Heard]) -> list[Problem]:
    side = record.data["sides"][where[1]]
    kind = side.get("kind") if isinstance(side.get("kind"), str) else None
    message = side_problem(kind, where[1], heard, cast)
    if not message:
        return []
    foreign = message.startswith(FOREIGN)  # whatever the kind, the fix is the label or silence
    return [record.problem((*where, "kind"), message, SIDE_FIXES.get(None if foreign else kind, SIDE_FIXES[None]))]


def _check_quote(content: Checked, cast: Cast, record: Record) -> list[Problem]:
    """A quote record's words stand inside quotation marks its speaker is given in the source."""
    words, speaker = record.data.get("words"), record.data.get("speaker")
    if not isinstance(words, str) or not isinstance(speaker, str):
        return []
    who = cast.by_name(speaker)
    if who is None:
        names = ", ".join(sorted(cast.names.values(), key=str.casefold)) or f"none yet (add one in {SITE_FILE})"
        return [
            record.problem(
                ("speaker",), f"speaker {shown(speaker)} is no speaker in {SITE_FILE}", f"use one of: {names}"
            )
        ]
    heard = _heard_words(content, record, words)
    messages = [quotation_problem(who, words, h, cast.names, "words") for h in heard]
    if not heard or not all(messages):  # not verbatim (reported elsewhere), or one occurrence is theirs
        return []
    fix = f"copy words that stand inside quotation marks the report gives to {cast.names[who]}, or name their speaker"
    return [record.problem(("words",), str(messages[0]), fix)]


def _heard_words(content: Checked, record: Record, words: str) -> list[Heard]:
    """What each occurrence of a quote's words in its cited sources reaches."""
    folded, heard = fold(words), []
    for item in _listed(record.data.get("cite")):
        source = content.sources.get(str(item.get("source"))) if isinstance(item, dict) else None
        if source is None or not folded:
            continue
        for at in source.occurrences(folded):
            place = source.anchor_folded(at, len(folded))
            heard.append(source_voices(content, source).heard(place.start, place.end))
    return heard
