"""A golden case per rendering branch: small inputs and the exact Markdown beside them.

Each `cases/<renderer>.yml` holds a list of cases. A case names the renderer it calls
(`call: pages.positions`) and gives only the content files that differ from the shared
base (`base/content/`: a minimal site file and one short made-up source text):

    - name: a silent side in the party's own words
      call: pages.positions              # a function in explainer.render
      files:                             # paths below content/; null removes a base file
        positions/boats.yml: |
          id: boats
          ...
      record: boats                      # optional: a record id, passed after the content
      statement: boats                   # optional: pass that id's statement instead of the content
      args: ["2019-08"]                  # optional: a small helper's arguments (no content passed)
      more: [[timeline.md]]              # optional: arguments after the content (and record)
      history:                           # optional: a git history, passed as `history=`
        commits: [{sha: 1a2b, date: "2024-03-01", files: {content/x.yml: "..."}}]
        note: why it is incomplete       # commits: null for a build that read none
      kwargs: {with_key: true}           # optional keyword arguments
      pick: explainers/old/index.html    # optional: one file of a renderer returning {path: text}
      expect: |
        the exact output

A Page is compared as the Markdown `page.markdown` writes (front matter included); any other
value that is not a string as indented JSON (a set as a sorted list), and a ZIP's bytes as the list
of its entries with their stored time, mode and text. `pytest --update-golden` rewrites `expect` from the
current output, for review with `git diff`.

Branches of the renderers (`if`, ternary, `or`-default, empty loop) and the case files where each
matters [in brackets]. `tests/render/mutations.py` checks the list: it changes each branch in turn
and reports a change no case notices.

- blocks: basis_badge: no basis (quote record) / basis; speaker named / narration never names one [blocks]
- blocks: PageWriter: `shown` text (lesson answer) or the statement's; no citations / one / several; footnotes
  or none [pages, lessons, sourcepage]
- markup: escape, text: text with "#" / without; leading number (one digit, four) / leading dash / neither
  [markup]
- markup: quoted: opening or closing quote mark (curly, straight) / none [markup]
- markup: human_date, time: year / month / day [markup, pages (timeline, quotes)]
- page: markdown: structured data / none; blocks after the body / none; updated date / none [site (quotes page,
  moved anchors), site-history]
- page: with_updated: the page's own front matter / empty front matter / none / a rule that opens no front
  matter / a rule inside the body [page, site-history]
- typos: mark_typos, sic_marked, has_typo: typo held / not held / empty / none listed; an escaped character; a
  typo across a line break [typos, sourcepage, lessons-passages]
- passages: number_passages, in_order: a span inside a longer one of its stage; a span an earlier passage holds
  (first in its stage); two sources with overlapping offsets; a span crossing a passage's start [lessons-passages]
- pages: notes_for: first time: admonition; second time on the page: one-line link; no `shown` (quotes) [pages
  (explainer, quotes)]
- pages: notes_inline: notes / none [pages (timeline, positions, glossary)]
- pages: explainer_index: explainers / none [pages]
- pages: timeline, _event: era with events / with none; date_basis / none; year, month, day [pages (timeline)]
- pages: quotes, quote_words: insertions / none; an insertion whose words first stand inside another word [pages (quotes)]
- pages: positions, _side, silence: stated side; silent in its own words; party left out (plain default)
  [pages (positions)]
- pages: glossary, _term: See also present / absent [pages (glossary)]
- pages: home: explainers ("Start with a question") / none; a card's site label / default [pages (home)]
- pages: label: the site file's label / the default [pages (timeline, home), lessons]
- sourcepage: render, _metadata: url / none; description / none; published date / "Date unknown"; the [sic]
  note for a source with typos / none [sourcepage]
- sourcepage: _coverage: uncited sentences / all cited [sourcepage]
- sourcepage: _notes: notes on the source / none [sourcepage]
- sourcepage: _citers, citer_label: every kind of citer; side name; quote words; opening over 6 words /
  shorter [sourcepage]
- sourcepage: spans_of: a citation of another source skipped [sourcepage]
- sourcepage: highlight, _layout: nested, crossing, from an earlier line, ending before the line [sourcepage]
- sourcepage: lines_with_spans: blank lines left out; spans reaching into later lines [sourcepage]
- voicemarks: voiced, legend: quoted / reported / narration (the blank between sentences too); a cited passage
  crossing a voice's edge; a speaker the text does not name; no voice but the report's: no legend [sourcepage]
- lessons: index, _meta: lessons / "No lessons yet."; 1 question / several [lessons]
- lessons: lesson_page: handout / with_key (title, edition, other link); site_url / none [lessons]
- lessons: _reading: quote / event / explainer claim / position [lessons]
- lessons: _position_reading: stated side; silent in its own words; party left out [lessons]
- lessons: _questions: answer key / answer space [lessons]
- lessons: refs, passage_list: passages numbered once across handout and key; the [sic] convention when a passage
  (not only the last) shows a typo [lessons-passages]
- moodle: question_name: at Moodle's limit / over it; export, answer_key, _basis: category name with "/", site
  address / none, narration (speaker not named) / reported [moodle, site]
- offline: in_the_copy: site address / none; packed: a page / a forwarding page / not a page / left out by name,
  folder or ".map"; pack: README first, entries sorted, one time and mode [offline]
- corrections: statement_texts: claims, sides, a record's own text; wording not text; no file, no record file
  [corrections]
- corrections: corrections, page: rewording / spacing only / a file moved / a statement no longer published;
  none found / no history; a note / none [site-history]
- updated: inputs, date_of, dates: one record; a kind's files / none (everything); a source with its notes; a
  lesson with every source it prints; hand-written pages; pages not built; no history [updated, site-history]
- site: corrections_page: history / commits None (its note) / no history passed [site-history]
- meta: quotes_jsonld, _source: quotes / none; source url / none; published date / none [meta, site]
- redirects: plan, redirect_page: gone page with anchor moves; gone page with only an anchor (home) [site]
- redirects: _moved_link, moved_block: to the same page / another page; on a generated / hand-written page
  [site, redirects]
- redirects: relative: same page ("./"), another page, a file [redirects]
- site: generate: hand-written page with / without moved anchors; data files; pages dated from a history
  (generated, hand-written, without history) [site, site-history]
- data: to_json, csv_rows, _cell, _items, precision: empty / full; claims one row per citation; formula cell;
  1 item / n [data, site]
- reference: markdown: the whole field reference (ListOf, MapOf and Obj fields, nested parts) [reference]
- routes: link, _relpath: same page with / without anchor; other folder; folder itself; ".." in a path, top-
  level page [routes]
- routes: statement_anchor: own id inside a record / the record's own / a position side / a part without an id
  [routes]
- routes: url, absolute, published, source_anchors, place_of: every page, anchor and statement kind [site, the
  whole-site golden tree (pages, open data, the manifest)]

Changes no case can notice (the mutation script's survivors), each equivalent for checked content:
- blocks.basis_badge `statement.attributed_to and ...`: the check requires attributed_to for
  reported speech and quotation, and narration never names one.
- pages._side and lessons._position_reading `side.held_by or ""`: a stated side must have held_by.
- data.claim_items `if url is None`, sourcepage.spans_of `if found`: every kind of statement has
  a place (routes.place_of); sourcepage._coverage `if result is None`: the check computes every
  source's coverage; redirects.plan's `continue` (and each of its three conditions): the check
  rejects each such redirect before rendering.
- routes._relpath's fast-path test for absolute paths, and `start or "."`: posixpath gives the same
  answer for two absolute paths and for "" and "."; one absolute and one relative path would depend
  on the working folder.
- lessons.refs `if not numbers` and passage_list `if not items`: every statement has a citation and
  every lesson a question with a cited answer, so neither list is ever empty.
- lessons.student_statements `target is not None` (both), `target.statement is not None`, and the assert
  in _reading: the check resolves every reading, and every reading other than a position is a statement.
- moodle._basis `if not statement.basis`: an answer must have a basis; `statement.attributed_to and`:
  as in blocks.basis_badge.
- offline.STAMP's seconds: a ZIP stores time in two-second steps, so 0 and 1 are the same bytes.
- typos.mark_typos `escaped in safe`: a fast path; replacing words the text does not hold changes nothing.
- updated.inputs `or page in handwritten`: site.generate passes every hand-written page among `pages`.
- site._dates `or not history.last_changed`: a shortcut; with nothing committed every page's date is None
  and none is written, the same output without the lookups.
"""

