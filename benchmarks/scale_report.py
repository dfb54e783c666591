"""The scale benchmark's table, and its section of BENCHMARKS.md (other sections are kept)."""

from __future__ import annotations

import os
import platform
import re
import subprocess
import sys
from pathlib import Path

HEADING = "## Scale"
TARGETS = {"core": 1.3, "overhead": 0.05, "exponent": 1.1, "make_check": 0.3}


def core_cpu(row: dict) -> float:
    return row["core"]["check"]["cpu"] + row["core"]["render"]["cpu"]


def core_wall(row: dict) -> float:
    return row["core"]["check"]["wall"] + row["core"]["render"]["wall"]


GROWTH = {
    "bare parse (CPU)": lambda r: r["core"]["parse"]["cpu"],
    "check + render (CPU)": core_cpu,
    "explainer generate (wall)": lambda r: r["generate_cli"]["wall"],
    "mkdocs build alone (CPU)": lambda r: r["mkdocs"]["cpu"],
    "explainer site (wall)": lambda r: r["site_cli"]["wall"],
}


def ratios(row: dict) -> dict:
    parse = row["core"]["parse"]
    return {
        "core_cpu": core_cpu(row) / parse["cpu"],
        "core_wall": core_wall(row) / parse["wall"],
        "check_cpu": row["core"]["check"]["cpu"] / parse["cpu"],
        "overhead_cpu": row["generate_cli"]["cpu"] / row["mkdocs"]["cpu"],
        "overhead_wall": row["generate_cli"]["wall"] / row["mkdocs"]["wall"],
    }


def row_line(row: dict) -> str:
    r = ratios(row)
    return (
        f"{row['factor']:>5}×: {row['core']['records']} records, parse {row['core']['parse']['cpu']:.3f}s, "
        f"check {row['core']['check']['cpu']:.3f}s, render {row['core']['render']['cpu']:.3f}s "
        f"({r['core_cpu']:.2f}× parse), mkdocs {row['mkdocs']['wall']:.1f}s, "
        f"generate {row['generate_cli']['wall']:.2f}s ({r['overhead_wall']:.1%} of mkdocs)"
    )


def table(results: dict) -> str:
    head = (
        "| Size | Records | Citations | Pages | YAML files (MB) | Bare parse | Check | Render "
        "| (Check + render) / parse | `explainer check` | `explainer generate` | `mkdocs build` alone "
        "| `explainer site` | Generator / MkDocs | Peak RSS: generate / mkdocs |"
    )
    lines = [head, "|" + " --- |" * 1 + " ---: |" * 14]
    for row in results["rows"]:
        core, r = row["core"], ratios(row)
        lines.append(
            f"| {row['factor']}× | {core['records']:,} | {core['citations']:,} | {row['pages']:,} "
            f"| {core['files']:,} ({core['bytes'] / 1e6:.1f}) | {_s(core['parse'])} | {_s(core['check'])} "
            f"| {_s(core['render'])} | {r['core_cpu']:.2f}× ({r['core_wall']:.2f}×) "
            f"| {row['check_cli']['wall']:.2f} s | {row['generate_cli']['wall']:.2f} s "
            f"| {row['mkdocs']['wall']:.1f} s "
            f"| {row['site_cli']['wall']:.1f} s{'*' if row['site_cli'].get('derived') else ''} "
            f"| {r['overhead_cpu']:.1%} ({r['overhead_wall']:.1%}) "
            f"| {row['generate_cli']['rss_mb']:.0f} / {row['mkdocs']['rss_mb']:.0f} MB |"
        )
    return "\n".join(lines) + "\n"


def _s(measure: dict) -> str:
    """CPU seconds, wall seconds in brackets."""
    return f"{measure['cpu']:.3f} ({measure['wall']:.3f}) s"


def growth(results: dict) -> str:
    lines = ["| Measure | Exponent, fit over all sizes | Exponent, two largest sizes |", "| --- | ---: | ---: |"]
    for name, (fit, last) in results["exponents"].items():
        lines.append(f"| {name} | {fit:.2f} | {last:.2f} |")
    return "\n".join(lines) + "\n"


def profile(results: dict) -> str:
    found = [(r["factor"], r["profile"]) for r in results["rows"] if r.get("profile")]
    if not found:
        return ""
    factor, shares = found[0]
    lines = [
        f"Where check + render spend their time at {factor}× (cProfile, own time by module; the "
        "profiler slows Python code more than C, so shares are indicative):",
        "",
        "| Module or function | Share |",
        "| --- | ---: |",
    ]
    lines += [f"| {name} | {share:.0%} |" for name, share in shares.items()]
    return "\n".join(lines) + "\n\n"


