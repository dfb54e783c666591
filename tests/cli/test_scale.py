"""Scale: the generator stays linear in the content, its fast paths agree with the plain ones,
and the benchmark script runs (at 1×, quickly; `make bench` runs the real sizes)."""

from __future__ import annotations

import posixpath
import sys
import time
from pathlib import Path

from hypothesis import given
from hypothesis import strategies as st

from explainer.cli import files
from explainer.render import site
from explainer.check.content import check_content
from explainer.check.pipeline import check_all
from explainer.cite.anchor import GLYPHS, SPACE, fold, unify_glyphs
from explainer.model.routes import _relpath
from explainer.render.markup import SPECIAL, escape
from explainer.render.sourcepage import lines_with_spans
from conftest import ROOT, read_files

sys.path.insert(0, str(ROOT / "benchmarks"))
import scale  # noqa: E402
import scale_report  # noqa: E402
from synthetic import scaled_project  # noqa: E402

SEGMENT = st.sampled_from(["a", "b", "sources", "x.md", "index.md", ".", ""])


@given(st.lists(SEGMENT, min_size=1, max_size=4), st.lists(SEGMENT, max_size=3))
def test_relpath_agrees_with_posixpath(to, start):
    path, here = "/".join(to), "/".join(start)
    if not path.strip("/."):
        return
    assert _relpath(path, here) == posixpath.relpath(path, here or ".")


@given(st.text() | st.text(st.sampled_from(sorted(SPECIAL) + list("a;9 "))))
def test_escape_agrees_with_the_character_by_character_form(value):
    assert escape(value) == "".join(SPECIAL.get(c, c) for c in value)


@given(st.text() | st.text(st.sampled_from(sorted(map(chr, GLYPHS)) + list("a \n\t\u2028\x1c'-"))))
def test_fold_agrees_with_the_plain_form(value):
    assert unify_glyphs(value) == value.translate(GLYPHS)
    assert fold(value) == SPACE.sub(" ", value.translate(GLYPHS)).strip()


def test_indexed_lookups_agree_with_scans():
    content, _ = check_content(read_files(ROOT))
    for kind, records in content.records.items():
        for record in records:
            assert content.record(kind, record.id) is next(r for r in records if r.id == record.id)
            mine = [s for s in content.statements if s.owner is record]
            assert content.statements_of(record) == mine
            for statement in mine:
                assert content.statement_at(record, statement.where) is next(s for s in mine
                                                                              if s.where == statement.where)
    for source_id in content.sources:
        assert content.citing(source_id) == [(s, c) for s in content.statements for c in s.citations
                                             if c.source == source_id]


def test_indexes_follow_a_growing_list():
    content, _ = check_content(read_files(ROOT))
    record = content.statements[0].owner
    before = len(content.statements_of(record))
    content.statements.append(content.statements[0])
    assert len(content.statements_of(record)) == before + 1


def render_seconds(root: Path) -> float:
    raw, _ = files.read_content(root)
    handwritten, _ = files.read_handwritten(root)
    best = float("inf")
    for _ in range(2):
        started = time.process_time()
        content, problems = check_all(raw, handwritten)
        assert content is not None, [p.format() for p in problems]
        site.generate(content, handwritten)
        best = min(best, time.process_time() - started)
    return best


def test_check_and_render_grow_linearly(tmp_path):
    """10× the content may cost up to 20× the time (a scan per lookup made it about 100×)."""
    scaled_project(tmp_path / "small", 3)
    scaled_project(tmp_path / "large", 30)
    small, large = render_seconds(tmp_path / "small"), render_seconds(tmp_path / "large")
    assert large / small < 20, (small, large)


def test_the_benchmark_runs_at_one_times(tmp_path):
    row = scale.measure(1, tmp_path, repeat=1)
    assert row["core"]["records"] > 10 and row["pages"] > 10
    results = {"rows": [row], "make_check": row["check_cli"], "seconds": 1.0,
               "machine": {**scale_report.machine((0, 0, 0)), "load": [0] * 6},
               "exponents": {name: (1.0, 1.0) for name in scale_report.GROWTH}}
    target = tmp_path / "BENCHMARKS.md"
    target.write_text("# Benchmarks\n\n## Page weight and Lighthouse\n\nkept\n", encoding="utf-8")
    scale_report.write_section(target, results)
    scale_report.write_section(target, results)  # replaces, does not append twice
    text = target.read_text(encoding="utf-8")
    assert text.count("## Scale") == 1 and "## Page weight and Lighthouse\n\nkept" in text
    assert f"| 1× | {row['core']['records']:,} |" in text


@given(st.text(st.sampled_from("ab \n"), max_size=30), st.data())
def test_lines_with_spans_agree_with_testing_every_span(text, data):
    bounds = st.integers(0, len(text))
    spans = sorted({tuple(sorted(pair)) for pair in data.draw(st.lists(st.tuples(bounds, bounds), max_size=8))
                    if pair[0] != pair[1]})
    plain, offset = [], 0
    for number, line in enumerate(text.split("\n"), 1):
        start, end = offset, offset + len(line)
        offset = end + 1
        if line.strip():
            plain.append((number, start, end, [s for s in spans if s[0] < end and s[1] > start]))
    assert list(lines_with_spans(text, spans)) == plain
