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
        # within one footnote: a background footnote lists references, with no cited words to follow
        for match in re.finditer(r'<li id="fn:[^"]+">\s*<p>((?:(?!</li>).)*?) &#8212; <a href="([^"]+)"', html, re.S):
            quoted, href = match.groups()
            if quoted.startswith("&#8220;") and quoted.endswith("&#8221;"):  # our marks, not the source's
                quoted = quoted[len("&#8220;"):-len("&#8221;")]
            quoted = re.sub(r'<span class="typo"[^>]*>([^<]*)</span>', r"\1", quoted)  # [sic] is drawn by CSS
            target = urlsplit(urljoin(page_url.replace("//", "/"), href))
            spans = parse(page_file(built_site, target.path))
            assert target.fragment in spans.ids, f"{href} from {page_url} has no target"
            span = spans.ids[target.fragment]
            source_words = spans.text[span]
            start, end = map(int, span.split("-"))
            assert end - start == len(source_words)
            assert fold(source_words) == fold(html_module.unescape(quoted))
            followed += 1
    # A lesson's answers cite by passage number on its teacher's edition (the next test follows those).
    assert followed == sum(len(s.citations) for s in content.statements if s.owner.kind != "lesson")


def test_every_handout_passage_leads_to_its_exact_words_and_holds_every_answers_citation(built_site):
    content, _ = check_content(read_files(ROOT))
    passage = re.compile(r'<li id="passage-\d+"><strong>Passage \d+\.</strong> (.*?) <span class="passage-source">'
                         r'&#8212; <a href="([^"]+)"', re.S)
    for lesson in content.of("lesson"):
        page_url = f"/lessons/{lesson.id}/answers/"
        found = passage.findall((built_site / page_url.strip("/") / "index.html").read_text(encoding="utf-8"))
        held = set()
        for words, href in found:
            target = urlsplit(urljoin(page_url, href))
            span = parse(page_file(built_site, target.path)).ids[target.fragment]
            start, end = map(int, span.split("-"))
            words = re.sub(r'<span class="typo"[^>]*>([^<]*)</span>', r"\1", words)
            assert fold(content.sources[target.path.split("/")[2]].text[start:end]) == fold(html_module.unescape(words))
            held.add((target.path.split("/")[2], start, end))
        for statement in content.statements_of(lesson):
            for c in statement.citations:
                assert any(s == c.source and a <= c.anchor.start and c.anchor.end <= b for s, a, b in held), c.quote


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
