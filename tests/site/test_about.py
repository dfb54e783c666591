"""Who stands behind the site: an About page, a form to report an error, and on every page the
date it was last updated, taken from the repository's history (never the clock)."""

from __future__ import annotations

import re
import subprocess

import yaml

from explainer.cli import history
from conftest import ROOT

TEMPLATE = ROOT / ".github/ISSUE_TEMPLATE/report-an-error.yml"
ABOUT = ROOT / "docs/pages/about.md"


def test_the_error_report_form_asks_for_the_address_what_is_wrong_and_the_evidence():
    form = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))
    assert form["name"] == "Report an error" and form["description"]
    fields = {item["id"]: item for item in form["body"] if item.get("id")}
    assert list(fields) == ["address", "kind", "wrong", "evidence"]
    assert [fields[f]["validations"]["required"] for f in fields] == [True, True, True, False]
    assert all(item["attributes"].get("label") for item in fields.values())


def test_the_about_page_says_who_how_and_where_to_report_naming_the_form():
    page = ABOUT.read_text(encoding="utf-8")
    for heading in ("## Who maintains it { #who }", "## How it is checked { #how-it-is-checked }",
                    "## Reporting an error { #report-an-error }"):
        assert heading in page
    form = yaml.safe_load(TEMPLATE.read_text(encoding="utf-8"))["name"]
    assert f"**{form}** form" in page
    assert "(corrections.md)" in page


def last_commit_date(*paths: str) -> str:
    return subprocess.run(["git", "-C", str(ROOT), "log", "-1", "--first-parent", "--format=%cs", "--", *paths],
                          check=True, capture_output=True, text=True).stdout.strip()


def test_built_pages_show_when_they_were_last_updated_from_the_history(built_site):
    found = history.read(ROOT)
    updated = re.compile(r'<p class="page-updated">Last updated <time datetime="(\d{4}-\d\d-\d\d)">')
    timeline = updated.search((built_site / "timeline/index.html").read_text(encoding="utf-8"))
    home = updated.search((built_site / "index.html").read_text(encoding="utf-8"))
    corrections = (built_site / "corrections/index.html").read_text(encoding="utf-8")
    if found.commits is None:  # a copy outside git: no dates, and the page says why
        assert timeline is None and home is None and "built outside" in corrections
        return
    assert timeline and timeline.group(1) == last_commit_date("content/timeline")
    assert home and home.group(1) == last_commit_date("content")
    if found.note:  # a shallow clone (CI's checkout): the page says the list is incomplete
        assert "shallow clone" in corrections
    else:
        assert corrections.count('<div class="correction">') >= 10  # the rewordings of November 2026
