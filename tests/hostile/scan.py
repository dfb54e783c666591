"""Reading built HTML the way a browser would, to find what hostile content got through."""

from __future__ import annotations

import json
from html.parser import HTMLParser
from pathlib import Path

URL_ATTRS = {"href", "src", "action", "formaction", "srcset", "xlink:href", "poster", "data", "background"}
BAD_SCHEMES = ("javascript:", "data:", "vbscript:")
JSON_TYPES = ("application/ld+json", "application/json")


class Scan(HTMLParser):
    """Collects every injection a page carries, and its visible text."""

    def __init__(self, where: str):
        super().__init__(convert_charrefs=True)
        self.where = where
        self.found: list[str] = []
        self.text: list[str] = []
        self.tags: list[tuple[str, dict]] = []
        self._skip = 0
        self._script: list[str] | None = None
        self._json: list[str] | None = None

    def handle_starttag(self, tag, attrs):
        attrs_d = {k: v or "" for k, v in attrs}
        self.tags.append((tag, attrs_d))
        for name, value in attrs_d.items():
            if name.startswith("on"):
                self.found.append(f"{self.where}: <{tag}> has the event handler {name}={value[:60]!r}")
            if name in URL_ATTRS and value.strip().lower().startswith(BAD_SCHEMES):
                self.found.append(f"{self.where}: <{tag} {name}> is a {value.split(':')[0]}: URL")
            if name in URL_ATTRS and ("evil.example" in value or value == "x"):
                self.found.append(f"{self.where}: <{tag} {name}={value!r}> comes from content")
            if name == "style" and "pwned" in value:
                self.found.append(f"{self.where}: <{tag} {name}={value[:60]!r}> comes from content")
        if "pwned" in attrs_d.get("class", "").split():
            self.found.append(f"{self.where}: an injected <{tag} class=pwned> element")
        if tag in ("script", "style"):
            self._skip += 1
            # JSON data blocks are inert as long as they stay valid JSON.
            self._script = [] if attrs_d.get("type") not in JSON_TYPES else None
            self._json = [] if attrs_d.get("type") in JSON_TYPES else None

    def handle_endtag(self, tag):
        if tag in ("script", "style") and self._skip:
            self._skip -= 1
            if self._script is not None and "pwned" in "".join(self._script):
                self.found.append(f"{self.where}: a <{tag}> element holds injected code")
            if self._json is not None and not _is_json("".join(self._json)):
                self.found.append(f"{self.where}: a JSON <script> block is no longer valid JSON")
            self._script = self._json = None

    def handle_data(self, data):
        if self._skip:
            for block in (self._script, self._json):
                if block is not None:
                    block.append(data)
            return
        self.text.append(data)

    def visible_text(self) -> str:
        return " ".join(" ".join(self.text).split())


def _is_json(text: str) -> bool:
    try:
        json.loads(text)
    except ValueError:
        return False
    return True


def scan(path: Path, site: Path) -> Scan:
    parser = Scan(path.relative_to(site).as_posix())
    parser.feed(path.read_text(encoding="utf-8"))
    parser.close()
    return parser


def pages(site: Path) -> list[Path]:
    return sorted(p for p in site.rglob("*.html") if "assets" not in p.relative_to(site).parts)
