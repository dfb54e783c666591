"""YAML attacks and accidents: each gives a clean `path:line:column` problem, never a traceback.

Every broken file goes into one copy of the project and `make check`'s command
runs once over all of them, as it would over a bad pull request.
"""

from __future__ import annotations

import re
import resource
import shutil
import time
from pathlib import Path

import pytest

from hostile.project import ROOT, TRACEBACK, cli, copy_project, snapshot, write

EVENT = (ROOT / "tests/hostile/event.yml").read_text(encoding="utf-8")
LINE = re.compile(r"^content/\S+:\d+:\d+: \S.*$|^\d+ error\(s\), \d+ warning\(s\)$")
LAUGHS = ('a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]\n'
          + "".join(f"{c}: &{c} [" + ",".join([f"*{p}"] * 9) + "]\n"
                    for p, c in zip("abcdefghijklmnopqrstuvwxy", "bcdefghijklmnopqrstuvwxyz")))


def event(name: str, **replace: str) -> str:
    """A valid timeline event named `name`, with some lines replaced."""
    body = EVENT.replace("id: hostile-yaml", f"id: {name}")
    for old, new in replace.items():
        body = body.replace(old, new)
    return body


# name: (file body, [(line, column, words in the message)])
CASES = {
    "unsafe-tag": ('id: unsafe-tag\ntitle: !!python/object/apply:os.system ["touch PWNED"]\n',
                   [(2, 8, "tag '!!python/object/apply:os.system' is not allowed")]),
    "unsafe-root": ("!!python/name:os.system\n", [(1, 1, "tag '!!python/name:os.system' is not allowed")]),
    "tagged-choice": (event("tagged-choice", **{"era: treaty": "era: !!binary aGVsbG8="}),
                      [(3, 6, "tag '!!binary' is not allowed")]),
    "local-tag": ("id: local-tag\ntitle: !shell ls\n", [(2, 8, "tag '!shell' is not allowed")]),
    "laughs": (LAUGHS, [(2, 8, "anchors and aliases (&name, *name) are not allowed"),
                        (26, 32, "anchors and aliases (&name, *name) are not allowed")]),
    "merge-key": ("base: &b {era: treaty}\nid: merge-key\n<<: *b\n", [(3, 5, "anchors and aliases")]),
    "duplicate-key": (event("duplicate-key", **{"era: treaty\n": "era: treaty\nera: collapse\n"}),
                      [(4, 1, "duplicate key 'era' (first on line 3)")]),
    "tabs": ("id: tabs\ncite:\n\t- source: x\n", [(3, 1, "YAML syntax error")]),
    "list-not-mapping": ("- id: list-not-mapping\n- title: x\n", [(1, 1, "record must be a mapping of fields")]),
    "nested-list": (event("nested-list", **{"basis: narration": "basis: [narration]"}),
                    [(6, 8, "basis must be one word, not a list")]),
    "empty": ("", [(1, 1, "file is empty")]),
    "only-comment": ("# nothing here\n", [(1, 1, "file is empty")]),
    "latin-1": ("id: latin-1\ntitle: caf\xe9\n".encode("latin-1"), [(2, 11, "byte 0xe9 is not UTF-8")]),
    "nul": (b"id: nul\ntitle: a\x00b\n", [(2, 9, "character U+0000 is not allowed in YAML")]),
    "escaped-control": ('id: escaped-control\ntitle: "a\\0b"\n', [(2, 8, "invisible character U+0000")]),
    "bidi-override": ('id: bidi-override\ntitle: "evil \\u202e txt.exe"\n', [(2, 8, "invisible character U+202E")]),
    "zero-width": ('id: zero-width\ntitle: "Pu\\u200btin"\n', [(2, 8, "invisible character U+200B")]),
    "bidi-mark": ('id: bidi-mark\ntitle: "a \\u200f b"\n', [(2, 8, "invisible character U+200F")]),
    "python-tag-by-directive": ("%TAG !p! tag:yaml.org,2002:python/\n---\nid: python-tag-by-directive\n"
                                "title: !p!name:os.system x\n", [(4, 8, "tag '!!python/name:os.system' is not allowed")]),
    "deep-flow": ("id: deep-flow\ntitle: " + "[" * 60000 + "]" * 60000 + "\n",
                  [(2, 57, "nested more than 50 levels deep")]),
    "deep-block": ("id: deep-block\ntitle:\n" + "".join(" " * i + "- \n" for i in range(600)),
                   [(52, 50, "nested more than 50 levels deep")]),
    "two-documents": ("id: two-documents\n---\nid: x\n", [(3, 1, "a second YAML document starts here")]),
    "odd-keys": ("id: odd-keys\ntrue: x\n? [a]\n: b\n", [(2, 1, "mapping keys must be plain words"),
                                                       (3, 3, "mapping keys must be plain words")]),
    "huge-number": (event("huge-number", **{"era: treaty": "era: treaty\norder: 99999999999999999999999"}),
                    [(4, 1, "unknown field 'order'")]),
    "unterminated": ('id: "unterminated\ntitle: x\n', [(3, 1, "YAML syntax error")]),
    "too-long": ("id: too-long\ntitle: " + "word " * 2000 + "\n", [(2, 8, "title is 9,999 characters, over 5,000")]),
    "too-big": ("id: too-big\ntitle: " + "x" * 2_000_001 + "\n", [(1, 1, "over the 2,000,000 limit")]),
    "bom": (b"\xef\xbb\xbf" + event("bom", **{"era: treaty": "era: nope"}).encode(),
            [(3, 6, "no era has the id 'nope'")]),
    "crlf": (event("crlf", **{"era: treaty": "era: nope"}).replace("\n", "\r\n").encode(),
             [(3, 6, "no era has the id 'nope'")]),
    "huge-value": (event("huge-value", **{"basis: narration": "basis: " + "x" * 500_000}),
                   [(6, 8, "basis '" + "x" * 79 + "…' (500,000 characters) is not allowed")]),
    "long-id": (event("l" * 101), [(1, 5, "id is 101 characters, over 100; shorten it")]),
    "empty-field": (event("empty-field", **{"title: A valid event that each case here breaks one line at a time":
                                            "title:"}), [(4, 7, "title is empty; fill it in: a short headline")]),
    "empty-cite": (event("empty-cite", **{"cite:\n  - source: putin-eef-2019\n    quote: the 1987"
                                          " Intermediate-Range Nuclear Forces (INF) Treaty": "cite: []"}),
                   [(7, 7, "cite is an empty list")]),
    "impossible-date": (event("impossible-date", **{"date: 1987-12-08": "date: 1987-02-30"}),
                        [(2, 7, "date '1987-02-30' is not a valid date")]),
    "wrong-name": (event("not-the-file-name"), [(1, 5, "id 'not-the-file-name' does not match the file name")]),
}
ELSEWHERE = {  # files in the wrong place
    "content/stray.yml": "file is not in a content folder",
    "content/timeline/sub/nested.yml": "file is not in a content folder",
    "content/timeline/notes.md": "file is neither a YAML record nor a source text",
    "content/timeline/shouting.YML": "file is neither a YAML record nor a source text",
    "content/glossary/README": "file is neither a YAML record nor a source text",
}


