"""A throwaway copy of the project, and the real command line run on it.

Tests add or break files in the copy; the repository's own tree is never
touched. The copy holds what a build reads: mkdocs.yml and mkdocs-offline.yml
(with its hook), docs/ (without the generated folder) and content/.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
HERE = Path(__file__).resolve().parent
TRACEBACK = "Traceback (most recent call last)"


@dataclass
class Run:
    code: int
    out: str
    err: str

    @property
    def text(self) -> str:
        return self.out + self.err


def copy_project(dest: Path) -> Path:
    dest.mkdir(parents=True, exist_ok=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy2(ROOT / "mkdocs-offline.yml", dest / "mkdocs-offline.yml")  # and the hook it names
    (dest / "scripts").mkdir(exist_ok=True)
    shutil.copy2(ROOT / "scripts" / "offline_hook.py", dest / "scripts" / "offline_hook.py")
    shutil.copytree(ROOT / "content", dest / "content", symlinks=True)
    shutil.copytree(ROOT / "docs", dest / "docs", symlinks=True,
                    ignore=lambda folder, names: ["generated"] if Path(folder) == ROOT / "docs" else [])
    return dest


def cli(root: Path, *args: str, timeout: float = 300, preexec=None, env: dict | None = None) -> Run:
    """`python -m explainer <args> --root <root>`, as `make` runs it, from outside the copy."""
    env = {**{k: v for k, v in os.environ.items() if k != "GITHUB_ACTIONS"},
           "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1", **(env or {})}
    done = subprocess.run([sys.executable, "-m", "explainer", "--root", str(root), *args],
                          cwd=root.parent, env=env, capture_output=True, text=True, timeout=timeout,
                          preexec_fn=preexec)
    return Run(done.returncode, done.stdout, done.stderr)


def write(root: Path, rel: str, body: str | bytes) -> Path:
    path = root / rel
    path.parent.mkdir(parents=True, exist_ok=True)
    if isinstance(body, str):
        path.write_text(body, encoding="utf-8")
    else:
        path.write_bytes(body)
    return path


def snapshot(folder: Path) -> dict[str, bytes]:
    """Every file below folder with its bytes, to prove a folder was left as it was."""
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def payload(marker: str) -> str:
    """One line of every injection a text field could attempt, tagged with `marker`.

    Executed, a script or handler sets `data-pwned` on <html>; rendered as
    markup, an element gets the class `pwned`. The marker stays outside every
    pair of double quotes, so statement texts pass the quoted-words check.
    """
    hit = "document.documentElement.dataset.pwned"
    return (f"{marker} </title></textarea></style><script>{hit}=1</script> "
            f"<img src=x onerror=\"{hit}='img'\"> <b class=\"pwned\">{marker}</b> "
            f"[link](javascript:{hit}=3) ![img](data:text/html;base64,PHNjcmlwdD4=) "
            f"<a href=\"javascript:{hit}=4\" onclick=\"{hit}=5\">a</a> <svg onload={hit}=6> "
            f"\" onmouseover=\"{hit}=7\" x=' {{: .pwned onclick=\"{hit}=8\" }} <!-- comment --> "
            f"*em* __strong__ `code` [^1] {{{{ config }}}} {{% raw %}} &lt; &#60; \\ | ~~s~~ ==m== "
            f"^^i^^ $x$ <https://evil.example/> javascript:alert(1) ---")


def install_hostile(root: Path) -> list[str]:
    """Copy the hostile fixtures into the project at root; return the markers used."""
    import hashlib
    import re

    markers: list[str] = []

    def fill(text: str) -> str:
        def sub(match):
            markers.append(match.group(1))
            return payload(match.group(1))
        return re.sub(r"HOSTILE\(([a-z-]+)\)", sub, text)

    fixtures = HERE / "content"
    for path in sorted(p for p in fixtures.rglob("*") if p.suffix == ".txt"):
        write(root, f"content/{path.relative_to(fixtures).as_posix()}", fill(path.read_text(encoding="utf-8")))
    for path in sorted(p for p in fixtures.rglob("*") if p.suffix == ".yml"):
        def digest(match):
            return hashlib.sha256((root / "content/sources" / f"{match.group(1)}.txt").read_bytes()).hexdigest()
        body = re.sub(r"SHA256\(([a-z-]+)\)", digest, fill(path.read_text(encoding="utf-8")))
        write(root, f"content/{path.relative_to(fixtures).as_posix()}", body)
    return sorted(set(markers))


@pytest.fixture(scope="session")
def hostile_site(tmp_path_factory) -> tuple[Path, list[str]]:
    """The project with every hostile fixture added, built once by `python -m explainer site`."""
    root = copy_project(tmp_path_factory.mktemp("hostile") / "project")
    markers = install_hostile(root)
    run = cli(root, "site")
    assert TRACEBACK not in run.text
    assert run.code == 0, run.text
    return root, markers
