"""docs/hooks/valid_html.py: the two theme markup errors it mends, and nothing else."""

from __future__ import annotations

import importlib.util

from conftest import ROOT

spec = importlib.util.spec_from_file_location("valid_html", ROOT / "docs" / "hooks" / "valid_html.py")
valid_html = importlib.util.module_from_spec(spec)
spec.loader.exec_module(valid_html)


def test_a_checkbox_loses_autocomplete():
    page = '<input class="md-toggle" type="checkbox" id="__drawer" autocomplete="off">'
    assert valid_html.valid_html(page) == '<input class="md-toggle" type="checkbox" id="__drawer">'


def test_a_text_input_keeps_autocomplete():
    page = '<input type="text" class="md-search__input" autocomplete="off" required>'
    assert valid_html.valid_html(page) == page


def test_a_label_for_a_missing_toggle_becomes_text():
    page = ('<nav><label class="md-nav__title" for="__toc">\n  <span class="md-nav__icon md-icon"></span>\n'
            '  Table of contents\n</label></nav>')
    assert valid_html.valid_html(page) == '<nav><span class="md-nav__title">Table of contents</span></nav>'


def test_a_label_for_a_toggle_the_page_has_stays():
    page = ('<input class="md-nav__toggle md-toggle" type="checkbox" id="__toc">'
            '<label class="md-nav__title" for="__toc"><span class="md-nav__icon md-icon"></span>Contents</label>')
    assert valid_html.valid_html(page) == page


def test_the_404_template_is_mended_and_other_templates_are_not():
    page = '<input type="checkbox" id="__search" autocomplete="off">'
    assert valid_html.on_post_template(page, template_name="404.html") == '<input type="checkbox" id="__search">'
    assert valid_html.on_post_template(page, template_name="sitemap.xml") == page
