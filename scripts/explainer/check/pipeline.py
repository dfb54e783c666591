"""Every content check, in one call: what `make check` runs and what `make site` runs first.

Files → checked records (check/content.py) → the typed model (model/build.py)
→ the checks on what the model publishes: redirects and the promise of
lasting links. Only MkDocs' own build can fail after this.
"""

from __future__ import annotations

from ..model.build import build
from ..model.content import Content
from ..model.problems import Problem, errors, in_order
from . import promise, redirects
from .checked import Checked
from .content import check_content


def check_all(
    files: dict[str, bytes], handwritten: dict[str, str | bytes] | None = None, promised: str | None = None
) -> tuple[Content | None, list[Problem]]:
    """(the typed content, or None if any check failed; every problem found).

    `handwritten`: the hand-written pages, which publish addresses too; `promised`: the
    text of urls.json, whose addresses must stay published or redirected.
    """
    checked, problems = check_content(files)
    if errors(problems):
        return None, problems
    content = build(checked)
    live = promise.published(content, handwritten or {})
    problems += redirects.problems(content, live, _locator(checked))
    if promised is not None:
        problems += promise.broken(promised) or promise.compare(
            promised, live, redirects.resolver(content, live), unpromised=False
        )
    problems = in_order(problems)
    return (None if errors(problems) else content), problems


def _locator(checked: Checked):
    """A function: (redirect id, field) → (path, line, column) of that field in its file."""
    records = {r.id: r for r in checked.of("redirect")}

    def at(redirect_id: str, field: str) -> tuple[str, int, int]:
        record = records[redirect_id]
        return (record.path, *record.at(field))

    return at
