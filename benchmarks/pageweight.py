"""Page-weight budget: bytes and requests per page, and Lighthouse mobile scores.

Builds the site twice from the same generated Markdown: as published (our
theme overrides and stylesheet, no web fonts) and as stock Material (theme
defaults), serves each on 127.0.0.1 with gzip as GitHub Pages does, and records for every page the requests
the browser makes and the bytes it receives, plus Lighthouse 12 (mobile) for
the home, timeline and a source page. Results go to
benchmarks/pageweight-results.json and to BENCHMARKS.md, section "Page weight
and Lighthouse". A benchmark, not a test: it fails only if it cannot measure.

Run: make bench-pageweight
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path
from urllib.parse import unquote, urlsplit

import yaml
from mkdocs.utils.yaml import yaml_load

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))
from browser.harness import CHROMIUM, FLAGS, NODE_MODULES, serve, site_pages, site_prefix  # noqa: E402

RESULTS = ROOT / "benchmarks" / "pageweight-results.json"
LIGHTHOUSE_PAGES = ("", "timeline/", "sources/putin-eef-2019/")
# No network here: other hosts fail at once instead of hanging (they are counted, not fetched).
OFFLINE = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"
OFFLINE_QUOTED = '--host-resolver-rules="MAP * ~NOTFOUND , EXCLUDE 127.0.0.1"'  # for Lighthouse's flag parser
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "scripts"), "NO_MKDOCS_2_WARNING": "1"}


def build(config: Path, out: Path) -> None:
    subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--quiet", "--config-file", str(config), "--site-dir", str(out)],
        cwd=ROOT,
        env=ENV,
        check=True,
    )


def stock_config(tmp: Path) -> Path:
    """mkdocs.yml with Material's defaults: no overrides, no extra CSS, default fonts."""
    config = yaml_load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"))  # resolves !ENV SITE_URL
    config["theme"] = {"name": "material"}
    config.pop("extra_css", None)
    config.pop("hooks", None)
    config["docs_dir"] = str(ROOT / config["docs_dir"])
    config["strict"] = False
    path = tmp / "mkdocs-stock.yml"
    path.write_text(yaml.safe_dump(config), encoding="utf-8")
    return path


def weigh(browser, base: str, site: Path, path: str) -> dict:
    """Requests and bytes for one page load (and the search index the theme fetches)."""
    context = browser.new_context(viewport={"width": 390, "height": 844})
    page = context.new_page()
    local, outside = [], []
    page.on("requestfinished", lambda r: local.append(r) if r.url.startswith(base) else outside.append(r.url))
    page.on("requestfailed", lambda r: outside.append(r.url))
    page.goto(base + path, wait_until="load")
    page.wait_for_timeout(1500)  # the theme's search worker fetches its index after load
    sent = sum(r.sizes()["responseBodySize"] + r.sizes()["responseHeadersSize"] for r in local)
    raw = sum(_size(site, base, r.url) for r in local)
    context.close()
    return {
        "requests": len(local) + len(outside),
        "bytes": sent,
        "bytes_uncompressed": raw,
        "third_party_requests": sorted(set(outside)),
    }


def _size(site: Path, base: str, url: str) -> int:
    """The file's size on disk, before compression."""
    rel = unquote(urlsplit(url).path)[len(urlsplit(base).path) :]
    file = site / rel
    if file.is_dir() or rel.endswith("/") or not rel:
        file = file / "index.html"
    return file.stat().st_size if file.is_file() else 0


def lighthouse(url: str, out: Path) -> dict:
    flags = " ".join(["--headless=new", *FLAGS, OFFLINE_QUOTED])
    subprocess.run(
        [
            str(NODE_MODULES / ".bin" / "lighthouse"),
            url,
            "--quiet",
            "--output=json",
            f"--output-path={out}",
            f"--chrome-flags={flags}",
            "--form-factor=mobile",
            "--only-categories=performance,accessibility,best-practices,seo",
        ],
        env={**os.environ, "CHROME_PATH": CHROMIUM},
        check=True,
        timeout=300,
    )
    report = json.loads(out.read_text(encoding="utf-8"))
    return {key: round(cat["score"] * 100) for key, cat in report["categories"].items()}


def measure(site: Path, tmp: Path, name: str) -> dict:
    from playwright.sync_api import sync_playwright

    with serve(site, site_prefix(), compress=True) as base, sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, args=[*FLAGS, OFFLINE])
        pages = {path or "/": weigh(browser, base, site, path) for path in site_pages(site)}
        browser.close()
        scores = {path or "/": lighthouse(base + path, tmp / f"{name}-{len(path)}.json") for path in LIGHTHOUSE_PAGES}
    return {"pages": pages, "lighthouse": scores}


def main() -> int:
    subprocess.run([sys.executable, "-m", "explainer", "generate"], cwd=ROOT, env=ENV, check=True)
    with tempfile.TemporaryDirectory() as name:
        tmp = Path(name)
        build(ROOT / "mkdocs.yml", tmp / "ours")
        build(stock_config(tmp), tmp / "stock")
        results = {"ours": measure(tmp / "ours", tmp, "ours"), "stock": measure(tmp / "stock", tmp, "stock")}
    RESULTS.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    from pageweight_report import update_benchmarks  # noqa: E402  (beside this file)

    update_benchmarks(ROOT / "BENCHMARKS.md", results)
    print(f"wrote {RESULTS.relative_to(ROOT)} and BENCHMARKS.md")
    return 0


if __name__ == "__main__":
    sys.path.insert(0, str(Path(__file__).parent))
    raise SystemExit(main())
