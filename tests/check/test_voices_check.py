"""The voice checks (issue 12): a statement's basis, attribution and side kind against the voices
of the words it cites, each rule alone with its exact message, then placed on content."""

from __future__ import annotations

import pytest
import yaml
from conftest import ROOT, read_files

from explainer.check.content import check_content
from explainer.check.voices import (
    Cast,
    attribution_problem,
    check_voices,
    narration_problem,
    quotation_problem,
    side_problem,
    speakers_of,
    voices_of,
)
from explainer.cite.voices import Speaker, Voice

REPORT = (ROOT / "content/sources/putin-eef-2019.txt").read_text(encoding="utf-8")
SITE = """\
id: site
parties:
  - id: russia
    name: Russia
    aliases: [Moscow]
    speakers:
      - id: putin
        name: Vladimir Putin
        aliases: [Putin, Russia’s president]
  - id: united-states
    name: United States
    aliases: [U.S., Washington, the Americans]
"""
SPEAKERS = [
    Speaker("russia", "Russia", "russia", ("Russia", "Moscow")),
    Speaker("putin", "Vladimir Putin", "russia", ("Vladimir Putin", "Putin", "Russia’s president")),
    Speaker("united-states", "United States", "united-states",
            ("United States", "U.S.", "Washington", "the Americans")),
]
CAST = Cast(tuple(SPEAKERS))
NAMES = CAST.names
VOICES = voices_of(REPORT, SPEAKERS)


def at(words: str) -> tuple[int, int]:
    start = REPORT.index(words)
    return start, start + len(words)


def heard(words: str):
    return VOICES.heard(*at(words))


def cued(words: str):
    return VOICES.cued(*at(words))


def test_speakers_come_from_the_site_file_each_party_first_and_names_are_aliases():
    site = yaml.safe_load(SITE)
    assert speakers_of(site) == SPEAKERS
    assert speakers_of({"parties": [{"id": "x"}, None, {"name": "Y", "speakers": [{"id": "z"}]}]}) == []
    assert speakers_of({}) == []
    odd = {"parties": [{"id": "a", "name": "A", "aliases": "AB", "speakers": "x"}, "b"], "x": 1}
    assert speakers_of(odd) == [Speaker("a", "A", "a", ("A",))]  # the schema reports the shapes


def test_a_name_or_alias_resolves_whatever_its_case_and_apostrophe():
    assert CAST.resolve("vladimir putin") == "putin"
    assert CAST.resolve("Russia's President") == "putin"
    assert CAST.resolve("  the  americans ") == "united-states"
    assert CAST.resolve("Trump") is None
    assert CAST.by_name("Putin") is None  # a quote's speaker is a display name, not an alias
    assert CAST.by_name("vladimir putin") == "putin"
    assert CAST.known() == (
        "Moscow, Putin, Russia, Russia’s president, the Americans, U.S., United States, Vladimir Putin, Washington"
    )
    assert CAST.members("russia") == {"russia", "putin"}


def test_narration_must_cite_some_of_the_report_s_own_words():
    quoted = heard("“This actually makes us quite sad, and it is also a reason for certain concerns for us,”")
    assert narration_problem([quoted], NAMES) == (
        "labelled narration, but the cited words are not the report's own (voice found: Vladimir Putin, quoted)"
    )
    reported = heard("Moscow will not deploy them unless Washington makes the first move.")
    assert narration_problem([quoted, reported], NAMES) == (
        "labelled narration, but the cited words are not the report's own "
        "(voice found: Vladimir Putin, quoted; Vladimir Putin, reported)"
    )
    # A cue is the report's own words: "Putin said Thursday at the forum" is narration.
    cue = heard("Putin said Thursday at the Eastern Economic Forum in Vladivostok.")
    assert narration_problem([cue], NAMES) is None
    assert narration_problem([quoted, heard("The U.S. withdrew from the 1987")], NAMES) is None


