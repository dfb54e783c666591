"""Stylesheets, scripts and images that a built site's pages name but the site does not have.

`python scripts/missing_assets.py site/ [SITE_URL]` prints each missing file with the first page
naming it, and exits 1 if there is any. SITE_URL (mkdocs.yml's, or just its path) says where the
site starts on its host, for addresses that start with "/". A build can finish and still ship pages
without their styling or
search: the Zensical job uses this to tell a working build from one that only completed.
"""

from __future__ import annotations

import html
import posixpath
import re
import sys
from pathlib import Path
from urllib.parse import unquote, urlsplit

ASSET = re.compile(r"""<(?:link|script|img)\b[^>]*?\s(?:href|src)=["']([^"']+)["']""", re.I)


def missing(site: Path, base: str = "/") -> dict[str, str]:
    """{missing file (relative to the site): the first page naming it}."""
    found: dict[str, str] = {}
    for page in sorted(site.rglob("*.html")):
        here = page.parent.relative_to(site).as_posix()
        for ref in ASSET.findall(page.read_text(encoding="utf-8", errors="replace")):
            parts = urlsplit(html.unescape(ref))  # an attribute may write '#' as &#35;
            if parts.scheme or parts.netloc or not parts.path:
                continue  # another host (reported by the browser tests), or the page itself
            path = unquote(parts.path)
            if path.startswith("/"):  # from the host's root: the site starts at base
                path = path[len(base) :] if path.startswith(base) else "../" + path.lstrip("/")
            else:
                path = posixpath.join(here, path)
            target = posixpath.normpath(path)
            if not (site / target).is_file() and not (site / target / "index.html").is_file():
                found.setdefault(target, page.relative_to(site).as_posix())
    return found


def main(argv: list[str]) -> int:
    site = Path(argv[0] if argv else "site")
    base = urlsplit(argv[1]).path if len(argv) > 1 else "/"
    gone = missing(site, base.rstrip("/") + "/")
    for target, page in sorted(gone.items()):
        print(f"{target}: named by {page}, not in {site}/")
    print(f"{len(gone)} missing file(s)" if gone else f"every stylesheet, script and image named is in {site}/")
    return 1 if gone else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