@pytest.fixture(scope="module")
def broken(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("yaml") / "project")
    for name, (body, _) in CASES.items():
        write(root, f"content/timeline/{name}.yml", body)
    for path in ELSEWHERE:
        write(root, path, event("stray"))
    started = time.perf_counter()
    run = cli(root, "check")
    return root, run, time.perf_counter() - started


def test_check_fails_cleanly_in_bounded_time(broken):
    root, run, seconds = broken
    assert run.code == 1
    assert TRACEBACK not in run.text and not run.err
    odd = [line for line in run.out.splitlines() if not LINE.match(line)]
    assert not odd, odd[:5]
    assert seconds < 20
    assert not (root / "PWNED").exists() and not (root.parent / "PWNED").exists()


def test_a_refused_tag_is_reported_once_not_also_as_a_wrong_type(broken):
    _, run, _ = broken
    tagged = [line for line in run.out.splitlines() if line.startswith(("content/timeline/unsafe-tag.yml:2:",
                                                                         "content/timeline/python-tag-by-directive.yml:4:",
                                                                         "content/timeline/tagged-choice.yml:3:"))]
    assert len(tagged) == 3 and all("tag '!!" in line for line in tagged), tagged


def test_a_missing_citation_is_reported_once_not_also_as_unsupported_figures(broken):
    _, run, _ = broken
    found = [line for line in run.out.splitlines() if line.startswith("content/timeline/empty-cite.yml:")]
    assert found == ["content/timeline/empty-cite.yml:7:7: cite is an empty list; give at least one: "
                     "one or more citations of the verbatim source"], found


