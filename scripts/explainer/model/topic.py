"""The site file's kind: what an explainer is about (content/site.yml).

Its title and home page, the parties with their speakers and aliases, the eras,
the names the sources abbreviate, and page labels: everything topic-specific
the generator needs, so the code holds none of it.
"""

from __future__ import annotations

from .schema import Enum, Slug, Text
from .shapes import Field, ListOf, MapOf, Obj

PAGE_KEYS = ("explainers", "timeline", "positions", "quotes", "glossary", "sources", "lessons", "data")

NAMED = Obj(
    title="speaker",
    doc="a person who speaks for a party, with the other names the sources use",
    fields={
        "id": Field(Slug()),
        "name": Field(Text(), doc="the full name, as the site shows it"),
        "aliases": Field(
            ListOf(Text()), required=False, doc="other names the sources use for the speaker, e.g. a surname or a title"
        ),
    },
)

PARTY = Obj(
    title="party",
    doc="a side in the story: a state, an alliance or an organisation",
    fields={
        "id": Field(Slug(), doc="a stable id; positions name their sides by it"),
        "name": Field(Text(), doc="the name the site shows, e.g. on the positions page"),
        "aliases": Field(
            ListOf(Text()),
            required=False,
            doc="other names the sources use for the party, e.g. its capital or an abbreviation",
        ),
        "speakers": Field(ListOf(NAMED), required=False, doc="people who speak for the party"),
    },
)

ERA = Obj(
    title="era",
    doc="a part of the story; the timeline shows the eras in this order",
    fields={"id": Field(Slug()), "title": Field(Text(doc="the heading the timeline shows"))},
)

CARD = Obj(
    title="card",
    doc="a link on the home page to one of the site's pages",
    fields={"page": Field(Enum(PAGE_KEYS, doc="the page")), "about": Field(Text(), doc="what a reader finds there")},
)

LABEL = Obj(
    title="page label",
    doc="the title and description of one of the site's pages",
    fields={"title": Field(Text()), "description": Field(Text(), doc="one sentence for search results and previews")},
)

SITE = Obj(
    title="site",
    doc="what this explainer is about: its title, home page, parties, eras and names",
    fields={
        "id": Field(Slug(), doc="always 'site'"),
        "title": Field(Text(), doc="the site's title, also the home page's heading"),
        "description": Field(Text(), doc="one sentence for search results and link previews"),
        "intro": Field(Text(), doc="the home page's opening paragraph"),
        "cards": Field(ListOf(CARD), doc="the home page's links to the site's pages, in order"),
        "parties": Field(ListOf(PARTY), doc="the sides whose positions the site compares, in the order shown"),
        "eras": Field(ListOf(ERA), doc="the parts of the timeline, in order"),
        "equivalences": Field(
            ListOf(
                Obj(
                    title="equivalence",
                    doc="a long name and the short form the sources use",
                    fields={"long": Field(Text()), "short": Field(Text())},
                )
            ),
            required=False,
            doc="names a statement may write out where the sources abbreviate them",
        ),
        "pages": Field(
            MapOf(LABEL, key_kind="page"),
            required=False,
            doc="titles and descriptions of the site's pages, keyed by page: " + ", ".join(PAGE_KEYS),
        ),
    },
)
