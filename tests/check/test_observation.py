"""An observation about the text is ours: it quotes the words it is about and names no speaker."""

from __future__ import annotations

from conftest import ROOT, read_files
from explainer.check.content import check_content

PATH = "content/explainers/observing.yml"
RECORD = """id: observing
order: 99
title: Observing the report
description: How the report words one sentence.
sections:
  - id: observing-section
    heading: Its words
    claims:
      - id: observing-claim
        text: {text}
        basis: observation
{extra}        cite:
          - source: putin-eef-2019
            quote: According to Putin, Moscow will not deploy them
"""


def problems(text: str, extra: str = "") -> list[str]:
    files = read_files(ROOT)
    files[PATH] = RECORD.format(text=text, extra=extra).encode("utf-8")
    _, found = check_content(files)
    return [p.format() for p in found if p.path == PATH]


def test_an_observation_that_quotes_its_words_passes():
    assert problems("'The report frames the sentence with \"According to Putin\".'") == []


def test_an_observation_must_quote_the_words_it_is_about():
    assert problems("The report frames the sentence as his.") == [
        f"{PATH}:10:15: an observation about the text quotes none of the words it is about; "
        "put the words it describes in quotation marks, as the source has them"
    ]


def test_an_observation_names_no_speaker():
    assert problems("'The report frames it with \"According to Putin\".'", "        attributed_to: Putin\n") == [
        f"{PATH}:12:24: an observation about the text is ours, not anyone's; "
        "remove 'attributed_to:'; for someone's words, use basis reported or quotation"
    ]
