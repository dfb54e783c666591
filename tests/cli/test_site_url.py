"""The site's address comes from SITE_URL, read by the generator as MkDocs reads it.

With an address, every canonical and Open Graph link, the sitemap and the
handouts name it; without one, a build names no address at all rather than a
false one.
"""

from __future__ import annotations

import re

import pytest

from explainer.cli.siteurl import site_url
from hostile.project import cli, copy_project

CONFIG = "site_name: X\nsite_url: !ENV SITE_URL\ndocs_dir: docs/generated\n"


@pytest.mark.parametrize("config, environ, expected", [
    (CONFIG, {"SITE_URL": "https://owner.github.io/fork"}, "https://owner.github.io/fork/"),
    (CONFIG, {"SITE_URL": "https://example.com/"}, "https://example.com/"),
    (CONFIG, {}, ""),
    (CONFIG, {"SITE_URL": ""}, ""),
    ("site_url: !ENV [SITE_URL, 'https://fallback.example/x/']\n", {}, "https://fallback.example/x/"),
    ("site_url: !ENV [PAGES_URL, SITE_URL, null]\n", {"SITE_URL": "https://b.example/"}, "https://b.example/"),
    ("site_url: !ENV [PAGES_URL, SITE_URL, null]\n", {}, ""),
    ("site_url: 'https://fixed.example/site'  # a comment\n", {"SITE_URL": "https://ignored/"},
     "https://fixed.example/site/"),
    ("site_name: no address\n", {"SITE_URL": "https://ignored/"}, ""),
])
def test_site_url_is_read_as_mkdocs_reads_it(config, environ, expected):
    assert site_url(config, environ) == expected


@pytest.fixture(scope="module")
def without_address(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("no-address") / "project")
    run = cli(root, "site", env={"SITE_URL": ""})
    assert run.code == 0, run.text
    return root / "site"


@pytest.fixture(scope="module")
def with_address(tmp_path_factory):
    root = copy_project(tmp_path_factory.mktemp("address") / "project")
    run = cli(root, "site", env={"SITE_URL": "https://fork.example/some/path"})
    assert run.code == 0, run.text
    return root / "site"


def pages(site):
    return sorted(site.rglob("*.html"))


def test_a_build_without_an_address_names_none(without_address):
    for page in pages(without_address):
        html = page.read_text(encoding="utf-8")
        assert 'rel="canonical"' not in html or "http-equiv=\"refresh\"" in html, page
        assert "og:url" not in html and "print-url" not in html and "https://fork" not in html, page
    sitemap = (without_address / "sitemap.xml").read_text(encoding="utf-8")
    assert "<urlset" in sitemap and "<loc>" not in sitemap  # MkDocs lists no page it has no address for


def test_a_build_with_an_address_names_it_everywhere(with_address):
    address = "https://fork.example/some/path/"
    for page in pages(with_address):
        html = page.read_text(encoding="utf-8")
        if page.name == "404.html" or 'http-equiv="refresh"' in html:
            continue
        rel = page.relative_to(with_address).as_posix().removesuffix("index.html")
        assert f'<link rel="canonical" href="{address}{rel}">' in html, page
        assert f'<meta property="og:url" content="{address}{rel}">' in html, page
    locs = re.findall(r"<loc>([^<]*)</loc>", (with_address / "sitemap.xml").read_text(encoding="utf-8"))
    assert locs and all(loc.startswith(address) for loc in locs), locs
    handout = (with_address / "lessons" / "what-the-treaty-did" / "index.html").read_text(encoding="utf-8")
    assert f'<span class="print-url">{address}lessons/what-the-treaty-did/</span>' in handout
    assert 'href="/some/path/assets/' in (with_address / "404.html").read_text(encoding="utf-8")
