"""CONTRIBUTING.md stays true: each walkthrough is run, step by step, on a copy of the repository.

Blocks marked `<!-- walkthrough: write PATH -->` are written to PATH; `replace PATH` puts the
block's lines in place of the file's last lines; `edit PATH` applies the ```diff block (its ` `
and `-` lines must occur once, and become its ` ` and `+` lines); `run make …` runs the command
with make, and the following `<!-- walkthrough: output -->` block must be exactly what it prints
(`…` stands for any text; like the document, the output leaves out the command make echoes).

Each `## ` section with steps is one walkthrough, replayed on its own copy of the project as it
was before it: files the walkthrough writes are taken out of the copy (with the addresses they
added to urls.json), and edits it makes are undone there, so a contributor who kept the practice
records for a pull request still gets a clean `make test`, while their records are checked as
ordinary content by every other test.
"""

from __future__ import annotations

import json
import re
import shlex
import shutil
from pathlib import Path

import pytest

from conftest import ROOT
from makeable import make, makeable

DOC = ROOT / "CONTRIBUTING.md"
STEP = re.compile(r"<!-- walkthrough: (\w+) ?([^\n]*?) ?-->\n```\w*\n(.*?)```", re.S)
COPIED = ("content", "templates", "schemas", "docs/pages", "mkdocs.yml", "urls.json")


def walkthroughs() -> dict[str, list[tuple[str, str, str]]]:
    """The steps of each walkthrough, by the heading of its section."""
    found = {}
    for section in DOC.read_text(encoding="utf-8").split("\n## ")[1:]:
        steps = [(m.group(1), m.group(2) or "", m.group(3)) for m in STEP.finditer(section)]
        if steps:
            found[section.split("\n", 1)[0]] = steps
    return found


def steps() -> list[tuple[str, str, str]]:
    return walkthroughs()["Your first change: a quote and a timeline event"]


def diff_sides(body: str) -> tuple[str, str]:
    """A ```diff block's text before and after the change."""
    lines = body.rstrip("\n").split("\n")
    assert all(line[:1] in " -+" for line in lines), body
    return ("".join(line[1:] + "\n" for line in lines if line[:1] in " -"),
            "".join(line[1:] + "\n" for line in lines if line[:1] in " +"))


def matches(expected: str, actual: str) -> bool:
    want, got = expected.rstrip("\n").split("\n"), actual.rstrip("\n").split("\n")
    patterns = [re.compile(".*".join(map(re.escape, line.split("…"))) + r"\Z") for line in want]
    return len(want) == len(got) and all(p.match(line) for p, line in zip(patterns, got))


def project_before(tmp_path: Path, walkthrough: list[tuple[str, str, str]], base: Path = ROOT) -> Path:
    """A copy of the project at `base` as it was before the walkthrough, where `make` runs."""
    for name in COPIED:
        source = base / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, tmp_path / name)
    written = [arg for kind, arg, _ in walkthrough if kind == "write"]
    for path in written:
        (tmp_path / path).unlink(missing_ok=True)
    urls = tmp_path / "urls.json"
    promised = json.loads(urls.read_text(encoding="utf-8"))
    ids = {Path(path).stem for path in written}
    promised["pages"] = {page: [a for a in anchors if a not in ids] for page, anchors in promised["pages"].items()}
    urls.write_text(json.dumps(promised, indent=2, ensure_ascii=False) + "\n", encoding="utf-8")
    for kind, arg, body in reversed(walkthrough):
        if kind == "edit":  # undo an edit the contributor kept
            before, after = diff_sides(body)
            text = (tmp_path / arg).read_text(encoding="utf-8")
            if before not in text and text.count(after) == 1:
                (tmp_path / arg).write_text(text.replace(after, before), encoding="utf-8")
    return makeable(tmp_path)


