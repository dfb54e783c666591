"""A failed build leaves the previous site/ as it was: MkDocs builds into a
temporary folder inside the project, and only a finished build is swapped in."""

from __future__ import annotations

from pathlib import Path

import pytest

from hostile.project import TRACEBACK, cli, copy_project, snapshot, write


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> Path:
    root = copy_project(tmp_path_factory.mktemp("build") / "project")
    run = cli(root, "site")
    assert run.code == 0, run.text
    return root


def fails_and_keeps_the_site(root: Path, *, mkdocs_ran: bool) -> str:
    before = snapshot(root / "site")
    run = cli(root, "site")
    assert run.code != 0
    assert TRACEBACK not in run.out, run.out
    assert snapshot(root / "site") == before
    assert not list(root.glob(".site-*")) and not (root / "site.old").exists()
    if mkdocs_ran:
        assert "the previous site/ is untouched" in run.err
    return run.text


def test_bad_content_stops_before_anything_is_written(built):
    generated = snapshot(built / "docs/generated")
    path = write(built, "content/timeline/broken.yml", "id: broken\ntitle: [unclosed\n")
    try:
        fails_and_keeps_the_site(built, mkdocs_ran=False)
        assert snapshot(built / "docs/generated") == generated
    finally:
        path.unlink()


def test_a_failing_strict_mkdocs_build_keeps_the_previous_site(built):
    """A hand-written page with a broken link passes our checks and fails MkDocs' strict build."""
    page = write(built, "docs/pages/broken-link.md", "# Broken\n\n[Nowhere](no-such-page.md)\n")
    try:
        text = fails_and_keeps_the_site(built, mkdocs_ran=True)
        assert "no-such-page.md" in text
    finally:
        page.unlink()


def test_a_crashing_mkdocs_keeps_the_previous_site(built):
    """MkDocs itself failing (here: a config it cannot read) is reported, and changes nothing."""
    config = built / "mkdocs.yml"
    good = config.read_bytes()
    config.write_bytes(good + b"\nnav: [unclosed\n")
    try:
        fails_and_keeps_the_site(built, mkdocs_ran=True)
    finally:
        config.write_bytes(good)


def test_a_failing_offline_copy_keeps_the_previous_site(built):
    """The ZIP for a classroom without internet is part of the site: its build failing fails `site`."""
    config = built / "mkdocs-offline.yml"
    good = config.read_bytes()
    config.write_bytes(good + b"\nplugins: [no-such-plugin]\n")
    try:
        text = fails_and_keeps_the_site(built, mkdocs_ran=True)
        assert "the offline copy failed to build" in text
    finally:
        config.write_bytes(good)


def test_a_good_build_publishes_the_offline_zip(built):
    assert (built / "site/lessons/offline-site.zip").is_file()


def test_a_leftover_from_an_interrupted_swap_is_cleared(built):
    (built / "site.old").mkdir()
    (built / "site.old" / "stale.html").write_text("stale", encoding="utf-8")
    run = cli(built, "site")
    assert run.code == 0, run.text
    assert not (built / "site.old").exists() and (built / "site/index.html").is_file()


def test_a_good_build_after_a_failed_one_replaces_the_site(built):
    before = snapshot(built / "site")
    write(built, "docs/stylesheets/marker.css", "/* rebuilt */\n")
    try:
        run = cli(built, "site")
        assert run.code == 0, run.text
        after = snapshot(built / "site")
        assert after != before and "stylesheets/marker.css" in after
    finally:
        (built / "docs/stylesheets/marker.css").unlink()


@pytest.mark.parametrize("address", ["/sitemap.xml/", "/404.html/", "/stylesheets/extra.css/"])
def test_a_redirect_cannot_turn_a_built_file_into_a_folder(built, address):
    """MkDocs crashed with a traceback writing sitemap.xml over a redirect page's folder."""
    path = write(built, "content/redirects/evil.yml", f"id: evil\nfrom: '{address}'\nto: '/explainers/'\n")
    try:
        text = fails_and_keeps_the_site(built, mkdocs_ran=False)
        assert f"content/redirects/evil.yml:2:7: from '{address}' names a file the build writes" in text
        assert TRACEBACK not in text
    finally:
        path.unlink()
