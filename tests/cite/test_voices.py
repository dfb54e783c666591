"""Voices of a source (issue 12): every span of the real report read by hand, a made-up text with
other speakers, the edge cases one at a time, and the properties of the tiling."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from explainer.cite import cues
from explainer.cite.sentences import paragraphs, quotations, sentences
from explainer.cite.voices import Speaker, Voice, alias_clashes, describe, read_voices, voice_of
from conftest import ROOT

N, Q, R = Voice.NARRATION, Voice.QUOTED, Voice.REPORTED
REPORT = (ROOT / "content/sources/putin-eef-2019.txt").read_text(encoding="utf-8")
REPORT_SPEAKERS = (
    Speaker("putin", "Vladimir Putin", "russia",
            ("President Vladimir Putin", "Vladimir Putin", "Putin", "Russia’s president", "Russia's president")),
    Speaker("russia", "Russia", "russia", ("Russia", "Moscow")),
    Speaker("united_states", "United States", "united_states", ("the U.S.", "U.S.", "Washington", "the Americans")),
)

# Each sentence of the report, read by hand against /work/shared/sources/README.md: every span as
# (voice, speaker, its first characters exactly, the cue that attributes it).
REPORT_VOICES = [
    # 1. Putin's reported speech after "said that".
    [(N, None, "President Vladimir Putin said that ", None),
     (R, "putin", "Russia will produce new missiles", "President Vladimir Putin said that")],
    # 2. Reported speech after "According to Putin,".
    [(N, None, "According to Putin, ", None),
     (R, "putin", "Moscow will not deploy them", "According to Putin")],
    # 3. Direct quotation, the cue after it.
    [(Q, "putin", "“We’ve said in public already", "Putin told an economic forum"),
     (N, None, " Putin told an economic forum Thursday.", None)],
    # 4. "he" is the last person named, Putin, in the paragraph before.
    [(Q, "putin", "“We will produce such missiles,", "he said"),
     (N, None, " he said.", None)],
    # 5. Reported speech after "Russia’s president said"; "he wasn’t" is not a cue.
    [(N, None, "Russia’s president said ", None),
     (R, "putin", "he wasn’t pleased regarding", "Russia’s president said")],
    # 6. Direct quotation, the cue after it.
    [(Q, "putin", "“This actually makes us quite sad,", "Putin said"),
     (N, None, " Putin said during a plenary session", None)],
    # 7. A paragraph that is all quotation: the speaker still talking, with no cue of its own.
    [(Q, "putin", "“If they are deployed in Japan", None)],
    # 8. The report's narration of U.S. actions.
    [(N, None, "The U.S. withdrew from the 1987", None)],
    # 9. Reported belief around quoted words: voices belong to spans.
    [(N, None, "Putin believes ", None),
     (R, "putin", "breaking the treaty was ", "Putin believes"),
     (Q, "putin", "“counter-productive”", "Putin believes"),
     (R, "putin", " and would ", "Putin believes"),
     (Q, "putin", "“destroy the international arms control system.”", "Putin believes")],
    # 10, 11. Narration ("disclosed" is the report's word, not a cue with a speaker).
    [(N, None, "The former treaty disclosed", None)],
    [(N, None, "Both parties in the treaty accused", None)],
    # 12. The quoted description is Russia's, not Putin's.
    [(N, None, "The treaty seemed to be well gone", None),
     (Q, "russia", "“regrettable and provocative.”", "which Russia described as")],
    # 13. Reported speech; "Moscow asked" inside it is Putin's account, not a cue.
    [(N, None, "According to Putin, ", None),
     (R, "putin", "Moscow asked the U.S. to de-escalate", "According to Putin")],
    # 14. Reported speech with the cue after it.
    [(R, "putin", "Russia’s new weapons were talked about", "Putin said"),
     (N, None, " Putin said Thursday at the Eastern Economic Forum", None)],
    # 15. Reported speech after "According to Russia’s president,".
    [(N, None, "According to Russia’s president, ", None),
     (R, "putin", "he offered to sell Donald Trump", "According to Russia’s president")],
    # 16. Direct quotation with a quotation nested in it.
    [(Q, "putin", "“I told Donald, ‘if you want,", "Putin said"),
     (N, None, " Putin said at the plenary session.", None)],
    # 17. The report's account of a U.S. argument, then Putin's direct question.
    [(N, None, "The U.S. argued that ", None),
     (R, "united_states", "it would soon have these weapons as well,", "The U.S. argued that"),
     (N, None, " in which Putin said, ", None),
     (Q, "putin", "“why waste money when we have", "Putin said")],
]

# A made-up report (every sentence written for this test) with other speakers, parties and aliases.
HARBOR = "\n".join([
    "Mayor Ana Ruiz said that the harbor bridge will reopen in May. "
    "According to Ruiz, the repairs cost less than planned.",
    "“We kept the old piers because they still work,” Ruiz told a town meeting Tuesday.",
    "“The tides decide our calendar, not the other way round,” she said.",
    "The guild’s chair said he doubted the timetable. “Boats cannot wait another season, and the repairs "
    "have already slipped twice,” Okafor said at the quay.",
    "“We have asked City Hall for a written plan. Nobody has answered.”",
    "Dr. Lena Park inspected the piers on Monday. "
    "Okafor believes the inspection was “too little, too late” and would “leave the fishers stranded.”",
    "The ferry ran late twice in April, which the guild described as “a warning nobody heeded.” "
    "According to Okafor, the council never published the report.",
    "Repairs to the east pier were discussed with the harbor engineer in March, with questions about who "
    "pays for the cranes, Ruiz said Wednesday at City Hall. The council argued that the cranes belong to the "
    "port, to which Okafor said, “then let the port fix them.”",
    "“My grandfather used to say, ‘the sea keeps its own books’, and he was right,” Okafor said.",
    "“The bridge is only the start,” Ruiz said. “Next year we rebuild the sea wall, and after that the market.",
    "“It will take patience,” she added.",
])
HARBOR_SPEAKERS = (
    Speaker("ruiz", "Ana Ruiz", "council", ("Mayor Ana Ruiz", "Ana Ruiz", "Ruiz", "the mayor")),
    Speaker("council", "Harbor Council", "council", ("the council", "City Hall")),
    Speaker("okafor", "Chidi Okafor", "guild", ("Chidi Okafor", "Okafor", "the guild’s chair")),
    Speaker("guild", "Fishers’ Guild", None, ("the guild", "the fishers")),
)
HARBOR_VOICES = [
    [(N, None, "Mayor Ana Ruiz said that ", None),
     (R, "ruiz", "the harbor bridge will reopen in May.", "Mayor Ana Ruiz said that")],
    [(N, None, "According to Ruiz, ", None), (R, "ruiz", "the repairs cost", "According to Ruiz")],
    [(Q, "ruiz", "“We kept the old piers", "Ruiz told a town meeting"), (N, None, " Ruiz told a town", None)],
    [(Q, "ruiz", "“The tides decide", "she said"), (N, None, " she said.", None)],
    [(N, None, "The guild’s chair said ", None),
     (R, "okafor", "he doubted the timetable.", "The guild’s chair said")],
    [(Q, "okafor", "“Boats cannot wait", "Okafor said"), (N, None, " Okafor said at the quay.", None)],
    # An unattributed quotation paragraph of two sentences: one quotation, one speaker still talking.
    [(Q, "okafor", "“We have asked City Hall for a written plan. Nobody has answered.”", None)],
    [(N, None, "Dr. Lena Park inspected the piers on Monday.", None)],
    [(N, None, "Okafor believes ", None),
     (R, "okafor", "the inspection was ", "Okafor believes"),
     (Q, "okafor", "“too little, too late”", "Okafor believes"),
     (R, "okafor", " and would ", "Okafor believes"),
     (Q, "okafor", "“leave the fishers stranded.”", "Okafor believes")],
    [(N, None, "The ferry ran late twice in April, which the guild described as ", None),
     (Q, "guild", "“a warning nobody heeded.”", "which the guild described as")],
    [(N, None, "According to Okafor, ", None), (R, "okafor", "the council never", "According to Okafor")],
    [(R, "ruiz", "Repairs to the east pier", "Ruiz said"), (N, None, " Ruiz said Wednesday at City Hall.", None)],
    [(N, None, "The council argued that ", None),
     (R, "council", "the cranes belong to the port,", "The council argued that"),
     (N, None, " to which Okafor said, ", None),
     (Q, "okafor", "“then let the port fix them.”", "Okafor said")],
    [(Q, "okafor", "“My grandfather used to say, ‘the sea", "Okafor said"), (N, None, " Okafor said.", None)],
    [(Q, "ruiz", "“The bridge is only the start,”", "Ruiz said"), (N, None, " Ruiz said.", None)],
    # Left open at the paragraph's end, as a quotation continued in the next paragraph is.
    [(Q, "ruiz", "“Next year we rebuild the sea wall, and after that the market.", None)],
    [(Q, "ruiz", "“It will take patience,”", "she added"), (N, None, " she added.", None)],
]


def voices_by_sentence(text: str, speakers) -> list[list[tuple]]:
    """Each sentence's spans as (voice, speaker, first characters, cue); only blank narration between."""
    spans, rows = read_voices(text, speakers), []
    for start, end in sentences(text):
        inside = [s for s in spans if start <= s.start < end]
        assert inside[0].start == start and inside[-1].end == end
        rows.append([(s.voice, s.speaker, text[s.start:s.end], s.cue and s.cue.text) for s in inside])
    between = [s for s in spans if not any(a <= s.start < b for a, b in sentences(text))]
    assert all(s.blank and s.voice is N and not text[s.start:s.end].strip() for s in between)
    return rows


