"""codex_django.cabinet: typed contracts, registry and components for Django back-office cabinets.

The public API in one import: every payload contract (navigation, registry,
widgets, page components, booking blocks, modal sections) and the registry
entry points feature apps call from their ``cabinet.py``::

    from codex_django.cabinet import DataTableData, TableColumn, declare

The package imports nothing up front (PEP 562): a name is loaded from its
module the first time it is asked for, so ``import codex_django.cabinet.types.fields``
(or Django loading the app) does not load every contract and the registry.
:data:`_EXPORTS` is the one list of the public names, each with the module that
defines it; ``__all__`` is its sorted keys and ``codex_django.cabinet.types`` takes
its contracts from it. Each contract module declares the same names as its
``__all__`` (tests/unit/test_public_api.py keeps the two equal), which the
``TYPE_CHECKING`` star imports below show to type checkers and editors.
"""

# ruff: noqa: F401, F403 (the TYPE_CHECKING imports at the end are re-exports, for type checkers only)

from __future__ import annotations

import importlib
import importlib.util
from typing import TYPE_CHECKING, Any

# Module -> the public names it defines.
_EXPORTS_BY_MODULE: dict[str, tuple[str, ...]] = {
    "codex_django.cabinet.registry": ("CabinetRegistry", "cabinet_registry", "configure_space", "declare"),
    "codex_django.cabinet.types.nav": ("Shortcut", "SidebarItem", "TopbarEntry"),
    "codex_django.cabinet.types.registry": ("CabinetSection", "DashboardWidget", "NavAction"),
    "codex_django.cabinet.types.widgets": (
        "ListItem",
        "ListWidgetData",
        "MetricWidgetData",
        "TableColumn",
        "TableWidgetData",
    ),
    "codex_django.cabinet.types.data_table": ("DataTableData", "DataTablePage", "TableAction", "TableFilter"),
    "codex_django.cabinet.types.data_table_actions": ("BulkAction", "TableExport"),
    "codex_django.cabinet.types.calendar": ("CalendarGridData", "CalendarSlot"),
    "codex_django.cabinet.types.collections": (
        "CardGridData",
        "CardItem",
        "ListRow",
        "ListViewData",
        "SplitPanelData",
    ),
    "codex_django.cabinet.types.booking_modal": (
        "BookingChainPreviewData",
        "BookingChainPreviewItem",
        "BookingQuickCreateClientOption",
        "BookingQuickCreateData",
        "BookingQuickCreateServiceOption",
        "BookingSlotPickerData",
        "BookingSlotPickerOption",
    ),
    "codex_django.cabinet.types.booking": (
        "BookingSummaryData",
        "ClientSelectorData",
        "DateTimePickerData",
        "ServiceItem",
        "ServiceSelectorData",
    ),
    "codex_django.cabinet.types.modal": (
        "ActionSection",
        "ChainPreviewSection",
        "FormField",
        "FormSection",
        "KeyValueItem",
        "ModalAction",
        "ModalContentData",
        "ModalSection",
        "ProfileBadge",
        "ProfileSection",
        "QuickCreateSection",
        "SlotPickerSection",
        "SummarySection",
    ),
}
# Public name -> the module that defines it: the one list of exported names.
_EXPORTS: dict[str, str] = {name: module for module, names in _EXPORTS_BY_MODULE.items() for name in names}

__all__ = sorted(_EXPORTS)


if not TYPE_CHECKING:  # type checkers read the imports below, so a misspelt name stays an error

    def __getattr__(name: str) -> Any:
        """Load ``name`` from its module on first use (then it is an ordinary global).

        A submodule not imported yet (``codex_django.cabinet.registry``) is imported
        too, as the eager package used to do as a side effect.
        """
        module = _EXPORTS.get(name)
        if module is not None:
            value = getattr(importlib.import_module(module), name)
        elif not name.startswith("_") and importlib.util.find_spec(f"{__name__}.{name}") is not None:
            value = importlib.import_module(f"{__name__}.{name}")
        else:
            raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
        globals()[name] = value
        return value


def __dir__() -> list[str]:
    return sorted(set(globals()) | set(__all__))


if TYPE_CHECKING:  # the same names for type checkers: each module's __all__ (star imports)
    from .registry import CabinetRegistry, cabinet_registry, configure_space, declare
    from .types.components import *
    from .types.nav import *
    from .types.registry import *
    from .types.widgets import *
