"""The payload contracts, importable from one place.

Each module holds one family (``nav``, ``registry``, ``widgets``,
``components`` with ``booking`` and ``modal``); this package re-exports every
contract and the helpers for building, dumping and describing them.

Like ``codex_django.cabinet`` it imports nothing up front (PEP 562): importing
one contract module (``types.fields``, ``types.nav``) does not load the others.
Its names are the contracts of the package's one list of exports
(``codex_django.cabinet._EXPORTS``, which each contract module's ``__all__``
repeats) plus the helpers of :mod:`.contract`.
"""

# ruff: noqa: F401, F403 (the TYPE_CHECKING imports at the end are re-exports, for type checkers only)

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from codex_django.cabinet import _EXPORTS as _CABINET_EXPORTS

# Public name -> the module that defines it.
_EXPORTS: dict[str, str] = {
    **{name: module for name, module in _CABINET_EXPORTS.items() if module.startswith(f"{__name__}.")},
    **dict.fromkeys(("contract", "from_payload", "json_schema", "to_payload"), f"{__name__}.contract"),
}

__all__ = sorted(_EXPORTS)


if not TYPE_CHECKING:  # type checkers read the imports below, so a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        """Load ``name`` from its module on first use (then it is an ordinary global)."""
        module = _EXPORTS.get(name)
        if module is None:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        value = getattr(importlib.import_module(module), name)
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # the same names for type checkers: each module's __all__ (star imports)
    from .components import *
    from .contract import contract, from_payload, json_schema, to_payload
    from .nav import *
    from .registry import *
    from .widgets import *
