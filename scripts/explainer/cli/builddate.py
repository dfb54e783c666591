"""The date a build carries: the last commit of what the site is built from.

MkDocs writes the build date into sitemap.xml (<lastmod>) and the gzip header
of sitemap.xml.gz, taking SOURCE_DATE_EPOCH when set and the clock otherwise,
so two builds of one commit on different days differed. The site command sets
SOURCE_DATE_EPOCH to the commit time of the newest commit touching content/,
docs/ or mkdocs.yml, unless the caller set it already.
"""

from __future__ import annotations

import subprocess
from collections.abc import Mapping
from pathlib import Path

BUILT_FROM = ("content", "docs", "mkdocs.yml")


def last_commit_time(root: Path) -> str | None:
    """Seconds since the epoch of the last commit touching BUILT_FROM; None outside git."""
    try:
        run = subprocess.run(
            ["git", "-C", str(root), "log", "-1", "--format=%ct", "--", *BUILT_FROM],
            capture_output=True,
            text=True,
            timeout=30,
        )
    except (OSError, subprocess.SubprocessError):
        return None
    stamp = run.stdout.strip()
    return stamp if run.returncode == 0 and stamp.isdigit() else None


def build_env(root: Path, environ: Mapping[str, str]) -> dict[str, str]:
    """`environ` with SOURCE_DATE_EPOCH from the last commit, unless already set (or not in git).

    An empty one is dropped: MkDocs would fail on it with a traceback."""
    env = dict(environ)
    if not env.get("SOURCE_DATE_EPOCH"):
        env.pop("SOURCE_DATE_EPOCH", None)
        if stamp := last_commit_time(root):
            env["SOURCE_DATE_EPOCH"] = stamp
    return env
