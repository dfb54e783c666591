"""The "Page weight and Lighthouse" section of BENCHMARKS.md, from the measured results.

Only this section is rewritten; other sections of the file are left as they are.
"""

from __future__ import annotations

import re
from pathlib import Path

HEADING = "## Page weight and Lighthouse"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def kb(n: int) -> str:
    return f"{n / 1024:.0f}"


def weight_table(results: dict) -> str:
    ours, stock = results["ours"]["pages"], results["stock"]["pages"]
    rows = [
        "| Page | Requests | KB transferred | KB uncompressed | Stock: requests | Stock: KB transferred | "
        "Stock: requests to other hosts |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    for page in sorted(ours):
        o, s = ours[page], stock.get(page, {})
        rows.append(
            f"| `{page}` | {o['requests']} | {kb(o['bytes'])} | {kb(o['bytes_uncompressed'])} | "
            f"{s.get('requests', '–')} | {kb(s['bytes']) if s else '–'} | "
            f"{len(s.get('third_party_requests', [])) if s else '–'} |"
        )
    return "\n".join(rows)


def score_table(results: dict) -> str:
    rows = [
        "| Page | Site | Performance | Accessibility | Best practices | SEO |",
        "| --- | --- | ---: | ---: | ---: | ---: |",
    ]
    for page in results["ours"]["lighthouse"]:
        for site in ("ours", "stock"):
            scores = results[site]["lighthouse"][page]
            label = "this site" if site == "ours" else "stock Material"
            rows.append(f"| `{page}` | {label} | " + " | ".join(str(scores.get(c, "–")) for c in CATEGORIES) + " |")
    return "\n".join(rows)


def section(results: dict) -> str:
    ours = results["ours"]["pages"]
    outside = sorted({u for p in ours.values() for u in p["third_party_requests"]})
    stock_hosts = sorted(
        {u.split("/")[2] for p in results["stock"]["pages"].values() for u in p["third_party_requests"]}
    )
    return f"""{HEADING}

Measured by `make bench-pageweight` (benchmarks/pageweight.py; raw numbers in
benchmarks/pageweight-results.json). Each page is loaded in Debian's Chromium at 390 px from a
local server that gzips text files as GitHub Pages does; "transferred" is what the browser
received (headers included), "uncompressed" the size of the same files on disk. Every page
also fetches the search index, once, after it has loaded. "Stock" is the same generated
Markdown built with Material's defaults (no overrides, no stylesheet, theme fonts).
The machine is offline, so the stock site's requests to other hosts
({", ".join(stock_hosts) or "none"}) fail here rather than load: they are counted, and in real use
they would add their bytes and a connection each. This site makes {len(outside)} request(s) to other hosts.

{weight_table(results)}

Lighthouse 12.2.3, mobile (its default throttling and a 412 px phone), on the same local server:

{score_table(results)}
"""


def update_benchmarks(path: Path, results: dict) -> None:
    """Replace (or append) this section, keeping every other section of the file."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    new = section(results)
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    if pattern.search(text):
        text = pattern.sub(lambda _: new + "\n", text, count=1)
    else:
        text = text.rstrip("\n") + "\n\n" + new
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
