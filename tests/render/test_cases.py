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
      kwargs: {with_key: true}           # optional keyword arguments
      pick: explainers/old/index.html    # optional: one file of a renderer returning {path: text}
      expect: |
        the exact output

A Page is compared as the Markdown `page.markdown` writes (front matter included); any other
value that is not a string as indented JSON. `pytest --update-golden` rewrites `expect` from the
current output, for review with `git diff`.

Branches of the renderers and the cases where each matters (file: case name, shortened):

| renderer line (branch) | case |
|---|---|
| blocks.basis_badge: no basis / basis | blocks: badge ... |
| blocks.basis_badge: speaker shown / narration never names one / no attributed_to | blocks: badge ... |
| blocks.PageWriter.cited: `shown` given / not | lessons key (answer), pages (claims) |
| blocks.PageWriter.refs: no citations loop-empty (quote with one, note with three) | pages, sourcepage |
| blocks.PageWriter.finish: footnotes / none | pages: explainer index (none), every cited page |
| markup.escape: text with "#" / without | markup: escape ... |
| markup.text: leading number / leading dash / neither | markup: text ... |
| markup.quoted: opening quote mark / none | markup: quoted ... |
| markup.link: same page / other page / anchor / none | markup: link ... |
| markup._relpath: fast path / "..", absolute | markup: link ... |
| markup.human_date: year / month / day | markup: human_date ... |
| page.markdown: jsonld / none; after blocks / none | page, site |
| pages.notes_for: first time admonition / second time one-line link / shown None | pages: explainer with a note ..., quotes with a note |
| pages.notes_inline: notes / none | pages: timeline / positions / glossary with a note |
| pages.explainer: several sections and claims | pages: explainer ... |
| pages.explainer_index: rows / none | pages: explainer index ... |
| pages.timeline: era with events / era with none; date_basis / none | pages: timeline ... |
| pages.quote_words: insertions / none | pages: quotes ... |
| pages.positions: stated side / silent own words / plain default for a party left out | pages: positions ... |
| pages._side: held_by | pages: positions ... |
| pages._term: See also present / absent | pages: glossary ... |
| pages.home: explainers / none (no "Start with a question") | pages: home ... |
| pages.label: site's own label / default | pages: timeline (site label), quotes (default) |
| pages.sources_index | pages: sources index |
| sourcepage.render/_metadata: url / none; description / none; published date / unknown | sourcepage ... |
| sourcepage._coverage: uncited sentences / all cited / no coverage | sourcepage ... |
| sourcepage._notes: notes / none | sourcepage ... |
| sourcepage._citers: spans / none; opening of > 6 words / shorter | sourcepage ... |
| sourcepage.citer_label: every kind; side name; quote words | sourcepage: cited by every kind |
| sourcepage.highlight/_layout: nested, crossing, across a line | sourcepage: highlight ... |
| sourcepage.spans_of: citation of another source skipped; one citer twice | sourcepage ... |
| lessons.index: lessons / "No lessons yet."; 1 question / several | lessons: index ... |
| lessons.lesson_page: handout / with_key; site_url / none | lessons: ... |
| lessons._reading: quote / event / claim / position (stated, silent) | lessons: readings ... |
| lessons._questions: answer / answer space | lessons: ... |
| meta.quotes_jsonld: quotes / none; _source url / none, published date / none | meta ... |
| redirects: a gone page, a moved anchor, relative "./" | site: redirect ... |
| data: precision, empty / full JSON, claims rows, formula cell, 1 item / n items | data ... |
| reference.markdown: the whole field reference | reference |
"""

from __future__ import annotations

import difflib
import importlib
import inspect
import json
from pathlib import Path

import pytest
import yaml

from conftest import read_files

HERE = Path(__file__).parent
CASES = HERE / "cases"
BASE = HERE / "base"
KEYS = {"name", "call", "files", "record", "statement", "args", "kwargs", "pick", "expect"}


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


def run(case: dict):
    """The renderer's output for the case."""
    module, name = case["call"].rsplit(".", 1)
    function = getattr(importlib.import_module(f"explainer.render.{module}"), name)
    kwargs = dict(case.get("kwargs") or {})
    if "args" in case:
        return function(*case["args"], **kwargs)
    content = checked(content_files(case), kwargs.get("handwritten"))
    if "statement" in case:
        return function(content.target(case["statement"]).statement, **kwargs)
    args = [content.target(case["record"]).record] if "record" in case else []
    return function(content, *args, **kwargs)


def shown(result, pick: str | None) -> str:
    from explainer.render.page import Page, markdown

    if pick is not None:
        result = result[pick]
    if isinstance(result, Page):
        return markdown(result)
    if isinstance(result, str):
        return result
    if inspect.isgenerator(result):
        result = list(result)
    return json.dumps(result, indent=2, ensure_ascii=False) + "\n"


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
