"""Imports every component module under ``codex_django.cabinet.components``.

Each component folder holds a module of the same name that registers a
django-components ``Component`` (``components/data_table/data_table.py``).
Importing them here, from ``AppConfig.ready``, registers them all without
relying on django-components' file-system autodiscovery, which does not see
the mapped ``components/`` folder in an editable install.
"""

from __future__ import annotations

import importlib
import pkgutil


def component_modules() -> list[str]:
    """Dotted paths of the component modules, sorted."""
    components = importlib.import_module("codex_django.cabinet.components")
    found = []
    for info in pkgutil.iter_modules(components.__path__):
        if info.ispkg and not info.name.startswith("_"):
            found.append(f"{components.__name__}.{info.name}.{info.name}")
    return sorted(found)


def register_components() -> None:
    for module in component_modules():
        importlib.import_module(module)
