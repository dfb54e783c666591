"""A broken fixture per rule of the site's promise (issue 12), with the exact problems expected.

Each `tests/fixtures/broken/<rule>/<folder>/<id>.yml` is checked as if it were
`content/<folder>/<id>.yml` beside the real sources and site file; its `<id>.expected` beside it
holds the exact lines `make check` prints for it. Run with --update-golden to rewrite them, then
review the diff.
"""

from __future__ import annotations

import pytest

from explainer.check.content import check_content
from explainer.model.kinds import SITE_FILE
from conftest import ROOT, TESTS, read_files

BROKEN = TESTS / "fixtures" / "broken"
CASES = sorted(p.relative_to(BROKEN).as_posix() for rule in ("voices", "editorial") for p in (BROKEN / rule).glob("*/*.yml"))


def problems_for(case: str) -> list[str]:
    files = {k: v for k, v in read_files(ROOT).items() if k.startswith("content/sources/") or k == SITE_FILE}
    path = "content/" + case.split("/", 1)[1]
    files[path] = (BROKEN / case).read_bytes()
    _, problems = check_content(files)
    return [p.format() for p in problems if p.path == path]


def test_there_is_a_fixture_for_each_rule_the_issue_names():
    assert CASES == [
        "editorial/explainers/year-in-heading.yml",
        "editorial/notes/changed-figure-in-title.yml",
        "editorial/notes/inference-labelled-observation.yml",
        "editorial/notes/inference-without-label.yml",
        "editorial/timeline/date-without-reference.yml",
        "voices/explainers/narration-over-putin.yml",
        "voices/explainers/putin-over-narration.yml",
        "voices/positions/account-without-label.yml",
        "voices/quotes/outside-quotation-marks.yml",
    ]


@pytest.mark.parametrize("case", CASES)
def test_broken_fixture_reports_exactly_the_expected_problems(case, update_golden):
    expected_file = BROKEN / case.replace(".yml", ".expected")
    found = problems_for(case)
    if update_golden:
        expected_file.write_text("\n".join(found) + "\n", encoding="utf-8")
    assert found == expected_file.read_text(encoding="utf-8").splitlines()
    if case.startswith("voices/"):
        assert any("voice found: " in line for line in found)
