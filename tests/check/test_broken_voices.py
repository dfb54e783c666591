"""A broken fixture per voice rule (issue 12), with the exact problems expected.

Each `tests/fixtures/broken/voices/<folder>/<id>.yml` is checked as if it were
`content/<folder>/<id>.yml` beside the real sources and site file; its `<id>.expected` beside it
holds the exact lines `make check` prints for it. Run with --update-golden to rewrite them, then
review the diff.
"""

from __future__ import annotations

import pytest

from explainer.check.content import check_content
from explainer.model.kinds import SITE_FILE
from conftest import ROOT, TESTS, read_files

FIXTURES = TESTS / "fixtures" / "broken" / "voices"
CASES = sorted(p.relative_to(FIXTURES).as_posix() for p in FIXTURES.glob("*/*.yml"))


def problems_for(case: str) -> list[str]:
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/") or k == SITE_FILE}
    path = f"content/{case}"
    files[path] = (FIXTURES / case).read_bytes()
    _, problems = check_content(files)
    return [p.format() for p in problems if p.path == path]


def test_there_is_a_fixture_for_each_voice_rule_the_issue_names():
    assert CASES == [
        "explainers/narration-over-putin.yml",
        "explainers/putin-over-narration.yml",
        "positions/account-without-label.yml",
        "quotes/outside-quotation-marks.yml",
    ]


@pytest.mark.parametrize("case", CASES)
def test_broken_voice_fixture_reports_exactly_the_expected_problems(case, update_golden):
    expected_file = FIXTURES / case.replace(".yml", ".expected")
    found = problems_for(case)
    if update_golden:
        expected_file.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8").splitlines()
    assert any("voice found: " in line for line in found)
