"""`make check` runs every content check `make site` runs: the same verdict and the same messages.

Each broken fixture (one per content kind), and a redirect to a page that does
not exist, goes through the real command line twice on a copy of the project:
`check`, then `generate` (the first step of `make site`). Both must fail, print
the same problems, and `generate` must write nothing.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.model.kinds import KINDS, SITE_FILE
from hostile.project import TRACEBACK, cli, copy_project, write
from conftest import TESTS, ROOT

FIXTURES = TESTS / "fixtures" / "broken"
MISSING_TARGET = "id: gone-page\nfrom: /explainers/gone/\nto: /explainers/nowhere/\n"


def fixture_path(kind: str) -> str:
    return f"content/{KINDS[kind].folder}/{kind}.yml" if KINDS[kind].folder else SITE_FILE


CASES = {kind: (fixture_path(kind), (FIXTURES / f"{kind}.yml").read_bytes()) for kind in sorted(KINDS)}
CASES["redirect-to-a-missing-page"] = ("content/redirects/gone-page.yml", MISSING_TARGET.encode())


def problem_lines(text: str) -> list[str]:
    return [line for line in text.splitlines() if line.startswith(("content/", "urls.json")) or "error(s)" in line]


@pytest.mark.parametrize("case", sorted(CASES))
def test_check_and_site_give_the_same_verdict_and_messages(case, tmp_path):
    root = copy_project(tmp_path / "project")
    (root / "urls.json").write_bytes((ROOT / "urls.json").read_bytes())
    path, body = CASES[case]
    write(root, path, body)
    checked = cli(root, "check")
    generated = cli(root, "generate")
    assert TRACEBACK not in checked.text + generated.text
    assert checked.code == generated.code == 1, (checked.text, generated.text)
    assert problem_lines(checked.out) == problem_lines(generated.out) != []
    assert "nothing written" in generated.err and not (root / "docs" / "generated").exists()
    if case == "redirect-to-a-missing-page":
        assert problem_lines(checked.out)[0] == (
            "content/redirects/gone-page.yml:3:5: to '/explainers/nowhere/' is not published; "
            "point it at a published address; copy it from the site's # link")
