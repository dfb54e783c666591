"""A lesson printed to PDF by headless Chromium reads as a clean handout.

The student handout has the questions and no answers; the teacher's edition
has the cited answers. Both leave the site's navigation out and print every
citation with the source's words and its full address.
"""

from __future__ import annotations

import functools
import os
import re
import shutil
import subprocess
from pathlib import Path

import pytest

from browser.harness import CHROMIUM, FLAGS as BROWSER_FLAGS
from conftest import ROOT
from explainer.cli.siteurl import with_slash

FLAGS = ["--headless", *BROWSER_FLAGS, "--no-pdf-header-footer"]
SITE_URL = with_slash(os.environ["SITE_URL"])  # the address the test site is built for (conftest.py)
ARTIFACTS = ROOT / "artifacts" / "handouts"


def tools_missing() -> str | None:
    if not Path(CHROMIUM).is_file() and not shutil.which(CHROMIUM):
        return f"no Chromium at {CHROMIUM}"
    if not shutil.which("pdftotext"):
        return "pdftotext is missing (apt-get install poppler-utils)"
    return None


@pytest.fixture(scope="module")
def printed(built_site, tmp_path_factory):
    """Print a page of the built site to PDF; return its text with all whitespace removed."""
    missing = tools_missing()
    if missing:
        if os.environ.get("CI"):
            pytest.fail(missing, pytrace=False)
        pytest.skip(missing)
    ARTIFACTS.mkdir(parents=True, exist_ok=True)

    @functools.cache
    def text_of(page: str) -> str:
        pdf = ARTIFACTS / (page.strip("/").replace("/", "_") + ".pdf")
        profile = tmp_path_factory.mktemp("chromium-profile")
        url = (built_site / page / "index.html").as_uri()
        subprocess.run([CHROMIUM, *FLAGS, f"--user-data-dir={profile}", f"--print-to-pdf={pdf}", url],
                       check=True, capture_output=True, timeout=120)
        out = subprocess.run(["pdftotext", "-enc", "UTF-8", str(pdf), "-"], check=True, capture_output=True,
                             text=True).stdout
        return re.sub(r"\s+", "", out)

    return text_of


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def test_student_handout_has_questions_and_citations_but_no_answers(printed):
    text = printed("lessons/what-the-treaty-did")
    for expected in ("What did the INF Treaty do?", "Student handout", "Learning objectives",
                     "Which missiles did the INF Treaty eliminate?", "What made the treaty a first in nuclear arms control?",
                     # a reading's citation: the source's exact words and the address of the highlighted span
                     "“The INF Treaty eliminated all nuclear-armed ground-launched ballistic and cruise missiles",
                     SITE_URL + "sources/fas-inf-overview/#span-",
                     SITE_URL + "lessons/what-the-treaty-did/"):
        assert squeeze(expected) in text, expected
    for absent in ("Answer:", "rather than setting ceilings"):
        assert squeeze(absent) not in text, absent


def test_teachers_edition_has_the_cited_answers(printed):
    text = printed("lessons/what-the-treaty-did/answers")
    for expected in ("Teacher's edition with answer key", "Answer:",
                     "It actually reduced nuclear arms, rather than setting ceilings that could not be exceeded.",
                     "“The INF Treaty is the first nuclear arms control agreement to actually reduce nuclear arms",
                     SITE_URL + "lessons/what-the-treaty-did/answers/"):
        assert squeeze(expected) in text, expected


@pytest.mark.parametrize("page", ["lessons/what-the-treaty-did", "lessons/what-the-treaty-did/answers"])
def test_handouts_leave_the_navigation_out(printed, page):
    text = printed(page)
    for navigation in ("The INF Treaty, explained", "Open data", "Skip to content", "All lessons", "Cite this page"):
        assert squeeze(navigation) not in text, navigation
