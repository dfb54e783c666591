"""Regenerate pages when content changes, for `make serve`.

Polling keeps this free of dependencies and works on any file system; MkDocs'
own watcher then sees the regenerated pages and reloads the browser.
"""

from __future__ import annotations

import time
from pathlib import Path

WATCHED = ("content", "docs/pages", "docs/stylesheets", "docs/javascripts", "docs/assets")


def snapshot(root: Path) -> dict[str, tuple[int, int]]:
    state = {}
    for folder in WATCHED:
        for path in (root / folder).rglob("*"):
            if path.is_file():
                stat = path.stat()
                state[str(path)] = (stat.st_mtime_ns, stat.st_size)
    return state


def watch(root: Path, regenerate, server, interval: float = 0.5, running=lambda: True) -> None:
    """Regenerate on each change while the server runs and `running()` says to go on."""
    last = snapshot(root)
    while server.poll() is None and running():
        time.sleep(interval)
        now = snapshot(root)
        if now != last:
            last = now
            regenerate()
