"""`make serve`: an edit to a YAML file shows in the served page without a restart; however it is
stopped, nothing it started keeps running; a port in use is one clear line and a failure."""

from __future__ import annotations

import os
import re
import shutil
import signal
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from browser.harness import site_prefix
from conftest import ROOT
from makeable import contributor_env, make, makeable


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def fetch(url: str) -> str:
    try:
        with urllib.request.urlopen(url, timeout=2) as response:
            return response.read().decode("utf-8")
    except OSError:
        return ""


def wait_for(url: str, needle: str, seconds: float = 30) -> bool:
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if needle in fetch(url):
            return True
        time.sleep(0.3)
    return False


def small_project(tmp_path: Path) -> Path:
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests/golden/content", project / "content")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    return project


def test_yaml_edit_shows_in_served_page_without_restart(tmp_path: Path):
    project = small_project(tmp_path)
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "explainer", "--root", str(project), "serve",
                               "--addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}{site_prefix()}glossary/"  # mkdocs serve mounts the site at site_url's path
        assert wait_for(url, "Nuclear Forces Treaty, under which"), "the preview never came up"
        term = project / "content/glossary/inf-treaty.yml"
        term.write_text(term.read_text().replace("Forces Treaty, under which", "Forces Treaty, freshly edited, under which"))
        assert wait_for(url, "freshly edited"), "the edit did not reach the served page"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=10)


def children(pid: int) -> list[int]:
    """Every process below `pid`, from /proc."""
    parents = {}
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                parents[int(entry.name)] = int((entry / "stat").read_text().rsplit(")", 1)[1].split()[1])
            except (OSError, IndexError, ValueError):
                continue  # gone meanwhile
    found, todo = [], [pid]
    while todo:
        pid = todo.pop()
        kids = [p for p, parent in parents.items() if parent == pid]
        found += kids
        todo += kids
    return found


def running(pid: int) -> bool:
    try:
        return (Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]) != "Z"
    except OSError:
        return False


def command(pid: int) -> str:
    return Path(f"/proc/{pid}/cmdline").read_bytes().replace(b"\0", b" ").decode()


@pytest.mark.parametrize("how", ["SIGTERM to make", "SIGTERM to python", "Ctrl-C"])
def test_stopping_make_serve_stops_every_process_it_started(tmp_path: Path, how: str):
    project = makeable(small_project(tmp_path))
    port = free_port()
    env = contributor_env()
    make_serve = subprocess.Popen(["make", "serve", f"ADDR=127.0.0.1:{port}"], cwd=project, env=env,
                                  stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    started: list[int] = []
    try:
        assert wait_for(f"http://127.0.0.1:{port}{site_prefix()}", "<html"), "the preview never came up"
        started += children(make_serve.pid)
        assert any("mkdocs serve" in command(p) for p in started), [command(p) for p in started]
        if how == "SIGTERM to make":
            os.kill(make_serve.pid, signal.SIGTERM)
        elif how == "SIGTERM to python":
            os.kill(next(p for p in started if "explainer serve" in command(p)), signal.SIGTERM)
        else:  # a terminal sends Ctrl-C to the whole foreground group
            os.killpg(make_serve.pid, signal.SIGINT)
        make_serve.wait(timeout=15)
        deadline = time.monotonic() + 15
        while any(map(running, started)) and time.monotonic() < deadline:
            time.sleep(0.2)
        assert not [command(p) for p in started if running(p)], f"still running after {how}"
        assert not fetch(f"http://127.0.0.1:{port}{site_prefix()}"), "the port is still served"
    finally:
        for pid in {make_serve.pid, *started, *children(make_serve.pid)}:  # what a failure left running
            if running(pid):
                os.kill(pid, signal.SIGKILL)


def test_a_port_in_use_is_one_line_and_a_failure(tmp_path: Path):
    project = makeable(small_project(tmp_path))
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        start = time.monotonic()
        result = make(project, "serve", f"ADDR=127.0.0.1:{port}", timeout=60)
        seconds = time.monotonic() - start
    assert result.returncode != 0 and seconds < 10
    assert result.stdout == ""
    assert result.stderr.splitlines()[0] == (
        f"serve: port {port} on 127.0.0.1 is already in use (another `make serve`?); stop that one, "
        f"or pick another port: make serve ADDR=127.0.0.1:{port + 1}")
    assert [re.sub(r":\d+:", ":N:", line) for line in result.stderr.splitlines()[1:]] == \
        ["make: *** [Makefile:N: serve] Error 1"]  # make's own line; no traceback
