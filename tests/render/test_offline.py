"""The offline copy's ZIP and its offer: same files, same bytes; the copy never offers itself.

The copy itself, unpacked and opened from disk, is tested in Chromium
(tests/browser/test_offline.py); two whole builds giving the same ZIP, in
tests/cli/test_determinism.py.
"""

from __future__ import annotations

import importlib.util
import io
import re
import zipfile
from types import SimpleNamespace

import yaml

from explainer.render import offline
from explainer.render.site import generate
from conftest import ROOT, checked, read_files

FILES = {"index.html": b"<h1>Home</h1>", "lessons/index.html": b"<h1>For teachers</h1>",
         "search/search_index.js": b"var __index = {}", "search/search_index.json": b"{}",
         "404.html": b"/inf-explainer/", "sitemap.xml": b"<lastmod>", "sitemap.xml.gz": b"\x1f\x8b",
         "assets/javascripts/bundle.min.js": b"1", "assets/javascripts/bundle.min.js.map": b"{}",
         "assets/javascripts/lunr/wordcut.js": b"2", "data/claims.csv": b"id\n",
         "explainers/inf/index.html": b'<meta http-equiv="refresh" content="0; url=../treaty/">'}


def entries(data: bytes) -> list[zipfile.ZipInfo]:
    return zipfile.ZipFile(io.BytesIO(data)).infolist()


def test_the_same_files_give_the_same_bytes_in_any_order():
    backwards = dict(reversed(list(FILES.items())))
    assert offline.pack(FILES) == offline.pack(backwards)
    assert offline.pack(FILES) != offline.pack({**FILES, "index.html": b"<h1>Changed</h1>"})


def test_entries_are_sorted_in_one_folder_with_one_time_and_mode():
    infos = entries(offline.pack(FILES))
    assert [i.filename for i in infos] == [
        "offline-site/README.txt", "offline-site/assets/javascripts/bundle.min.js",
        "offline-site/data/claims.csv", "offline-site/index.html",
        "offline-site/lessons/index.html", "offline-site/search/search_index.js"]
    assert {(i.date_time, i.external_attr >> 16, i.create_system, i.compress_type) for i in infos} == {
        ((1980, 1, 1, 0, 0, 0), 0o644, 3, zipfile.ZIP_DEFLATED)}
    archive = zipfile.ZipFile(io.BytesIO(offline.pack(FILES)))
    assert archive.read("offline-site/index.html") == FILES["index.html"]
    assert "open index.html" in archive.read("offline-site/README.txt").decode().lower()


def test_the_pages_forwarding_a_retired_address_are_the_ones_left_out():
    """Golden content retires a page: the page forwarding its address is the one left out."""
    tree = generate(checked(read_files(ROOT / "tests" / "golden")))
    forwarding = sorted(path for path, body in tree.items()
                        if path.endswith(".html") and not offline.packed(path, body.encode("utf-8")))
    assert forwarding == ["explainers/inf/index.html"]


def test_the_for_teachers_page_offers_the_zip_beside_it():
    page = generate(checked(read_files(ROOT)))["lessons/index.md"]
    assert offline.offer() in page  # the exact text the copy's hook replaces
    assert '<a href="offline-site.zip" download>' in offline.offer()
    assert offline.ZIP == "lessons/offline-site.zip"  # beside lessons/index.md, so the link is relative


def test_the_copy_says_it_is_the_copy_and_where_the_latest_is():
    page = "# For teachers\n\nLessons.\n\n" + offline.offer()
    copy = offline.for_the_copy(page, "https://example.org/inf-explainer/")
    assert offline.offer() not in copy and "{ #offline }" in copy
    assert copy.endswith("You are reading the copy of the site made for use without internet. The latest copy is at "
                         '<a href="https://example.org/inf-explainer/lessons/offline-site.zip">'
                         "https://example.org/inf-explainer/lessons/offline-site.zip</a>.\n")
    assert "<a " not in offline.for_the_copy(page, "")
    assert offline.for_the_copy("# Timeline\n", "https://example.org/") == "# Timeline\n"


def test_the_hook_of_the_offline_config_rewrites_the_offer():
    config = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))
    assert config["INHERIT"] == "mkdocs.yml" and "offline" in config["plugins"]
    spec = importlib.util.spec_from_file_location("offline_hook", ROOT / config["hooks"][0])
    hook = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(hook)
    settings = SimpleNamespace(site_url="https://example.org/x/")
    assert hook.on_page_markdown(offline.offer(), None, settings, None) == offline.in_the_copy("https://example.org/x/")
    page = SimpleNamespace(canonical_url="https://example.org/x/timeline.html", file=SimpleNamespace(src_uri="timeline.md"))
    hook.on_page_context({}, page, settings, None)
    assert page.canonical_url == "https://example.org/x/timeline/"


def test_the_worker_shim_is_listed_by_a_name_the_offline_plugin_recognises():
    """Material's offline plugin adds unpkg.com's shim unless a polyfill's address holds "iframe-worker"."""
    polyfills = yaml.safe_load((ROOT / "mkdocs-offline.yml").read_text(encoding="utf-8"))["extra"]["polyfills"]
    assert polyfills == ["javascripts/iframe-worker.js"]
    assert (ROOT / "docs" / polyfills[0]).is_file()


CANONICAL = re.compile(rb'<link rel="canonical" href="([^"]+)">')


def test_the_copy_cites_each_page_by_its_address_on_the_hosted_site(built_site):
    """"Cite this page" and the canonical link of timeline.html name /timeline/, as the hosted page does."""
    archive = zipfile.ZipFile(built_site / offline.ZIP)
    pages = [n for n in archive.namelist() if n.endswith(".html")]
    assert len(pages) >= 20
    for name in pages:
        page = name.removeprefix(offline.FOLDER + "/")
        hosted = page if page.endswith("index.html") else page.removesuffix(".html") + "/index.html"
        expected = CANONICAL.findall((built_site / hosted).read_bytes())
        assert expected and CANONICAL.findall(archive.read(name)) == expected, page
        assert expected[0] in archive.read(name).split(b'class="cite-text"')[1], page