def compared(rows: list[list[tuple]], expected: list[list[tuple]]) -> list[list[tuple]]:
    """The rows cut to as many characters as each expected span gives, to compare in one diff."""
    cut = []
    for row, wanted in zip(rows, expected):
        firsts = [w[2] for w in wanted] + [""] * len(row)
        cut.append([(v, s, words[:len(first) or 40], cue) for (v, s, words, cue), first in zip(row, firsts)])
    return cut


def test_the_report_has_seventeen_sentences_in_eleven_paragraphs():
    assert len(paragraphs(REPORT)) == 11
    assert len(sentences(REPORT)) == 17


def test_every_span_of_the_report_has_the_voice_read_by_hand():
    rows = voices_by_sentence(REPORT, REPORT_SPEAKERS)
    assert compared(rows, REPORT_VOICES) == REPORT_VOICES


def test_a_made_up_text_with_other_speakers_reads_the_same_way():
    rows = voices_by_sentence(HARBOR, HARBOR_SPEAKERS)
    assert len(rows) == 17
    assert compared(rows, HARBOR_VOICES) == HARBOR_VOICES


def test_without_speakers_the_report_is_narration_and_quotations_of_nobody():
    spans = read_voices(REPORT, ())
    assert {(s.voice, s.speaker) for s in spans} == {(N, None), (Q, None)}
    # "he said" is the only cue left: a pronoun needs no alias, but no one is named for it to be
    assert [s.cue.text for s in spans if s.cue] == ["he said"]


