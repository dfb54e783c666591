"""The repository's history, read from git: the edge that feeds corrections.py and updated.py.

Every date is a commit's (committer date, as the committer's calendar day),
never the clock, so two builds of one commit are byte for byte the same. A
build outside git, or where git is missing, gets no history and a note that
says so; it never fails.
"""

from __future__ import annotations

import os
import subprocess
from dataclasses import dataclass, field
from pathlib import Path

from ..render.corrections import Commit

WATCHED = ("content", "docs/pages")  # where pages come from: the content, and the hand-written pages
SEPARATOR = "\x1e"  # starts each commit's header line in `git log` output


@dataclass(frozen=True)
class History:
    commits: list[Commit] | None  # oldest first; None without a readable history
    last_changed: dict[str, str] = field(default_factory=dict)  # path → date of the last commit touching it
    note: str = ""  # why the history is missing or incomplete, for the reader


NO_GIT = History(
    None,
    {},
    "This copy of the site was built outside the project's git repository, so the "
    "history of corrections is not available in it.",
)


def read(root: Path) -> History:
    if not _in_a_repository(root):
        return NO_GIT
    try:
        if _git(root, "rev-parse", "--is-inside-work-tree").strip() != "true":
            return NO_GIT
        shallow = _git(root, "rev-parse", "--is-shallow-repository").strip() == "true"
        # First parents only, merges diffed against them: a change is dated when it reached the branch built.
        # --relative: paths from the project's root, even when it is a folder inside a larger repository.
        log = _git(
            root,
            "log",
            "--first-parent",
            "--diff-merges=first-parent",
            "--reverse",
            "--no-renames",
            "--relative",
            f"--format={SEPARATOR}%H %cs",
            "--name-status",
            "--",
            *WATCHED,
        )
        commits = _commits(root, log)
    except (OSError, subprocess.CalledProcessError):
        return NO_GIT
    note = (
        "This copy was built from a shallow clone, so only its most recent history is listed; "
        "build from a full clone for every correction."
        if shallow
        else ""
    )
    return History(commits, last_changed(commits), note)


def _in_a_repository(root: Path) -> bool:
    """Whether git could find a repository here: a .git in this folder or one above (or GIT_DIR set).
    Looking first spares starting git at all for a copy outside any repository."""
    if os.environ.get("GIT_DIR"):
        return True
    return any((folder / ".git").exists() for folder in (root.resolve(), *root.resolve().parents))


def _git(root: Path, *args: str, stdin: bytes | None = None) -> str:
    run = subprocess.run(["git", "-C", str(root), *args], input=stdin, capture_output=True, check=True, timeout=120)
    return run.stdout.decode("utf-8", errors="replace")


def _commits(root: Path, log: str) -> list[Commit]:
    """Commits with the new text of each record file they touched (None: deleted, or not a record file)."""
    changes = []
    for block in log.split(SEPARATOR)[1:]:
        head, *rest = block.strip("\n").split("\n")
        sha, date = head.split(" ")
        touched = [line.split("\t", 1) for line in rest if "\t" in line]
        changes.append((sha, date, [(status, path) for status, path in touched]))
    wanted = [
        f"{sha}:./{path}"
        for sha, _, touched in changes
        for status, path in touched
        if path.endswith(".yml") and path.startswith("content/") and status != "D"
    ]
    blobs = _blobs(root, wanted)
    return [
        Commit(
            sha,
            date,
            {
                path: (
                    blobs.get(f"{sha}:./{path}")
                    if path.endswith(".yml") and status != "D" and path.startswith("content/")
                    else None
                )
                for status, path in touched
            },
        )
        for sha, date, touched in changes
    ]


def _blobs(root: Path, names: list[str]) -> dict[str, str]:
    """Many files at many commits in one `git cat-file --batch` call."""
    if not names:
        return {}
    out = subprocess.run(
        ["git", "-C", str(root), "cat-file", "--batch"],
        input="\n".join(names).encode() + b"\n",
        capture_output=True,
        check=True,
        timeout=120,
    ).stdout
    found, at = {}, 0
    for name in names:
        end = out.index(b"\n", at)
        header = out[at:end].split(b" ")
        at = end + 1
        if len(header) != 3:  # "<name> missing"
            continue
        size = int(header[2])
        found[name] = out[at : at + size].decode("utf-8", errors="replace")
        at += size + 1
    return found


def last_changed(commits: list[Commit]) -> dict[str, str]:
    """Each path's last commit date (a later commit overwrites an earlier one)."""
    dates: dict[str, str] = {}
    for commit in commits:
        for path in commit.files:
            dates[path] = commit.date
    return dates
