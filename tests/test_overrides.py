"""Theme overrides that copy a Material template differ from it only as documented.

A Material upgrade that changes one of these templates fails here, showing
what to carry over, instead of silently shipping an old copy.
"""

from __future__ import annotations

import re
from pathlib import Path

import material
import pytest

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "docs" / "overrides"
HEADER = re.compile(r"\A\{#-.*?-#\}\n", re.S)

# file: what the override changes, as (theme text, override text) pairs.
CHANGES = {
    "base.html": [
        ('id="__drawer" autocomplete="off"', 'id="__drawer"'),
        ('id="__search" autocomplete="off"', 'id="__search"'),
        ("bundle.a5f9d56c.min.js' | url }}\"></script>", "bundle.a5f9d56c.min.js' | url }}\" defer></script>"),
    ],
    "partials/search.html": [
        ('role="dialog">', "role=\"dialog\" aria-label=\"{{ lang.t('search') }}\">"),
    ],
    "partials/toc.html": [
        # Jinja2 passes `lang` on to an included template; Zensical's engine does not, and its own
        # toc.html imports it the same way.
        ('{% set title = lang.t("toc") %}',
         '{% import "partials/language.html" as lang with context %}\n{% set title = lang.t("toc") %}'),
        ('''    <label class="md-nav__title" for="__toc">
      <span class="md-nav__icon md-icon"></span>
      {{ title }}
    </label>''', '''    {#- The toggle this label works is only rendered for pages in the navigation. -#}
    {% if page in nav.pages %}
      <label class="md-nav__title" for="__toc">
        <span class="md-nav__icon md-icon"></span>
        {{ title }}
      </label>
    {% else %}
      <span class="md-nav__title">{{ title }}</span>
    {% endif %}'''),
    ],
}


@pytest.mark.parametrize("name", sorted(CHANGES))
def test_override_is_the_theme_file_with_documented_changes(name):
    theme = HEADER.sub("", (THEME / name).read_text(encoding="utf-8"))
    for old, new in CHANGES[name]:
        assert old in theme, f"{name}: the theme no longer has {old!r}; review the override"
        theme = theme.replace(old, new)
    override = HEADER.sub("", (OVERRIDES / name).read_text(encoding="utf-8"))
    assert override == theme


def test_no_undocumented_copies():
    copies = {p.relative_to(OVERRIDES).as_posix() for p in OVERRIDES.rglob("*.html")} - {"main.html"}
    assert copies == set(CHANGES)
