"""Mutation check for the render cases: does a change to one branch of a renderer fail a test?

Run from the project root:  make mutations, or
    .venv/bin/python tests/render/mutations.py [--confirm] [--golden-only] [module ...]

Each mutation changes one spot of one renderer module (in a copy of scripts/, never the
worktree): swap a ternary's arms, negate an `if` or a comparison, drop an `if` body, drop one
operand of `or`/`and` (an `or`-default), drop a `not`, make a loop or comprehension see no items,
change a literal class name, add one to a whole number. For each, every case in tests/render/cases/
and the whole-site golden tree (tests/render/test_golden.py) are rendered in this process, with the checked
content of each built once (the checks do not import the renderers); a mutation survives when every
output still matches. A mutant that crashes, or still renders after LIMIT seconds (an endless loop),
is killed.
`--confirm` runs the real `pytest tests/render tests/render/test_golden.py` on each survivor;
`--golden-only` leaves the render cases out, to measure the whole-site golden tree alone.
Prints each survivor and the totals.
"""

from __future__ import annotations

import ast
import shutil
import signal
import subprocess
import sys
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
RENDERERS = ("blocks", "corrections", "data", "lessons", "markup", "meta", "moodle", "offline", "page", "pages",
             "passages", "redirects", "reference", "routes", "site", "sourcepage", "typos", "updated", "voicemarks")
NEGATED = {ast.Eq: ast.NotEq, ast.NotEq: ast.Eq, ast.In: ast.NotIn, ast.NotIn: ast.In, ast.Is: ast.IsNot,
           ast.IsNot: ast.Is, ast.Lt: ast.GtE, ast.GtE: ast.Lt, ast.Gt: ast.LtE, ast.LtE: ast.Gt}


def sites(tree: ast.AST) -> list[tuple[int, str]]:
    """(node index in ast.walk order, operator) for every spot a mutation applies to."""
    found = []
    for index, node in enumerate(ast.walk(tree)):
        if isinstance(node, ast.IfExp):
            found.append((index, "swap ternary arms"))
        elif isinstance(node, ast.If):
            found += [(index, "negate if"), (index, "drop if body")]
        elif isinstance(node, ast.BoolOp):
            found += [(index, f"drop operand {n} of {type(node.op).__name__.lower()}")
                      for n in range(len(node.values))]
        elif isinstance(node, ast.Compare) and len(node.ops) == 1 and type(node.ops[0]) in NEGATED:
            found.append((index, "negate comparison"))
        elif isinstance(node, ast.UnaryOp) and isinstance(node.op, ast.Not):
            found.append((index, "drop not"))
        elif isinstance(node, (ast.For, ast.comprehension)):
            found.append((index, "loop over nothing"))
        elif isinstance(node, ast.Constant) and isinstance(node.value, str) and 'class="' in node.value:
            found.append((index, "change class name"))
        elif isinstance(node, ast.Constant) and type(node.value) is int:
            found.append((index, "add one to a number"))
    return found


def _replace(tree: ast.AST, old: ast.AST, new: ast.AST) -> None:
    for parent in ast.walk(tree):
        for field, value in ast.iter_fields(parent):
            if value is old:
                setattr(parent, field, new)
                return
            if isinstance(value, list) and any(item is old for item in value):
                value[[id(item) for item in value].index(id(old))] = new
                return


def mutate(source: str, index: int, operator: str) -> tuple[str, int]:
    """(the module's source with one mutation applied, its line)."""
    tree = ast.parse(source)
    node = list(ast.walk(tree))[index]
    line = getattr(node, "lineno", None) or node.iter.lineno
    if operator == "swap ternary arms":
        node.body, node.orelse = node.orelse, node.body
    elif operator == "negate if":
        node.test = ast.UnaryOp(ast.Not(), node.test)
    elif operator == "drop if body":
        node.body = [ast.Pass()]
    elif operator.startswith("drop operand"):
        values = [v for n, v in enumerate(node.values) if n != int(operator.split()[2])]
        _replace(tree, node, values[0] if len(values) == 1 else ast.BoolOp(node.op, values))
    elif operator == "negate comparison":
        node.ops = [NEGATED[type(node.ops[0])]()]
    elif operator == "drop not":
        _replace(tree, node, node.operand)
    elif operator == "loop over nothing":
        node.iter = ast.Tuple([], ast.Load())
    elif operator == "add one to a number":
        node.value += 1
    elif operator == "change class name":
        node.value = node.value.replace('class="', 'class="mutant-', 1)
    return ast.unparse(ast.fix_missing_locations(tree)), line


