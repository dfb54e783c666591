"""A problem found in content, and how it prints."""

from __future__ import annotations

from dataclasses import dataclass


@dataclass(frozen=True, order=True)
class Problem:
    """One thing wrong with one place in one file.

    `path` is relative to the project root; `line` and `column` are 1-based
    and point at the offending value. `fix` tells the contributor what to do.
    """

    path: str
    line: int
    column: int
    message: str
    fix: str = ""
    severity: str = "error"

    def format(self) -> str:
        text = f"{self.path}:{self.line}:{self.column}: {self.message}"
        if self.fix:
            text += f"; {self.fix}"
        if self.severity != "error":
            text = f"{text} [{self.severity}]"
        return text

    def annotation(self) -> str:
        """The same problem as a GitHub Actions workflow command."""
        level = "error" if self.severity == "error" else "warning"
        body = f"{self.message}; {self.fix}" if self.fix else self.message
        body = body.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")
        path = self.path.replace("%", "%25").replace(":", "%3A").replace(",", "%2C")  # property escapes
        return f"::{level} file={path},line={self.line},col={self.column}::{body}"


SHOWN = 80  # characters of a value a message repeats


def shown(value: str, limit: int = SHOWN) -> str:
    """A value quoted in a message, cut short when long: one bad value must not flood the output."""
    if len(value) <= limit:
        return repr(value)
    return f"{value[: limit - 1] + '…'!r} ({len(value):,} characters)"


def position(text: str | bytes, offset: int) -> tuple[int, int]:
    """The 1-based line and column of an offset, for one problem's place (SourceText indexes
    its lines for the many lookups of a whole source)."""
    if isinstance(text, bytes):
        return text.count(b"\n", 0, offset) + 1, offset - (text.rfind(b"\n", 0, offset) + 1) + 1
    return text.count("\n", 0, offset) + 1, offset - (text.rfind("\n", 0, offset) + 1) + 1


def in_order(problems: list[Problem]) -> list[Problem]:
    """Each problem once, by file, line, column and message: the order every report uses."""
    return sorted(set(problems), key=lambda p: (p.path, p.line, p.column, p.message))


def errors(problems: list[Problem]) -> list[Problem]:
    return [p for p in problems if p.severity == "error"]
