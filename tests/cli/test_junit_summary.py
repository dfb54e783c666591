"""scripts/junit_summary.py: each test's outcome from a JUnit report, as the Zensical job shows it."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "scripts"))
import junit_summary  # noqa: E402

REPORT = """<?xml version="1.0" encoding="utf-8"?><testsuites><testsuite name="pytest">
<testcase classname="tests.browser.test_site" name="test_search_works_on_the_static_site" time="1.0"/>
<testcase classname="tests.browser.test_site" name="test_axe_finds_no_violation_of_any_impact" time="2.0">
<failure message="AssertionError: glossary/ @1280px: color-contrast (serious)&#10;more">details</failure></testcase>
<testcase classname="tests.browser.test_markup" name="test_w3c_html_checker_reports_no_errors" time="0">
<skipped message="no java"/></testcase>
</testsuite></testsuites>"""


def test_each_test_gets_its_outcome_and_the_first_line_of_its_message():
    assert junit_summary.outcomes(REPORT) == [
        ("test_site::test_search_works_on_the_static_site", "passed", ""),
        ("test_site::test_axe_finds_no_violation_of_any_impact", "failed",
         "AssertionError: glossary/ @1280px: color-contrast (serious)"),
        ("test_markup::test_w3c_html_checker_reports_no_errors", "skipped", "no java"),
    ]


def test_the_table_escapes_pipes():
    assert junit_summary.table([("a::b", "failed", "x | y")], "Zensical") == (
        "## Zensical\n\n| Check | Outcome | First line of the failure |\n| --- | --- | --- |\n"
        "| a::b | failed | x \\| y |\n")


def test_a_missing_report_says_the_tests_never_ran(tmp_path, capsys):
    assert junit_summary.main([str(tmp_path / "none.xml"), "Zensical"]) == 1
    assert capsys.readouterr().out == (f"## Zensical\n\nNo test report at {tmp_path / 'none.xml'}: "
                                       "the build failed before the tests ran.\n")
