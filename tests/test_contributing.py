"""CONTRIBUTING.md stays true: its walkthrough is run, step by step, on a copy of the repository.

Blocks marked `<!-- walkthrough: write PATH -->` are written to PATH; `replace PATH` puts the
block's lines in place of the file's last lines; `run make …` runs the command, and the following
`<!-- walkthrough: output -->` block must be exactly what it prints (`…` stands for any text).
"""

from __future__ import annotations

import os
import re
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

from conftest import ROOT

DOC = ROOT / "CONTRIBUTING.md"
STEP = re.compile(r"<!-- walkthrough: (\w+) ?([^\n]*?) ?-->\n```\w*\n(.*?)```", re.S)
COPIED = ("content", "templates", "schemas", "docs/pages", "mkdocs.yml", "urls.json")


def steps() -> list[tuple[str, str, str]]:
    return [(m.group(1), m.group(2) or "", m.group(3)) for m in STEP.finditer(DOC.read_text(encoding="utf-8"))]


def make(root: Path, target: str) -> subprocess.CompletedProcess:
    """`make X [Q=...]` as the Makefile runs it, without setting up a virtual environment."""
    words = shlex.split(target)
    assert words[0] == "make"
    args = [words[1]]
    if words[1] == "cite":
        args += ["--", next(w[2:] for w in words if w.startswith("Q="))]
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run([sys.executable, "-m", "explainer", *args], cwd=root, env=env, capture_output=True, text=True)


def matches(expected: str, actual: str) -> bool:
    want, got = expected.rstrip("\n").split("\n"), actual.rstrip("\n").split("\n")
    patterns = [re.compile(".*".join(map(re.escape, line.split("…"))) + r"\Z") for line in want]
    return len(want) == len(got) and all(p.match(line) for p, line in zip(patterns, got))


def test_walkthrough_has_the_steps_a_contributor_follows():
    kinds = [kind for kind, _, _ in steps()]
    assert kinds.count("write") == 2 and "replace" in kinds and kinds.count("output") == kinds.count("run")
    assert any(arg == "make check" and "quote not found" in nxt[2]
               for (kind, arg, _), nxt in zip(steps(), steps()[1:]) if kind == "run")


def test_walkthrough_runs_exactly_as_written(tmp_path):
    for name in COPIED:
        source = ROOT / name
        if source.is_dir():
            shutil.copytree(source, tmp_path / name)
        else:
            (tmp_path / name).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy(source, tmp_path / name)
    result = None
    for kind, arg, body in steps():
        if kind == "write":
            assert not (tmp_path / arg).exists(), f"{arg} already exists: the walkthrough's ids must be new"
            (tmp_path / arg).write_text(body, encoding="utf-8")
        elif kind == "replace":
            lines = (tmp_path / arg).read_text(encoding="utf-8").splitlines()
            new = body.rstrip("\n").split("\n")
            (tmp_path / arg).write_text("\n".join(lines[:-len(new)] + new) + "\n", encoding="utf-8")
        elif kind == "run":
            result = make(tmp_path, arg)
            last = arg
        elif kind == "output":
            assert matches(body, result.stdout), f"`{last}` printed:\n{result.stdout}{result.stderr}\nCONTRIBUTING.md says:\n{body}"
    for check in ("fmt --check", "manifest --check", "check"):
        final = make(tmp_path, f"make {check}".replace(" --check", "")) if check == "check" else \
            subprocess.run([sys.executable, "-m", "explainer", *check.split()], cwd=tmp_path, capture_output=True,
                           text=True, env={**os.environ, "PYTHONPATH": str(ROOT / "scripts")})
        assert final.returncode == 0, f"after the walkthrough, `{check}` fails:\n{final.stdout}{final.stderr}"


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
