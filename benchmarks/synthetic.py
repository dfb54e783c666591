"""Synthetic content at N times the real content, for the scale benchmark.

Copy k of every record (k = 1 … N-1) renames each id and each reference with
the suffix `-x<k>`, guided by the schema (every Slug and Ref field), so the
copies are valid, cite their own copy of each source, and are as rich as the
real records. Copy 0 is the real content itself. Redirects are not copied:
they name site addresses, not ids.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "scripts"))

from explainer.model.kinds import KIND_BY_FOLDER  # noqa: E402
from explainer.model.schema import Ref, Slug  # noqa: E402
from explainer.model.shapes import ListOf, MapOf, Obj  # noqa: E402

NOT_COPIED = {"redirect"}
SITE_NAMED = {"era", "party", "page"}  # ids the one site file gives, shared by every copy
PLACEHOLDER = "9999999"  # digits: a valid id suffix, and never quoted differently by the dumper


def renamed(schema, value, suffix: str):
    """`value` with every id and reference in it suffixed, following `schema`."""
    if isinstance(schema, Obj) and isinstance(value, dict):
        return {
            key: renamed(schema.fields[key].type, item, suffix) if key in schema.fields else item
            for key, item in value.items()
        }
    if isinstance(schema, ListOf) and isinstance(value, list):
        return [renamed(schema.item, item, suffix) for item in value]
    if isinstance(schema, MapOf) and isinstance(value, dict):  # keys name parties: one site file for all copies
        return {key: renamed(schema.item, item, suffix) for key, item in value.items()}
    if isinstance(schema, Ref) and schema.kind in SITE_NAMED:
        return value
    if isinstance(schema, Slug) and isinstance(value, str):  # Slug covers Ref
        return value + suffix
    return value


def dump(data: dict) -> str:
    return yaml.safe_dump(data, sort_keys=False, allow_unicode=True, width=100, default_flow_style=False)


def scaled_content(source: Path, dest: Path, factor: int) -> dict[str, int]:
    """Write `factor` copies of the content under source/ into dest/; return files per kind."""
    counts: dict[str, int] = {}
    for path in sorted(source.rglob("*")):
        if not path.is_file():
            continue
        rel = path.relative_to(source)
        kind = KIND_BY_FOLDER.get(rel.parts[0]) if len(rel.parts) == 2 else None
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(path, target)  # copy 0: the real file, byte for byte
        if kind is None or kind.name in NOT_COPIED:
            continue
        counts[kind.name] = counts.get(kind.name, 0) + (factor if path.suffix != ".txt" else 0)
        if path.suffix == ".txt":
            for k in range(1, factor):
                shutil.copyfile(path, target.with_name(f"{path.stem}-x{k}.txt"))
            continue
        # BaseLoader keeps every scalar a string, so dates and numbers survive as written.
        # One dump with a placeholder suffix, then a replace per copy (dumping each is slow).
        data = yaml.load(path.read_bytes(), Loader=yaml.CBaseLoader)
        template = dump(renamed(kind.schema, data, f"-x{PLACEHOLDER}"))
        for k in range(1, factor):
            target.with_name(f"{data['id']}-x{k}{path.suffix}").write_text(
                template.replace(PLACEHOLDER, str(k)), encoding="utf-8"
            )
    return counts


def scaled_project(dest: Path, factor: int) -> dict[str, int]:
    """A project folder (mkdocs.yml, the offline copy's config and hook, hand-written docs,
    content × factor) at dest."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    shutil.copy2(ROOT / "mkdocs-offline.yml", dest / "mkdocs-offline.yml")
    (dest / "scripts").mkdir()
    shutil.copy2(ROOT / "scripts" / "offline_hook.py", dest / "scripts" / "offline_hook.py")
    shutil.copytree(
        ROOT / "docs",
        dest / "docs",
        ignore=lambda folder, names: ["generated"] if Path(folder) == ROOT / "docs" else [],
    )
    return scaled_content(ROOT / "content", dest / "content", factor)
