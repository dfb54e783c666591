"""The project at a root, read and checked as every command needs it, and problems printed.

Shared by the commands in main.py and contributor.py.
"""

from __future__ import annotations

import contextlib
import gc
import os
import sys
from pathlib import Path

from ..check.pipeline import check_all
from ..check.promise import MANIFEST
from ..model.content import Content
from ..model.problems import Problem, errors, in_order
from . import files


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


def load(root: Path) -> tuple[Content | None, dict[str, str | bytes], list[Problem]]:
    """Read and check all content, with the hand-written pages and the promise of lasting links:
    (the checked content, or None if anything is wrong; the hand-written pages; every problem)."""
    raw, problems = files.read_content(root)
    pages, unreadable = files.read_handwritten(root)
    content, found = check_all(raw, pages, files.read_text(root, MANIFEST))
    problems = in_order(problems + unreadable + found)
    return (None if errors(problems) else content), pages, problems


def counts(content: Content) -> str:
    citations = sum(len(s.citations) for s in content.statements)
    return f"{content.record_count} records, {citations} citations verified"


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
