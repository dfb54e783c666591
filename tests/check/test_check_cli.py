"""`make check` on a copy of the project: each kind of breakage names the right file and line."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT

GOLDEN = ROOT / "tests/golden/content"


def check(project: Path) -> tuple[int, list[str]]:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("GITHUB_ACTIONS", None)
    result = subprocess.run([sys.executable, "-m", "explainer", "--root", str(project), "check"],
                            capture_output=True, text=True, env=env)
    assert "Traceback" not in result.stderr
    return result.returncode, result.stdout.splitlines()


def failures(project: Path) -> list[str]:
    """`make check`'s lines on a project that must fail."""
    status, out = check(project)
    assert status == 1
    return out


def rename_record(project: Path, path: str, old_id: str, new_id: str) -> None:
    """Give a record another id, and its file the matching name."""
    edit(project / path, f"id: {old_id}", f"id: {new_id}")
    (project / path).rename((project / path).with_name(f"{new_id}.yml"))


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(GOLDEN, tmp_path / "content")
    return tmp_path


def edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def test_clean_content_passes(project):
    status, out = check(project)
    assert status == 0 and out[-1].startswith("ok: ")


def test_one_changed_word_in_a_quote_fails_at_that_line(project):
    edit(project / "content/timeline/us-withdrawal.yml", "accusing it of breaking", "accusing it of braking")
    out = failures(project)
    assert out[0] == ("content/timeline/us-withdrawal.yml:12:12: quote not found in putin-eef-2019; "
                      "copy the words exactly; the closest passage in the source, ready to paste: quote: "
                      "The U.S. withdrew from the 1987 Intermediate-Range Nuclear Forces (INF) Treaty with Russia "
                      "in August, after accusing it of breaking the conditions of the pact")
    assert out[-1] == "1 error(s), 0 warning(s)"


def test_a_deleted_cite_fails_at_the_record(project):
    path = project / "content/glossary/inf-treaty.yml"
    text = path.read_text(encoding="utf-8")
    path.write_text(text[:text.index("cite:")], encoding="utf-8")
    out = failures(project)
    assert "content/glossary/inf-treaty.yml:1:5: this statement has no support; cite the source's words " \
           "with cite:, or give background references with references:" in out


def test_a_repeated_id_fails_at_the_second_use(project):
    edit(project / "content/explainers/treaty.yml", "- id: treaty-first-reduction", "- id: treaty-banned-range")
    out = failures(project)
    assert ("content/explainers/treaty.yml:21:13: id 'treaty-banned-range' is already used in "
            "content/explainers/treaty.yml; ids are links: choose an id used nowhere else") in out


def test_an_altered_source_text_is_refused(project):
    text = project / "content/sources/putin-eef-2019.txt"
    text.write_bytes(text.read_bytes().replace(b"the 1987 Intermediate", b"the 1978 Intermediate"))
    out = failures(project)
    assert any(line.startswith("content/sources/putin-eef-2019.yml:14:9: putin-eef-2019.txt no longer "
                               "matches its recorded hash") for line in out)


def test_all_problems_are_reported_in_one_run(project):
    edit(project / "content/timeline/us-withdrawal.yml", "accusing it of breaking", "accusing it of braking")
    edit(project / "content/quotes/not-deploy-until-us.yml", "speaker:", "speeker:")
    out = failures(project)
    assert {line.split(":")[0] for line in out[:-1]} == {"content/timeline/us-withdrawal.yml",
                                                        "content/quotes/not-deploy-until-us.yml"}


def test_ids_that_pages_use_for_their_own_parts_are_refused(project):
    rename_record(project, "content/timeline/treaty-signed.yml", "treaty-signed", "full-text")
    out = failures(project)
    assert ("content/timeline/full-text.yml:1:5: id 'full-text' is reserved for a part of the page; "
            "choose a more specific id, e.g. one starting with the topic") in out


def test_a_record_id_may_not_repeat_a_position_side_anchor(project):
    rename_record(project, "content/glossary/inf-treaty.yml", "inf-treaty", "who-broke-the-treaty-russia")
    out = failures(project)
    assert any("id 'who-broke-the-treaty-russia' is already used in content/"
               in line for line in out), out


def test_check_runs_with_cyclic_gc_paused_and_restores_it(project, monkeypatch, capsys):
    import gc

    from explainer.cli import main, project as cli

    seen = []
    real = cli.check_all
    monkeypatch.setattr(cli, "check_all", lambda *args: (seen.append(gc.isenabled()), real(*args))[1])
    assert gc.isenabled()
    assert main.main(["--root", str(project), "check"]) == 0
    assert seen == [False] and gc.isenabled()
    gc.disable()
    try:  # a caller that had it off finds it off
        main.main(["--root", str(project), "check"])
        assert not gc.isenabled()
    finally:
        gc.enable()
