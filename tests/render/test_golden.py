"""Golden files: a frozen content tree and the exact Markdown it renders to.

`tests/golden/content/` is input; `tests/golden/expected/` the output. After a
deliberate change to rendering run `pytest --update-golden` and review the diff.
"""

from __future__ import annotations

from pathlib import Path

from explainer.render.site import generate
from conftest import checked, read_files, TESTS

GOLDEN = TESTS / "golden"


def rendered() -> dict[str, str]:
    return generate(checked(read_files(GOLDEN)))


def test_rendered_markdown_matches_golden_files(update_golden):
    files = rendered()
    expected_dir = GOLDEN / "expected"
    if update_golden:
        for old in expected_dir.rglob("*"):
            if old.is_file():  # pages and the open-data files beside them
                old.unlink()
        for rel, body in files.items():
            (expected_dir / rel).parent.mkdir(parents=True, exist_ok=True)
            (expected_dir / rel).write_text(body, encoding="utf-8")
    expected = {p.relative_to(expected_dir).as_posix(): p.read_text(encoding="utf-8")
                for p in expected_dir.rglob("*") if p.is_file()}
    assert sorted(files) == sorted(expected)
    for rel, body in files.items():
        assert body == expected[rel], f"{rel} differs from its golden file; review, then --update-golden"


def test_rendering_is_deterministic():
    assert rendered() == rendered()
