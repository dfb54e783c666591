"""Links that last, in a real browser: redirects on a static host, and the copy-link control.

Built from the golden content, which declares a moved page and a moved
anchor, and served on 127.0.0.1 under the production path.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from explainer.cli import files
from explainer.render import site

from conftest import checked

from .harness import ROOT, serve, site_prefix

GOLDEN = ROOT / "tests" / "golden"


@pytest.fixture(scope="module")
def golden_site(tmp_path_factory, tools) -> Path:
    root = tmp_path_factory.mktemp("golden-site")
    shutil.copy(ROOT / "mkdocs.yml", root)
    shutil.copytree(ROOT / "docs" / "overrides", root / "docs" / "overrides")
    shutil.copytree(ROOT / "docs" / "hooks", root / "docs" / "hooks")
    tree_files = {p.relative_to(GOLDEN).as_posix(): p.read_bytes()
                  for p in (GOLDEN / "content").rglob("*") if p.is_file()}
    handwritten = files.read_handwritten(ROOT)[0]
    tree = site.generate(checked(tree_files, handwritten), handwritten, site_url=files.site_url(ROOT))
    files.write_tree(root / "docs" / "generated", tree)
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1"}
    result = subprocess.run([sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(root / "site")],
                            cwd=root, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr
    return root / "site"


@pytest.fixture(scope="module")
def base(golden_site):
    with serve(golden_site, site_prefix()) as url:
        yield url


@pytest.mark.parametrize("old, new", [
    ("explainers/inf/", "explainers/treaty/"),
    ("explainers/inf/#treaty-first-reduction", "explainers/treaty/#treaty-first-reduction"),
    ("explainers/treaty/#treaty-range", "explainers/treaty/#treaty-banned-range"),
    ("explainers/inf/#treaty-range", "explainers/treaty/#treaty-banned-range"),
])
def test_a_retired_address_leads_to_its_new_place(browser, base, old, new):
    page = browser.new_page()
    page.goto(base + old)
    page.wait_for_url(base + new, timeout=10_000)
    page.wait_for_load_state("load")
    target = new.partition("#")[2]
    if target:
        assert page.locator(f"#{target}").count() == 1
    page.close()


def test_the_hash_link_copies_the_full_address(browser, base):
    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(base + "explainers/treaty/")
    page.click('a.permalink[href="#treaty-first-reduction"]')
    expected = base + "explainers/treaty/#treaty-first-reduction"
    assert page.evaluate("navigator.clipboard.readText()") == expected
    assert page.url == expected
    assert page.locator("#copy-link-status").text_content() == "Link copied: " + expected
    context.close()


def test_without_scripts_the_hash_is_a_plain_link(browser, base):
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "explainers/treaty/")
    page.click('a.permalink[href="#treaty-first-reduction"]')
    assert page.url == base + "explainers/treaty/#treaty-first-reduction"
    context.close()
