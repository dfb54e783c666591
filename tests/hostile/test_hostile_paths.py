"""Paths and addresses from content never reach outside the repository or the site.

Ids and references are slugs, URLs are http(s) only, site paths stay on the
site, links in content/ are refused, and links planted where the build
writes are replaced, never followed.
"""

from __future__ import annotations

import os
import re
from pathlib import Path

import pytest

from hostile.project import TRACEBACK, cli, copy_project, snapshot, write
from conftest import TESTS

SECRET = "root:x:0:0:THE-OUTSIDE-FILE"
EVENT = (TESTS / "hostile" / "event.yml").read_text(encoding="utf-8")

# (file, line to replace, replacement, expected words in the problem)
REFERENCES = {
    "cite-source-dotdot": ("timeline", "  - source: putin-eef-2019", "  - source: ../../etc/passwd",
                           "'../../etc/passwd' is not a valid id"),
    "cite-source-absolute": ("timeline", "  - source: putin-eef-2019", "  - source: /etc/passwd",
                             "'/etc/passwd' is not a valid id"),
    "cite-source-backslash": ("timeline", "  - source: putin-eef-2019", "  - source: ..\\..\\secret",
                              "is not a valid id"),
    "id-dotdot": ("timeline", "id: hostile-yaml", "id: ../../../tmp/escape", "'../../../tmp/escape' is not a valid id"),
}
URLS = ["javascript:alert(1)", "JavaScript:alert(1)", "data:text/html;base64,PHNjcmlwdD4=", "vbscript:msgbox",
        "//evil.example/", "https://example.org/\"onmouseover=\"alert(1)", "https://example.org/<script>",
        "https://example.org/ x", "file:///etc/passwd", "ftp://example.org/"]
SITE_PATHS = ["javascript:alert(1)", "//evil.example/", "https://evil.example/", "/../../etc/passwd/",
              "/explainers/\"onload=\"x/", "/a/<b>/", "/sitemap.xml/../", "explainers/treaty/"]


def source_record(root: Path, url: str) -> str:
    body = (root / "content/sources/putin-eef-2019.yml").read_text(encoding="utf-8")
    lines = [line for line in body.splitlines() if not line.startswith(("url:", "id:"))]
    return "\n".join(["id: evil-url", f"url: '{url}'", *lines]) + "\n"


@pytest.fixture(scope="module")
def refused(tmp_path_factory):
    """One project holding every bad reference, URL and site path; `check` runs once."""
    root = copy_project(tmp_path_factory.mktemp("paths") / "project")
    for name, (folder, old, new, _) in REFERENCES.items():
        write(root, f"content/{folder}/{name}.yml", EVENT.replace(old, new).replace("hostile-yaml", name, 1))
    text = (root / "content/sources/putin-eef-2019.txt").read_bytes()
    for index, url in enumerate(URLS):
        write(root, f"content/sources/evil-url-{index}.yml",
              source_record(root, url.replace("'", "''")).replace("id: evil-url", f"id: evil-url-{index}"))
        write(root, f"content/sources/evil-url-{index}.txt", text)
        quoted = "'" + url.replace("'", "''") + "'"
        write(root, f"content/timeline/evil-reference-{index}.yml",
              EVENT.replace("https://example.org/signing", quoted).replace("hostile-yaml", f"evil-reference-{index}", 1))
    for index, path in enumerate(SITE_PATHS):
        write(root, f"content/redirects/evil-path-{index}.yml",
              f"id: evil-path-{index}\nfrom: '{path}'\nto: '/explainers/treaty/'\n")
    return root, cli(root, "check")


@pytest.mark.parametrize("name", sorted(REFERENCES))
def test_references_that_look_like_paths_are_refused(refused, name):
    _, run = refused
    folder, _, _, words = REFERENCES[name]
    assert any(line.startswith(f"content/{folder}/{name}.yml:") and words in line for line in run.out.splitlines()), \
        run.out[-2000:]


@pytest.mark.parametrize("index", range(len(URLS)))
def test_urls_other_than_http_are_refused(refused, index):
    _, run = refused
    assert f"content/sources/evil-url-{index}.yml:2:6: url " in run.out, URLS[index]


@pytest.mark.parametrize("index", range(len(URLS)))
def test_background_reference_urls_other_than_http_are_refused(refused, index):
    _, run = refused
    assert f"content/timeline/evil-reference-{index}.yml:14:10: date_references[0].url " in run.out, URLS[index]