from __future__ import annotations

import copy
import difflib
import importlib
import inspect
import io
import json
import zipfile
from pathlib import Path

import pytest
import yaml

from conftest import read_files

HERE = Path(__file__).parent
CASES = HERE / "cases"
BASE = HERE / "base"
KEYS = {"name", "call", "files", "record", "statement", "args", "more", "history", "kwargs", "pick", "expect"}


def load_cases() -> list[tuple[Path, dict]]:
    found = []
    for path in sorted(CASES.glob("*.yml")):
        cases = yaml.safe_load(path.read_text(encoding="utf-8"))
        names = [case["name"] for case in cases]
        assert len(names) == len(set(names)), f"{path.name}: two cases share a name"
        for case in cases:
            unknown = set(case) - KEYS
            assert not unknown, f"{path.name}: {case['name']}: unknown keys {sorted(unknown)}"
            found.append((path, case))
    return found


def content_files(case: dict) -> dict[str, bytes]:
    """The base content with the case's files added, replaced or (null) removed."""
    files = read_files(BASE)
    for rel, body in (case.get("files") or {}).items():
        if body is None:
            del files[f"content/{rel}"]
        else:
            files[f"content/{rel}"] = body.encode("utf-8")
    return files


def checked(files: dict[str, bytes], handwritten: dict | None):
    """The typed content; a case's input must pass every check without even a warning."""
    from explainer.check.pipeline import check_all

    content, problems = check_all(files, handwritten)
    assert content is not None and not problems, [p.format() for p in problems]
    return content