@pytest.mark.parametrize("name", sorted(CASES))
def test_each_broken_file_gets_its_problem_at_its_place(broken, name):
    _, run, _ = broken
    found = [line for line in run.out.splitlines() if line.startswith(f"content/timeline/{name}.yml:")]
    for line, column, words in CASES[name][1]:
        assert any(f.startswith(f"content/timeline/{name}.yml:{line}:{column}: ") and words in f for f in found), \
            f"expected {line}:{column} {words!r}; got:\n" + "\n".join(f[:160] for f in found)


@pytest.mark.parametrize("path", sorted(ELSEWHERE))
def test_files_out_of_place_are_named(broken, path):
    _, run, _ = broken
    assert f"{path}:1:1: {ELSEWHERE[path]}" in run.out


def test_a_huge_file_is_refused_without_being_read(tmp_path):
    """A 4 GB file (sparse: no disk used) under a 1 GB address-space limit: named, not loaded."""
    root = copy_project(tmp_path / "project")
    for rel in ("content/timeline/huge.yml", "content/sources/huge.txt", "docs/pages/huge.md"):
        with open(root / rel, "wb") as handle:
            handle.truncate(4 * 1024**3)
    run = cli(root, "generate", preexec=lambda: resource.setrlimit(resource.RLIMIT_AS, (1024**3, 1024**3)))
    assert run.code == 1 and TRACEBACK not in run.text and "MemoryError" not in run.text, run.text[-2000:]
    for rel in ("content/timeline/huge.yml", "content/sources/huge.txt", "docs/pages/huge.md"):
        assert f"{rel}:1:1: file is 4,294,967,296 bytes, over the 2,000,000 limit; split it" in run.out


def test_bom_and_crlf_files_are_valid_content(tmp_path):
    root = copy_project(tmp_path / "project")
    write(root, "content/timeline/with-bom.yml", b"\xef\xbb\xbf" + event("with-bom").encode())
    write(root, "content/timeline/with-crlf.yml", event("with-crlf").replace("\n", "\r\n").encode())
    run = cli(root, "check")
    assert run.code == 0, run.text


def test_alias_expansion_is_bounded_in_memory(tmp_path):
    """A billion laughs under a 1 GB address-space limit: refused, not expanded."""
    root = copy_project(tmp_path / "project")
    write(root, "content/timeline/laughs.yml", LAUGHS)
    run = cli(root, "check", preexec=lambda: resource.setrlimit(resource.RLIMIT_AS, (2**30, 2**30)), timeout=60)
    assert run.code == 1 and TRACEBACK not in run.text
    assert "content/timeline/laughs.yml:2:8: anchors and aliases" in run.out


def test_a_failed_check_writes_nothing(broken):
    root, _, _ = broken
    before = snapshot(root)
    run = cli(root, "site")
    assert run.code == 1 and TRACEBACK not in run.text
    assert snapshot(root) == before
    assert not (root / "site").exists() and not (root / "docs/generated").exists()
    assert not list(Path(root).glob(".site-*"))