def test_an_attribution_needs_the_speaker_s_words_or_the_cue_that_names_them():
    narration = "The U.S. withdrew from the 1987 Intermediate-Range Nuclear Forces (INF) Treaty with Russia in August"
    assert attribution_problem("putin", heard(narration), cued(narration), narration, NAMES) == (
        "attributed to Vladimir Putin, but the cited words 'The U.S. withdrew from the 1987 Interme…' "
        "(100 characters) are not Vladimir Putin's (voice found: the report)"
    )
    cue = "Putin said Thursday at the Eastern Economic Forum in Vladivostok."
    assert heard(cue) == ((Voice.NARRATION, None),)
    assert attribution_problem("putin", heard(cue), cued(cue), cue, NAMES) is None
    words = "breaking the treaty was “counter-productive”"
    assert attribution_problem("putin", heard(words), cued(words), words, NAMES) is None


def test_words_russia_described_are_not_putin_s():
    words = "which Russia described as “regrettable and provocative.”"
    assert attribution_problem("putin", heard(words), cued(words), words, NAMES) == (
        "attributed to Vladimir Putin, but the cited words 'which Russia described as “regrettable …' "
        "(56 characters) are not Vladimir Putin's (voice found: the report; Russia, quoted)"
    )
    assert attribution_problem("russia", heard(words), cued(words), words, NAMES) is None


def test_a_cue_of_another_speaker_does_not_attribute_the_words():
    words = "The U.S. argued that it would soon have these weapons as well"
    assert attribution_problem("putin", heard(words), cued(words), words, NAMES) == (
        "attributed to Vladimir Putin, but the cited words 'The U.S. argued that it would soon have…' "
        "(61 characters) are not Vladimir Putin's (voice found: the report; United States, reported)"
    )
    assert cued(words) == {"united-states"}


def test_quoted_words_lie_inside_the_speaker_s_quotation_marks():
    inside = "we will not deploy them in the regions"
    assert quotation_problem("putin", inside, heard(inside), NAMES, "words") is None
    outside = "Moscow will not deploy them"
    assert quotation_problem("putin", outside, heard(outside), NAMES, "words") == (
        "words 'Moscow will not deploy them' are not inside quotation marks given to Vladimir Putin "
        "(voice found: Vladimir Putin, reported)"
    )
    russia = "regrettable and provocative."
    assert quotation_problem("putin", russia, heard(russia), NAMES, "labelled quotation, but") == (
        "labelled quotation, but 'regrettable and provocative.' is not inside quotation marks given to "
        "Vladimir Putin (voice found: Russia, quoted)"
    )
    assert quotation_problem("putin", "anything", (), NAMES, "words") == (
        "words 'anything' are not inside quotation marks given to Vladimir Putin (voice found: none)"
    )


US_ARGUED = "The U.S. argued that it would soon have these weapons as well,"
WITHDREW = "The U.S. withdrew from the 1987 Intermediate-Range Nuclear Forces (INF) Treaty with Russia in August"
NOT_RESPONDED = "Moscow asked the U.S. to de-escalate an arms race butWashington had not responded."


@pytest.mark.parametrize(
    "kind, party, cited, expected",
    [
        ("own", "united-states", [US_ARGUED], None),
        ("own", "russia", ["“We’ve said in public already", US_ARGUED], (
            "another party's account in the Russia cell without its label: the cited words are not the "
            "Russia side's (voice found: United States, reported)")),
        ("own", "united-states", [US_ARGUED, WITHDREW], (
            "kind own, but some cited words are the report's narration, not United States' words")),
        ("actions", "united-states", [WITHDREW], None),
        ("actions", "united-states", [US_ARGUED], (
            "kind actions, but the cited words are not only the report's narration "
            "(voice found: United States, reported)")),
        ("actions", "united-states", [NOT_RESPONDED], (
            "another party's account in the United States cell without its label: the cited words are not "
            "the United States side's (voice found: Vladimir Putin, reported)")),
        (None, "united-states", [NOT_RESPONDED], (
            "another party's account in the United States cell without its label: the cited words are not "
            "the United States side's (voice found: Vladimir Putin, reported)")),
        (None, "united-states", [WITHDREW], None),
        ("account", "united-states", [NOT_RESPONDED], None),
        ("account", "united-states", [NOT_RESPONDED, WITHDREW], (
            "kind account, but some cited words are not another party's account of the United States side "
            "(voice found: Vladimir Putin, reported; the report)")),
        ("account", "russia", [US_ARGUED], None),
    ],
)
def test_a_side_s_cited_voices_agree_with_its_kind(kind, party, cited, expected):
    assert side_problem(kind, party, [heard(words) for words in cited], CAST) == expected


