"""The package's shape: every module imports on its own, layers point one way, every query is used."""

from __future__ import annotations

import ast
import pkgutil
import subprocess
import sys
import textwrap
from pathlib import Path

import factcheck
from factcheck.graph.queries import QueryCatalog
from factcheck.settings import PROJECT_ROOT

PACKAGE_DIR = Path(factcheck.__file__).parent
LOW_LAYERS = ("graph", "fetching", "extraction", "settings")
"""Packages (and modules) that everything may import, so they import no feature."""
SHARED = {"settings", "errors", "cleantext"}
"""What a low layer may import besides itself."""


def _modules() -> list[str]:
    return sorted(
        info.name
        for info in pkgutil.walk_packages(factcheck.__path__, "factcheck.")
        if not info.name.endswith("__main__")
    )


def test_every_module_imports_first_in_a_fresh_interpreter() -> None:
    # One interpreter, but every factcheck module is forgotten before the next is imported,
    # so each is imported first, as `python -c "import factcheck.x"` would.
    script = textwrap.dedent(
        """
        import importlib, sys, traceback
        failed = []
        for name in sys.argv[1:]:
            for loaded in [m for m in sys.modules if m == "factcheck" or m.startswith("factcheck.")]:
                del sys.modules[loaded]
            try:
                importlib.import_module(name)
            except Exception:
                failed.append(name + ": " + traceback.format_exc().strip().splitlines()[-1])
        print("\\n".join(failed))
        sys.exit(1 if failed else 0)
        """
    )
    done = subprocess.run(
        [sys.executable, "-c", script, *_modules()], capture_output=True, text=True, timeout=120, check=False
    )
    assert done.returncode == 0, done.stdout + done.stderr


def _imported_packages(path: Path) -> set[str]:
    """The first component under `factcheck.` of every factcheck import in the file."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    found: set[str] = set()
    for node in ast.walk(tree):
        names = []
        if isinstance(node, ast.ImportFrom) and node.module:
            names = [node.module]
        elif isinstance(node, ast.Import):
            names = [alias.name for alias in node.names]
        for name in names:
            parts = name.split(".")
            if parts[0] == "factcheck" and len(parts) > 1:
                found.add(parts[1])
    return found


def test_low_layers_import_no_feature_package() -> None:
    offences = []
    for layer in LOW_LAYERS:
        files = [PACKAGE_DIR / f"{layer}.py"] if (PACKAGE_DIR / f"{layer}.py").exists() else []
        files += sorted((PACKAGE_DIR / layer).rglob("*.py")) if (PACKAGE_DIR / layer).is_dir() else []
        for path in files:
            outside = _imported_packages(path) - SHARED - {layer}
            where = path.relative_to(PACKAGE_DIR)
            offences += [f"{where} imports factcheck.{name}" for name in sorted(outside)]
    assert offences == []


def test_every_declared_query_has_a_file_and_every_file_is_declared() -> None:
    for name in _modules():
        __import__(name)
    from factcheck.graph.queries import declared_queries

    files = QueryCatalog.load(PROJECT_ROOT / "cypher" / "queries").names()
    declared = declared_queries()
    assert sorted(declared - files) == [], "declared without a file"
    assert sorted(files - declared) == [], "files no module uses"