def cited(quote: str) -> tuple:
    start = REPORT.index(quote)
    return voice_of(read_voices(REPORT, REPORT_SPEAKERS), start, start + len(quote))


def test_voice_of_gives_what_the_checks_need():
    # a statement labelled narration that cites only Putin's words
    assert cited("why waste money when we have already spent it") == ((Q, "putin"),)
    assert cited("Moscow will not deploy them unless Washington makes the first move") == ((R, "putin"),)
    # a statement attributed to Putin that cites the report's narration
    assert cited("Putin said Thursday at the Eastern Economic Forum in Vladivostok.") == ((N, None),)
    assert cited("The U.S. argued that it would soon have these weapons as well") == (
        (N, None), (R, "united_states"))
    # a direct quote whose words lie outside quotation marks
    assert cited("breaking the treaty was “counter-productive”") == ((R, "putin"), (Q, "putin"))
    assert cited("“regrettable and provocative.”") == ((Q, "russia"),)


def test_voice_of_passes_over_the_spaces_between_sentences_and_gives_nothing_for_nothing():
    assert cited("makes the first move.\n“We’ve said in public") == ((R, "putin"), (Q, "putin"))
    assert voice_of(read_voices(REPORT, REPORT_SPEAKERS), 10, 10) == ()


def test_a_cue_before_or_after_what_was_said():
    speakers = (Speaker("ana", "Ana", "p", ("Ana",)), Speaker("p", "P", None, ("P",)))
    text = "In June, Ana said rain would come. Rain came, Ana said on Monday."
    assert [(s.voice, text[s.start:s.end]) for s in read_voices(text, speakers) if not s.blank] == [
        (N, "In June, Ana said "), (R, "rain would come."), (R, "Rain came,"), (N, " Ana said on Monday.")]


def test_a_cue_after_a_quotation_governs_only_that_quotation():
    speakers = (Speaker("ana", "Ana", "p", ("Ana",)),)
    cases = [("It rained, and “Rain,” Ana said.", "“Rain,”"),
             ("It rained, and “Rain”, Ana said.", "“Rain”")]  # the comma outside the marks
    for text, words in cases:
        assert [(s.voice, s.speaker, text[s.start:s.end]) for s in read_voices(text, speakers)][:2] == [
            (N, None, "It rained, and "), (Q, "ana", words)]


def test_marks_between_quotations_a_cue_governs_are_narration_not_reported_words():
    text = "Ana believes “rain” — “snow”."
    assert [(s.voice, text[s.start:s.end]) for s in read_voices(text, (Speaker("ana", "Ana", None, ("Ana",)),))] == [
        (N, "Ana believes "), (Q, "“rain”"), (N, " — "), (Q, "“snow”"), (N, ".")]


