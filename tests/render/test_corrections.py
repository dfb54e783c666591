"""Corrections and last-updated dates, worked out from the repository's history.

A temporary git repository with two commits (fixed dates, never the clock) stands in
for the project's; a copy outside git must still build, and say it has no history.
"""

from __future__ import annotations

import os
import shutil
import subprocess
from pathlib import Path

import pytest

from explainer.cli import history
from explainer.render import corrections, updated
from explainer.render.corrections import Commit, Correction
from explainer.render.markup import text
from explainer.render.site import generate
from conftest import checked, read_files, TESTS
from hostile.project import TRACEBACK, cli, copy_project

GOLDEN = TESTS / "golden"
EVENT = "content/timeline/treaty-signed.yml"
FIRST, SECOND = "2024-01-02", "2024-03-04"
OLD = ("U.S. President Ronald Reagan and Soviet leader Mikhail Gorbachev signed the INF Treaty in "
       "Washington on 8 December 1987.")
NEW = ("U.S. President Ronald Reagan and Soviet leader Mikhail Gorbachev signed the INF Treaty at a summit "
       "in Washington on 8 December 1987.")


def event(words: str, width: int = 90, ident: str = "treaty-signed") -> str:
    lines, line = [], ""
    for word in words.split():
        if line and len(line) + len(word) >= width:
            lines.append(line)
            line = ""
        line = f"{line} {word}".strip()
    body = "\n  ".join(lines + [line])
    return f"id: {ident}\ntext: >-\n  {body}\ncite: []\n"


def test_a_reworded_statement_is_a_correction_dated_by_its_commit():
    commits = [Commit("a" * 40, FIRST, {EVENT: event(OLD)}),
               Commit("b" * 40, SECOND, {EVENT: event(NEW)})]
    assert corrections.corrections(commits) == [Correction(SECOND, "b" * 40, "treaty-signed", OLD, NEW)]


def test_rewrapped_lines_and_a_statement_first_published_are_not_corrections():
    commits = [Commit("a" * 40, FIRST, {EVENT: event(OLD)}),
               Commit("b" * 40, SECOND, {EVENT: event(OLD, width=60), "content/timeline/new.yml": event(NEW, ident="new")})]
    assert corrections.corrections(commits) == []


def test_a_file_that_does_not_parse_in_some_commit_holds_no_statements():
    assert corrections.statement_texts("id: [unclosed") == {}
    assert corrections.statement_texts(None) == {}


def git(root: Path, *args: str, date: str = FIRST) -> None:
    stamp = f"{date}T12:00:00+00:00"
    env = {**os.environ, "GIT_AUTHOR_DATE": stamp, "GIT_COMMITTER_DATE": stamp, "GIT_AUTHOR_NAME": "Test",
           "GIT_AUTHOR_EMAIL": "test@example.org", "GIT_COMMITTER_NAME": "Test",
           "GIT_COMMITTER_EMAIL": "test@example.org", "GIT_CONFIG_GLOBAL": os.devnull}
    subprocess.run(["git", "-C", str(root), *args], check=True, capture_output=True, env=env)


@pytest.fixture
def repo(tmp_path) -> Path:
    """The golden content in a git repository: committed, then one event reworded."""
    root = tmp_path / "repo"
    shutil.copytree(GOLDEN / "content", root / "content")
    git(root, "init", "-q", "-b", "main")
    git(root, "add", "-A")
    git(root, "commit", "-q", "-m", "First publication")
    path = root / EVENT
    reworded = path.read_text(encoding="utf-8").replace("the INF Treaty in\n  Washington",
                                                        "the INF Treaty at a summit in\n  Washington")
    path.write_text(reworded, encoding="utf-8")
    git(root, "commit", "-q", "-am", "Reword the signing", date=SECOND)
    return root


def built(root: Path) -> dict[str, str]:
    return generate(checked(read_files(root)), history=history.read(root))


def test_the_corrections_page_lists_the_change_with_its_date_and_where_it_is(repo):
    page = built(repo)["corrections.md"]
    assert page.count('<div class="correction"') == 1
    assert ('<time datetime="2024-03-04">4 March 2024</time>: '
            "[Timeline: Reagan and Gorbachev sign the INF Treaty](timeline.md#treaty-signed)") in page
    assert f"<strong>Was:</strong> {OLD}" in page and f"<strong>Now:</strong> {NEW}" in page


def test_every_page_is_dated_by_the_last_commit_touching_what_it_is_made_from(repo):
    files = built(repo)
    assert 'updated: "2024-03-04"' in files["timeline.md"]          # the reworded event is on it
    assert 'updated_text: "4 March 2024"' in files["timeline.md"]
    assert 'updated: "2024-01-02"' in files["explainers/treaty.md"]  # untouched since it was published
    assert 'updated: "2024-03-04"' in files["index.md"]             # drawn from all the content


def test_a_shallow_clone_says_its_history_is_incomplete(repo, tmp_path):
    clone = tmp_path / "clone"
    subprocess.run(["git", "clone", "-q", "--depth", "1", repo.as_uri(), str(clone)], check=True, capture_output=True)
    found = history.read(clone)
    assert [c.date for c in found.commits] == [SECOND]
    assert "shallow clone" in found.note
    assert "shallow clone" in built(clone)["corrections.md"]


def test_a_build_outside_git_says_so_on_the_page_and_does_not_fail(tmp_path):
    root = copy_project(tmp_path / "project")
    run = cli(root, "generate")
    assert run.code == 0 and TRACEBACK not in run.text, run.text
    page = (root / "docs/generated/corrections.md").read_text(encoding="utf-8")
    assert text(history.NO_GIT.note) in page
    assert "updated:" not in (root / "docs/generated/timeline.md").read_text(encoding="utf-8")


def test_a_page_made_from_one_file_takes_that_files_date_and_a_list_its_newest():
    content = checked(read_files(GOLDEN))
    inputs = updated.inputs(content, ["timeline.md", "explainers/treaty.md", "index.md"], set())
    assert inputs["explainers/treaty.md"] == {"content/explainers/treaty.yml"}
    dates = {"content/explainers/treaty.yml": "2020-01-01", EVENT: "2021-05-06",
             "content/timeline/us-withdrawal.yml": "2019-01-01"}
    assert updated.date_of(inputs["timeline.md"], dates) == "2021-05-06"
    assert updated.date_of(inputs["index.md"], dates) == "2021-05-06"
    assert updated.date_of(inputs["explainers/treaty.md"], dates) == "2020-01-01"


def test_a_project_in_a_folder_of_a_larger_repository_reads_its_own_paths(tmp_path):
    outer = tmp_path / "outer"
    shutil.copytree(GOLDEN / "content", outer / "explainer" / "content")
    git(outer, "init", "-q", "-b", "main")
    git(outer, "add", "-A")
    git(outer, "commit", "-q", "-m", "First publication")
    found = history.read(outer / "explainer")
    assert found.last_changed[EVENT] == FIRST
    assert corrections.statement_texts(found.commits[0].files[EVENT])["treaty-signed"] == OLD
