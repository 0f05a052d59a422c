"""The public names: one list (``codex_django.cabinet._EXPORTS``), the paths the API reference documents.

``__all__`` of the package and of ``codex_django.cabinet.types`` derive from the
list; each contract module's ``__all__`` names exactly its part of it, and the
``TYPE_CHECKING`` imports that show the names to type checkers (star imports of
those modules) come to exactly the list; every name imports from the package
root and from the module the API reference documents.
"""

from __future__ import annotations

import ast
import importlib
import pkgutil
import subprocess
import sys
from pathlib import Path

import pytest

import codex_django.cabinet as cabinet
import codex_django.cabinet.types as types_package
from codex_django.cabinet.types.contract import is_contract

PACKAGE = Path(cabinet.__file__).resolve().parent
# Where the API reference documents each name: its own module, except the component
# contracts, documented in types.components (which re-exports their family modules).
OWN_DOCUMENTED_MODULES = {
    "codex_django.cabinet.registry",
    "codex_django.cabinet.types.nav",
    "codex_django.cabinet.types.registry",
    "codex_django.cabinet.types.widgets",
}


def documented_module(name: str) -> str:
    module = cabinet._EXPORTS[name]
    return module if module in OWN_DOCUMENTED_MODULES else "codex_django.cabinet.types.components"


NAMES = sorted(cabinet._EXPORTS)


@pytest.mark.parametrize("name", NAMES)
def test_defining_module_documented_path_and_package_root_give_the_same_object(name: str) -> None:
    at_root = getattr(cabinet, name)
    assert getattr(importlib.import_module(cabinet._EXPORTS[name]), name) is at_root
    documented = importlib.import_module(documented_module(name))
    assert getattr(documented, name) is at_root
    if documented.__name__.endswith(".components"):
        assert name in star_import(documented.__name__)


CONTRACTS = [name for name in NAMES if name[0].isupper() and name != "CabinetRegistry"]  # a service


@pytest.mark.parametrize("name", CONTRACTS)
def test_every_contract_is_built_by_the_contract_decorator(name: str) -> None:
    assert is_contract(getattr(cabinet, name))


def test_all_is_the_sorted_list_of_exports() -> None:
    assert cabinet.__all__ == sorted(cabinet._EXPORTS)
    contracts = {name for name in types_package.__all__ if name[0].isupper()}
    assert contracts == set(CONTRACTS)
    assert types_package.__all__ == sorted(types_package._EXPORTS)
    assert set(types_package.__all__) - contracts == {"contract", "from_payload", "json_schema", "to_payload"}


def test_types_package_reexports_every_contract_module() -> None:
    modules = [info.name for info in pkgutil.iter_modules(types_package.__path__)]
    assert {"nav", "registry", "booking", "booking_modal", "modal", "data_table"} <= set(modules)
    for module in modules:
        loaded = importlib.import_module(f"codex_django.cabinet.types.{module}")
        public = [
            name
            for name, value in vars(loaded).items()
            if is_contract(value) and getattr(value, "__module__", "") == loaded.__name__
        ]
        missing = [name for name in public if not hasattr(types_package, name)]
        assert not missing, f"codex_django.cabinet.types does not re-export {missing} from {module}"


def star_import(module: str) -> set[str]:
    """The names ``from <module> import *`` binds."""
    namespace: dict[str, object] = {}
    exec(f"from {module} import *", namespace)
    return set(namespace) - {"__builtins__"}


def _type_checking_imports(init: Path, package: str) -> dict[str, str]:
    """Name -> module of the imports under ``if TYPE_CHECKING:`` in ``init``, star imports expanded."""
    found: dict[str, str] = {}
    for node in ast.parse(init.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.If) and isinstance(node.test, ast.Name) and node.test.id == "TYPE_CHECKING":
            for statement in node.body:
                assert isinstance(statement, ast.ImportFrom) and statement.level == 1, ast.unparse(statement)
                module = f"{package}.{statement.module}"
                for alias in statement.names:
                    if alias.name == "*":
                        for name in star_import(module):
                            found[name] = getattr(importlib.import_module(module), name).__module__
                    else:
                        found[alias.asname or alias.name] = module
    return found


