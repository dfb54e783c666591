"""Two builds of the same content give the same bytes.

The copies live at different paths and run with different hash seeds, so
neither set ordering nor an absolute path can leak into the output. MkDocs'
sitemap carries the build date (SOURCE_DATE_EPOCH sets it); apart from those
two files the built site is byte-identical too.
"""

from __future__ import annotations

import pytest

from hostile.project import cli, copy_project, install_hostile, snapshot

DATED = {"sitemap.xml", "sitemap.xml.gz"}  # <lastmod> and the gzip header hold the build date


@pytest.fixture(scope="module")
def twins(tmp_path_factory):
    """The real content plus the hostile fixtures, built twice: other path, other seed, other day."""
    builds = []
    for seed, day in (("1", "1700000000"), ("2", "1800000000")):
        root = copy_project(tmp_path_factory.mktemp(f"twin{seed}") / f"project-{seed}")
        install_hostile(root)
        run = cli(root, "site", env={"PYTHONHASHSEED": seed, "SOURCE_DATE_EPOCH": day})
        assert run.code == 0, run.text
        builds.append(root)
    return builds


def differing(a: dict, b: dict) -> set[str]:
    return {name for name in set(a) | set(b) if a.get(name) != b.get(name)}


def test_generated_pages_and_data_are_byte_identical(twins):
    first, second = (snapshot(root / "docs/generated") for root in twins)
    assert len(first) > 20
    assert differing(first, second) == set()


def test_built_site_is_byte_identical_apart_from_the_build_date(twins):
    first, second = (snapshot(root / "site") for root in twins)
    assert differing(first, second) == DATED


def test_the_same_build_date_gives_the_same_site(twins, tmp_path):
    first = twins[0]
    again = copy_project(tmp_path / "again")
    install_hostile(again)
    run = cli(again, "site", env={"PYTHONHASHSEED": "3", "SOURCE_DATE_EPOCH": "1700000000"})
    assert run.code == 0, run.text
    assert differing(snapshot(first / "site"), snapshot(again / "site")) == set()


def test_a_second_generate_rewrites_nothing(twins):
    root = twins[0]
    before = {p: p.stat().st_mtime_ns for p in (root / "docs/generated").rglob("*") if p.is_file()}
    run = cli(root, "generate")
    assert run.code == 0 and "(0 changed, 0 removed)" in run.out, run.out
    assert {p: p.stat().st_mtime_ns for p in (root / "docs/generated").rglob("*") if p.is_file()} == before
