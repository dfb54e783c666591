"""MkDocs hook of the offline copy only (mkdocs-offline.yml).

The "For teachers" page offers the ZIP of the offline copy; inside that copy
the offer would lead nowhere (a ZIP cannot hold itself), so the page says it
is the copy and where the latest one is. And "Cite this page" names each
page's address on the hosted site, not the copy's file name. The wording and
the addresses are `explainer.offline`'s.
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = str(Path(__file__).resolve().parent)
if HERE not in sys.path:  # MkDocs loads this file by path; the package sits beside it
    sys.path.insert(0, HERE)

from explainer.render import offline  # noqa: E402


def on_page_markdown(markdown, page, config, files):
    return offline.for_the_copy(markdown, config.site_url or "")


def on_page_context(context, page, config, nav):
    if page.canonical_url:
        page.canonical_url = offline.hosted_address(config.site_url, page.file.src_uri)
    return context
