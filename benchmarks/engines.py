"""`make bench-engines`: Zensical's build time beside MkDocs' on the same generated tree.

At 1×, 10× and 100× the content (synthetic copies, as `make bench` makes them:
see synthetic.py), it generates the Markdown once, then times `mkdocs build
--strict` and the pinned Zensical's `zensical build --clean --strict` on it
(wall and CPU seconds, peak memory; best of --repeat below 100×, one run at
100×). `--write` replaces the "Engines" section of BENCHMARKS.md.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import scale_report as report  # noqa: E402
from scale import best, run  # noqa: E402
from synthetic import ROOT, scaled_project  # noqa: E402

HEADING = "## Engines: Zensical beside MkDocs"
ZENSICAL = ROOT / ".venv-zensical" / "bin" / "zensical"


def measure(factor: int, workdir: Path, repeat: int) -> dict:
    root = workdir / f"x{factor}"
    scaled_project(root, factor)
    python = sys.executable
    run([python, "-m", "explainer", "--root", str(root), "generate"], workdir)
    mkdocs = best(
        [
            run([python, "-m", "mkdocs", "build", "--strict", "--quiet", "--site-dir", str(root / "site-mkdocs")], root)
            for _ in range(repeat)
        ]
    )
    pages = sum(1 for _ in (root / "site-mkdocs").rglob("*.html"))
    try:
        zensical = best([run([str(ZENSICAL), "build", "--clean", "--strict"], root) for _ in range(repeat)])
    except SystemExit as failed:  # the build itself failed at this size: keep its last words,
        zensical = {"failed": str(failed).strip().splitlines()[-1]}  # and time it without search
        config = root / "mkdocs-no-search.yml"
        config.write_text(
            (root / "mkdocs.yml")
            .read_text(encoding="utf-8")
            .replace("plugins:\n  - search\n", "plugins:\n  - search:\n      enabled: false\n"),
            encoding="utf-8",
        )
        zensical["without_search"] = best(
            [run([str(ZENSICAL), "build", "--clean", "--strict", "-f", str(config)], root) for _ in range(repeat)]
        )
    return {"factor": factor, "pages": pages, "mkdocs": mkdocs, "zensical": zensical}


def section(results: dict) -> str:
    m = results["machine"]
    lines = [
        HEADING,
        "",
        f"`make bench-engines` at {m['commit']}: MkDocs {m['mkdocs']} with Material {m['material']}, and "
        f"Zensical {results['zensical_version']} (classic variant), building the same generated tree of "
        f"the same synthetic content. {m['cores']} cores ({m['cpu']}), shared: load {m['load'][0]} before, "
        f"{m['load'][-1]} after. Wall and CPU seconds of the build alone (the Markdown is generated "
        "first); best of "
        f"{results['repeat']} below 100×, one run at 100×.",
        "",
        "| Content | HTML pages | MkDocs wall s | MkDocs CPU s | MkDocs peak MB | Zensical wall s | "
        "Zensical CPU s | Zensical peak MB | MkDocs ÷ Zensical (wall) |",
        "| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |",
    ]
    failures = []
    for row in results["rows"]:
        mk, z = row["mkdocs"], row["zensical"]
        if "failed" in z:
            bare = z.get("without_search")
            lines.append(
                f"| {row['factor']}× | {row['pages']} | {mk['wall']:.2f} | {mk['cpu']:.2f} | "
                f"{mk['rss_mb']:.0f} | failed"
                + (
                    f"; {bare['wall']:.2f} without search | "
                    f"{bare['cpu']:.2f} | {bare['rss_mb']:.0f} | {mk['wall'] / bare['wall']:.1f} |"
                    if bare
                    else " | | | |"
                )
            )
            failures.append(
                f"At {row['factor']}× Zensical's build as configured failed: {z['failed']} "
                "The figures in that row are a build with Zensical's search turned off "
                "(`search: enabled: false`); MkDocs' includes its search index."
            )
            continue
        lines.append(
            f"| {row['factor']}× | {row['pages']} | {mk['wall']:.2f} | {mk['cpu']:.2f} | "
            f"{mk['rss_mb']:.0f} | {z['wall']:.2f} | {z['cpu']:.2f} | {z['rss_mb']:.0f} | "
            f"{mk['wall'] / z['wall']:.1f} |"
        )
    return "\n".join(lines + [""] + failures) + "\n"


def write_section(path: Path, text: str) -> None:
    """Replace (or append) the Engines section, keeping every other section of the file."""
    old = path.read_text(encoding="utf-8")
    pattern = re.compile(rf"^{re.escape(HEADING)}\n.*?(?=^## |\Z)", re.S | re.M)
    old = pattern.sub(lambda _: text + "\n", old, count=1) if pattern.search(old) else old.rstrip("\n") + "\n\n" + text
    path.write_text(old.rstrip("\n") + "\n", encoding="utf-8")


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--sizes", default="1,10,100", help="comma-separated multiples of the real content")
    parser.add_argument("--repeat", type=int, default=3, help="runs per measure below 100× (the best counts)")
    parser.add_argument("--write", type=Path, help="replace the Engines section of this file (BENCHMARKS.md)")
    parser.add_argument("--json", type=Path, help="also save the raw numbers here")
    args = parser.parse_args(argv)
    if not ZENSICAL.is_file():
        raise SystemExit(f"no Zensical at {ZENSICAL}: `make bench-engines` installs it")
    pinned = (ROOT / "requirements-zensical.txt").read_text(encoding="utf-8")
    pin = re.search(r"^zensical==(\S+)", pinned, re.M)  # Zensical lives in its own venv
    if pin is None:
        raise SystemExit("requirements-zensical.txt pins no zensical==<version>")
    zversion = pin.group(1)
    started, machine = time.perf_counter(), report.machine(os.getloadavg())
    rows = []
    with tempfile.TemporaryDirectory(prefix="explainer-engines-") as tmp:
        for factor in [int(s) for s in args.sizes.split(",")]:
            rows.append(measure(factor, Path(tmp), args.repeat if factor < 100 else 1))
            print(
                f"{factor}×: {rows[-1]['pages']} pages, MkDocs {rows[-1]['mkdocs']['wall']:.2f} s, "
                f"Zensical {rows[-1]['zensical'].get('wall', 'failed')} s",
                flush=True,
            )
    machine["load"] += [round(x, 2) for x in os.getloadavg()]
    results = {
        "machine": machine,
        "rows": rows,
        "repeat": args.repeat,
        "zensical_version": zversion,
        "seconds": time.perf_counter() - started,
    }
    print(section(results))
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n", encoding="utf-8")
    if args.write:
        write_section(args.write, section(results))
    return 0


if __name__ == "__main__":
    sys.exit(main())
