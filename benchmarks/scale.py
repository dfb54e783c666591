"""`make bench`: how the cost of checking, rendering and building grows with the content.

For each size (1×, 10×, 100×, 1000× the real content, see synthetic.py) it
measures, in the same run on the same machine:

- parse: the bare libyaml parse of the same YAML files (yaml.load, CSafeLoader), the floor;
- check and render: the generator's pure core, in process (best of --repeat);
- `explainer check` and `explainer generate` as a contributor runs them (process wall time, peak RSS);
- `mkdocs build` of the generated Markdown alone, and `explainer site` (check, render, write, build).

Times are wall-clock seconds; the ratios use CPU seconds too, since other
work on a shared machine inflates wall time. Growth exponents are the slopes
of log(time) against log(size). `--write` replaces the "Scale" section of
BENCHMARKS.md and leaves every other section alone.
"""

from __future__ import annotations

import argparse
import json
import math
import os
import re
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scale_report as report  # noqa: E402
from synthetic import ROOT, scaled_project  # noqa: E402

# The commands as a contributor runs them. Python keeps compiled modules in __pycache__ unless told not
# to; a shell that sets PYTHONDONTWRITEBYTECODE would make every start recompile the whole generator
# (about 30 ms), which is a property of that shell, not of the generator.
ENV = {
    **{k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"},
    "PYTHONPATH": str(ROOT / "scripts"),
    "NO_MKDOCS_2_WARNING": "1",
}


def run(cmd: list[str], cwd: Path) -> dict:
    """Run a process; its wall time, CPU time (user + system) and peak resident memory."""
    started = time.perf_counter()
    process = subprocess.Popen(cmd, cwd=cwd, env=ENV, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None  # piped above
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    process.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - started
    if process.returncode:
        raise SystemExit(f"{' '.join(cmd)} failed in {cwd}:\n{output.decode(errors='replace')[-3000:]}")
    return {"wall": wall, "cpu": usage.ru_utime + usage.ru_stime, "rss_mb": usage.ru_maxrss / 1024}


def best(measures: list[dict]) -> dict:
    return {key: min(m[key] for m in measures) for key in measures[0]}


def stages(root: Path, repeat: int) -> dict:
    """In this process: parse, check and render, each timed alone (best of `repeat`).

    All three run with cyclic garbage collection paused, as the command line runs check and render.
    """
    import yaml

    from explainer.check.pipeline import check_all
    from explainer.cli import files
    from explainer.cli.project import gc_paused
    from explainer.render import site

    raw, _ = files.read_content(root)
    handwritten, site_url = files.read_handwritten(root)[0], files.site_url(root)
    yml = [data for path, data in raw.items() if path.endswith((".yml", ".yaml"))]
    timings: dict[str, list] = {"parse": [], "check": [], "render": []}
    results: dict = {}

    def check():
        results["content"], results["problems"] = check_all(raw, handwritten)

    with gc_paused():
        for _ in range(repeat):
            timings["parse"].append(_timed(lambda: [yaml.load(data, Loader=yaml.CSafeLoader) for data in yml]))
            timings["check"].append(_timed(check))
            if any(p.severity == "error" for p in results["problems"]):
                raise SystemExit(f"synthetic content has problems: {results['problems'][:3]}")
            timings["render"].append(_timed(lambda: site.generate(results["content"], handwritten, site_url=site_url)))
    content = results["content"]
    out: dict = {stage: best(values) for stage, values in timings.items()}
    out["files"] = len(yml)
    out["bytes"] = sum(map(len, yml))
    out["records"] = content.record_count
    out["citations"] = sum(len(s.citations) for s in content.statements)
    return out


def profile(root: Path) -> dict:
    """Where check + render spend their own time (cProfile), by module: share of the total."""
    import cProfile
    import pstats

    from explainer.check.pipeline import check_all
    from explainer.cli import files
    from explainer.render import site

    raw, _ = files.read_content(root)
    handwritten, site_url = files.read_handwritten(root)[0], files.site_url(root)
    profiler = cProfile.Profile()
    profiler.enable()
    content, problems = check_all(raw, handwritten)
    assert content is not None, [p.format() for p in problems]
    site.generate(content, handwritten, site_url=site_url)
    profiler.disable()
    shares: dict[str, float] = {}
    stats = pstats.Stats(profiler).stats  # type: ignore[attr-defined]  # the raw table, which the stubs leave out
    for (filename, _, name), (_, _, own, _, _) in stats.items():
        shares[_module(filename, name)] = shares.get(_module(filename, name), 0.0) + own
    total = sum(shares.values())
    return {key: own / total for key, own in sorted(shares.items(), key=lambda kv: -kv[1])[:12]}


def _module(filename: str, name: str) -> str:
    for marker, label in (
        ("/explainer/", None),
        ("/yaml/", "PyYAML (compose, resolve)"),
        ("/json/", "json (data files)"),
        ("/re/", "re"),
        ("/csv.py", "csv"),
    ):
        if marker in filename:
            return label or "explainer/" + filename.rsplit("/", 1)[-1]
    method = re.match(r"<method '(\w+)' of '([\w.]+)' objects>", name)
    if method:  # a built-in method: str.translate, re.Pattern.findall…
        return f"{method.group(2)}.{method.group(1)}"
    if filename == "~":
        return name.strip("<>").replace("built-in method ", "")
    return filename.rsplit("/", 1)[-1]


def _timed(work) -> dict:
    wall, cpu = time.perf_counter(), time.process_time()
    work()
    return {"wall": time.perf_counter() - wall, "cpu": time.process_time() - cpu}


def measure(factor: int, workdir: Path, repeat: int, site_below: int = 1000, profile_at: int = 100) -> dict:
    """Every measure at one size. From `site_below` up, `explainer site` is not run again: it is
    `explainer generate` followed by the MkDocs build just measured (a 1000× build takes minutes)."""
    root = workdir / f"x{factor}"
    counts = scaled_project(root, factor)
    python = sys.executable
    row: dict = {"factor": factor, "kinds": counts}
    child = subprocess.run(
        [python, __file__, "--stages", str(root), "--repeat", str(repeat)],
        env=ENV,
        capture_output=True,
        text=True,
        check=True,
    )
    row["core"] = json.loads(child.stdout)
    if factor == profile_at:
        row["profile"] = json.loads(
            subprocess.run(
                [python, __file__, "--profile", str(root)], env=ENV, capture_output=True, text=True, check=True
            ).stdout
        )
    row["check_cli"] = best(
        [run([python, "-m", "explainer", "--root", str(root), "check"], workdir) for _ in range(repeat)]
    )
    row["generate_cli"] = run([python, "-m", "explainer", "--root", str(root), "generate"], workdir)
    row["mkdocs"] = best(
        [
            run(
                [
                    python,
                    "-m",
                    "mkdocs",
                    "build",
                    "--strict",
                    "--quiet",
                    "--site-dir",
                    str(workdir / f"site-{factor}-{i}"),
                ],
                root,
            )
            for i in range(_builds(factor, repeat))
        ]
    )
    row["pages"] = sum(1 for _ in (workdir / f"site-{factor}-0").rglob("index.html"))
    if factor < site_below:
        row["site_cli"] = run([python, "-m", "explainer", "--root", str(root), "site"], workdir)
    else:
        generate, mkdocs = row["generate_cli"], row["mkdocs"]
        row["site_cli"] = {
            "wall": generate["wall"] + mkdocs["wall"],
            "cpu": generate["cpu"] + mkdocs["cpu"],
            "rss_mb": max(generate["rss_mb"], mkdocs["rss_mb"]),
            "derived": True,
        }
    subprocess.run(["rm", "-rf", str(root)] + [str(p) for p in workdir.glob(f"site-{factor}-*")], check=True)
    return row


def _builds(factor: int, repeat: int) -> int:
    return 1 if factor >= 100 else repeat


def make_check_seconds() -> dict:
    """`make check` on the real content, as a contributor runs it (best of five)."""
    return best([run(["make", "--no-print-directory", "-s", "check"], ROOT) for _ in range(5)])


def exponent(rows: list[dict], value) -> tuple[float, float]:
    """Growth exponents: the least-squares slope over all sizes, and the slope between the two largest."""
    xs = [math.log(r["factor"]) for r in rows]
    ys = [math.log(max(value(r), 1e-9)) for r in rows]
    if len(rows) < 2:
        return float("nan"), float("nan")
    mx, my = sum(xs) / len(xs), sum(ys) / len(ys)
    fit = sum((x - mx) * (y - my) for x, y in zip(xs, ys, strict=True)) / sum((x - mx) ** 2 for x in xs)
    return fit, (ys[-1] - ys[-2]) / (xs[-1] - xs[-2])


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100,1000", help="comma-separated multiples of the real content")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure below 100× (the best counts)")
    parser.add_argument("--write", type=Path, help="replace the Scale section of this file (BENCHMARKS.md)")
    parser.add_argument("--json", type=Path, help="also save the raw numbers here")
    parser.add_argument(
        "--site-below",
        type=int,
        default=1000,
        help="run `explainer site` itself below this size; above, add generate and the MkDocs build",
    )
    parser.add_argument("--stages", type=Path, help=argparse.SUPPRESS)
    parser.add_argument("--profile", type=Path, help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    if args.stages or args.profile:
        sys.path.insert(0, str(ROOT / "scripts"))
        print(json.dumps(stages(args.stages, args.repeat) if args.stages else profile(args.profile)))
        return 0
    started, machine = time.perf_counter(), report.machine(os.getloadavg())  # the commit measured: now
    rows = []
    with tempfile.TemporaryDirectory(prefix="explainer-bench-") as tmp:
        for factor in [int(s) for s in args.sizes.split(",")]:
            rows.append(measure(factor, Path(tmp), args.repeat if factor < 100 else 1, args.site_below))
            print(report.row_line(rows[-1]), flush=True)
    machine["load"] += [round(x, 2) for x in os.getloadavg()]
    results = {
        "machine": machine,
        "rows": rows,
        "make_check": make_check_seconds(),
        "seconds": time.perf_counter() - started,
    }
    results["exponents"] = {name: exponent(rows, fn) for name, fn in report.GROWTH.items()}
    print(report.table(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.write:
        report.write_section(args.write, results)
    return 0


if __name__ == "__main__":
    sys.exit(main())
