"""Contributor commands: `fmt`, `cite`, `schemas`, `manifest`, `find`.

Thin like `cli`: read files, call the pure core, print, write.
"""

from __future__ import annotations

import difflib
import sys
from pathlib import Path

from . import cli, files, finder, lookup, manifest, redirects, reference, schemas, site
from .check import kind_of
from .fmt import FormatError, format_text
from .load import decode
from .model import KINDS
from .problems import errors, shown

TEMPLATES = "templates"


def register(sub) -> dict:
    """Add the subcommands to the CLI's parser; return their handlers by name."""
    fmt = sub.add_parser("fmt", help="rewrite content files in the canonical YAML form")
    fmt.add_argument("--check", action="store_true", help="change nothing; show the diff and fail if any")
    found = sub.add_parser("cite", help="find typed words in the sources and print a ready cite: entry")
    found.add_argument("words", nargs="+", help="words from the source, typed as you remember them")
    found.add_argument("--source", help="search only this source id")
    lookup_parser = sub.add_parser("find", help="print the file and line of a record, by its id or its site address")
    lookup_parser.add_argument("query", help="an id, or an address such as /explainers/treaty/#treaty-signed-by")
    for name, what in (("schemas", "write the JSON Schemas editors use into schemas/"),
                       ("manifest", "add newly published addresses to urls.json (never removes one)")):
        parser = sub.add_parser(name, help=what)
        parser.add_argument("--check", action="store_true", help="change nothing; fail if it is out of date")
    return {"fmt": cmd_fmt, "cite": cmd_cite, "schemas": cmd_schemas, "manifest": cmd_manifest, "find": cmd_find}


def _formatted(root: Path):
    """(path, kind, bytes) of every content file and template, and problems reading them."""
    raw, problems = files.read_content(root)
    found = [(path, kind_of(path), data) for path, data in sorted(raw.items())
             if kind_of(path) and path.endswith((".yml", ".yaml"))]
    if (root / TEMPLATES).is_dir():  # templates/<kind>.yml are copied into content/, so they are canonical too
        templates, more = files.read_tree(root, Path(TEMPLATES), (".yml",))
        found += [(path, Path(path).stem, data) for path, data in sorted(templates.items()) if Path(path).stem in KINDS]
        problems += more
    return found, problems


def cmd_fmt(root: Path, args) -> int:
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
            sys.stdout.writelines(difflib.unified_diff(text.splitlines(True), canonical.splitlines(True),
                                                       f"a/{path}", f"b/{path}"))
        else:
            files.write_if_changed(root, path, canonical)
    cli.report(problems)
    if args.check and changed:
        print(f"{len(changed)} file(s) not in canonical form; run `make fmt` to rewrite them")
        return 1
    print(f"{len(changed)} file(s) {'would be ' if args.check else ''}reformatted")
    return 1 if errors(problems) else 0


def cmd_cite(root: Path, args) -> int:
    content, problems = cli.load(root)
    sources = {k: v for k, v in content.sources.items() if not args.source or k == args.source}
    query = " ".join(args.words)
    passages = finder.search(sources, query)
    if not passages:
        print(f"no passage like {shown(query)} in {', '.join(sorted(sources)) or 'any source'}; "
              f"type at least {finder.cite.MIN_WORDS} words as they appear in content/sources/<id>.txt")
        return 1
    for passage in passages:
        line, _ = content.sources[passage.source].position(passage.start)
        why = " (the words recur; the context tells which)" if passage.prefix or passage.suffix else ""
        print(f"# {passage.source}.txt line {line}, {passage.score:.0%} alike{why}")
        print(passage.entry())
    return 0


def cmd_schemas(root: Path, args) -> int:
    stale = []
    for rel, text in {**schemas.files(), reference.PAGE: reference.markdown()}.items():
        if files.read_text(root, rel) != text:
            stale.append(rel)
            if not args.check:
                files.write_if_changed(root, rel, text)
    if args.check and stale:
        print(f"out of date: {', '.join(stale)}; run `make schemas` and commit them")
        return 1
    print(f"{len(schemas.files())} schemas in {schemas.FOLDER}/ and {reference.PAGE}: "
          f"{len(stale)} {'stale' if args.check else 'rewritten'}")
    return 0


def cmd_manifest(root: Path, args) -> int:
    content, handwritten, problems = cli.load_with_pages(root)
    if errors(problems):
        cli.report(problems)
        return 1
    tree = site.generate(content, handwritten, site_url=files.site_url(root))
    now = manifest.published_in(tree)
    promised = files.read_text(root, manifest.MANIFEST) or manifest.dumps({})
    if unreadable := manifest.broken(promised):
        cli.report(unreadable)
        return 1
    if not args.check:  # the promise grows; nothing leaves it
        grown = manifest.merged(manifest.loads(promised), now)
        added = len(manifest.addresses(grown) - manifest.addresses(manifest.loads(promised)))
        promised = manifest.dumps(grown)
        files.write_if_changed(root, manifest.MANIFEST, promised)
        print(f"{manifest.MANIFEST}: {added} new address(es) promised")
    found = redirects.problems(content, tree)
    found += manifest.compare(promised, now, redirects.resolver(content, tree))
    cli.report(found)
    return 1 if errors(found) else 0


def cmd_find(root: Path, args) -> int:
    content, handwritten, problems = cli.load_with_pages(root)
    if errors(problems):  # an id may be misplaced by the very problem; fix first, then find
        cli.report(problems)
        return 1
    published = manifest.published_in(site.generate(content, handwritten, site_url=files.site_url(root)))
    place = lookup.find(lookup.index(content), published, args.query, files.site_url(root))
    if isinstance(place, str):
        print(f"find: {place}")
        return 1
    print(place.format())
    return 0
