"""Command line: `python -m explainer check|generate|site|serve`.

Thin: read files, call the pure core, print problems, write outputs.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import clitools, files, history, redirects, site
from .check import check_content
from .problems import Problem, errors, in_order


@contextlib.contextmanager
def gc_paused():
    """Cyclic garbage collection off for one check or build.

    Checking and rendering allocate millions of objects that all live to the
    end, and every full collection rescans them to find almost nothing: a
    quarter of the check's time at 300x the content. Reference counting still
    frees everything else; collection resumes when the command is done (so a
    long `serve` collects between rebuilds).
    """
    enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if enabled:
            gc.enable()


def load(root: Path):
    """Read and check all content. Returns (content, problems)."""
    raw, problems = files.read_content(root)
    content, found = check_content(raw)
    return content, in_order(problems + found)


def load_with_pages(root: Path):
    """As `load`, with the hand-written pages and assets: (content, pages, problems)."""
    content, problems = load(root)
    pages, unreadable = files.read_handwritten(root)
    return content, pages, in_order(problems + unreadable)


def report(problems: list[Problem], out=sys.stdout) -> None:
    annotate = os.environ.get("GITHUB_ACTIONS") == "true"
    for problem in problems:
        print(problem.format(), file=out)
        if annotate:
            print(problem.annotation(), file=out)
    n_err = len(errors(problems))
    n_warn = len(problems) - n_err
    if n_err or n_warn:
        print(f"{n_err} error(s), {n_warn} warning(s)", file=out)


@gc_paused()
def cmd_check(root: Path, args) -> int:
    content, problems = load(root)
    report(problems)
    if errors(problems):
        return 1
    print(f"ok: {sum(len(v) for v in content.records.values())} records, "
          f"{sum(len(s.citations) for s in content.statements)} citations verified")
    return 0


@gc_paused()
def cmd_generate(root: Path, args) -> int:
    content, handwritten, problems = load_with_pages(root)
    report(problems)
    if errors(problems):
        print("nothing written: fix the problems above first", file=sys.stderr)
        return 1
    tree = site.generate(content, handwritten, site_url=files.site_url(root), history=history.read(root))
    broken = redirects.problems(content, tree)
    if broken:
        report(broken)
        print("nothing written: fix the redirects above first", file=sys.stderr)
        return 1
    written, removed = files.write_tree(root / files.GENERATED, tree)
    print(f"generated {len(tree)} files into {files.GENERATED} ({written} changed, {removed} removed)")
    return 0


def cmd_site(root: Path, args) -> int:
    """Generate, then build with MkDocs into a fresh folder and swap it in."""
    status = cmd_generate(root, args)
    if status:
        return status
    target = root / "site"
    with tempfile.TemporaryDirectory(dir=root, prefix=".site-") as tmp:
        new = Path(tmp) / "site"
        build = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean",
                                "--site-dir", str(new)], cwd=root)
        if build.returncode:
            print("mkdocs build failed; the previous site/ is untouched", file=sys.stderr)
            return build.returncode
        files.swap_in(new, target)
    print(f"built {target.relative_to(root)}/")
    return 0


def cmd_serve(root: Path, args) -> int:
    """Generate, then preview with live reload; a watcher regenerates on content edits."""
    from .watch import watch

    if cmd_generate(root, args) and not (root / files.GENERATED / "index.md").exists():
        return 1  # nothing to preview yet; the problems are printed above
    server = subprocess.Popen([sys.executable, "-m", "mkdocs", "serve", "--livereload",
                               "--dev-addr", args.addr], cwd=root)
    try:
        watch(root, lambda: cmd_generate(root, args), server)
    except KeyboardInterrupt:
        pass
    finally:
        server.terminate()
    return 0


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content and citations")
    sub.add_parser("generate", help="check, then write the Markdown pages into docs/generated/")
    sub.add_parser("site", help="generate, then build the site into site/ with mkdocs --strict")
    serve = sub.add_parser("serve", help="generate and preview with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    contributor = clitools.register(sub)  # fmt, cite, schemas, manifest
    args = parser.parse_args(argv)
    commands = {"check": cmd_check, "generate": cmd_generate, "site": cmd_site, "serve": cmd_serve, **contributor}
    return commands[args.command](args.root.resolve(), args)
