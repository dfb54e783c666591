"""scripts/missing_assets.py finds the stylesheets and scripts a built page names but the site lacks."""

from __future__ import annotations

import sys

from explainer.cli import files
from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import missing_assets  # noqa: E402


def page(site, rel, body):
    path = site / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"<!doctype html><html><head>{body}</head><body></body></html>", encoding="utf-8")


def test_names_each_missing_file_once_with_the_first_page(tmp_path):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/main.css").write_text("", encoding="utf-8")
    page(tmp_path, "index.html", '<link rel="stylesheet" href="assets/main.css">'
                                 '<script src="assets/bundle.js" defer></script>')
    page(tmp_path, "a/b/index.html", '<link href="../../assets/main.css?v=1" rel="stylesheet">'
                                     "<script src='../../assets/bundle.js'></script><img src=\"x%20y.png\">"
                                     '<link rel="icon" href="/base/assets/icon.png">'
                                     '<script src="https://cdn.example/x.js"></script>')
    assert missing_assets.missing(tmp_path, "/base/") == {
        "assets/bundle.js": "a/b/index.html", "a/b/x y.png": "a/b/index.html", "assets/icon.png": "a/b/index.html"}


def test_an_address_with_escaped_characters_names_the_file_they_spell(tmp_path):
    page(tmp_path, "moved/index.html", '<link rel="canonical" href="../a/&#35;part">')
    page(tmp_path, "a/index.html", "")
    assert missing_assets.missing(tmp_path) == {}
    page(tmp_path, "moved/index.html", '<link rel="canonical" href="../b/&#35;part">')
    assert missing_assets.missing(tmp_path) == {"b": "moved/index.html"}


def test_a_complete_site_passes_and_the_command_says_so(tmp_path, capsys):
    (tmp_path / "assets").mkdir()
    (tmp_path / "assets/main.css").write_text("", encoding="utf-8")
    page(tmp_path, "index.html", '<link rel="stylesheet" href="./assets/main.css"><link rel="next" href="a/">')
    page(tmp_path, "a/index.html", '<link rel="prev" href="..">')
    assert missing_assets.main([str(tmp_path)]) == 0
    page(tmp_path, "404.html", '<script src="assets/gone.js"></script>')
    assert missing_assets.main([str(tmp_path)]) == 1
    assert "assets/gone.js: named by 404.html" in capsys.readouterr().out
    page(tmp_path, "404.html", '<script src="/inf/assets/main.css"></script>')
    assert missing_assets.main([str(tmp_path), "https://example.org/inf/"]) == 0
    assert missing_assets.main([str(tmp_path), "https://example.org/other/"]) == 1


def test_the_built_site_has_every_file_its_pages_name(built_site):
    assert missing_assets.main([str(built_site), files.site_url(ROOT)]) == 0