def test_fmt_names_what_it_cannot_format_without_a_traceback(broken, tmp_path):
    """`make fmt` meets the same files; constructing a value (an impossible date) used to crash it."""
    root = tmp_path / "project"
    shutil.copytree(broken[0], root, symlinks=True)
    for args in (("fmt", "--check"), ("fmt",)):
        run = cli(root, *args)
        assert run.code == 1 and TRACEBACK not in run.text and not run.err, run.text[-2000:]
        assert "content/timeline/unsafe-tag.yml:2:8: not formatted: tag '!!python/object/apply:os.system' " \
               "is not allowed; fix what `make check` reports first" in run.out
    assert "date: 1987-02-30" in (root / "content/timeline/impossible-date.yml").read_text(encoding="utf-8")


def add_source(root: Path, name: str, data: bytes) -> None:
    import hashlib

    # the real source's metadata, for a text that need not be cited and has no typos of its own
    meta = (root / "content/sources/putin-eef-2019.yml").read_text(encoding="utf-8").split("\ntypos:")[0] + "\n"
    digest = re.search(r"^sha256: (\w+)$", meta, re.M).group(1)
    write(root, f"content/sources/{name}.txt", data)
    write(root, f"content/sources/{name}.yml", meta.replace("id: putin-eef-2019", f"id: {name}")
          .replace("coverage_required: 100", "coverage_required: 0")
          .replace(digest, hashlib.sha256(data).hexdigest()))


def test_broken_source_texts_are_named_at_their_place(tmp_path):
    root = copy_project(tmp_path / "project")
    add_source(root, "latin-1", "The caf\xe9 text here.\n".encode("latin-1"))
    add_source(root, "nul", b"First line.\nSome text \x00 here.\n")
    add_source(root, "escape", b"Colour \x1b[31m codes.\n")
    add_source(root, "too-big", b"word " * 500_000)
    run = cli(root, "check")
    assert run.code == 1 and TRACEBACK not in run.text
    assert "content/sources/latin-1.txt:1:8: byte 0xe9 is not UTF-8" in run.out
    assert "content/sources/nul.txt:2:11: control character U+0000 in the text" in run.out
    assert "content/sources/escape.txt:1:8: control character U+001B in the text" in run.out
    assert "content/sources/too-big.txt:1:1: file is 2,500,000 bytes, over the 2,000,000 limit" in run.out


def test_source_texts_with_crlf_bom_or_nothing_build(tmp_path):
    root = copy_project(tmp_path / "project")
    add_source(root, "crlf", b"One line here.\r\nTwo lines here and more.\r\n")
    add_source(root, "bom", b"\xef\xbb\xbfText with a byte-order mark.\n")
    add_source(root, "empty", b"")
    run = cli(root, "site")
    assert run.code == 0 and TRACEBACK not in run.text, run.text
    assert (root / "site/sources/crlf/index.html").is_file()


def test_file_names_that_are_not_ids_get_a_valid_suggestion(tmp_path):
    """The fix names a valid id: 'set id: with space' or 'add My Source.yml' would only lead to more errors."""
    root = copy_project(tmp_path / "project")
    write(root, "content/timeline/with space.yml", event("with-space"))
    write(root, "content/timeline/bad_name.yml", event("bad-name"))
    write(root, "content/timeline/good-name.yml", event("other-name"))
    write(root, "content/sources/My Source.txt", "Some words in a source text here.\n")
    run = cli(root, "check")
    assert run.code == 1 and TRACEBACK not in run.text
    assert run.out.splitlines()[:-1] == [
        "content/sources/My Source.txt:1:1: the name 'My Source' is not a valid id; "
        "rename the file, e.g. to my-source.txt; its id is its name",
        "content/timeline/bad_name.yml:1:5: id 'bad-name' does not match the file name 'bad_name'; "
        "rename the file to bad-name.yml",
        "content/timeline/good-name.yml:1:5: id 'other-name' does not match the file name 'good-name'; "
        "rename the file to other-name.yml or set id: good-name",
        "content/timeline/with space.yml:1:5: id 'with-space' does not match the file name 'with space'; "
        "rename the file to with-space.yml"]
