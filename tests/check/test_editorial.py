"""Editorial text carries no facts of its own (check/editorial.py), on small content sets."""

from __future__ import annotations

from explainer.check.content import check_content
from explainer.check.editorial import background_words, check_editorial, date_words, editorial_texts
from explainer.model.kinds import KINDS
from explainer.model.problems import in_order
from conftest import ROOT

SITE = """\
id: site
title: What the report says
description: A cited explainer.
intro: {intro}
cards:
  - page: timeline
    about: {about}
parties:
  - id: russia
    name: Russia
    speakers:
      - id: putin
        name: Vladimir Putin
        aliases: [Putin]
  - id: united-states
    name: United States
    aliases: [U.S.]
eras:
  - id: collapse
    title: {era}
"""

WITHDREW = "The U.S. withdrew from the 1987 Intermediate-Range Nuclear Forces (INF) Treaty with Russia in August"
RANGE = "with a range between 500 and 5,500 kilometers"
TESTED = "the U.S. tested a cruise missile in August"
FORUM = "Putin told an economic forum Thursday"

EXPLAINER = """\
id: {id}
order: 1
title: {title}
description: What the treaty was.
sections:
  - id: {id}-section
    heading: {heading}
    claims:
      - id: {id}-claim
        text: The treaty ended.
        basis: narration
        cite:
          - source: putin-eef-2019
            quote: {quote}
"""

EVENT = """\
id: {id}
date: 2019-08
when: in August
date_references:
  - title: A chronology of the treaty's end
    publisher: An archive
    url: https://example.org/chronology
era: collapse
title: {title}
text: A missile was tested.
basis: narration
cite:
  - source: putin-eef-2019
    quote: {quote}
"""

LESSON = """\
id: lesson
order: 1
title: Reading a report
description: Students read a report.
level: Upper secondary
duration: 40
objectives:
  - {objective}
key_terms: [{term}]
readings: [{reading}]
discussion:
  - What does the report leave out?
questions:
  - id: lesson-q
    question: What did the report say?
    answer: That the treaty had a range limit.
    basis: narration
    cite:
      - source: putin-eef-2019
        quote: {quote}
"""

TERM = """\
id: {id}
term: {term}
definition: A missile guided all the way.
basis: narration
cite:
  - source: putin-eef-2019
    quote: {quote}
"""


def site(intro="A cited explainer.", about="the events in order", era="The collapse"):
    return SITE.format(intro=intro, about=about, era=era)


def problems(records: dict[str, str], site_file: str | None = None) -> list[str]:
    """Editorial problems of `records` (path → YAML) beside the real news report and a small site file."""
    files = {f"content/sources/putin-eef-2019.{ext}": (ROOT / f"content/sources/putin-eef-2019.{ext}").read_bytes()
             for ext in ("txt", "yml")}
    files["content/site.yml"] = (site_file or site()).encode()
    files.update({path: text.encode() for path, text in records.items()})
    content, found = check_content(files)
    found = in_order(found + check_editorial(content))  # the same once check_content runs check_editorial
    assert not [p.format() for p in found if p.path in records and "in no cited words" not in p.message]
    return [p.format() for p in found if "in no cited words" in p.message]


FIX = "remove it, or cite or reference words that give it"


def test_a_year_in_a_heading_that_no_cited_words_give_is_an_error():
    explainer = EXPLAINER.format(id="ended", title="Why did it end?", heading="The end in 2019", quote=WITHDREW)
    assert problems({"content/explainers/ended.yml": explainer}) == [
        "content/explainers/ended.yml:7:14: '2019' in this heading is in no cited words or background reference "
        f"on this page; {FIX}"]


def test_every_fact_of_a_field_is_named_once():
    explainer = EXPLAINER.format(id="ended", title="Japan, Japan and 2019 after 2019 in May", heading="Ended",
                                 quote=WITHDREW)
    assert problems({"content/explainers/ended.yml": explainer}) == [
        f"content/explainers/ended.yml:3:8: {fact!r} in this title is in no cited words or background reference "
        f"on this page; {FIX}" for fact in ("2019", "Japan", "May")]  # in_order: by message


def test_facts_the_page_cites_pass_and_names_pass_by_the_site_files_forms():
    explainer = EXPLAINER.format(id="ended", title="What did the United States leave in August?",
                                 heading="The 1987 Intermediate-Range Nuclear Forces (INF) Treaty", quote=WITHDREW)
    assert problems({"content/explainers/ended.yml": explainer}) == []


