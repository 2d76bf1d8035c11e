"""Size and shape of the code in ``mediakit/``: the numbers of issue 13's closing note.

    python benchmarks/code_metrics.py [PACKAGE_DIR] [--top 10]

Prints the longest function bodies, the most branches (if/for/while/try/except/with/
boolean operators/comprehension conditions: the cyclomatic complexity of ruff's C901 minus
one, roughly), the number of functions over 60 lines and over 30 branches, the deepest
nesting, ``_private`` names imported across modules, and the modules that compile a token
pattern. Standard library only.
"""

from __future__ import annotations

import argparse
import ast
import re
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
_BRANCH = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.ExceptHandler, ast.IfExp, ast.With)
_NEST = (ast.If, ast.For, ast.AsyncFor, ast.While, ast.Try, ast.With)
# a module-level pattern that cuts text into tokens: one with a \w+ run, or \S+
_TOKENISH = re.compile(r"\\w\+|^\\S\+$")


def _branches(fn: ast.AST) -> int:
    n = 0
    for node in ast.walk(fn):
        if isinstance(node, _BRANCH):
            n += 1
        elif isinstance(node, ast.BoolOp):
            n += len(node.values) - 1
        elif isinstance(node, ast.comprehension):
            n += 1 + len(node.ifs)
        elif isinstance(node, ast.match_case):
            n += 1
    return n


def _depth(node: ast.AST, d: int = 0) -> int:
    best = d
    for child in ast.iter_child_nodes(node):
        if isinstance(child, (ast.FunctionDef, ast.AsyncFunctionDef, ast.ClassDef)):
            continue
        best = max(best, _depth(child, d + isinstance(child, _NEST)))
    return best


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("package", nargs="?", default=str(ROOT / "mediakit"))
    ap.add_argument("--top", type=int, default=10)
    args = ap.parse_args()
    pkg = Path(args.package)
    funcs = []
    private = []
    token_modules = []
    for path in sorted(pkg.rglob("*.py")):
        rel = path.relative_to(pkg.parent).as_posix()
        src = path.read_text("utf-8")
        tree = ast.parse(src)
        for node in tree.body:
            if (
                isinstance(node, ast.Assign)
                and isinstance(node.value, ast.Call)
                and getattr(node.value.func, "attr", "") == "compile"
                and node.value.args
                and isinstance(node.value.args[0], ast.Constant)
                and _TOKENISH.search(str(node.value.args[0].value))
            ):
                token_modules.append(f"{rel}:{ast.unparse(node.targets[0])}")
        for node in ast.walk(tree):
            if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)):
                lines = (node.end_lineno or 0) - node.lineno + 1
                funcs.append((lines, _branches(node), _depth(node), f"{rel}:{node.name}"))
            elif isinstance(node, ast.ImportFrom) and node.level > 0:
                private += [(rel, a.name) for a in node.names if a.name.startswith("_")]
    print(f"{len(funcs)} functions in {pkg}")
    print(
        f"over 60 lines: {sum(f[0] > 60 for f in funcs)}; over 30 branches: "
        f"{sum(f[1] > 30 for f in funcs)}; over 15 branches: {sum(f[1] > 15 for f in funcs)}; "
        f"deepest nesting: {max(f[2] for f in funcs)}"
    )
    print("longest functions (def to last line):")
    for lines, br, _d, name in sorted(funcs, reverse=True)[: args.top]:
        print(f"  {lines:4d} lines {br:4d} branches  {name}")
    print("most branches:")
    for lines, br, _d, name in sorted(funcs, key=lambda f: (-f[1], -f[0]))[: args.top]:
        print(f"  {br:4d} branches {lines:4d} lines  {name}")
    print(f"_private names imported across modules: {len(private)}")
    print(f"token patterns (module level, with a \\w+ run or \\S+): {len(token_modules)}")
    for name in token_modules:
        print(f"  {name}")


if __name__ == "__main__":
    main()