# --- On content: the real source and site file, and one made-up record each -------------------


def problems_with(path: str, yaml: str) -> list[str]:
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/")}
    files["content/site.yml"] = SITE.encode()
    files[path] = yaml.encode()
    content, _ = check_content(files)
    return sorted({p.format() for p in check_voices(content)})


CLAIMS = """\
id: voices
order: 1
title: Whose words
description: Whose words each claim cites.
sections:
  - id: voices-s
    heading: Whose words
    claims:
      - id: voices-narration
        text: Russia was quite sad about it.
        basis: narration
        cite:
          - source: putin-eef-2019
            quote: This actually makes us quite sad
      - id: voices-attributed
        text: Putin said the U.S. withdrew in August.
        basis: reported
        attributed_to: putin
        cite:
          - source: putin-eef-2019
            quote: The U.S. withdrew from the 1987
      - id: voices-unknown
        text: Trump said the U.S. withdrew.
        basis: reported
        attributed_to: Donald Trump
        cite:
          - source: putin-eef-2019
            quote: The U.S. withdrew from the 1987
      - id: voices-quotation
        text: He said "Moscow will not deploy them".
        basis: quotation
        attributed_to: Vladimir Putin
        cite:
          - source: putin-eef-2019
            quote: According to Putin, Moscow will not deploy them
      - id: voices-fine
        text: He said "This actually makes us quite sad".
        basis: quotation
        attributed_to: Russia’s President
        cite:
          - source: putin-eef-2019
            quote: “This actually makes us quite sad, and it is also a reason for certain concerns for us,” Putin said
"""


def test_each_claim_s_problem_is_on_the_line_that_makes_the_claim():
    assert problems_with("content/explainers/voices.yml", CLAIMS) == [
        "content/explainers/voices.yml:11:16: labelled narration, but the cited words are not the report's own "
        "(voice found: Vladimir Putin, quoted); set basis: reported or quotation with attributed_to, or cite the "
        "report's own words",
        "content/explainers/voices.yml:18:24: attributed to Vladimir Putin, but the cited words "
        "'The U.S. withdrew from the 1987' are not Vladimir Putin's (voice found: the report); cite Vladimir "
        "Putin's words or the words that attribute them, or correct attributed_to",
        "content/explainers/voices.yml:25:24: attributed_to 'Donald Trump' names no speaker or party in "
        "content/site.yml; use one of their names or aliases: Moscow, Putin, Russia, Russia’s president, "
        "the Americans, U.S., United States, Vladimir Putin, Washington",
        "content/explainers/voices.yml:31:16: labelled quotation, but 'Moscow will not deploy them' is not inside "
        "quotation marks given to Vladimir Putin (voice found: Vladimir Putin, reported); quote only words the "
        "report gives to Vladimir Putin in quotation marks, or set basis: reported",
    ]


QUOTE = """\
id: voices-quote
speaker: {speaker}
occasion: a forum
place: Vladivostok
when: Thursday
words: {words}
cite:
  - source: putin-eef-2019
    quote: {words}
"""