def test_an_explainer_is_its_own_page_and_another_explainers_words_give_nothing():
    first = EXPLAINER.format(id="first", title="Ranges up to 5,500 kilometers", heading="Ranges", quote=WITHDREW)
    second = EXPLAINER.format(id="second", title="The range", heading="Ranges", quote=RANGE)
    assert problems({"content/explainers/first.yml": first, "content/explainers/second.yml": second}) == [
        "content/explainers/first.yml:3:8: '5,500' in this title is in no cited words or background reference "
        f"on this page; {FIX}"]


def test_timeline_events_share_one_page_so_share_one_pool():
    test = EVENT.format(id="test", title="The U.S. tests a missile on Thursday", quote=TESTED)
    remarks = EVENT.format(id="remarks", title="Putin speaks", quote=FORUM)
    assert problems({"content/timeline/test.yml": test, "content/timeline/remarks.yml": remarks}) == []
    assert problems({"content/timeline/test.yml": test}) == [
        "content/timeline/test.yml:9:8: 'Thursday' in this title is in no cited words or background reference "
        f"on this page; {FIX}"]


BACKGROUND_EVENT = """\
id: signed
date: 1987-12-08
when: {when}
era: collapse
title: The treaty is signed in Washington
text: Both leaders signed the treaty.
references:
  - title: Treaty signed at the Washington summit
    publisher: An archive
    url: https://example.org/treaty
    date: 1987-12-08
"""


def test_a_background_events_references_give_its_when_and_its_title():
    signed = BACKGROUND_EVENT.format(when="8 December 1987")
    assert problems({"content/timeline/signed.yml": signed}) == []
    signed = BACKGROUND_EVENT.format(when="9 December 1987")
    assert problems({"content/timeline/signed.yml": signed}) == [
        "content/timeline/signed.yml:3:7: '9' in this time phrase is in no cited words or background reference "
        f"on this page; {FIX}"]


def test_a_lesson_pools_itself_its_readings_and_its_key_terms():
    explainer = EXPLAINER.format(id="ended", title="The end", heading="The end", quote=WITHDREW)
    term = TERM.format(id="cruise-missile", term="Cruise missile", quote=TESTED)
    lesson = LESSON.format(objective="Say what Russia did in August and why 5,500 mattered on Thursday",
                           term="cruise-missile", reading="ended-claim", quote=RANGE)
    records = {"content/explainers/ended.yml": explainer, "content/glossary/cruise-missile.yml": term,
               "content/lessons/lesson.yml": lesson}
    assert problems(records) == [
        "content/lessons/lesson.yml:8:5: 'Thursday' in this objective is in no cited words or background reference "
        f"on this page; {FIX}"]


def test_the_site_file_pools_all_content():
    explainer = EXPLAINER.format(id="ended", title="The end", heading="The end", quote=WITHDREW)
    text = site(intro="From 1987 to the end of the INF Treaty.", about="the remarks on Thursday", era="The 1987 treaty")
    assert problems({"content/explainers/ended.yml": explainer}, text) == [
        "content/site.yml:7:12: 'Thursday' in this card is in no cited words or background reference on the site; "
        f"{FIX}"]


def test_every_kind_with_text_in_its_own_voice_declares_it():
    assert {name for name, kind in KINDS.items() if kind.editorial} == {
        "site", "event", "quote", "position", "explainer", "term", "note", "lesson"}
    for kind in KINDS.values():
        for path in kind.editorial:
            assert path.split(".")[0] in kind.schema.fields, (kind.name, path)


def test_editorial_texts_reach_into_lists_and_maps():
    data = {"title": "T", "pages": {"timeline": {"title": "Timeline", "description": "D"}},
            "cards": [{"about": "A"}, {"about": ""}, {"page": "x"}]}
    assert list(editorial_texts(data, KINDS["site"].editorial)) == [
        (("title",), "T", "title"), (("cards", 0, "about"), "A", "card"),
        (("pages", "timeline", "title"), "Timeline", "page title"),
        (("pages", "timeline", "description"), "D", "page description")]


def test_background_statements_give_their_text_and_their_references_titles_and_dates():
    data = {"sections": [{"claims": [{"text": "Signed in Washington.", "references": [
        {"title": "The INF Treaty text", "url": "https://example.org/", "date": "1987-12-08"}]}]}],
        "date_references": [{"title": "A forum's schedule", "url": "https://example.org/", "date": "2019-09"}]}
    assert list(background_words(data)) == ["A forum's schedule", "September 2019", "Signed in Washington.",
                                            "The INF Treaty text", "8 December 1987"]


def test_a_reference_date_reads_as_a_person_writes_it():
    assert [date_words(d) for d in ("1987", "2019-08", "2019-09-05", "soon", "")] == [
        "1987", "August 2019", "5 September 2019", "", ""]