def test_a_pronoun_is_the_last_person_named_by_the_report_in_this_paragraph_or_the_one_before():
    speakers = (Speaker("ana", "Ana", "p", ("Ana",)), Speaker("bo", "Bo", "p", ("Bo",)),
                Speaker("p", "The Party", None, ("The Party",)))

    def quoted(text):
        return [(s.speaker, s.cue and s.cue.text) for s in read_voices(text, speakers) if s.voice is Q]

    assert quoted("“Rain,” he said.") == [(None, "he said")]  # no one named
    assert quoted("Ana arrived.\n“Rain,” she said.") == [("ana", "she said")]  # named without a cue
    assert quoted("Ana arrived.\nIt was late.\n“Rain,” she said.") == [(None, "she said")]  # too far back
    assert quoted("Ana arrived.\n“Rain,” she said.\n“Snow,” she said.") == [("ana", "she said")] * 2
    assert quoted("The Party said that it rains. “Rain,” he said.") == [(None, "he said")]  # a party is no he
    assert quoted("The Party left, and “Rain,” he said.") == [(None, "he said")]
    assert quoted("According to Ana, Bo left. “Rain,” she said.") == [("ana", "she said")]  # not in her words
    assert quoted("“Bo left,” Ana said. “Rain,” he said.") == [("ana", "Ana said"), ("ana", "he said")]


def test_a_quotation_without_a_cue_is_the_speaker_still_talking_or_nobody():
    speakers = (Speaker("ana", "Ana", None, ("Ana",)),)

    def quoted(text):
        return [s.speaker for s in read_voices(text, speakers) if s.voice is Q]

    assert quoted("Ana said that it rains.\n“Rain.”") == ["ana"]
    assert quoted("Ana said that it rains.\nIt rained.\n“Rain.”") == [None]
    assert quoted("“Rain.”") == [None]


def test_an_alias_may_start_a_sentence_with_a_capital_and_spacing_is_forgiven():
    speakers = (Speaker("us", "United States", None, ("the Americans",)),)
    text = "The Americans\nsaid that it rains. The  Americans argued that it snows."
    assert [(s.voice, s.cue and s.cue.text) for s in read_voices(text, speakers) if s.voice is R] == [
        (R, "The  Americans argued that")]  # a line break ends a paragraph, so the first is no cue


def test_sentences_end_at_initialisms_but_not_at_titles_initials_or_inside_quotations():
    text = "Dr. Lena Park met John F. Kennedy. It was in the U.S. Then “A. B,” he said. Done"
    assert [text[a:b] for a, b in sentences(text)] == [
        "Dr. Lena Park met John F. Kennedy.", "It was in the U.S.", "Then “A. B,” he said.", "Done"]


def test_quotations_nest_run_on_to_the_paragraphs_end_and_ignore_stray_closing_marks():
    text = "x ” y “a “b” c” d “open to the end  \nnext"
    paragraph = paragraphs(text)[0]
    assert [text[a:b] for a, b in quotations(text, paragraph)] == ["“a “b” c”", "“open to the end"]


def test_a_voice_is_described_for_readers_by_the_speaker_s_name():
    names = {s.id: s.name for s in REPORT_SPEAKERS}
    assert [describe(voice, who, names) for voice, who in cited("Trump Russia’s latest weapons")] == [
        "Vladimir Putin, reported"]
    assert describe(Q, "putin", names) == "Vladimir Putin, quoted"
    assert describe(N, None, names) == "the report"
    assert describe(Q, None, names) == "a speaker the text does not name, quoted"


def test_an_alias_given_to_two_speakers_is_reported():
    speakers = (Speaker("russia", "Russia", None, ("Russia", "Moscow")),
                Speaker("city", "Moscow City", None, ("Moscow", "the city")),
                Speaker("mayor", "Mayor", "city", ("the mayor", "the  mayor")))
    assert alias_clashes(speakers) == [("Moscow", ["russia", "city"])]


# --- Properties ----------------------------------------------------------------------------------

