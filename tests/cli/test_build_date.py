"""Two `make site` runs of one commit give identical trees, sitemap included.

MkDocs dates the sitemap (<lastmod>, and the gzip header of sitemap.xml.gz)
with SOURCE_DATE_EPOCH, else the clock; the site command sets it to the time
of the last commit of what the site is built from, so the date is the
content's, not the build's.
"""

from __future__ import annotations

import gzip
import subprocess

import pytest

from explainer.cli.builddate import build_env
from hostile.project import cli, copy_project, snapshot

COMMITTED = "2001-02-03T04:05:06+00:00"
EPOCH = 981173106  # COMMITTED in seconds
MIDNIGHT = 981158400  # its day, which MkDocs writes into the gzip header (it keeps the date only)
GIT = ["git", "-c", "user.name=Test", "-c", "user.email=test@example.invalid", "-c", "commit.gpgsign=false"]


@pytest.fixture(scope="module")
def committed(tmp_path_factory):
    """A copy of the project as a git repository with one commit, dated COMMITTED."""
    root = copy_project(tmp_path_factory.mktemp("committed") / "project")
    env = {"GIT_AUTHOR_DATE": COMMITTED, "GIT_COMMITTER_DATE": COMMITTED}
    for args in (["init", "-q"], ["add", "-A"], ["commit", "-q", "-m", "content"]):
        subprocess.run([*GIT, *args], cwd=root, check=True, env={**env, "PATH": "/usr/bin:/bin"})
    return root


@pytest.fixture(scope="module")
def two_builds(committed):
    builds = []
    for seed in ("1", "2"):
        run = cli(committed, "site", env={"SOURCE_DATE_EPOCH": "", "PYTHONHASHSEED": seed})
        assert run.code == 0, run.text
        builds.append(snapshot(committed / "site"))
    return builds


def test_two_builds_of_one_commit_are_identical_in_every_file(two_builds):
    first, second = two_builds
    assert len(first) > 50 and "sitemap.xml" in first and "sitemap.xml.gz" in first
    assert {name for name in set(first) | set(second) if first.get(name) != second.get(name)} == set()


def test_the_sitemap_is_dated_by_the_last_commit(two_builds):
    sitemap = two_builds[0]["sitemap.xml"].decode()
    assert "<lastmod>2001-02-03</lastmod>" in sitemap and sitemap.count("<lastmod>") == sitemap.count("<loc>")
    assert int.from_bytes(two_builds[0]["sitemap.xml.gz"][4:8], "little") == MIDNIGHT  # gzip's MTIME field
    assert gzip.decompress(two_builds[0]["sitemap.xml.gz"]) == two_builds[0]["sitemap.xml"]


def test_a_set_source_date_epoch_wins(committed):
    assert build_env(committed, {"SOURCE_DATE_EPOCH": "1700000000"})["SOURCE_DATE_EPOCH"] == "1700000000"
    assert build_env(committed, {})["SOURCE_DATE_EPOCH"] == str(EPOCH)


def test_outside_git_the_date_is_left_to_mkdocs(tmp_path):
    assert "SOURCE_DATE_EPOCH" not in build_env(tmp_path, {})
    assert "SOURCE_DATE_EPOCH" not in build_env(tmp_path, {"SOURCE_DATE_EPOCH": ""})
