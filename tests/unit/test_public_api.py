"""Every public name imports from the path the API reference documents and from ``codex_django.cabinet``."""

from __future__ import annotations

import importlib

import pytest

import codex_django.cabinet as cabinet
import codex_django.cabinet.types as types_package
from codex_django.cabinet.types.contract import is_contract

DOCUMENTED = {
    "codex_django.cabinet.types.nav": ["TopbarEntry", "SidebarItem", "Shortcut"],
    "codex_django.cabinet.types.registry": ["DashboardWidget", "NavAction", "CabinetSection"],
    "codex_django.cabinet.types.widgets": [
        "TableColumn",
        "ListItem",
        "MetricWidgetData",
        "TableWidgetData",
        "ListWidgetData",
    ],
    "codex_django.cabinet.types.components": [
        "TableFilter",
        "TableAction",
        "DataTableData",
        "DataTablePage",
        "CalendarSlot",
        "CalendarGridData",
        "CardItem",
        "CardGridData",
        "ListRow",
        "ListViewData",
        "SplitPanelData",
        "ServiceItem",
        "ServiceSelectorData",
        "ClientSelectorData",
        "DateTimePickerData",
        "BookingSummaryData",
        "BookingQuickCreateServiceOption",
        "BookingQuickCreateClientOption",
        "BookingQuickCreateData",
        "BookingSlotPickerOption",
        "BookingSlotPickerData",
        "BookingChainPreviewItem",
        "BookingChainPreviewData",
        "ModalSection",
        "ProfileSection",
        "SummarySection",
        "FormSection",
        "ModalAction",
        "ActionSection",
        "SlotPickerSection",
        "QuickCreateSection",
        "ChainPreviewSection",
        "ModalContentData",
    ],
    "codex_django.cabinet.registry": ["CabinetRegistry", "cabinet_registry", "declare", "configure_space"],
}
PAIRS = [(module, name) for module, names in DOCUMENTED.items() for name in names]


@pytest.mark.parametrize(("module", "name"), PAIRS, ids=[f"{m.rsplit('.', 1)[1]}.{n}" for m, n in PAIRS])
def test_documented_path_and_package_root_give_the_same_object(module: str, name: str) -> None:
    documented = getattr(importlib.import_module(module), name)
    assert getattr(cabinet, name) is documented
    assert name in cabinet.__all__


CONTRACTS = [
    name
    for names in DOCUMENTED.values()
    for name in names
    if name[0].isupper() and name != "CabinetRegistry"  # the registry is a service, not a payload
]


@pytest.mark.parametrize("name", CONTRACTS)
def test_every_contract_is_built_by_the_contract_decorator(name: str) -> None:
    assert is_contract(getattr(cabinet, name))


def test_all_is_sorted_unique_and_complete() -> None:
    assert cabinet.__all__ == sorted(set(cabinet.__all__))
    assert all(hasattr(cabinet, name) for name in cabinet.__all__)
    contracts = {name for name in types_package.__all__ if name[0].isupper()}
    assert contracts <= set(cabinet.__all__), contracts - set(cabinet.__all__)
    documented = {name for names in DOCUMENTED.values() for name in names}
    assert documented <= set(cabinet.__all__)


def test_types_package_reexports_every_contract_module() -> None:
    for module in ("nav", "registry", "widgets", "components", "booking", "modal"):
        loaded = importlib.import_module(f"codex_django.cabinet.types.{module}")
        public = [
            name
            for name, value in vars(loaded).items()
            if is_contract(value) and getattr(value, "__module__", "") == loaded.__name__
        ]
        missing = [name for name in public if not hasattr(types_package, name)]
        assert not missing, f"codex_django.cabinet.types does not re-export {missing} from {module}"


def test_star_import_exposes_exactly_all() -> None:
    namespace: dict[str, object] = {}
    exec("from codex_django.cabinet import *", namespace)
    assert sorted(name for name in namespace if name != "__builtins__") == cabinet.__all__