FRAGMENTS = [
    "Putin", "Vladimir Putin", "Russia’s president", "Russia", "Moscow", "the U.S.", "U.S.", "The", "he", "she",
    " said", " told an economic forum", " believes", " argued that", "According to ", "which ",
    " described as ", " that", " Thursday", " at", ", ", ". ", "? ", "! ", "“", "”", "‘", "’", "\n", " ",
    "  ", "missiles", "Dr.", "F.", "—", ":", "(", ")", "\t", "\r\n",
]
TEXTS = st.one_of(st.lists(st.sampled_from(FRAGMENTS), max_size=60).map("".join), st.text(max_size=200))


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_spans_tile_the_text_and_say_what_they_hold(text):
    spans = read_voices(text, REPORT_SPEAKERS)
    edges = [0] + [s.end for s in spans]
    assert [s.start for s in spans] == edges[:-1]  # each span starts where the one before ends
    assert edges[-1] == len(text)
    for span in spans:
        assert span.start < span.end
        assert span.blank == (re.search(r"\w", text[span.start:span.end]) is None)
        assert span.voice is not R or not span.blank
        assert span.voice is not N or (span.speaker, span.cue) == (None, None)
        assert span.cue is None or span.cue.text == text[span.cue.start:span.cue.end]


@settings(max_examples=300, deadline=None)
@given(TEXTS)
def test_quoted_spans_are_the_words_inside_quotation_marks(text):
    spans = read_voices(text, REPORT_SPEAKERS)
    for span in (s for s in spans if s.voice is Q):
        assert text[span.start] == "“"
        assert text[span.end - 1] == "”" or not text[span.end:].split("\n", 1)[0].strip()
    for marked in re.finditer("“[^“”\n]*”", text):  # every closed quotation lies in one quoted span
        assert any(s.voice is Q and s.start <= marked.start() and marked.end() <= s.end for s in spans)


REPORT_SPANS = read_voices(REPORT, REPORT_SPEAKERS)


@settings(max_examples=300, deadline=None)
@given(st.integers(0, len(REPORT)), st.integers(0, len(REPORT)))
def test_voice_of_is_the_voices_of_the_characters_in_range(start, end):
    heard = []
    for at in range(start, end):
        span = next(s for s in REPORT_SPANS if s.start <= at < s.end)
        if not span.blank and (span.voice, span.speaker) not in heard:
            heard.append((span.voice, span.speaker))
    assert voice_of(REPORT_SPANS, start, end) == tuple(heard)


GRAMMAR = set(re.findall(r"[a-z]+", " ".join([cues.SAY, cues.AS, cues.TIME, cues.PREPOSITIONS]).lower()))
TAKEN = GRAMMAR | {w.lower() for w in re.findall(r"\w+", REPORT + HARBOR)} | {"according", "which", "that"}
NAMES = st.from_regex(r"[A-Z][a-z]{3,8}", fullmatch=True).filter(lambda w: w.lower() not in TAKEN)
NOUNS = st.from_regex(r"[a-z]{4,8}", fullmatch=True).filter(lambda w: w not in TAKEN)


def renamed(text: str, names: dict[str, str]) -> str:
    pattern = "|".join(re.escape(old) for old in sorted(names, key=len, reverse=True))
    return re.sub(rf"(?<!\w)(?:{pattern})(?!\w)", lambda m: names[m.group()], text)


def assert_same_voices(text: str, speakers, names: dict[str, str]) -> None:
    """Renaming aliases alike in text and data changes the words of the spans, never their voices."""
    moved = [Speaker(s.id, s.name, s.party, tuple(renamed(a, names) for a in s.aliases)) for s in speakers]
    new_text = renamed(text, names)
    before, after = read_voices(text, speakers), read_voices(new_text, moved)
    assert [(s.voice, s.speaker, s.blank) for s in before] == [(s.voice, s.speaker, s.blank) for s in after]
    for old, new in zip(before, after):
        assert renamed(text[old.start:old.end], names) == new_text[new.start:new.end]
        assert (old.cue and renamed(old.cue.text, names)) == (new.cue and new.cue.text)


@settings(max_examples=40, deadline=None)
@given(st.lists(NAMES, min_size=6, max_size=6, unique=True), st.from_regex(r"[A-Z]\.[A-Z]\.", fullmatch=True))
def test_renaming_the_report_speakers_keeps_every_voice(names, initials):
    olds = ["Putin", "Vladimir", "Russia", "Moscow", "Washington", "Americans"]
    assert_same_voices(REPORT, REPORT_SPEAKERS, dict(zip(olds, names)) | {"U.S.": initials})


@settings(max_examples=40, deadline=None)
@given(st.lists(NAMES, min_size=5, max_size=5, unique=True), st.lists(NOUNS, min_size=3, max_size=3, unique=True))
def test_renaming_the_made_up_speakers_keeps_every_voice(names, nouns):
    olds = dict(zip(["Ruiz", "Ana", "Okafor", "Chidi", "Hall"], names))
    assert_same_voices(HARBOR, HARBOR_SPEAKERS, olds | dict(zip(["guild", "council", "fishers"], nouns)))
