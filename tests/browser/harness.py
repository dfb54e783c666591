"""Serving a built site on 127.0.0.1 and driving Debian's Chromium over it.

Shared by the browser tests and the page-weight benchmark. Nothing here
downloads a browser: Playwright only drives /usr/bin/chromium.
"""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import shutil
import socketserver
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = os.environ.get("CHROMIUM", "/usr/bin/chromium")
FLAGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
         "--disable-sync", "--no-first-run", "--disable-default-apps", "--disable-extensions"]
ROOT = Path(__file__).resolve().parents[2]
NODE_MODULES = ROOT / "node_modules"


def missing_browser() -> str | None:
    """Why Chromium cannot be driven here, or None when it can."""
    if not (shutil.which(CHROMIUM) or Path(CHROMIUM).is_file()):
        return f"no Chromium at {CHROMIUM} (apt-get install chromium)"
    try:
        import playwright  # noqa: F401
    except ImportError:
        return "the playwright package is not installed (make test installs requirements-dev.txt)"
    return None


def missing_tools() -> str | None:
    """Why the browser tests cannot run here, or None when they can."""
    if reason := missing_browser():
        return reason
    if not (NODE_MODULES / "axe-core" / "axe.min.js").is_file():
        return "node_modules/axe-core is missing (make test runs npm ci)"
    return None


def site_prefix(config: Path = ROOT / "mkdocs.yml") -> str:
    """The path the site lives under once deployed (site_url, from SITE_URL), e.g. /inf-explainer/.

    Serving the test site under the same path lets the 404 page, whose links
    are absolute, load its assets as it will in production.
    """
    from explainer.cli import siteurl

    url = siteurl.site_url(config.read_text(encoding="utf-8"), os.environ) or "/"
    path = urlsplit(url).path or "/"
    return path if path.endswith("/") else path + "/"


COMPRESSIBLE = {".html", ".css", ".js", ".json", ".svg", ".xml", ".csv", ".txt", ".map"}


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    compress = False

    def translate_path(self, path):
        if not path.startswith(self.prefix):
            return "/nonexistent-outside-the-site-prefix"
        return super().translate_path("/" + path[len(self.prefix):])

    def log_message(self, *args):  # the browser keeps the request log
        pass

    def do_GET(self):
        """Files as they are; with `compress`, text files gzipped as a static host like GitHub Pages sends them."""
        file = Path(self.translate_path(self.path.split("?")[0].split("#")[0]))
        if file.is_dir() and self.path.split("?")[0].endswith("/"):
            file = file / "index.html"
        if not (self.compress and "gzip" in self.headers.get("Accept-Encoding", "")
                and file.is_file() and file.suffix in COMPRESSIBLE):
            return super().do_GET()
        body = gzip.compress(file.read_bytes(), 6, mtime=0)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(file)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)


class _Server(socketserver.ThreadingTCPServer):
    allow_reuse_address = True
    daemon_threads = True


@contextmanager
def serve(directory: Path, prefix: str = "/", compress: bool = False):
    """A static file server for `directory` at `prefix` on a free port of 127.0.0.1; yields the site's URL."""
    handler = functools.partial(type("Handler", (_Handler,), {"prefix": prefix, "compress": compress}),
                                directory=str(directory))
    server = _Server(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


@contextmanager
def chromium():
    """Headless Chromium driven by Playwright (a fresh temporary profile each launch)."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=FLAGS)
        try:
            yield browser
        finally:
            browser.close()


def site_pages(site: Path) -> list[str]:
    """Every HTML page of a built site, as URL paths relative to its root."""
    pages = []
    for path in sorted(site.rglob("*.html")):
        rel = path.relative_to(site).as_posix()
        pages.append(rel[: -len("index.html")] if rel.endswith("index.html") else rel)
    return pages
