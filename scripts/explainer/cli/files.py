"""The only module that touches the file system: reading the content tree and
hand-written pages, and writing the generated tree (changed files only)."""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

from ..load.nodes import decode, too_big
from ..model.problems import Problem
from . import siteurl

GENERATED = Path("docs/generated")
HANDWRITTEN = Path("docs/pages")
HANDWRITTEN_ASSETS = (Path("docs/stylesheets"), Path("docs/javascripts"), Path("docs/assets"))


def read_tree(
    root: Path, folder: Path, suffixes: tuple[str, ...], limited: bool = False
) -> tuple[dict[str, bytes], list[Problem]]:
    """Regular files below root/folder, keyed by their path relative to root.

    Links are refused, not followed, so no content path can reach outside
    the repository. `limited`: a file over load's size limit is a problem,
    and is never read into memory.
    """
    files: dict[str, bytes] = {}
    problems: list[Problem] = []
    base = root / folder
    for part in [folder, *folder.parents][:-1]:  # content, or docs/pages and docs: none may be a link
        if (root / part).is_symlink():
            return files, [Problem(part.as_posix(), 1, 1, "folder is a link", "replace the link with a real folder")]
    if not base.is_dir():
        return files, [Problem(folder.as_posix(), 1, 1, "folder is missing", "run from the project's root")]
    for dirpath, dirnames, filenames in os.walk(base, followlinks=False):
        for name in sorted(dirnames):
            if (Path(dirpath) / name).is_symlink():
                rel = (Path(dirpath) / name).relative_to(root).as_posix()
                problems.append(Problem(rel, 1, 1, "folder is a link", "replace the link with a real folder"))
        problems += [
            _unprintable(root, Path(dirpath) / name) for name in sorted(dirnames + filenames) if not name.isprintable()
        ]
        dirnames[:] = sorted(
            d for d in dirnames if not d.startswith(".") and d.isprintable() and not (Path(dirpath) / d).is_symlink()
        )
        for name in sorted(filenames):
            path = Path(dirpath) / name
            rel = path.relative_to(root).as_posix()
            if name.startswith(".") or not name.endswith(suffixes) or not name.isprintable():
                continue
            if path.is_symlink() or not path.is_file():
                problems.append(
                    Problem(
                        rel,
                        1,
                        1,
                        "file is a link or not a regular file",
                        "replace it with a regular file inside the repository",
                    )
                )
                continue
            try:
                if limited and (big := too_big(path.stat().st_size, rel)):
                    problems.append(big)
                    continue
                files[rel] = path.read_bytes()
            except OSError as err:  # unreadable (permissions), or gone since the walk
                problems.append(
                    Problem(rel, 1, 1, f"file cannot be read: {err.strerror or err}", "make it a readable regular file")
                )
    return files, problems


def _unprintable(root: Path, path: Path) -> Problem:
    """A name with a line break or control character would forge lines in the output (and CI logs)."""
    shown = path.relative_to(root).as_posix().encode("unicode_escape").decode("ascii")
    return Problem(
        shown,
        1,
        1,
        "the name holds a line break, control or invisible character",
        "rename it with lower-case letters, digits and hyphens",
    )


def read_content(root: Path) -> tuple[dict[str, bytes], list[Problem]]:
    """Every file in content/ (hidden ones aside): one the build would not use, such as
    event.YML or notes.md, is named as a problem rather than skipped in silence."""
    return read_tree(root, Path("content"), ("",), limited=True)


def site_url(root: Path) -> str:
    """mkdocs.yml's site_url, with `!ENV SITE_URL` resolved as MkDocs does; "" when unknown."""
    path = root / "mkdocs.yml"
    text = path.read_text(encoding="utf-8") if path.is_file() else ""
    return siteurl.site_url(text, os.environ)


