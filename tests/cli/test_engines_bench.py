"""benchmarks/engines.py: the Engines section of BENCHMARKS.md, including a size Zensical cannot build."""

from __future__ import annotations

import sys

from conftest import ROOT

sys.path.insert(0, str(ROOT / "benchmarks"))
import engines  # noqa: E402

MACHINE = {"commit": "abc1234", "mkdocs": "1.6.1", "material": "9.8.1", "cores": 2, "cpu": "CPU", "load": [1.0, 2.0]}
TIME = {"wall": 2.0, "cpu": 1.5, "rss_mb": 60.0}


def test_a_failed_size_shows_why_and_the_time_without_search():
    rows = [{"factor": 1, "pages": 23, "mkdocs": TIME, "zensical": {"wall": 1.0, "cpu": 0.9, "rss_mb": 50.0}},
            {"factor": 100, "pages": 1211, "mkdocs": TIME,
             "zensical": {"failed": "RuntimeError: too big.", "without_search": {"wall": 4.0, "cpu": 3.0, "rss_mb": 90.0}}}]
    text = engines.section({"machine": MACHINE, "rows": rows, "repeat": 3, "zensical_version": "0.0.73"})
    assert "| 1× | 23 | 2.00 | 1.50 | 60 | 1.00 | 0.90 | 50 | 2.0 |" in text
    assert "| 100× | 1211 | 2.00 | 1.50 | 60 | failed; 4.00 without search | 3.00 | 90 | 0.5 |" in text
    assert "At 100× Zensical's build as configured failed: RuntimeError: too big. The figures" in text


def test_the_section_replaces_only_itself(tmp_path):
    bench = tmp_path / "BENCHMARKS.md"
    bench.write_text(f"# Benchmarks\n\n## Scale\n\nkept\n\n{engines.HEADING}\n\nold\n\n## Later\n\nkept too\n")
    engines.write_section(bench, f"{engines.HEADING}\n\nnew\n")
    assert bench.read_text() == f"# Benchmarks\n\n## Scale\n\nkept\n\n{engines.HEADING}\n\nnew\n\n## Later\n\nkept too\n"
