"""Absolute dates: one the cited words do not give needs a reference (check/dates.py)."""

from __future__ import annotations

from explainer.check.content import check_content
from explainer.check.dates import check_dates
from explainer.model.problems import in_order
from conftest import ROOT, read_files

EVENT = """\
id: an-event
date: {date}
when: {when}{more}
era: collapse
title: The treaty is signed
text: The treaty was signed.
basis: narration
cite:
  - source: putin-eef-2019
    quote: {quote}
"""
QUOTE = """\
id: a-quote
speaker: Vladimir Putin
occasion: a forum
place: Vladivostok
when: Thursday
date: {date}{more}
words: We’ve said in public already
cite:
  - source: putin-eef-2019
    quote: >-
      “We’ve said in public already that we’re not going to deploy (a cruise missile) after the
      Americans tested such a missile,” Putin told an economic forum Thursday.
"""
WITHDREW = "The U.S. withdrew from the 1987 Intermediate-Range Nuclear Forces (INF) Treaty with Russia in August"
REFERENCES = """
date_references:
  - title: The forum's programme
    publisher: An archive
    url: https://example.org/programme
    date: 2019-09-05"""
FIX = "add date_references: with a reference that gives it"


def problems(path: str, text: str) -> list[str]:
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/") or k == "content/site.yml"}
    files[path] = text.encode()
    content, found = check_content(files)
    found = in_order(found + check_dates(content))  # the same once check_content runs check_dates
    assert not [p.format() for p in found if p.path == path and p.severity == "error" and "date" not in p.message]
    return [p.format() for p in found if "date" in p.message]


def test_a_bare_year_that_stands_in_the_cited_words_is_given():
    assert problems("content/timeline/an-event.yml", EVENT.format(date="1987", when="in August", quote=WITHDREW, more="")) == []


def test_a_year_the_cited_words_do_not_give_needs_a_reference():
    assert problems("content/timeline/an-event.yml", EVENT.format(date="1988", when="in August", quote=WITHDREW, more="")) == [
        f"content/timeline/an-event.yml:2:7: the date 1988 is in none of its cited words; {FIX}"]


def test_a_month_is_never_given_by_words_that_name_only_the_month():
    assert problems("content/timeline/an-event.yml", EVENT.format(date="2019-08", when="in August", quote=WITHDREW, more="")) == [
        f"content/timeline/an-event.yml:2:7: the date 2019-08 is in none of its cited words; {FIX}"]


def test_a_year_is_compared_with_the_numbers_of_the_words_whole():
    quote = "with a range between 500 and 5,500 kilometers"
    assert problems("content/timeline/an-event.yml", EVENT.format(date="5500", when="once", quote=quote, more="")) == []
    assert problems("content/timeline/an-event.yml", EVENT.format(date="1500", when="once", quote=quote, more="")) == [
        f"content/timeline/an-event.yml:2:7: the date 1500 is in none of its cited words; {FIX}"]


def test_a_quotes_date_always_needs_a_reference():
    assert problems("content/quotes/a-quote.yml", QUOTE.format(date="2019-09-05", more="")) == [
        f"content/quotes/a-quote.yml:6:7: the date 2019-09-05 of a quote needs a reference; {FIX}, or remove the date"]


def test_a_date_with_references_passes():
    assert problems("content/timeline/an-event.yml", EVENT.format(date="2019-08", when="in August", quote=WITHDREW, more=REFERENCES)) == []
    assert problems("content/quotes/a-quote.yml", QUOTE.format(date="2019-09-05", more=REFERENCES)) == []


def test_a_quote_without_a_date_needs_no_reference():
    assert problems("content/quotes/a-quote.yml", QUOTE.format(date="", more="").replace("date: \n", "")) == []


def test_a_background_event_is_dated_by_its_own_references():
    background = """\
id: an-event
date: 1987-12-08
when: 8 December 1987
era: collapse
title: The treaty is signed
text: The treaty was signed.
references:
  - title: Treaty signed at the Washington summit
    publisher: An archive
    url: https://example.org/treaty
    date: 1987-12-08
"""
    assert problems("content/timeline/an-event.yml", background) == []
