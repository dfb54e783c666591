"""One line per test of a pytest JUnit XML report, as a Markdown table for a CI summary.

`python scripts/junit_summary.py report.xml [TITLE]` prints the table (passed, failed,
skipped, each with the first line of its message), so a non-blocking job shows each
check's outcome rather than one green or red mark.
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

OUTCOMES = (("failure", "failed"), ("error", "error"), ("skipped", "skipped"))


def outcomes(xml: str) -> list[tuple[str, str, str]]:
    """(test, outcome, first line of its message) for every test case in the report."""
    rows = []
    for case in ET.fromstring(xml).iter("testcase"):
        name = f"{case.get('classname', '').rsplit('.', 1)[-1]}::{case.get('name', '')}".lstrip(":")
        outcome, message = "passed", ""
        for tag, label in OUTCOMES:
            found = case.find(tag)
            if found is not None:
                first = (found.get("message") or "").strip().splitlines()[:1]
                outcome, message = label, first[0] if first else ""
                break
        rows.append((name, outcome, message))
    return rows


def table(rows: list[tuple[str, str, str]], title: str) -> str:
    cell = lambda text: text.replace("|", "\\|")[:200]  # noqa: E731
    lines = [f"## {title}", "", "| Check | Outcome | First line of the failure |", "| --- | --- | --- |"]
    lines += [f"| {cell(name)} | {outcome} | {cell(message)} |" for name, outcome, message in rows]
    return "\n".join(lines) + "\n"


def main(argv: list[str]) -> int:
    path = Path(argv[0])
    title = argv[1] if len(argv) > 1 else "Tests"
    if not path.is_file():
        print(f"## {title}\n\nNo test report at {path}: the build failed before the tests ran.")
        return 1
    print(table(outcomes(path.read_text(encoding="utf-8")), title))
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
