"""Building the offline copy and publishing its ZIP: the IO around `offline`."""

from __future__ import annotations

import subprocess
import sys
import tempfile
from collections.abc import Mapping
from pathlib import Path

from ..render import offline

CONFIG = "mkdocs-offline.yml"


def build(root: Path, site_dir: Path, env: Mapping[str, str] | None = None) -> int:
    """Build the offline copy from the generated pages into a temporary folder, and write its ZIP
    into site_dir. Returns MkDocs' exit status; on failure nothing is written."""
    with tempfile.TemporaryDirectory(prefix="explainer-offline-") as tmp:
        built = Path(tmp) / "site"
        run = subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--config-file", CONFIG, "--site-dir", str(built)],
            cwd=root,
            env=env,
        )
        if run.returncode:
            return run.returncode
        target = site_dir / offline.ZIP
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_bytes(offline.pack(read_folder(built)))
    return 0


def read_folder(folder: Path) -> dict[str, bytes]:
    """Every file below folder, keyed by its path inside it."""
    return {
        path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()
    }
