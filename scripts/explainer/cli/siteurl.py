"""The site's published address, as MkDocs reads it from mkdocs.yml.

mkdocs.yml says `site_url: !ENV SITE_URL`: the deploy workflow passes the
address GitHub Pages assigns, and a build without one has no address (no
canonical or Open Graph link, no address printed on handouts) rather than a
false one. The generator reads the same line the same way, without a YAML
loader (the file holds tags a safe loader refuses). Pure: the caller passes
the environment.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

LINE = re.compile(r"^site_url:[ \t]*(.*?)[ \t]*(?:#.*)?$", re.M)
ENV = re.compile(r"!ENV\s+(\[.*\]|\S+)")
NULL = {"", "~", "null", "Null", "NULL"}


def _unquote(value: str) -> str:
    value = value.strip()
    return value[1:-1] if len(value) > 1 and value[0] == value[-1] and value[0] in "'\"" else value


def _from_env(spec: str, environ: Mapping[str, str]) -> str:
    """`!ENV NAME` or `!ENV [NAME, OTHER, default]`: the first variable set, else the default (as MkDocs)."""
    if not spec.startswith("["):
        return environ.get(_unquote(spec), "")
    items = [_unquote(item) for item in spec[1:-1].split(",")]
    names, default = (items[:-1], items[-1]) if len(items) > 1 else (items, "")
    return next((environ[name] for name in names if name in environ), default)


def with_slash(url: str) -> str:
    """An address ends with "/", as MkDocs makes it, so paths join onto it."""
    return url if not url or url.endswith("/") else url + "/"


def site_url(config_text: str, environ: Mapping[str, str]) -> str:
    """mkdocs.yml's site_url with `!ENV` resolved from `environ`; "" when there is none."""
    match = LINE.search(config_text)
    if not match:
        return ""
    value = match.group(1)
    env = ENV.match(value)
    value = _from_env(env.group(1), environ) if env else _unquote(value)
    return "" if value.strip() in NULL else with_slash(value.strip())
