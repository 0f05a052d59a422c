"""What one ``declare()`` call contributes, validated, and how two declarations of a module merge."""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

from ..types.nav import Shortcut, SidebarItem, TopbarEntry
from ..types.registry import NAV_GROUPS, CabinetSection, DashboardWidget, NavAction

SPACES: tuple[str, ...] = ("staff", "client")

WidgetsArg = list[DashboardWidget | str] | tuple[DashboardWidget | str, ...] | DashboardWidget | str | None


def _check_space(space: Any, where: str) -> str:
    if space not in SPACES:
        raise ImproperlyConfigured(f"{where}: unknown cabinet space {space!r}; use 'staff' or 'client'.")
    return str(space)


def _check_module(module: Any, where: str) -> str:
    if not isinstance(module, str) or not module.strip() or module != module.strip():
        raise ImproperlyConfigured(
            f"{where}: module must be a non-empty name such as 'booking' (got {module!r})."
        )
    return module


def _items(value: Any, kind: type[Any], argument: str, where: str) -> tuple[Any, ...]:
    """Validate a list argument: every element an instance of ``kind``."""
    if value is None:
        return ()
    if isinstance(value, kind) or not isinstance(value, list | tuple):
        raise ImproperlyConfigured(
            f"{where}: {argument} must be a list of {kind.__name__} (got {type(value).__name__}: {value!r})."
        )
    for item in value:
        if not isinstance(item, kind):
            raise ImproperlyConfigured(
                f"{where}: {argument} must contain only {kind.__name__} objects (got {item!r})."
            )
    return tuple(value)


def _widgets(value: Any, where: str, argument: str = "dashboard_widgets") -> tuple[DashboardWidget, ...]:
    """A list, a single widget or a template string, as a tuple of widgets."""
    if value is None:
        return ()
    values = list(value) if isinstance(value, list | tuple) else [value]
    widgets = []
    for item in values:
        if isinstance(item, str):
            widgets.append(DashboardWidget(template=item))  # the short form: a template name
        elif isinstance(item, DashboardWidget):
            widgets.append(item)
        else:
            raise ImproperlyConfigured(
                f"{where}: {argument} takes DashboardWidget objects or template names (got {item!r})."
            )
    return tuple(widgets)


def _added(earlier: tuple[Any, ...], later: tuple[Any, ...]) -> tuple[Any, ...]:
    """``earlier`` then the items of ``later`` not already in it (declaring again adds nothing)."""
    merged = list(earlier)
    for item in later:
        if item not in merged:
            merged.append(item)
    return tuple(merged)


def _by_order(items: Iterable[Any]) -> list[Any]:
    # sorted() is stable: equal orders keep declaration order.
    return sorted(items, key=lambda item: item.order)


@dataclasses.dataclass(frozen=True)
class ModuleDeclaration:
    """Everything one ``declare(module, space=...)`` call contributed (v2)."""

    space: str
    module: str
    topbar: TopbarEntry | None = None
    sidebar: tuple[SidebarItem, ...] = ()
    shortcuts: tuple[Shortcut, ...] = ()
    dashboard_widgets: tuple[DashboardWidget, ...] = ()
    settings_url: str | None = None


@dataclasses.dataclass(frozen=True)
class LegacyDeclaration:
    """Everything one v1 ``declare(module, section=...)`` call contributed."""

    module: str
    section: CabinetSection | None = None
    dashboard_widget: DashboardWidget | None = None
    topbar_actions: tuple[NavAction, ...] = ()
    actions: tuple[NavAction, ...] = ()


@dataclasses.dataclass
class RegistryState:
    """A copy of the registry's storage (see :meth:`CabinetRegistry.snapshot`)."""

    modules: dict[tuple[str, str], ModuleDeclaration] = dataclasses.field(default_factory=dict)
    legacy: dict[str, LegacyDeclaration] = dataclasses.field(default_factory=dict)
    branding: dict[str, dict[str, str | Promise]] = dataclasses.field(default_factory=dict)


def _one_value(name: str, earlier: Any, later: Any, declaration: ModuleDeclaration, where: str) -> Any:
    """The value of a one-per-module field after a second declaration (see the module docstring)."""
    if later is None or later == earlier:
        return earlier
    if earlier is None:
        return later
    raise ImproperlyConfigured(
        f"{where}: {name} is already declared as {earlier!r}; a module has one {name}. "
        f"Declare it in one call, or call cabinet_registry.unregister({declaration.space!r}, "
        f"{declaration.module!r}) first to replace the module's declaration (got {later!r})."
    )


def _merge(earlier: ModuleDeclaration, later: ModuleDeclaration, where: str) -> ModuleDeclaration:
    """Two declarations of one ``space`` + ``module`` as one: later list items added, nothing dropped."""
    return dataclasses.replace(
        earlier,
        topbar=_one_value("topbar", earlier.topbar, later.topbar, earlier, where),
        settings_url=_one_value("settings_url", earlier.settings_url, later.settings_url, earlier, where),
        sidebar=_added(earlier.sidebar, later.sidebar),
        shortcuts=_added(earlier.shortcuts, later.shortcuts),
        dashboard_widgets=_added(earlier.dashboard_widgets, later.dashboard_widgets),
    )


def _check_nav_group(nav_group: str | None, where: str) -> None:
    if nav_group is not None and nav_group not in NAV_GROUPS:
        raise ImproperlyConfigured(
            f"{where}: unknown nav group {nav_group!r}; use 'admin', 'services' or 'client'."
        )
