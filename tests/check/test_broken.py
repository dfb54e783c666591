"""One deliberately broken file per content kind, with the exact problems expected.

Each fixture `tests/fixtures/broken/<kind>.yml` is checked as if it were
`content/<folder>/<kind>.yml` beside the real sources; its `.expected` file
holds the exact lines `make check` prints. Run with --update-golden to rewrite
them, then review the diff.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from explainer.check.content import check_content
from explainer.model.kinds import KINDS, SITE_FILE
from conftest import ROOT, read_files, TESTS

FIXTURES = TESTS / "fixtures" / "broken"


def problems_for(kind: str) -> list[str]:
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/") or k == SITE_FILE}
    path = f"content/{KINDS[kind].folder}/{kind}.yml" if KINDS[kind].folder else SITE_FILE
    files[path] = (FIXTURES / f"{kind}.yml").read_bytes()
    _, problems = check_content(files)
    return [p.format() for p in problems if p.path == path]


@pytest.mark.parametrize("kind", sorted(KINDS))
def test_broken_fixture_reports_exactly_the_expected_problems(kind, update_golden):
    expected_file = FIXTURES / f"{kind}.expected"
    found = problems_for(kind)
    if update_golden:
        expected_file.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8").splitlines()