def verdicts(results: dict) -> str:
    rows = results["rows"]
    worst_core = max(ratios(r)["core_cpu"] for r in rows)
    worst_overhead = max(ratios(r)["overhead_cpu"] for r in rows)
    fit, last = results["exponents"]["check + render (CPU)"]
    check = results["make_check"]["wall"]
    items = [
        (
            "check + render within 1.3× the bare parse at every size",
            worst_core <= TARGETS["core"],
            f"worst {worst_core:.2f}× (CPU)",
        ),
        (
            "generator overhead under 5% of the MkDocs build at every size",
            worst_overhead < TARGETS["overhead"],
            f"worst {worst_overhead:.1%} (CPU)",
        ),
        (
            "growth exponent of check + render ≤ 1.1",
            max(fit, last) <= TARGETS["exponent"],
            f"{fit:.2f} fitted, {last:.2f} between the two largest sizes",
        ),
        ("`make check` on the real content under 0.3 s", check < TARGETS["make_check"], f"{check:.2f} s"),
    ]
    return "\n".join(f"- {'met' if ok else '**missed**'}: {what} ({detail})" for what, ok, detail in items) + "\n"


def machine(load_before) -> dict:
    cpu = next(
        (
            line.split(":", 1)[1].strip()
            for line in Path("/proc/cpuinfo").read_text().splitlines()
            if line.startswith("model name")
        ),
        platform.processor(),
    )
    memory = next(
        (
            int(line.split()[1]) // 1024
            for line in Path("/proc/meminfo").read_text().splitlines()
            if line.startswith("MemTotal")
        ),
        0,
    )
    from importlib.metadata import version

    import mkdocs
    import yaml

    return {
        "cpu": cpu,
        "cores": os.cpu_count(),
        "memory_mb": memory,
        "os": platform.platform(),
        "python": sys.version.split()[0],
        "pyyaml": yaml.__version__,
        "libyaml": yaml._yaml.get_version_string() if yaml.__with_libyaml__ else "none",
        "mkdocs": mkdocs.__version__,
        "material": version("mkdocs-material"),
        "commit": _commit(),
        "load": [round(x, 2) for x in load_before],
    }


def _commit() -> str:
    done = subprocess.run(["git", "rev-parse", "--short", "HEAD"], capture_output=True, text=True)
    return done.stdout.strip() or "unknown"


def section(results: dict) -> str:
    m = results["machine"]
    kinds = ", ".join(f"{n} {k}" for k, n in sorted(results["rows"][0]["kinds"].items()))
    return (
        f"{HEADING}\n\n"
        "Measured by `make bench` (benchmarks/scale.py). Synthetic content at N× the real content: N copies of "
        f"every record and source text, ids and references renamed (1× = the real content: {kinds}). "
        "Times are CPU seconds with wall seconds in brackets; the ratios use CPU time, because this machine "
        "is shared and wall time swings with other work. The bare parse is `yaml.load(..., CSafeLoader)` of "
        "the same YAML files, in the same process; check and render are the generator's pure core, best of "
        "three below 100×. `explainer generate` and `explainer site` are the command line as `make` runs it "
        "(interpreter start included); the MkDocs build alone builds the same generated Markdown.\n\n"
        f"Machine: {m['cpu']}, {m['cores']} cores, {m['memory_mb'] // 1024} GB; {m['os']}; Python {m['python']}, "
        f"PyYAML {m['pyyaml']} with libyaml {m['libyaml']}, MkDocs {m['mkdocs']}, Material {m['material']}; "
        f"commit {m['commit']}; load average {m['load'][0]} at the start, {m['load'][3]} at the end; "
        f"the whole run took {results['seconds'] / 60:.1f} minutes.\n\n"
        + table(results)
        + "\n\\* not run again at this size: `explainer generate` plus the MkDocs build above, which is what "
        "`explainer site` does.\n\n" + growth(results) + "\n"
        f"`make check` on the real content: {results['make_check']['wall']:.2f} s wall "
        f"({results['make_check']['cpu']:.2f} s CPU, best of five, `make` and interpreter start included).\n\n"
        + profile(results)
        + "Targets:\n\n"
        + verdicts(results)
    )


def write_section(path: Path, results: dict) -> None:
    """Replace (or append) the Scale section, keeping every other section of the file."""
    text = path.read_text(encoding="utf-8") if path.exists() else "# Benchmarks\n"
    new = section(results)
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    text = (
        pattern.sub(lambda _: new + "\n", text, count=1) if pattern.search(text) else text.rstrip("\n") + "\n\n" + new
    )
    path.write_text(text.rstrip("\n") + "\n", encoding="utf-8")
