"""End to end: the real content builds strictly, and a claim's footnote leads to
the highlighted span holding exactly the quoted words."""

from __future__ import annotations

import html as html_module
import re
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from explainer.check.content import check_content
from explainer.cite.anchor import fold
from conftest import ROOT, read_files


class Spans(HTMLParser):
    """Collects, per data-span, the text of all its <mark> pieces, and every id."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.open: list[str | None] = []
        self.text: dict[str, str] = {}
        self.ids: dict[str, str] = {}

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if attrs.get("id"):
            self.ids[attrs["id"]] = attrs.get("data-span", "")
        if tag == "mark":
            self.open.append(attrs.get("data-span"))
            self.text.setdefault(attrs.get("data-span"), "")

    def handle_endtag(self, tag):
        if tag == "mark":
            self.open.pop()

    def handle_data(self, data):
        for span in set(self.open):
            self.text[span] += data


def parse(path: Path) -> Spans:
    parser = Spans()
    parser.feed(path.read_text(encoding="utf-8"))
    return parser


def page_file(site: Path, url_path: str) -> Path:
    path = site / url_path.lstrip("/")
    return path / "index.html" if url_path.endswith("/") or path.is_dir() else path


def test_every_claim_footnote_leads_to_its_exact_words(built_site):
    content, _ = check_content(read_files(ROOT))
    followed = 0
    for html_file in sorted(built_site.rglob("index.html")):
        html = html_file.read_text(encoding="utf-8")
        page_url = "/" + html_file.parent.relative_to(built_site).as_posix() + "/"
        for match in re.finditer(r'<li id="fn:[^"]+">\s*<p>(.*?) &#8212; <a href="([^"]+)"', html, re.S):
            quoted, href = match.groups()
            if quoted.startswith("&#8220;") and quoted.endswith("&#8221;"):  # our marks, not the source's
                quoted = quoted[len("&#8220;"):-len("&#8221;")]
            target = urlsplit(urljoin(page_url.replace("//", "/"), href))
            spans = parse(page_file(built_site, target.path))
            assert target.fragment in spans.ids, f"{href} from {page_url} has no target"
            span = spans.ids[target.fragment]
            source_words = spans.text[span]
            start, end = map(int, span.split("-"))
            assert end - start == len(source_words)
            assert fold(source_words) == fold(html_module.unescape(quoted))
            followed += 1
    assert followed == sum(len(s.citations) for s in content.statements)


def test_source_pages_highlight_exactly_the_cited_spans(built_site):
    content, _ = check_content(read_files(ROOT))
    for source_id, source in content.sources.items():
        spans = parse(built_site / "sources" / source_id / "index.html")
        cited = {(c.anchor.start, c.anchor.end) for s in content.statements for c in s.citations
                 if c.anchor and c.source == source_id}
        highlighted = {tuple(map(int, key.split("-"))) for key in spans.text if key}
        assert highlighted == cited
        for start, end in cited:
            assert fold(spans.text[f"{start}-{end}"]) == fold(source.text[start:end])
