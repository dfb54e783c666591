"""`make serve`: an edit to a YAML file shows in the served page without a restart."""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

from browser.harness import site_prefix
from conftest import ROOT


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


def test_yaml_edit_shows_in_served_page_without_restart(tmp_path: Path):
    project = tmp_path / "project"
    shutil.copytree(ROOT / "tests/golden/content", project / "content")
    shutil.copytree(ROOT / "docs", project / "docs", ignore=shutil.ignore_patterns("generated"))
    shutil.copy(ROOT / "mkdocs.yml", project / "mkdocs.yml")
    port = free_port()
    env = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}
    server = subprocess.Popen([sys.executable, "-m", "explainer", "--root", str(project), "serve",
                               "--addr", f"127.0.0.1:{port}"], cwd=project, env=env,
                              stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
    try:
        url = f"http://127.0.0.1:{port}{site_prefix()}glossary/"  # mkdocs serve mounts the site at site_url's path
        assert wait_for(url, "Nuclear Forces Treaty, which"), "the preview never came up"
        term = project / "content/glossary/inf-treaty.yml"
        term.write_text(term.read_text().replace("Forces Treaty, which", "Forces Treaty, freshly edited, which"))
        assert wait_for(url, "freshly edited"), "the edit did not reach the served page"
    finally:
        os.killpg(server.pid, 15)
        server.wait(timeout=10)