@pytest.mark.parametrize("index", range(len(SITE_PATHS)))
def test_site_paths_stay_on_the_site(refused, index):
    _, run = refused
    assert f"content/redirects/evil-path-{index}.yml:2:7: from " in run.out, SITE_PATHS[index]


def test_refusals_are_clean(refused):
    _, run = refused
    assert run.code == 1 and TRACEBACK not in run.text


def outside(tmp_path: Path) -> Path:
    folder = tmp_path / "outside"
    folder.mkdir()
    (folder / "passwd").write_text(SECRET + "\n", encoding="utf-8")
    return folder


def test_links_in_content_are_refused_not_followed(tmp_path):
    root = copy_project(tmp_path / "project")
    away = outside(tmp_path)
    os.symlink(away / "passwd", root / "content/sources/linked.txt")
    write(root, "content/sources/linked.yml",
          (root / "content/sources/putin-eef-2019.yml").read_text(encoding="utf-8")
          .replace("id: putin-eef-2019", "id: linked"))
    os.symlink(away / "passwd", root / "content/timeline/linked-event.yml")
    os.symlink(away, root / "content/glossary/linked-folder")
    run = cli(root, "site")
    assert run.code == 1 and TRACEBACK not in run.text
    assert "content/sources/linked.txt:1:1: file is a link or not a regular file" in run.out
    assert "content/timeline/linked-event.yml:1:1: file is a link or not a regular file" in run.out
    assert "content/glossary/linked-folder:1:1: folder is a link" in run.out
    assert SECRET not in run.text


def test_links_in_hand_written_folders_are_refused_not_copied(tmp_path):
    root = copy_project(tmp_path / "project")
    away = outside(tmp_path)
    os.symlink(away / "passwd", root / "docs/stylesheets/leak.css")
    (root / "docs/pages").mkdir(exist_ok=True)
    os.symlink(away / "passwd", root / "docs/pages/leak.md")
    run = cli(root, "site")
    assert run.code == 1 and TRACEBACK not in run.text, run.text
    assert "docs/stylesheets/leak.css:1:1: file is a link or not a regular file" in run.out
    assert "docs/pages/leak.md:1:1: file is a link or not a regular file" in run.out
    assert not (root / "site").exists() and not (root / "docs/generated").exists()
    assert SECRET not in run.text


@pytest.mark.parametrize("folder", ["content", "docs/pages", "docs/stylesheets"])
def test_a_linked_top_folder_is_refused_not_followed(tmp_path, folder):
    """The folder itself, not only what is inside it: content -> /somewhere read from outside."""
    root = copy_project(tmp_path / "project")
    away = tmp_path / "outside"
    (root / folder).rename(away)
    write(root.parent, "outside/secret.md", SECRET + "\n")
    os.symlink(away, root / folder)
    run = cli(root, "generate")
    assert run.code == 1 and TRACEBACK not in run.text, run.text
    assert f"{folder}:1:1: folder is a link; replace the link with a real folder" in run.out
    assert SECRET not in run.text and not (root / "docs/generated").exists()


def test_a_hand_written_page_that_is_not_utf8_is_a_clean_error(tmp_path):
    root = copy_project(tmp_path / "project")
    write(root, "docs/pages/notes.md", b"# Notes\n\nCaf\xe9 au lait\n")
    run = cli(root, "generate")
    assert run.code == 1 and TRACEBACK not in run.text, run.text
    assert "docs/pages/notes.md:3:4: byte 0xe9 is not UTF-8; save the file as UTF-8" in run.out
    assert not (root / "docs/generated").exists()


def test_an_unreadable_file_is_a_problem_not_a_traceback(tmp_path, monkeypatch):
    """Permissions cannot stop root (CI), so the refusal to read is simulated."""
    from explainer.cli import files

    root = copy_project(tmp_path / "project")
    locked = root / "content/timeline/locked.yml"
    write(root, "content/timeline/locked.yml", EVENT)
    real = Path.read_bytes

    def read_bytes(path):
        if path == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    found, problems = files.read_content(root)
    assert "content/timeline/locked.yml" not in found
    assert [p.format() for p in problems] == [
        "content/timeline/locked.yml:1:1: file cannot be read: Permission denied; make it a readable regular file"]


