"""MkDocs hook: two HTML errors in the theme's markup that no template block reaches.

The theme's base template puts autocomplete="off" on its checkbox toggles, an
attribute HTML allows on text inputs only; and its table of contents titles
itself with a label for the `__toc` toggle, which a page outside the navigation
does not have. Both are errors for the W3C HTML checker. Copying the templates
to change two lines tied the site to one theme release, so the built page is
mended here instead. Zensical runs no hooks; these fixes only serve the HTML
checker, which is run on MkDocs' output.
"""

from __future__ import annotations

import re

INPUT = re.compile(r"<input\b[^>]*>")
CHECKBOX = re.compile(r'\stype="checkbox"')
AUTOCOMPLETE = re.compile(r'\sautocomplete="[^"]*"')
LABEL = re.compile(r'<label class="([^"]*)" for="([^"]+)">(.*?)</label>', re.S)
ICON = '<span class="md-nav__icon md-icon"></span>'
ID = re.compile(r'\sid="([^"]+)"')


def without_checkbox_autocomplete(html: str) -> str:
    """Checkboxes lose autocomplete=, which HTML allows on text inputs only."""
    def mend(tag):
        text = tag.group(0)
        return AUTOCOMPLETE.sub("", text) if CHECKBOX.search(text) else text
    return INPUT.sub(mend, html)


def without_dangling_labels(html: str) -> str:
    """A label for a control the page does not have becomes plain text (its toggle icon dropped)."""
    ids = set(ID.findall(html))

    def mend(label):
        css, target, inner = label.groups()
        if target in ids:
            return label.group(0)
        return f'<span class="{css}">{inner.replace(ICON, "").strip()}</span>'
    return LABEL.sub(mend, html)


def valid_html(html: str) -> str:
    return without_dangling_labels(without_checkbox_autocomplete(html))


def on_post_page(output: str, **kwargs) -> str:
    return valid_html(output)


def on_post_template(output_content: str, template_name: str, **kwargs) -> str:
    """The 404 page and other static templates are built apart from the pages."""
    return valid_html(output_content) if template_name.endswith(".html") else output_content
