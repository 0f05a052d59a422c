"""No import cycles between the cabinet's modules (codex_django.cabinet).

An import inside a function still makes a cycle, only a hidden one: it runs
later, and whichever module is imported first decides what works. The old
``types.fields -> icons -> registry -> types.fields`` loop was such a cycle;
the icon names now live in the dependency-free ``icon_catalogue``. Imports
under ``if TYPE_CHECKING:`` never run and do not count. Importing ``a.b.c`` from
outside ``a.b`` first runs ``a/b/__init__.py``, so that counts as importing the
package too (``navigation.settings_tabs`` importing a module under ``views/``
ran ``views/__init__``, which imports ``views.site_settings``, which imports
``settings_tabs``: a cycle only the first import of settings_tabs hit).
"""

from __future__ import annotations

import ast
import graphlib
import subprocess
import sys
from pathlib import Path

import codex_django.cabinet

PACKAGE = Path(codex_django.cabinet.__file__).resolve().parent


def _runtime_imports(tree: ast.AST) -> list[ast.Import | ast.ImportFrom]:
    """Every import statement of ``tree``, at any depth, outside ``if TYPE_CHECKING:`` blocks."""
    found: list[ast.Import | ast.ImportFrom] = []
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and ast.unparse(node.test) in {"TYPE_CHECKING", "typing.TYPE_CHECKING"}:
            for branch in node.orelse:
                found += _runtime_imports(branch)
            continue
        if isinstance(node, ast.Import | ast.ImportFrom):
            found.append(node)
        found += _runtime_imports(node)
    return found


def _parents(module: str) -> list[str]:
    """``a.b.c`` -> ``["a", "a.b"]``."""
    parts = module.split(".")
    return [".".join(parts[:end]) for end in range(1, len(parts))]


def import_graph(package_dir: Path, package: str = "codex_django.cabinet") -> dict[str, set[str]]:
    """Module -> the modules of the same package it imports at run time."""
    modules: dict[str, Path] = {}
    for path in package_dir.rglob("*.py"):
        parts = [package, *path.relative_to(package_dir).with_suffix("").parts]
        modules[".".join(parts[:-1] if parts[-1] == "__init__" else parts)] = path
    graph: dict[str, set[str]] = {}
    for name, path in modules.items():
        here = name if path.name == "__init__.py" else name.rpartition(".")[0]
        targets: set[str] = set()
        for node in _runtime_imports(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                targets |= {alias.name for alias in node.names}
                continue
            base = node.module or ""
            if node.level:
                anchor = here.split(".")[: len(here.split(".")) - node.level + 1]
                base = ".".join([*anchor, *([node.module] if node.module else [])])
            targets |= {
                f"{base}.{alias.name}" if f"{base}.{alias.name}" in modules else base for alias in node.names
            }
        # The packages a target sits in run first, unless this module is inside them already.
        targets |= {
            parent
            for target in list(targets)
            for parent in _parents(target)
            if parent in modules and not (name == parent or name.startswith(f"{parent}."))
        }
        graph[name] = {target for target in targets if target in modules and target != name}
    return graph


def test_the_cabinet_has_no_import_cycle() -> None:
    sorter = graphlib.TopologicalSorter(import_graph(PACKAGE))
    try:
        sorter.prepare()
    except graphlib.CycleError as error:
        raise AssertionError(f"import cycle: {' -> '.join(error.args[1])}") from None


def test_the_icon_catalogue_imports_nothing_of_the_cabinet() -> None:
    # types.fields (behind every contract's IconName) imports it: it must not lead back.
    assert import_graph(PACKAGE)["codex_django.cabinet.assets.icon_catalogue"] == set()


def test_a_feature_app_may_import_the_settings_tabs_first() -> None:
    # What a cabinet.py does (settings_tabs' docstring), autodiscovered before any view is loaded.
    code = (
        "import django, os\n"
        "os.environ['DJANGO_SETTINGS_MODULE'] = 'tests.settings'\n"
        "django.setup()\n"
        "from codex_django.cabinet.navigation.settings_tabs import settings_tabs\n"
        "print([tab.slug for tab in settings_tabs.all()])\n"
    )
    root = PACKAGE.parents[2]
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=root, check=False
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "['general', 'theme']"