def test_links_planted_in_the_generated_folder_are_replaced_not_followed(tmp_path):
    """A committed docs/generated/explainers -> /somewhere must not receive the pages."""
    root = copy_project(tmp_path / "project")
    away = outside(tmp_path)
    before = snapshot(away)
    (root / "docs/generated").mkdir()
    os.symlink(away, root / "docs/generated/explainers")
    os.symlink(away / "passwd", root / "docs/generated/index.md")
    run = cli(root, "generate")
    assert run.code == 0, run.text
    assert snapshot(away) == before
    assert not (root / "docs/generated/explainers").is_symlink()
    assert (root / "docs/generated/explainers/index.md").is_file()
    assert SECRET not in (root / "docs/generated/index.md").read_text(encoding="utf-8")


def test_a_linked_generated_folder_is_replaced_not_followed(tmp_path):
    root = copy_project(tmp_path / "project")
    away = outside(tmp_path)
    before = snapshot(away)
    os.symlink(away, root / "docs/generated")
    run = cli(root, "generate")
    assert run.code == 0, run.text
    assert snapshot(away) == before and not (root / "docs/generated").is_symlink()


def test_a_file_where_the_generated_folder_goes_is_replaced(tmp_path):
    root = copy_project(tmp_path / "project")
    write(root, "docs/generated", "a stray file\n")
    run = cli(root, "generate")
    assert run.code == 0 and TRACEBACK not in run.text, run.text
    assert (root / "docs/generated/index.md").is_file()


def test_stray_files_and_folders_in_the_generated_folder_make_way(tmp_path):
    """A folder where a page goes, and a file where a folder goes."""
    root = copy_project(tmp_path / "project")
    (root / "docs/generated/timeline.md/inside").mkdir(parents=True)
    write(root, "docs/generated/explainers", "a file where the folder goes\n")
    run = cli(root, "generate")
    assert run.code == 0 and TRACEBACK not in run.text, run.text
    assert (root / "docs/generated/timeline.md").is_file()
    assert (root / "docs/generated/explainers/index.md").is_file()


def test_a_linked_site_folder_is_replaced_and_its_target_kept(tmp_path):
    root = copy_project(tmp_path / "project")
    away = outside(tmp_path)
    before = snapshot(away)
    os.symlink(away, root / "site")
    os.symlink(away, root / "site.old")
    run = cli(root, "site")
    assert run.code == 0 and TRACEBACK not in run.text, run.text
    assert snapshot(away) == before
    assert not (root / "site").is_symlink() and (root / "site/index.html").is_file()
    assert not (root / "site.old").exists()


def test_names_that_would_forge_output_lines_are_refused(tmp_path):
    """A newline in a file name would start a line of its own in `make check` and in CI logs."""
    root = copy_project(tmp_path / "project")
    write(root, "content/timeline/x\n::error file=README.md::forged.yml", EVENT)
    write(root, "content/timeline/rtl\u202egnp.yml", EVENT)
    (root / "content/glossary/bad\rfolder").mkdir()
    run = cli(root, "check", env={"GITHUB_ACTIONS": "true"})
    assert run.code == 1 and TRACEBACK not in run.text
    assert not [line for line in run.out.splitlines() if "forged" in line and not line.startswith(("content/", "::"))]
    assert "content/timeline/x\\n::error file=README.md::forged.yml:1:1: the name holds a line break" in run.out
    assert "content/timeline/rtl\\u202egnp.yml:1:1: the name holds" in run.out
    assert "content/glossary/bad\\rfolder:1:1: the name holds" in run.out


@pytest.mark.parametrize("folder, kind", [("explainers", "explainer"), ("sources", "source"), ("lessons", "lesson")])
def test_an_id_cannot_take_a_list_pages_address(tmp_path, folder, kind):
    """explainers/index.yml used to replace the list of explainers, silently."""
    root = copy_project(tmp_path / "project")
    original = sorted((root / "content" / folder).glob("*.yml"))[0]
    body = original.read_text(encoding="utf-8").replace(f"id: {original.stem}\n", "id: index\n", 1)
    write(root, f"content/{folder}/index.yml", body)
    if kind == "source":
        write(root, "content/sources/index.txt", original.with_suffix(".txt").read_bytes())
    run = cli(root, "check")
    assert run.code == 1 and TRACEBACK not in run.text
    assert re.search(rf"^content/{folder}/index.yml:\d+:5: id 'index' is the address of the {kind} list", run.out,
                     re.M), run.out[-1500:]
