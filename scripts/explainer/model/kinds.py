"""The content kinds: what a record of each kind holds, in one place.

These definitions drive validation (`check`), the JSON Schemas editors use
(`schemas`) and the field reference in the contributor docs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from .schema import Enum, Int, PartialDate, Ref, Sha256, SitePath, Slug, Text, Url
from .shapes import Field, ListOf, MapOf, Obj
from .topic import SITE

CITATION = Obj(
    title="citation",
    doc="where a statement comes from: a source and the exact words in it",
    fields={
        "source": Field(Ref(kind="source"), doc="the id of the source (its file name in content/sources/)"),
        "quote": Field(
            Text(doc="the exact words from the source, at least three"),
            doc="the exact words from the source, at least three; only spacing and "
            "the shape of quote marks, apostrophes and dashes may differ",
        ),
        "prefix": Field(
            Text(), required=False, doc="words just before the quote, needed only when the quote occurs more than once"
        ),
        "suffix": Field(
            Text(), required=False, doc="words just after the quote, needed only when the quote occurs more than once"
        ),
    },
)
CITE = ListOf(CITATION, min_items=1, doc="one or more citations of the verbatim source")

REFERENCE = Obj(
    title="reference",
    doc="a public text a background statement rests on; the statement is in our own words, never copied",
    fields={
        "title": Field(Text(), doc="the title of the page or document"),
        "publisher": Field(Text(), doc="who publishes it"),
        "url": Field(Url(), doc="its address"),
        "date": Field(PartialDate(), required=False, doc="its date, as precise as it gives one"),
        "where": Field(Text(), required=False, doc="where in it the fact stands, e.g. a section or article"),
    },
)
REFERENCES = ListOf(
    REFERENCE,
    min_items=1,
    doc="for a background statement, in our own words: the public references it rests on",
)

BASIS = Enum(
    ("narration", "reported", "quotation", "observation"),
    doc="what the statement rests on: the source's own narration, what someone is reported to have "
    "said (indirect speech), a verbatim quotation, or an observation of ours about the source's wording "
    "(it quotes the words it describes)",
)


def claim_fields(text_doc: str, text_key: str = "text") -> dict[str, Field]:
    """The fields every cited statement shares."""
    return {
        text_key: Field(Text(doc=text_doc), doc=text_doc),
        "basis": Field(BASIS, required=False, doc="required with cite:; a background statement has none"),
        "attributed_to": Field(
            Text(),
            required=False,
            doc="who is reported as saying it (a speaker's or party's name in content/site.yml); "
            "required when basis is reported or quotation",
        ),
        "cite": Field(CITE, required=False, doc="the words of the source it rests on; or references: instead"),
        "references": Field(REFERENCES, required=False),
    }


# Where a cited mapping keeps its text, by the field's name: the one place that decides it.
STATEMENT_TEXT = ("text", "definition", "statement", "answer", "words")


def text_key(mapping: dict) -> str:
    """The field holding the text of a cited mapping (a claim, an event, a side, a definition…)."""
    return next((k for k in STATEMENT_TEXT if k in mapping), STATEMENT_TEXT[0])


CLAIM = Obj(
    title="claim",
    doc="one sentence of explanation with its citations",
    fields={
        "id": Field(Slug(), doc="a stable id; it becomes the claim's link anchor"),
        **claim_fields("one plain-language sentence"),
    },
)

SIDE_KIND = Enum(
    ("own", "actions", "account", "background"),
    doc="what the cell holds: the party's own words (quoted or reported), the report's narration of its "
    "actions, another party's account of it (shown under a label saying so), or a background statement",
)

SIDE = Obj(
    title="side",
    doc="one party's position on the topic, or a plain statement that the sources give none",
    fields={
        "kind": Field(SIDE_KIND, required=False, doc="required with a statement"),
        "statement": Field(Text(), required=False, doc="the position in neutral words"),
        "basis": Field(BASIS, required=False),
        "attributed_to": Field(
            Text(), required=False, doc="whose words the cited passage is, when not the report's narration"
        ),
        "cite": Field(CITE, required=False),
        "references": Field(REFERENCES, required=False),
        "silent": Field(Text(), required=False, doc="instead of a statement: what the sources leave unsaid"),
    },
)

SOURCE = Obj(
    title="source",
    doc="metadata of a verbatim source text stored beside it as <id>.txt",
    fields={
        "id": Field(Slug(), doc="the source id; the text is content/sources/<id>.txt"),
        "title": Field(Text()),
        "publisher": Field(Text(), doc="who published it; 'unknown' where the text does not tell"),
        "published": Field(
            Obj(
                fields={
                    "date": Field(PartialDate(), required=False, doc="required unless basis is unknown"),
                    "basis": Field(Enum(("stated", "inferred", "unknown"), doc="how the date is known")),
                    "reason": Field(Text(), doc="why the date is what it is, e.g. what it was inferred from"),
                    "references": Field(REFERENCES, required=False, doc="references for an inferred date"),
                }
            ),
            doc="when it was published, with its precision and how that is known",
        ),
        "url": Field(Url(), required=False),
        "licence": Field(Text(), doc="the licence or the note on fair use"),
        "sha256": Field(Sha256(), doc="SHA-256 of the text; the build refuses a text that no longer matches"),
        "coverage_required": Field(
            Int(0, 100, doc="a percentage"),
            required=False,
            doc="share of the text's sentences that must be cited (percent)",
        ),
        "description": Field(Text(), required=False),
        "typos": Field(
            ListOf(Text(), doc="a misprint exactly as the text has it, e.g. two words run together"),
            required=False,
            doc="the text's own typos, kept verbatim and marked [sic] where shown",
        ),
    },
)

EVENT = Obj(
    title="event",
    doc="one dated event on the timeline",
    fields={
        "id": Field(Slug()),
        "date": Field(PartialDate(), doc="orders the timeline: 1987, 2019-08 or 2019-09-05"),
        "when": Field(
            Text(),
            doc="the time words readers see, as the source gives them ('in August', 'Thursday'), "
            "or for a background event as its references give them",
        ),
        "date_references": Field(
            REFERENCES,
            required=False,
            doc="references for `date` when the cited words do not give it; it is shown as background",
        ),
        "era": Field(Ref(kind="era"), doc="the id of the era it belongs to (the eras are listed in content/site.yml)"),
        "title": Field(Text(doc="a short headline")),
        **claim_fields("what happened, in one or two sentences"),
    },
)

QUOTE = Obj(
    title="quote",
    doc="a direct quotation, word for word as the source prints it",
    fields={
        "id": Field(Slug()),
        "speaker": Field(Text()),
        "occasion": Field(Text(), doc="e.g. plenary session of the Eastern Economic Forum"),
        "place": Field(Text()),
        "when": Field(Text(), doc="the time words as the source gives them, e.g. Thursday"),
        "date": Field(PartialDate(), required=False, doc="an absolute date; needs date_references"),
        "date_references": Field(REFERENCES, required=False, doc="references that give `date`"),
        "words": Field(
            Text(doc="the quoted words exactly as printed"),
            doc="the quoted words exactly as printed, including any insertions by the source",
        ),
        "insertions": Field(
            ListOf(Text(), doc="words inside `words` added by the source, not the speaker"), required=False
        ),
        "cite": Field(CITE),
    },
)

POSITION = Obj(
    title="position",
    doc="one topic, with each side's position",
    fields={
        "id": Field(Slug()),
        "order": Field(Int(1, 1000), doc="where the topic stands on the page"),
        "topic": Field(Text(doc="a short topic title")),
        "question": Field(Text(doc="the question both sides answer")),
        "sides": Field(
            MapOf(SIDE, key_kind="party"),
            doc="each party's position, keyed by the party's id in content/site.yml; "
            "a party left out is shown as silent",
        ),
    },
)

EXPLAINER = Obj(
    title="explainer",
    doc="an explainer page: ordered sections of cited claims",
    fields={
        "id": Field(Slug(), doc="the page id; it becomes the page's address"),
        "order": Field(Int(1, 1000), doc="where the page stands among explainers"),
        "title": Field(Text(doc="the question the page answers")),
        "description": Field(Text(), doc="one sentence for search results and link previews"),
        "sections": Field(
            ListOf(
                Obj(
                    fields={
                        "id": Field(Slug()),
                        "heading": Field(Text()),
                        "claims": Field(ListOf(CLAIM)),
                    }
                )
            )
        ),
    },
)

TERM = Obj(
    title="term",
    doc="a glossary term",
    fields={
        "id": Field(Slug()),
        "term": Field(Text()),
        **claim_fields("the definition in plain words", text_key="definition"),
        "see_also": Field(ListOf(Ref(kind="term")), required=False),
    },
)

NOTE_KIND = Enum(
    ("observation", "inference", "background"),
    doc="an observation about the text's own wording (cited), an editor's inference the cited words do "
    "not state (it must say so: 'likely', 'the report does not say'), or background (with references:)",
)

NOTE = Obj(
    title="editor's note",
    doc="an editor's note on a source: an observation, an inference or background",
    fields={
        "id": Field(Slug()),
        "kind": Field(NOTE_KIND),
        "title": Field(Text()),
        "source": Field(Ref(kind="source"), doc="the source the note is about"),
        "applies_to": Field(
            ListOf(Ref(kind="any")),
            required=False,
            doc="ids of records where the note matters; it is shown beside them",
        ),
        **claim_fields("the note, in plain words"),
    },
)

QUESTION = Obj(
    title="question",
    doc="a comprehension question; its answer key is cited like any claim",
    fields={
        "id": Field(Slug(), doc="a stable id; it becomes the question's link anchor"),
        "question": Field(Text(doc="the question as students read it")),
        **claim_fields("the answer key, in one or two plain sentences", text_key="answer"),
    },
)

LESSON = Obj(
    title="lesson",
    doc="a lesson for teachers: objectives, readings from this site, and questions with a cited answer key",
    fields={
        "id": Field(Slug(), doc="the lesson id; it becomes the lesson's address"),
        "order": Field(Int(1, 1000), doc="where the lesson stands on the For teachers page"),
        "title": Field(Text(doc="the lesson's title")),
        "description": Field(Text(), doc="one sentence saying what students will do"),
        "level": Field(Text(), doc="who the lesson is for, e.g. Upper secondary (ages 15-18)"),
        "duration": Field(Int(5, 600, doc="minutes"), doc="how long the lesson takes, in minutes"),
        "objectives": Field(ListOf(Text()), doc="what students can do afterwards, one per item"),
        "key_terms": Field(ListOf(Ref(kind="term")), doc="glossary ids of the terms the lesson relies on"),
        "readings": Field(
            ListOf(Ref(kind="any")), doc="ids of explainer claims, events, quotes or positions students read, in order"
        ),
        "discussion": Field(ListOf(Text()), doc="open questions for class discussion"),
        "questions": Field(ListOf(QUESTION), doc="comprehension questions with a cited answer key"),
    },
)

SITE_EDITORIAL = {
    "title": "title",
    "description": "description",
    "intro": "intro",
    "cards.*.about": "card",
    "eras.*.title": "era title",
    "pages.*.title": "page title",
    "pages.*.description": "page description",
}
LESSON_EDITORIAL = {
    "title": "title",
    "description": "description",
    "level": "level",
    "objectives.*": "objective",
    "discussion.*": "discussion question",
    "questions.*.question": "question",
}

REDIRECT = Obj(
    title="redirect",
    doc="an address that is no longer published, and where it leads now",
    fields={
        "id": Field(Slug(), doc="names the redirect; by convention the retired id, so it is not reused"),
        "from": Field(SitePath(), doc="the retired address, e.g. /explainers/some-page/#old-claim-id"),
        "to": Field(SitePath(), doc="the published address it leads to, e.g. /explainers/some-page/#new-claim-id"),
        "reason": Field(Text(), required=False, doc="why the address changed"),
    },
)


@dataclass(frozen=True)
class Kind:
    name: str
    folder: str
    schema: Obj
    # The fields in the site's own voice, which may add no fact (check/editorial.py): a path
    # ("*" for every item of a list or map) → what a message calls it.
    editorial: dict[str, str] = field(default_factory=dict, hash=False)


KINDS = {
    k.name: k
    for k in (
        Kind("site", "", SITE, editorial=SITE_EDITORIAL),
        Kind("source", "sources", SOURCE),
        Kind("event", "timeline", EVENT, editorial={"title": "title", "when": "time phrase"}),
        Kind("quote", "quotes", QUOTE, editorial={"occasion": "occasion", "place": "place", "when": "time phrase"}),
        Kind("position", "positions", POSITION, editorial={"topic": "topic", "question": "question"}),
        Kind(
            "explainer",
            "explainers",
            EXPLAINER,
            editorial={"title": "title", "description": "description", "sections.*.heading": "heading"},
        ),
        Kind("term", "glossary", TERM, editorial={"term": "term"}),
        Kind("note", "notes", NOTE, editorial={"title": "title"}),
        Kind("lesson", "lessons", LESSON, editorial=LESSON_EDITORIAL),
        Kind("redirect", "redirects", REDIRECT),
    )
}
KIND_BY_FOLDER = {k.folder: k for k in KINDS.values() if k.folder}
SITE_FILE = "content/site.yml"  # the one record outside a kind's folder
