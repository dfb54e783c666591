"""The install story: one package list for `make deps`, CI and the README, and a loud line when
tests skip for want of what it installs."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from conftest import ROOT
from toolskips import summary

PACKAGES = ROOT / ".ci" / "packages.txt"


def listed() -> list[tuple[str, str | None]]:
    """(package, command it is installed only without) for each line of .ci/packages.txt."""
    out = []
    for line in PACKAGES.read_text(encoding="utf-8").splitlines():
        words = line.split("#")[0].split()
        if words:
            out.append((words[0], words[2] if words[1:2] == ["if-missing"] else None))
    return out


def fake_bin(tmp_path: Path, commands: tuple[str, ...]) -> Path:
    """A PATH with the few real tools .ci/deps uses, a logging apt-get, and `commands` as stubs."""
    bin_dir = tmp_path / "bin"
    bin_dir.mkdir(parents=True)
    for tool in ("bash", "sed", "id", "dirname"):
        (bin_dir / tool).symlink_to(subprocess.run(["bash", "-c", f"command -v {tool}"], capture_output=True,
                                                   text=True, check=True).stdout.strip())
    log = tmp_path / "apt.log"
    for stub in ("apt-get", "sudo", *commands):
        script = {"apt-get": f'echo "$*" >> "{log}"', "sudo": 'exec "$@"'}.get(stub, "exit 0")
        (bin_dir / stub).write_text(f"#!/bin/sh\n{script}\n", encoding="utf-8")
        (bin_dir / stub).chmod(0o755)
    return bin_dir


def run_deps(tmp_path: Path, commands: tuple[str, ...]) -> tuple[subprocess.CompletedProcess, list[str]]:
    env = {"PATH": str(fake_bin(tmp_path, commands)), "HOME": str(tmp_path)}
    result = subprocess.run([str(ROOT / ".ci" / "deps")], env=env, capture_output=True, text=True)
    log = tmp_path / "apt.log"
    return result, log.read_text(encoding="utf-8").splitlines() if log.exists() else []


def test_make_deps_installs_the_list_and_only_what_is_missing(tmp_path):
    always = [name for name, unless in listed() if unless is None]
    assert {"chromium", "poppler-utils", "default-jre-headless"} <= set(always)
    result, calls = run_deps(tmp_path / "bare", ())
    assert result.returncode == 0, result.stderr
    assert calls == ["update -qq", "install -y -qq --no-install-recommends " + " ".join(n for n, _ in listed())]
    result, calls = run_deps(tmp_path / "with-npm", ("npm", "make"))
    assert calls[-1] == "install -y -qq --no-install-recommends " + " ".join(always)


def test_ci_installs_through_the_one_list():
    run = (ROOT / ".ci" / "run").read_text(encoding="utf-8")
    workflow = (ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8")
    assert ".ci/deps" in run and "run: make deps" in workflow
    for text in (run, workflow):
        assert "apt-get install" not in text  # no second list to drift from .ci/packages.txt
    assert re.search(r"^deps:\n\t@\.ci/deps$", (ROOT / "Makefile").read_text(encoding="utf-8"), re.M)


def test_readme_names_every_package_make_deps_installs():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    assert "make deps" in readme
    for name, _ in listed():
        assert f"`{name}`" in readme, name


def test_the_skip_line_names_each_group_and_the_command():
    assert summary(["tests/load/test_load.py::test_x"]) is None
    assert summary(["tests/browser/test_site.py::test_a", "tests/browser/test_markup.py::test_b",
                    "tests/render/test_handout_pdf.py::test_c", "tests/load/test_load.py::test_x"]) == (
        "SKIPPED 3 test(s) that need tools beyond Python: browser and HTML checker (2), PDF handouts (1); "
        "install the tools with `make deps` (Debian or Ubuntu, as root or with sudo), then run `make test` again")


def test_a_run_without_chromium_ends_with_the_skip_line():
    env = {**os.environ, "CHROMIUM": "/nonexistent/chromium", "PYTHONPATH": str(ROOT / "scripts")}
    env.pop("CI", None)
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-p", "no:cacheprovider",
                             "tests/browser/test_site.py"], cwd=ROOT, env=env, capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    last = result.stdout.rstrip("\n").splitlines()[-1]
    assert re.fullmatch(r"SKIPPED \d+ test\(s\) that need tools beyond Python: browser and HTML checker \(\d+\); "
                        r"install the tools with `make deps` .*", last), result.stdout
