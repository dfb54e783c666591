"""Safe text for generated Markdown: every string from YAML passes through here.

Text is HTML-escaped and every character Markdown (or its extensions) could
read as syntax becomes a numeric entity, so content cannot inject markup,
links or raw HTML, whatever engine renders the page.
"""

from __future__ import annotations

import calendar
import html
import json
import re

# Markdown, footnote, attr_list, tables, mark/tilde/caret: all their syntax characters.
SPECIAL = {c: f"&#{ord(c)};" for c in "\\`*_[](){}#+!|~^=<>&\"'$"}
ESCAPES = str.maketrans(SPECIAL)
# Replacing "&" before any entity is written means no entity is escaped twice; every entity also
# holds "#", so text with a "#" of its own goes through translate instead (see escape).
REPLACE_IN_ORDER = [("&", SPECIAL["&"])] + [(c, e) for c, e in SPECIAL.items() if c not in "&#"]
LEADING_NUMBER = re.compile(r"^(\d+)\.")


def escape(value: str) -> str:
    """Every syntax character as an entity; spacing kept as it is."""
    if "#" in value:  # every entity holds a "#": only translate can write this one in the same pass
        return value.translate(ESCAPES)
    # A replace per character present is several times faster than translate to multi-character strings.
    for char, entity in REPLACE_IN_ORDER:
        if char in value:
            value = value.replace(char, entity)
    return value


def text(value: str) -> str:
    """Plain text, safe anywhere in Markdown or HTML (content and attribute values)."""
    out = escape(" ".join(str(value).split()))
    # A leading "1987." or "-" must not start a list.
    if out[:1].isdigit():
        out = LEADING_NUMBER.sub(r"\1&#46;", out)
    return "&#45;" + out[1:] if out.startswith("-") else out


OPENING_QUOTES = "\u201c\u2018\"'"
CLOSING_QUOTES = "\u201d\u2019\"'"


def quoted(value: str) -> str:
    """Words in curly quotes, unless they open or close with a quote mark of their own
    (wrapping `as “regrettable and provocative.”` printed the closing mark twice)."""
    if value.lstrip()[:1] in OPENING_QUOTES or value.rstrip()[-1:] in CLOSING_QUOTES:
        return text(value)
    return f"&#8220;{text(value)}&#8221;"


def front_matter(**fields: str) -> str:
    """YAML front matter; JSON strings are valid YAML and escape everything.

    Values are HTML text: themes print a page's title and description without
    escaping (Material's header, nav and description meta tag do; titles are
    HTML there), so the characters that open markup or close an attribute
    become entities here, whatever engine renders the page.
    """
    lines = ["---"] + [
        f"{key}: {json.dumps(_html_text(str(value)), ensure_ascii=False)}" for key, value in fields.items()
    ]
    return "\n".join(lines + ["---", ""])


def _html_text(value: str) -> str:
    return html.escape(value)


def human_date(value: str) -> str:
    """'1987' → '1987', '2019-08' → 'August 2019', '2019-09-05' → '5 September 2019'."""
    parts = value.split("-")
    if len(parts) == 1:
        return parts[0]
    month = calendar.month_name[int(parts[1])]  # English: the locale is never set
    if len(parts) == 2:
        return f"{month} {parts[0]}"
    return f"{int(parts[2])} {month} {parts[0]}"


def time(value: str) -> str:
    """An HTML <time> element carrying the partial date as written."""
    return f'<time datetime="{value}">{human_date(value)}</time>'
