"""Contributor commands: `fmt`, `cite`, `schemas`, `manifest`, `find`.

Thin like `cli`: read files, call the pure core, print, write. Each command
imports what only it uses, so `make check` and `make site`, which register
these commands but run none of them, start no slower for them.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from ..check import promise, redirects
from ..check.content import check_content
from ..load.nodes import decode
from ..load.records import kind_of
from ..model.build import build
from ..model.kinds import KINDS
from ..model.problems import errors, in_order, shown
from . import files
from . import project as cli

TEMPLATES = "templates"


def register(sub) -> dict:
    """Add the subcommands to the CLI's parser; return their handlers by name."""
    fmt = sub.add_parser("fmt", help="rewrite content files in the canonical YAML form")
    fmt.add_argument("--check", action="store_true", help="change nothing; show the diff and fail if any")
    found = sub.add_parser("cite", help="find typed words in the sources and print a ready cite: entry")
    found.add_argument("words", nargs="+", help="words from the source, typed as you remember them")
    found.add_argument("--source", help="search only this source id")
    lookup_parser = sub.add_parser("find", help="print the file and line of a record, by its id or its site address")
    lookup_parser.add_argument("query", help="an id, or an address such as /timeline/#some-event-id")
    for name, what in (
        ("schemas", "write the JSON Schemas editors use into schemas/"),
        ("manifest", "add newly published addresses to urls.json (never removes one)"),
    ):
        parser = sub.add_parser(name, help=what)
        parser.add_argument("--check", action="store_true", help="change nothing; fail if it is out of date")
    return {"fmt": cmd_fmt, "cite": cmd_cite, "schemas": cmd_schemas, "manifest": cmd_manifest, "find": cmd_find}


def _formatted(root: Path):
    """(path, kind, bytes) of every content file and template, and problems reading them."""
    raw, problems = files.read_content(root)
    found = [
        (path, kind_of(path), data)
        for path, data in sorted(raw.items())
        if kind_of(path) and path.endswith((".yml", ".yaml"))
    ]
    if (root / TEMPLATES).is_dir():  # templates/<kind>.yml are copied into content/, so they are canonical too
        templates, more = files.read_tree(root, Path(TEMPLATES), (".yml",))
        found += [(path, Path(path).stem, data) for path, data in sorted(templates.items()) if Path(path).stem in KINDS]
        problems += more
    return found, problems


def cmd_fmt(root: Path, args) -> int:
    from ..render import schemas
    from .fmt import FormatError, format_text

    targets, problems = _formatted(root)
    changed = []
    for path, kind, data in targets:
        text, found = decode(data, path)
        try:
            if text is None:
                raise FormatError(found[0])
            canonical = format_text(text, path, schemas.header(kind))
        except FormatError as err:
            problems.append(err.problem)
            continue
        if canonical == text:
            continue
        changed.append(path)
        if args.check:
            sys.stdout.writelines(
                difflib.unified_diff(text.splitlines(True), canonical.splitlines(True), f"a/{path}", f"b/{path}")
            )
        else:
            files.write_if_changed(root, path, canonical)
    cli.report(problems)
    if args.check and changed:
        print(f"{len(changed)} file(s) not in canonical form; run `make fmt` to rewrite them")
        return 1
    print(f"{len(changed)} file(s) {'would be ' if args.check else ''}reformatted")
    return 1 if errors(problems) else 0


def cmd_cite(root: Path, args) -> int:
    from ..cite import finder

    raw, _ = files.read_content(root)
    content, _ = check_content(raw)  # a source's words can be found while other content is broken
    sources = {k: v for k, v in content.sources.items() if not args.source or k == args.source}
    query = " ".join(args.words)
    passages = finder.search(sources, query)
    if not passages:
        print(
            f"no passage like {shown(query)} in {', '.join(sorted(sources)) or 'any source'}; "
            f"type at least {finder.cite.MIN_WORDS} words as they appear in content/sources/<id>.txt"
        )
        return 1
    for passage in passages:
        line, _ = content.sources[passage.source].position(passage.start)
        why = " (the words recur; the context tells which)" if passage.prefix or passage.suffix else ""
        print(f"# {passage.source}.txt line {line}, {passage.score:.0%} alike{why}")
        print(passage.entry())
    return 0


def cmd_schemas(root: Path, args) -> int:
    from ..render import reference, schemas

    stale = []
    for rel, text in {**schemas.files(), reference.PAGE: reference.markdown()}.items():
        if files.read_text(root, rel) != text:
            stale.append(rel)
            if not args.check:
                files.write_if_changed(root, rel, text)
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run `make schemas` and commit them")
        return 1
    print(
        f"{len(schemas.files())} schemas in {schemas.FOLDER}/ and {reference.PAGE}: "
        f"{len(stale)} {'stale' if args.check else 'rewritten'}"
    )
    return 0


def cmd_manifest(root: Path, args) -> int:
    content, handwritten, problems = cli.load(root)
    if content is None:
        cli.report(problems)
        return 1
    now = promise.published(content, handwritten)
    promised = files.read_text(root, promise.MANIFEST) or promise.dumps({})
    if not args.check:  # the promise grows; nothing leaves it
        grown = promise.merged(promise.loads(promised), now)
        added = len(promise.addresses(grown) - promise.addresses(promise.loads(promised)))
        promised = promise.dumps(grown)
        files.write_if_changed(root, promise.MANIFEST, promised)
        print(f"{promise.MANIFEST}: {added} new address(es) promised")
    found = promise.compare(promised, now, redirects.resolver(content, now))
    cli.report(found)
    return 1 if errors(found) else 0


def cmd_find(root: Path, args) -> int:
    from . import lookup

    raw, problems = files.read_content(root)
    handwritten, unreadable = files.read_handwritten(root)
    checked, found = check_content(raw)
    problems = in_order(problems + unreadable + found)
    if errors(problems):  # an id may be misplaced by the very problem; fix first, then find
        cli.report(problems)
        return 1
    published = promise.published(build(checked), handwritten)
    place = lookup.find(lookup.index(checked), published, args.query, files.site_url(root))
    if isinstance(place, str):
        print(f"find: {place}")
        return 1
    print(place.format())
    return 0