class Hang(Exception):
    """A mutant still rendering after LIMIT seconds (an endless loop): the tests would never pass."""


LIMIT = 10


def _hang(signum, frame):
    raise Hang()


class Checker:
    """Renders every case and the golden tree with whatever renderer modules are importable now."""

    def __init__(self, scripts: Path, golden_only: bool = False):
        sys.dont_write_bytecode = True
        sys.path[:0] = [str(scripts), str(ROOT / "tests"), str(ROOT / "tests" / "render")]
        import test_cases
        from conftest import checked, read_files

        self.cases = test_cases
        self.contents = []
        for path, case in [] if golden_only else test_cases.load_cases():
            kwargs = case.get("kwargs") or {}
            content = None if "args" in case else test_cases.checked(test_cases.content_files(case),
                                                                     kwargs.get("handwritten"))
            self.contents.append((case, content))
        golden = ROOT / "tests" / "golden"
        self.golden_content = checked(read_files(golden))
        expected = golden / "expected"
        self.golden = {p.relative_to(expected).as_posix(): p.read_text(encoding="utf-8")
                       for p in expected.rglob("*") if p.is_file()}

    def failed(self) -> str | None:
        """The first case (or golden file) whose output differs, or None when all match."""
        signal.signal(signal.SIGALRM, _hang)
        signal.alarm(LIMIT)
        try:
            return self._first_difference()
        finally:
            signal.alarm(0)

    def _first_difference(self) -> str | None:
        # The renderers, and what they ask for addresses (the routing table and the modules reading it).
        fresh = ("explainer.render", "explainer.model.routes", "explainer.check.promise", "explainer.check.redirects")
        for name in [m for m in sys.modules if m.startswith(fresh)]:
            del sys.modules[name]
        for case, content in self.contents:
            try:
                if self._render(case, content) != case.get("expect"):
                    return case["name"]
            except (Exception, Hang) as error:  # a mutant that crashes or hangs is killed
                return f"{case['name']} ({type(error).__name__})"
        try:
            from explainer.render.site import generate
            if generate(self.golden_content) != self.golden:
                return "test_golden"
        except (Exception, Hang) as error:
            return f"test_golden ({type(error).__name__})"
        return None

    def _render(self, case: dict, content) -> str:
        return self.cases.shown(self.cases.call(case, content), case.get("pick"))


def pytest_fails(scripts: Path) -> bool:
    result = subprocess.run([sys.executable, "-m", "pytest", "-q", "-x", "-p", "no:cacheprovider",
                             "-o", f"pythonpath={scripts}", "tests/render", "tests/render/test_golden.py"],
                            cwd=ROOT, capture_output=True, text=True, env={"PYTHONDONTWRITEBYTECODE": "1",
                                                                          "PATH": "/usr/bin:/bin"})
    return result.returncode != 0


def main(argv: list[str]) -> int:
    confirm = "--confirm" in argv
    chosen = [a for a in argv if not a.startswith("--")] or list(RENDERERS)
    with tempfile.TemporaryDirectory() as tmp:
        scripts = Path(tmp) / "scripts"
        shutil.copytree(ROOT / "scripts", scripts, ignore=shutil.ignore_patterns("__pycache__"))
        checker = Checker(scripts, golden_only="--golden-only" in argv)
        if checker.failed():
            print("the unmutated renderers fail a case:", checker.failed())
            return 2
        tried = killed = hangs = 0
        survivors = []
        for module in chosen:
            path = scripts / "explainer" / ("model" if module == "routes" else "render") / f"{module}.py"
            original = path.read_text(encoding="utf-8")
            path.write_text(ast.unparse(ast.parse(original)), encoding="utf-8")
            if checker.failed():
                print(f"{module}: the unparsed module alone fails; skipped")
                path.write_text(original, encoding="utf-8")
                continue
            for index, operator in sites(ast.parse(original)):
                mutated, line = mutate(original, index, operator)
                path.write_text(mutated, encoding="utf-8")
                tried += 1
                failure = checker.failed()
                if failure is None and confirm and pytest_fails(scripts):
                    failure = "pytest"
                if failure is None:
                    survivors.append(f"{path.relative_to(scripts / 'explainer')}:{line}: {operator}")
                    print("SURVIVED", survivors[-1], flush=True)
                else:
                    killed += 1
                    hangs += "(Hang)" in failure
            path.write_text(original, encoding="utf-8")
    print(f"mutations tried: {tried}, killed: {killed} ({hangs} by hanging), survived: {len(survivors)}")
    return 1 if survivors else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
