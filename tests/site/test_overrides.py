"""No file under docs/overrides/ is a copy of a theme file, compared with the installed theme.

A copied template ties the site to one theme release and to one engine (Zensical
ships other asset files). Changes go through the theme's documented blocks in
main.html, the one template the theme ships empty for overriding, and what no
block reaches is mended by docs/hooks/valid_html.py.
"""

from __future__ import annotations

from pathlib import Path

import material

from conftest import ROOT

THEME = Path(material.__file__).parent / "templates"
OVERRIDES = ROOT / "docs" / "overrides"
EXTENSION_POINT = "main.html"  # the theme's own is `{% extends "base.html" %}` and nothing else
LONGEST_SHARED_RUN = 3         # lines in a row that an override may share with a theme file


def significant_lines(path: Path) -> list[str]:
    """Lines as a reader compares them: stripped, blank ones and Jinja comments' edges left out."""
    lines = (line.strip() for line in path.read_text(encoding="utf-8", errors="replace").splitlines())
    return [line for line in lines if line and line not in ("{#-", "-#}", "{#", "#}")]


def longest_shared_run(a: list[str], b: list[str]) -> int:
    """The most consecutive lines `a` and `b` have in common (longest common substring of lines)."""
    best, previous = 0, [0] * (len(b) + 1)
    for line in a:
        current = [0] * (len(b) + 1)
        for j, other in enumerate(b, 1):
            if line == other:
                current[j] = previous[j - 1] + 1
                best = max(best, current[j])
        previous = current
    return best


def overrides() -> list[Path]:
    return sorted(p for p in OVERRIDES.rglob("*") if p.is_file())


def test_the_theme_is_installed_with_its_templates():
    assert (THEME / "base.html").is_file() and (THEME / EXTENSION_POINT).is_file()
    assert overrides(), "docs/overrides/ holds nothing to compare"


def test_no_override_replaces_a_theme_file():
    replaced = [p.relative_to(OVERRIDES).as_posix() for p in overrides()
                if (THEME / p.relative_to(OVERRIDES)).is_file()
                and p.relative_to(OVERRIDES).as_posix() != EXTENSION_POINT]
    assert replaced == [], f"{replaced}: use a block in main.html or a partial of another name"


def test_no_override_copies_lines_of_a_theme_file():
    theme = {p.relative_to(THEME).as_posix(): significant_lines(p)
             for p in THEME.rglob("*.html") if p.is_file()}
    copied = []
    for path in overrides():
        mine = significant_lines(path)
        for name, lines in theme.items():
            if (run := longest_shared_run(mine, lines)) > LONGEST_SHARED_RUN:
                copied.append(f"{path.relative_to(OVERRIDES).as_posix()} shares {run} lines in a row with {name}")
    assert copied == [], "\n".join(copied)


def test_the_comparison_finds_a_copy(tmp_path):
    """The check itself fails on a copy: the theme's table of contents, one line changed."""
    copy = tmp_path / "toc.html"
    copy.write_text((THEME / "partials" / "toc.html").read_text(encoding="utf-8").replace("md-nav", "x-nav", 1),
                    encoding="utf-8")
    original = significant_lines(THEME / "partials" / "toc.html")
    assert longest_shared_run(significant_lines(copy), original) > LONGEST_SHARED_RUN