def replay(project: Path, walkthrough: list[tuple[str, str, str]]) -> None:
    """Follow the walkthrough literally in `project`."""
    result = last = None
    for kind, arg, body in walkthrough:
        target = project / arg
        if kind == "write":
            assert not target.exists(), f"{arg} already exists: the walkthrough's ids must be new"
            target.write_text(body, encoding="utf-8")
        elif kind == "replace":
            lines = target.read_text(encoding="utf-8").splitlines()
            new = body.rstrip("\n").split("\n")
            target.write_text("\n".join(lines[:-len(new)] + new) + "\n", encoding="utf-8")
        elif kind == "edit":
            before, after = diff_sides(body)
            text = target.read_text(encoding="utf-8")
            assert text.count(before) == 1, f"{arg} does not hold the lines the walkthrough changes:\n{before}"
            target.write_text(text.replace(before, after), encoding="utf-8")
        elif kind == "run":
            words = shlex.split(arg)
            assert words[0] == "make", arg
            result, last = make(project, *words[1:]), arg
            assert "Traceback" not in result.stderr, result.stderr
        elif kind == "output":
            assert matches(body, result.stdout), f"`{last}` printed:\n{result.stdout}{result.stderr}\nCONTRIBUTING.md says:\n{body}"
    for target in ("fmt-check", "manifest-check", "check"):
        final = make(project, target)
        assert final.returncode == 0, f"after the walkthrough, `make {target}` fails:\n{final.stdout}{final.stderr}"


def test_walkthrough_has_the_steps_a_contributor_follows():
    kinds = [kind for kind, _, _ in steps()]
    assert kinds.count("write") == 2 and "replace" in kinds and kinds.count("output") == kinds.count("run")
    assert any(arg == "make check" and "quote not found" in nxt[2]
               for (kind, arg, _), nxt in zip(steps(), steps()[1:]) if kind == "run")


def test_correcting_a_claim_goes_from_its_link_to_the_file_to_the_check():
    walkthrough = walkthroughs()["Correct a claim"]
    runs = [(arg, nxt[2]) for (kind, arg, _), nxt in zip(walkthrough, walkthrough[1:]) if kind == "run"]
    assert runs[0][0].startswith("make find Q=/explainers/") and "#" in runs[0][0]
    assert re.fullmatch(r"content/\S+\.yml:…: claim \S+\n", runs[0][1])
    assert [kind for kind, _, _ in walkthrough].count("edit") == 2
    checks = [out for arg, out in runs if arg == "make check"]
    assert "is in the claim but in none of its quotes" in checks[0] and checks[-1].startswith("ok: ")


@pytest.fixture(scope="module")
def followed(tmp_path_factory) -> Path:
    """A copy of the project on which a contributor followed every walkthrough, literally, in turn."""
    every = [step for walkthrough in walkthroughs().values() for step in walkthrough]
    project = project_before(tmp_path_factory.mktemp("followed"), every)
    for walkthrough in walkthroughs().values():
        replay(project, walkthrough)
    return project


def test_walkthroughs_run_exactly_as_written(followed):
    """The replays ran in the fixture; what they leave is what a contributor would commit."""
    last_edit = {}
    for kind, arg, body in (step for walkthrough in walkthroughs().values() for step in walkthrough):
        if kind == "write":
            assert f"id: {Path(arg).stem}\n" in (followed / arg).read_text(encoding="utf-8")
        elif kind == "edit":
            last_edit[arg] = diff_sides(body)[1]
    assert last_edit
    for path, after in last_edit.items():
        assert after in (followed / path).read_text(encoding="utf-8")


@pytest.mark.parametrize("name", sorted(walkthroughs()))
def test_a_walkthrough_replays_when_its_records_were_kept(followed, tmp_path, name):
    """Kept for a pull request, the walkthrough's records and edits are ordinary content; the
    replay runs on a copy without them."""
    walkthrough = walkthroughs()[name]
    replay(project_before(tmp_path, walkthrough, base=followed), walkthrough)


def test_pre_commit_runs_only_local_hooks_that_are_make_targets():
    import yaml

    config = yaml.safe_load((ROOT / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    targets = set(re.findall(r"^([a-z][a-z-]*):", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M))
    hooks = [hook for repo in config["repos"] for hook in repo["hooks"]]
    assert {repo["repo"] for repo in config["repos"]} == {"local"}
    assert hooks and all(h["language"] == "system" and h["entry"].split()[0] == "make" for h in hooks)
    assert {h["entry"].split()[1] for h in hooks} <= targets


def test_pull_request_template_has_the_checklist():
    template = (ROOT / ".github" / "pull_request_template.md").read_text(encoding="utf-8")
    items = re.findall(r"^- \[ \] (.+)$", template, re.M)
    for command in ("make check", "make fmt", "make manifest", "make test"):
        assert any(command in item for item in items), command