def package_of(module: str) -> str:
    """Renderers live in explainer.render; the routing table they all ask is explainer.model.routes."""
    return "explainer.model.routes" if module == "routes" else f"explainer.render.{module}"


def run(case: dict):
    """The renderer's output for the case."""
    kwargs = case.get("kwargs") or {}
    return call(case, None if "args" in case else checked(content_files(case), kwargs.get("handwritten")))


def call(case: dict, content):
    """Call the case's function on its checked content (None for a case with `args`)."""
    module, name = case["call"].rsplit(".", 1)
    function = getattr(importlib.import_module(package_of(module)), name)
    kwargs = dict(case.get("kwargs") or {})
    if "history" in case:
        kwargs["history"] = history(case["history"])
    if "args" in case:
        return function(*copy.deepcopy(case["args"]), **kwargs)
    if "statement" in case:
        return function(content.target(case["statement"]).statement, **kwargs)
    args = [content.target(case["record"]).record] if "record" in case else []
    return function(content, *args, *copy.deepcopy(case.get("more") or []), **kwargs)


def history(given: dict):
    """A cli.history.History from a case's commits (oldest first), as git would have given them."""
    from explainer.cli.history import History, last_changed
    from explainer.render.corrections import Commit

    if given.get("commits") is None:
        return History(None, {}, given.get("note", ""))
    commits = [Commit(str(c["sha"]), str(c["date"]), dict(c["files"])) for c in given["commits"]]
    return History(commits, last_changed(commits), given.get("note", ""))


def shown(result, pick: str | None) -> str:
    from explainer.render.page import Page, markdown

    if pick is not None:
        result = result[pick]
    if isinstance(result, Page):
        return markdown(result)
    if isinstance(result, str):
        return result
    if isinstance(result, bytes) and result.startswith(b"PK"):
        return zip_listing(result)
    if inspect.isgenerator(result):
        result = list(result)
    return json.dumps(result, indent=2, ensure_ascii=False, default=sorted) + "\n"


def zip_listing(data: bytes) -> str:
    """Each entry of a ZIP: its name, time, system and mode, compression, then its text."""
    out = []
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for info in archive.infolist():
            out.append(f"{info.filename} {info.date_time} system={info.create_system} "
                       f"mode={oct(info.external_attr >> 16)} compress={info.compress_type}\n")
            out.append(archive.read(info).decode("utf-8"))
    return "".join(out)


class Dumper(yaml.SafeDumper):
    """Case files as people write them: keys in order, multi-line text as literal blocks."""


def _text(dumper, value: str):
    return dumper.represent_scalar("tag:yaml.org,2002:str", value, style="|" if "\n" in value else None)


Dumper.add_representer(str, _text)


def rewrite(path: Path, name: str, actual: str) -> None:
    cases = yaml.safe_load(path.read_text(encoding="utf-8"))
    for case in cases:
        if case["name"] == name:
            case["expect"] = actual
    path.write_text(yaml.dump(cases, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=120),
                    encoding="utf-8")


@pytest.mark.parametrize("path, case", load_cases(), ids=lambda v: v.stem if isinstance(v, Path) else v["name"])
def test_case(path: Path, case: dict, update_golden: bool):
    actual = shown(run(case), case.get("pick"))
    if update_golden:
        rewrite(path, case["name"], actual)
        return
    expected = case.get("expect")
    diff = "".join(difflib.unified_diff(str(expected).splitlines(True), actual.splitlines(True),
                                        "expected", "actual"))
    assert actual == expected, f"{path.name}: {case['name']}: output differs; review, then --update-golden\n{diff}"


def test_every_case_file_is_a_renderer():
    """A case file is named for the renderer module its cases call, so a reader finds them."""
    for path, case in load_cases():
        assert case["call"].split(".")[0] == path.stem.split("-")[0], (path.name, case["name"])
