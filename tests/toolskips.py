"""Tests that skipped for want of a tool `make deps` installs, told in one line at the end of a run.

Without Chromium, Java, pdftotext or npm those tests skip (under CI they fail instead), and a
run that ends "passed" hides it; the line names each group, how many skipped, and the command
that enables them.
"""

from __future__ import annotations

# Each group: its name and the test files in it (paths relative to the repository).
GROUPS = (
    ("browser and HTML checker", ("tests/browser/", "tests/hostile/test_hostile_browser.py")),
    ("PDF handouts", ("tests/render/test_handout_pdf.py",)),
)


def summary(skipped: list[str]) -> str | None:
    """The line for these skipped test ids, or None when none of them needs a tool."""
    counts = {name: sum(1 for test in skipped if test.startswith(files)) for name, files in GROUPS}
    total = sum(counts.values())
    if not total:
        return None
    groups = ", ".join(f"{name} ({count})" for name, count in counts.items() if count)
    return (f"SKIPPED {total} test(s) that need tools beyond Python: {groups}; "
            "install the tools with `make deps` (Debian or Ubuntu, as root or with sudo), then run `make test` again")