def test_a_quote_s_words_stand_inside_its_speaker_s_quotation_marks():
    path = "content/quotes/voices-quote.yml"
    inside = "we will not deploy them in the regions"
    assert problems_with(path, QUOTE.format(speaker="Vladimir Putin", words=inside)) == []
    assert problems_with(path, QUOTE.format(speaker="Vladimir Putin", words="Moscow will not deploy them")) == [
        "content/quotes/voices-quote.yml:6:8: words 'Moscow will not deploy them' are not inside quotation marks "
        "given to Vladimir Putin (voice found: Vladimir Putin, reported); copy words that stand inside quotation "
        "marks the report gives to Vladimir Putin, or name their speaker",
    ]
    assert problems_with(path, QUOTE.format(speaker="Vladimir Putin", words="regrettable and provocative.")) == [
        "content/quotes/voices-quote.yml:6:8: words 'regrettable and provocative.' are not inside quotation marks "
        "given to Vladimir Putin (voice found: Russia, quoted); copy words that stand inside quotation marks the "
        "report gives to Vladimir Putin, or name their speaker",
    ]
    assert problems_with(path, QUOTE.format(speaker="Russia", words="regrettable and provocative.")) == []
    assert problems_with(path, QUOTE.format(speaker="Putin", words="regrettable and provocative.")) == [
        "content/quotes/voices-quote.yml:2:10: speaker 'Putin' is no speaker in content/site.yml; "
        "use one of: Russia, United States, Vladimir Putin",
    ]


def test_a_name_given_to_two_speakers_is_reported_where_it_is_given_the_second_time():
    clash = SITE.replace("aliases: [Putin, Russia’s president]", "aliases: [Putin, moscow]")
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/")}
    files["content/site.yml"] = clash.encode()
    content, _ = check_content(files)
    assert [p.format() for p in check_voices(content)] == [
        "content/site.yml:9:26: 'moscow' already names russia; give each name or alias to one party or speaker, "
        "or the source's cues cannot tell them apart",
    ]
    files["content/site.yml"] = SITE.replace("aliases: [Moscow]", "aliases: [Moscow, Russia’s  President]").encode()
    content, _ = check_content(files)
    assert [p.format() for p in check_voices(content)] == [
        "content/site.yml:9:26: 'Russia’s president' already names russia; give each name or alias to one party "
        "or speaker, or the source's cues cannot tell them apart",
    ]


def test_bad_shapes_in_a_quote_or_the_site_file_are_left_to_the_schema_not_a_traceback():
    bad = QUOTE.format(speaker="Vladimir Putin", words="we will not deploy them").replace(
        "  - source: putin-eef-2019\n    quote: we will not deploy them\n", "  - just words\n")
    assert problems_with("content/quotes/voices-quote.yml", bad) == []


def test_a_citation_reaching_into_a_cue_is_the_speaker_s_for_the_attribution_rule():
    who = "President Vladimir Putin"  # of the cue "Vladimir Putin said that"
    assert heard(who) == ((Voice.NARRATION, None),) and cued(who) == {"putin"}
    assert attribution_problem("putin", heard(who), cued(who), who, NAMES) is None
    assert cued("previously banned under the nuclear treaty.") == set()
    assert cued("the nuclear treaty. According to Putin,") == {"putin"}


def test_accused_is_a_cue_its_object_and_charge_the_speaker_s_reported_words():
    text = "The mayor accused the council of hiding the report. The council denied it."
    spans = voices_of(text, [Speaker("mayor", "Ana Ruiz", "town", ("the mayor",))]).spans
    assert [(s.voice, s.speaker, text[s.start:s.end]) for s in spans if not s.blank] == [
        (Voice.NARRATION, None, "The mayor accused "),
        (Voice.REPORTED, "mayor", "the council of hiding the report."),
        (Voice.NARRATION, None, "The council denied it."),
    ]


def test_without_a_site_file_only_its_absence_is_reported_and_without_speakers_the_fix_says_so():
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/")}
    files["content/quotes/voices-quote.yml"] = QUOTE.format(speaker="Vladimir Putin", words="we will not deploy").encode()
    content, problems = check_content(files)
    assert check_voices(content) == []
    assert [p.message for p in problems if p.path == "content/site.yml"] == ["the site file is missing"]
    files["content/site.yml"] = b"id: site\nparties: []\n"
    content, _ = check_content(files)
    assert [p.format() for p in check_voices(content)] == [
        "content/quotes/voices-quote.yml:2:10: speaker 'Vladimir Putin' is no speaker in content/site.yml; "
        "use one of: none yet (add one in content/site.yml)",
    ]
    assert Cast(()).known() == "none yet (name the speaker under parties: in content/site.yml)"
