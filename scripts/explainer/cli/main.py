"""Command line: `python -m explainer check|generate|site|serve`.

Thin: read files, call the pure core, print problems, write outputs.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from . import builddate, contributor, files, history
from .project import counts, gc_paused, load, report


@gc_paused()
def cmd_check(root: Path, args) -> int:
    content, _, problems = load(root)
    report(problems)
    if content is None:
        return 1
    print(f"ok: {counts(content)}")
    return 0


@gc_paused()
def cmd_generate(root: Path, args) -> int:
    content, handwritten, problems = load(root)
    report(problems)
    if content is None:
        print("nothing written: fix the problems above first", file=sys.stderr)
        return 1
    from ..render import site  # here, not at the top: `make check` renders nothing, and starts faster

    tree = site.generate(content, handwritten, site_url=files.site_url(root), history=history.read(root))
    written, removed = files.write_tree(root / files.GENERATED, tree)
    print(f"generated {len(tree)} files into {files.GENERATED} ({written} changed, {removed} removed)")
    return 0


def cmd_site(root: Path, args) -> int:
    """Generate, then build with MkDocs into a fresh folder and swap it in."""
    status = cmd_generate(root, args)
    if status:
        return status
    target = root / "site"
    env = builddate.build_env(root, os.environ)  # the build's date: the content's last commit
    with tempfile.TemporaryDirectory(dir=root, prefix=".site-") as tmp:
        new = Path(tmp) / "site"
        build = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "--site-dir", str(new)], cwd=root, env=env
        )
        if build.returncode:
            print("mkdocs build failed; the previous site/ is untouched", file=sys.stderr)
            return build.returncode
        from . import offlinesite

        if status := offlinesite.build(root, new, env):  # the ZIP for a classroom without internet
            print("the offline copy failed to build; the previous site/ is untouched", file=sys.stderr)
            return status
        files.swap_in(new, target)
    print(f"built {target.relative_to(root)}/")
    return 0


def cmd_serve(root: Path, args) -> int:
    """Generate, then preview with live reload; a watcher regenerates on content edits."""
    from .preview import serve

    return serve(root, args.addr, lambda: cmd_generate(root, args))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="explainer", description=__doc__)
    parser.add_argument("--root", type=Path, default=Path.cwd(), help="project root (default: here)")
    sub = parser.add_subparsers(dest="command", required=True)
    sub.add_parser("check", help="validate content and citations")
    sub.add_parser("generate", help="check, then write the Markdown pages into docs/generated/")
    sub.add_parser("site", help="generate, then build the site into site/ with mkdocs --strict")
    serve = sub.add_parser("serve", help="generate and preview with live reload")
    serve.add_argument("--addr", default="127.0.0.1:8000")
    helpers = contributor.register(sub)  # fmt, cite, schemas, manifest
    args = parser.parse_args(argv)
    commands = {"check": cmd_check, "generate": cmd_generate, "site": cmd_site, "serve": cmd_serve, **helpers}
    return commands[args.command](args.root.resolve(), args)
