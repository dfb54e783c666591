"""Shared test helpers: the project root, reading content, building the site once."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import offlinesite

ROOT = Path(__file__).resolve().parent.parent
TESTS = ROOT / "tests"  # shared fixtures: golden/, fixtures/, hostile/, second_site/

# mkdocs.yml takes the site's address from SITE_URL, as a deploy passes it. The tests build the
# site as deployed at this address (under a path, like a project's GitHub Pages site), or at
# the one SITE_URL names; test_site_url.py builds without any.
TEST_SITE_URL = "https://example.net/explainer-test/"
os.environ.setdefault("SITE_URL", TEST_SITE_URL)


def pytest_addoption(parser):
    parser.addoption("--update-golden", action="store_true", help="rewrite golden files from the current output")


@pytest.hookimpl(trylast=True)
def pytest_unconfigure(config):
    """After pytest's own last line: say loudly which tests skipped for want of a tool."""
    from toolskips import summary

    reporter = config.pluginmanager.get_plugin("terminalreporter")
    line = reporter and summary([report.nodeid for report in reporter.stats.get("skipped", [])])
    if line:
        reporter.write_line(line, yellow=True, bold=True)


@pytest.fixture
def update_golden(request) -> bool:
    return request.config.getoption("--update-golden")


def read_files(root: Path, folder: str = "content") -> dict[str, bytes]:
    """Every file below root/folder, keyed by path relative to root (as the CLI reads them)."""
    return {p.relative_to(root).as_posix(): p.read_bytes()
            for p in sorted((root / folder).rglob("*")) if p.is_file()}


def checked(files: dict[str, bytes], handwritten: dict | None = None):
    """The typed content of `files`, which must pass every check."""
    from explainer.check.pipeline import check_all
    from explainer.model.problems import errors

    content, problems = check_all(files, handwritten)
    assert content is not None and not errors(problems), [p.format() for p in problems]
    return content


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The real content, generated and built once with `mkdocs build --strict`, with the offline ZIP; or, with
    TEST_SITE set, the site already built in that folder (`make test-zensical` sets it to
    Zensical's site-zensical/, so the same checks run on the other engine's output)."""
    if folder := os.environ.get("TEST_SITE"):
        site = (ROOT / folder).resolve()
        assert (site / "index.html").is_file(), f"TEST_SITE={folder}: no built site there (make site-zensical)"
        return site
    out = tmp_path_factory.mktemp("site")
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    subprocess.run([sys.executable, "-m", "explainer", "generate"], cwd=ROOT, env=env, check=True)
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(out)],
                            cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    assert "WARNING" not in result.stderr, result.stderr
    assert offlinesite.build(ROOT, out) == 0  # the offline copy's ZIP, as `make site` publishes it
    return out
