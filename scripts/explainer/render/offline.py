"""The site for a classroom without internet: one ZIP that works opened from disk.

`make site` builds a second copy with `mkdocs-offline.yml` (Material's offline
plugin: page addresses end in .html and the search index is a script, so
search works from file://) and publishes it zipped beside the "For teachers"
page, which offers it. Pure: this module writes the offer, the note that
replaces it inside the copy, and the ZIP's bytes; `offlinesite` does the IO.
"""

from __future__ import annotations

import io
import posixpath
import zipfile

from ..model.routes import OFFLINE_PART, absolute, url
from ..model.routes import OFFLINE_ZIP as ZIP
from .markup import text

FOLDER = "offline-site"  # the one folder the ZIP unpacks to
# Left out of the ZIP: what only a web server uses, the not-found page (its links start at the
# host's root) and the sitemaps (which carry the build's date, so two builds would differ); and
# what a reader's browser never loads from the copy: source maps, the search index as JSON (the
# copy loads it as a script), and the search's other languages (the site is in English).
LEFT_OUT = ("404.html", "sitemap.xml", "sitemap.xml.gz", "search/search_index.json")
LEFT_OUT_FOLDERS = ("assets/javascripts/lunr/",)
# The pages that forward a retired address (content/redirects/) lead to directory addresses, which a
# browser cannot open from disk; and nobody keeps a link into a ZIP, so the copy needs none of them.
FORWARDING = b'<meta http-equiv="refresh"'
STAMP = (1980, 1, 1, 0, 0, 0)  # the earliest time a ZIP can hold: every entry, every build
README = (
    "This is the whole site, for use without internet.\n\n"
    "Open index.html in this folder with a web browser. Every page, handout and teacher's\n"
    "edition, the open data and the search work from the disk; nothing is loaded from the\n"
    "internet.\n"
)


def offer() -> str:
    """The "For teachers" section offering the ZIP (the link is relative: the ZIP sits beside the page)."""
    name = posixpath.basename(ZIP)
    return (
        f"## Without internet {{ #{OFFLINE_PART} }}\n\n"
        f'<a href="{name}" download>Download the whole site as one ZIP file</a> for a classroom '
        "without internet: every page, handout and teacher&#39;s edition, the open data and the search. "
        "Unpack it and open `index.html` in the folder it makes; nothing is loaded from the internet.\n"
    )


def in_the_copy(site_url: str) -> str:
    """What the copy says instead of offering itself: where the latest copy is, when the site's address is known."""
    latest = ""
    if site_url:
        address = text(site_url.rstrip("/") + "/" + ZIP)
        latest = f' The latest copy is at <a href="{address}">{address}</a>.'
    return (
        f"## Without internet {{ #{OFFLINE_PART} }}\n\n"
        f"You are reading the copy of the site made for use without internet.{latest}\n"
    )


def for_the_copy(markdown: str, site_url: str) -> str:
    """A generated page as the offline copy shows it: the offer becomes the note."""
    return markdown.replace(offer(), in_the_copy(site_url))


def hosted_address(site_url: str, page: str) -> str:
    """A page's address on the hosted site (directory addresses), which the copy's "Cite this page"
    names: the copy's own file names (timeline.html) are no address anyone can follow."""
    return absolute(site_url, url(page))


def packed(path: str, data: bytes) -> bool:
    """Whether a file of the built copy goes into the ZIP."""
    if path.endswith(".html") and FORWARDING in data:
        return False
    return not (path in LEFT_OUT or path.startswith(LEFT_OUT_FOLDERS) or path.endswith(".map"))


def pack(files: dict[str, bytes]) -> bytes:
    """The ZIP of a built copy: entries sorted, one fixed time and mode, so the same files give the same bytes."""
    out = io.BytesIO()
    entries = {f"{FOLDER}/README.txt": README.encode("utf-8")}
    entries.update({f"{FOLDER}/{path}": data for path, data in files.items() if packed(path, data)})
    with zipfile.ZipFile(out, "w") as archive:
        for name in sorted(entries):
            archive.writestr(_entry(name), entries[name], compress_type=zipfile.ZIP_DEFLATED, compresslevel=9)
    return out.getvalue()


def _entry(name: str) -> zipfile.ZipInfo:
    info = zipfile.ZipInfo(name, date_time=STAMP)
    info.create_system = 3  # Unix, wherever it is built, so the mode below is read the same way
    info.external_attr = 0o644 << 16
    return info