@pytest.mark.parametrize(
    ("package", "init"),
    [(cabinet, PACKAGE / "__init__.py"), (types_package, PACKAGE / "types/__init__.py")],
    ids=["cabinet", "types"],
)
def test_type_checking_imports_come_to_the_exports_exactly(package: object, init: Path) -> None:
    name = package.__name__  # type: ignore[attr-defined]
    # A star-imported name counts where it is defined, as in the runtime map.
    assert _type_checking_imports(init, name) == package._EXPORTS  # type: ignore[attr-defined]


@pytest.mark.parametrize("module", sorted(m for m in cabinet._EXPORTS_BY_MODULE if ".types." in m))
def test_each_contract_module_all_is_its_part_of_the_exports(module: str) -> None:
    assert sorted(importlib.import_module(module).__all__) == sorted(cabinet._EXPORTS_BY_MODULE[module])


def test_types_components_star_import_is_the_page_contracts() -> None:
    page_modules = [
        m for m in cabinet._EXPORTS_BY_MODULE if m.rsplit(".", 1)[1] not in {"nav", "registry", "widgets"}
    ]
    page_contracts = {name for module in page_modules for name in cabinet._EXPORTS_BY_MODULE[module]}
    assert star_import("codex_django.cabinet.types.components") == page_contracts | {"TableColumn"}


def test_star_import_exposes_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from codex_django.cabinet import *", namespace)
    assert sorted(name for name in namespace if name != "__builtins__") == cabinet.__all__


def _fresh(code: str) -> str:
    """``code`` run in a new interpreter (nothing imported yet), its stdout."""
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=False)
    assert result.returncode == 0, result.stderr
    return result.stdout


def test_every_exported_name_imports_from_the_package_in_a_fresh_interpreter() -> None:
    code = "\n".join(f"from codex_django.cabinet import {name}" for name in NAMES)
    _fresh(code + "\nfrom codex_django.cabinet.types import contract, from_payload, json_schema, to_payload")


def test_a_missing_name_is_an_attribute_error_naming_it() -> None:
    with pytest.raises(AttributeError, match=r"module 'codex_django\.cabinet' has no attribute 'DataTabel'"):
        cabinet.DataTabel  # noqa: B018
    with pytest.raises(ImportError, match=r"cannot import name 'DataTabel' from 'codex_django\.cabinet'"):
        exec("from codex_django.cabinet import DataTabel", {})


LOADED = "import sys\nimport {module}\nprint(sorted(m for m in sys.modules if m.startswith('codex_django')))"


def test_importing_the_package_loads_none_of_its_modules() -> None:
    loaded = _fresh(LOADED.format(module="codex_django.cabinet"))
    assert loaded.strip() == "['codex_django', 'codex_django.cabinet']"


def test_importing_one_contract_module_loads_only_what_it_imports() -> None:
    loaded = _fresh(LOADED.format(module="codex_django.cabinet.types.fields"))
    assert loaded.strip() == str(
        [
            "codex_django",
            "codex_django.cabinet",
            "codex_django.cabinet.assets",
            "codex_django.cabinet.assets.icon_catalogue",
            "codex_django.cabinet.types",
            "codex_django.cabinet.types.fields",
        ]
    )


def test_booking_modal_blocks_still_import_from_types_booking() -> None:
    # They moved to types.booking_modal; the earlier path keeps giving the same classes.
    _fresh(
        "from codex_django.cabinet.types.booking import BookingQuickCreateData as old\n"
        "from codex_django.cabinet.types.booking_modal import BookingQuickCreateData as new\n"
        "assert old is new\n"
        "import codex_django.cabinet.types.booking as b\n"
        "try:\n    b.NotAContract\nexcept AttributeError as error:\n    assert 'NotAContract' in str(error)\n"
        "else:\n    raise AssertionError('no AttributeError')"
    )


def test_registry_package_keeps_the_single_module_names() -> None:
    from codex_django.cabinet.registry import SPACES, CabinetRegistry, SidebarItem, TopbarEntry
    from codex_django.cabinet.types.nav import SidebarItem as NavSidebarItem

    assert SPACES == ("staff", "client") and SidebarItem is NavSidebarItem
    assert CabinetRegistry.__module__ == "codex_django.cabinet.registry.store" and TopbarEntry


def test_a_submodule_not_yet_imported_is_still_an_attribute_of_the_package() -> None:
    # The eager package made `codex_django.cabinet.registry` an attribute as a side effect.
    _fresh("import codex_django.cabinet as c\nassert c.registry.declare is c.declare")
