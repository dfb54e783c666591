"""The W3C HTML checker (vnu, offline from the vnu-jar package) over every built page."""

from __future__ import annotations

import json
import shutil
import subprocess

from .conftest import require
from .harness import NODE_MODULES

VNU = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"


def test_w3c_html_checker_reports_no_errors(built_site):
    java = shutil.which("java")
    require(None if java else "no java (apt-get install default-jre-headless)")
    require(None if VNU.is_file() else "node_modules/vnu-jar is missing (make test runs npm ci)")
    pages = sorted(str(p) for p in built_site.rglob("*.html"))
    run = subprocess.run([java, "-jar", str(VNU), "--errors-only", "--format", "json", *pages],
                         capture_output=True, text=True, timeout=300)
    messages = json.loads(run.stderr or run.stdout or '{"messages": []}')["messages"]
    found = [f"{m.get('url', '').split(str(built_site))[-1]}:{m.get('lastLine', '?')}: {m['message']}"
             for m in messages if m.get("type") in ("error", "non-document-error")]
    assert pages and not found, "\n".join(found)