def read_handwritten(root: Path) -> tuple[dict[str, str | bytes], list[Problem]]:
    """Hand-written pages and assets, keyed by their place in the generated tree; and problems
    reading them (links, unreadable files, pages that are not UTF-8)."""
    out: dict[str, str | bytes] = {}
    problems: list[Problem] = []
    if (root / HANDWRITTEN).is_dir():
        pages, problems = read_tree(root, HANDWRITTEN, (".md",), limited=True)
        for rel, data in pages.items():
            text, bad = decode(data, rel)
            problems += bad
            if text is not None:
                out[Path(rel).relative_to(HANDWRITTEN).as_posix()] = text
    for folder in HANDWRITTEN_ASSETS:
        if (root / folder).is_dir():
            assets, found = read_tree(root, folder, ("",))
            problems += found
            for rel, data in assets.items():
                out[Path(rel).relative_to("docs").as_posix()] = data
    return out, problems


def write_tree(out_dir: Path, files: dict[str, str | bytes]) -> tuple[int, int]:
    """Make out_dir hold exactly `files`; rewrite only what changed. Returns (written, removed).

    Links inside out_dir are removed first: the folder is ours alone, and a
    linked folder (a committed docs/generated/explainers -> /tmp, say) would
    otherwise let a write land outside the repository.
    """
    _unlink_links(out_dir)
    if out_dir.exists() and not out_dir.is_dir():
        out_dir.unlink()  # a stray file where the folder goes: the folder is ours alone
    out_dir.mkdir(parents=True, exist_ok=True)
    written = removed = 0
    for rel, body in files.items():
        data = body.encode("utf-8") if isinstance(body, str) else body
        target = out_dir / rel
        if target.is_file() and not target.is_symlink() and target.read_bytes() == data:
            continue
        _clear_way(out_dir, target)
        _atomic_write(target, data)
        written += 1
    wanted = {Path(rel) for rel in files}
    for path in sorted(out_dir.rglob("*"), reverse=True):
        if path.is_file() and path.relative_to(out_dir) not in wanted:
            path.unlink()
            removed += 1
        elif path.is_dir() and not any(path.iterdir()):
            path.rmdir()
    return written, removed


def _clear_way(out_dir: Path, target: Path) -> None:
    """Make room for a file at target inside out_dir: a folder where the file goes, or a file
    where one of its folders goes, is removed (everything in out_dir is ours to replace)."""
    for folder in reversed(target.relative_to(out_dir).parents[:-1]):
        if (out_dir / folder).is_file():
            (out_dir / folder).unlink()
    target.parent.mkdir(parents=True, exist_ok=True)
    if target.is_dir():
        shutil.rmtree(target)


def _unlink_links(folder: Path) -> None:
    if folder.is_symlink():
        folder.unlink()
        return
    for dirpath, dirnames, filenames in os.walk(folder, followlinks=False):
        for name in dirnames + filenames:
            if (Path(dirpath) / name).is_symlink():
                (Path(dirpath) / name).unlink()


def read_text(root: Path, rel: str) -> str | None:
    """One project file's text (a schema, urls.json), or None when it does not exist. Bytes that
    are not UTF-8 become U+FFFD, so a damaged file reads as different, not as a crash."""
    target = root / rel
    return target.read_text(encoding="utf-8", errors="replace") if target.is_file() else None


def write_if_changed(root: Path, rel: str, text: str) -> bool:
    """Write one project file (a schema, urls.json, a formatted record) when its text differs."""
    target = root / rel
    data = text.encode("utf-8")
    if target.is_file() and target.read_bytes() == data:
        return False
    target.parent.mkdir(parents=True, exist_ok=True)
    _atomic_write(target, data)
    return True


def _atomic_write(target: Path, data: bytes) -> None:
    fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=".tmp-")
    with os.fdopen(fd, "wb") as handle:
        handle.write(data)
    os.replace(tmp, target)


def swap_in(new_dir: Path, final_dir: Path) -> None:
    """Replace final_dir by new_dir in two renames, so a reader never sees half a site."""
    old = final_dir.with_name(final_dir.name + ".old")
    _remove(old)
    if final_dir.exists() or final_dir.is_symlink():
        final_dir.rename(old)
    new_dir.rename(final_dir)
    _remove(old)


def _remove(path: Path) -> None:
    """Delete a folder, or only the link when it is one (never what a link points to)."""
    if path.is_symlink() or path.is_file():
        path.unlink()
    elif path.exists():
        shutil.rmtree(path)
