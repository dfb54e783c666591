"""Who speaks in a source's text, shown to readers: each quoted span in a `<q>`, each reported
clause in a `<span>`, both titled with the speaker ("Ada Lind, quoted"), the narration plain.

The marks are told apart by the shape of their underline (solid: quoted; dotted: reported), so they
read without colour; a short legend above the text says so. Pure: the source page passes in how to
write the words of each piece (its cited passages highlighted), so the two kinds of mark nest.
"""

from __future__ import annotations

import bisect
import operator
from collections.abc import Callable

from ..cite.voices import Span, Speaker, Voice, describe
from ..model.records import Site
from .markup import text

TAGS = {Voice.QUOTED: "q", Voice.REPORTED: "span"}

LEGEND = (
    '<p class="voice-legend"><span class="voice voice-quoted">Solid underline</span>: quoted words. '
    '<span class="voice voice-reported">Dotted</span>: reported speech. Plain: the report&#39;s narration.</p>\n'
)


def legend(spans: list[Span]) -> str:
    """The key to the marks, for a text that has any."""
    return LEGEND if any(s.voice is not Voice.NARRATION for s in spans) else ""


def speakers_of_site(site: Site) -> list[Speaker]:
    """Each party, then each of its speakers, their names among their aliases (as the checks read them)."""
    found = []
    for party in site.parties:
        found.append(Speaker(party.id, party.name, party.id, (party.name, *party.aliases)))
        found += [Speaker(s.id, s.name, party.id, (s.name, *s.aliases)) for s in party.speakers]
    return found


def voiced(spans: list[Span], start: int, end: int, names: dict[str, str], words: Callable[[int, int], str]) -> str:
    """The text of [start, end), each voice's piece written by `words` and marked with its speaker."""
    out = []
    index = bisect.bisect_right(spans, start, key=operator.attrgetter("end"))  # the first to end after start
    while index < len(spans) and spans[index].start < end:
        span, index = spans[index], index + 1
        inner = words(max(span.start, start), min(span.end, end))
        out.append(inner if span.voice is Voice.NARRATION else _marked(span, names, inner))
    return "".join(out)


def _marked(span: Span, names: dict[str, str], inner: str) -> str:
    tag = TAGS[span.voice]
    title = text(describe(span.voice, span.speaker, names))
    return f'<{tag} class="voice voice-{span.voice.value}" title="{title}">{inner}</{tag}>'
