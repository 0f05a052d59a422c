"""In-memory registry for cabinet navigation and dashboard contributions.

Feature apps call :func:`declare` from their ``cabinet.py`` (discovered at
start-up like ``admin.py``); the context processor reads the registry on every
request. Two APIs are supported:

* **v2** (two-space model): ``declare(module, space="staff", topbar=TopbarEntry(...), sidebar=[...])``
* **v1** (legacy, deprecated): ``declare(module, section=CabinetSection(...))``

Declaring the same ``space`` + ``module`` again **merges** with the earlier
declaration, as the reference's registry does, so a feature app may declare its
topbar in one call and its sidebar or dashboard widgets in another:

* what the later call does not give is kept;
* list items (``sidebar``, ``shortcuts``, ``dashboard_widgets``) are added after
  the earlier ones; an item equal to one already declared is not added twice, so
  running a ``cabinet.py`` again (``importlib.reload``, a test) changes nothing;
* ``topbar`` and ``settings_url`` are one per module: the same value again is
  fine, a *different* one raises ``ImproperlyConfigured`` (one of the two would
  otherwise be dropped without a word). To replace a module's declaration, call
  :meth:`CabinetRegistry.unregister` first.

A v1 ``declare(module, section=...)`` for the same ``module`` still replaces the
earlier one. Lists come back sorted by ``order``; equal orders keep
declaration order.

Tests that declare use :meth:`CabinetRegistry.snapshot` / :meth:`CabinetRegistry.restore`
(or :meth:`CabinetRegistry.clear` for a blank registry)::

    state = cabinet_registry.snapshot()
    try:
        declare(module="demo", space="staff", sidebar=[...])
        ...
    finally:
        cabinet_registry.restore(state)
"""

from __future__ import annotations

import dataclasses
import re
import warnings
from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from .types.fields import check_url
from .types.nav import TOPBAR_GROUPS, Shortcut, SidebarItem, TopbarEntry
from .types.registry import NAV_GROUPS, CabinetSection, DashboardWidget, NavAction

__all__ = ["SPACES", "CabinetRegistry", "cabinet_registry", "configure_space", "declare"]

SPACES: tuple[str, ...] = ("staff", "client")

# Shown when a project does not call configure_space().
DEFAULT_BRANDING: dict[str, dict[str, str | Promise]] = {
    "staff": {"label": _("Cabinet"), "icon": "bi-grid-1x2"},
    "client": {"label": _("My cabinet"), "icon": "bi-person-circle"},
}

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


class CabinetRegistry:
    """Store cabinet contributions in process memory.

    Filled once at start-up (``cabinet.py`` of every installed app), read on
    every request; declarations are keyed by ``(space, module)`` (v2: declaring
    again merges, see the module docstring) or ``module`` (v1: declaring again
    replaces).
    """

    def __init__(self) -> None:
        self._state = RegistryState()
        self._version = 0

    @property
    def version(self) -> int:
        """A number that changes with every change to the registry (for caches of what it declares)."""
        return self._version

    # -- test support -------------------------------------------------------

    def clear(self) -> None:
        """Forget every declaration and the branding (for tests; see :meth:`snapshot`)."""
        self._state = RegistryState()
        self._version += 1

    def snapshot(self) -> RegistryState:
        """Copy the current state, to :meth:`restore` after a test that declares."""
        return RegistryState(
            modules=dict(self._state.modules),
            legacy=dict(self._state.legacy),
            branding={space: dict(values) for space, values in self._state.branding.items()},
        )

    def restore(self, state: RegistryState) -> None:
        """Put back a state taken with :meth:`snapshot`."""
        self._version += 1
        self._state = RegistryState(
            modules=dict(state.modules),
            legacy=dict(state.legacy),
            branding={space: dict(values) for space, values in state.branding.items()},
        )

    # -- branding -------------------------------------------------------------

    def register_branding(
        self, space: str, label: str | Promise | None = None, icon: str | None = None
    ) -> None:
        """Set branding metadata (label, icon) for a space; ``None`` keeps the default."""
        _check_space(space, "register_branding()")
        if label is not None and not isinstance(label, str | Promise):
            raise ImproperlyConfigured(f"register_branding(): label must be text (got {label!r}).")
        if icon is not None and not (isinstance(icon, str) and re.fullmatch(r"bi-[a-z0-9-]+", icon)):
            raise ImproperlyConfigured(
                f"register_branding(): icon must be a Bootstrap Icons class such as 'bi-shield-lock' "
                f"(got {icon!r})."
            )
        branding: dict[str, str | Promise] = {}
        if label is not None:
            branding["label"] = label
        if icon is not None:
            branding["icon"] = icon
        self._state.branding[space] = branding
        self._version += 1

    def get_branding(self, space: str) -> dict[str, str | Promise]:
        """Branding for a space: ``{"label": ..., "icon": ...}``, defaults filled in."""
        _check_space(space, "get_branding()")
        return {**DEFAULT_BRANDING[space], **self._state.branding.get(space, {})}

    # -- v2: two-space model ------------------------------------------------------

    def register_v2(
        self,
        module: str,
        space: str,
        topbar: TopbarEntry | None = None,
        sidebar: list[SidebarItem] | None = None,
        shortcuts: list[Shortcut] | None = None,
        dashboard_widgets: WidgetsArg = None,
        settings_url: str | None = None,
    ) -> None:
        """Register the contributions of ``module`` to ``space``, merged with earlier ones.

        Raises:
            ImproperlyConfigured: for a bad argument, or a ``topbar`` /
                ``settings_url`` different from the one already declared for
                this ``space`` + ``module`` (call :meth:`unregister` first to
                replace it).
        """
        where = f"declare(module={module!r}, space={space!r})"
        _check_space(space, where)
        _check_module(module, where)
        if topbar is not None and not isinstance(topbar, TopbarEntry):
            raise ImproperlyConfigured(f"{where}: topbar must be a TopbarEntry (got {topbar!r}).")
        if topbar is not None and space != "staff":
            raise ImproperlyConfigured(
                f"{where}: the client space has no topbar; declare the TopbarEntry with space='staff'."
            )
        if settings_url is not None:
            if not isinstance(settings_url, str):
                raise ImproperlyConfigured(f"{where}: settings_url must be a string (got {settings_url!r}).")
            try:
                check_url(settings_url)
            except ValueError as error:
                raise ImproperlyConfigured(
                    f"{where}: settings_url: {error} (got {settings_url!r})."
                ) from None
        given = ModuleDeclaration(
            space=space,
            module=module,
            topbar=topbar,
            sidebar=_items(sidebar, SidebarItem, "sidebar", where),
            shortcuts=_items(shortcuts, Shortcut, "shortcuts", where),
            dashboard_widgets=_widgets(dashboard_widgets, where),
            settings_url=settings_url or None,
        )
        earlier = self._state.modules.get((space, module))
        self._state.modules[(space, module)] = given if earlier is None else _merge(earlier, given, where)
        self._version += 1

    def unregister(self, space: str, module: str) -> None:
        """Forget what ``module`` declared for ``space`` (to declare it anew, replacing it).

        ``KeyError`` naming the declared modules when there is nothing to forget.
        """
        _check_space(space, "unregister()")
        if (space, module) not in self._state.modules:
            known = ", ".join(repr(name) for name in self.get_modules(space)) or "none"
            raise KeyError(f"nothing declared for space={space!r}, module={module!r}; declared: {known}")
        del self._state.modules[(space, module)]
        self._version += 1

    def _declaration(self, space: str, module: str | None, where: str) -> ModuleDeclaration | None:
        _check_space(space, where)
        if module is None:
            return None
        return self._state.modules.get((space, module))

    def get_topbar_entries(self, group: str | None = None) -> list[TopbarEntry]:
        """Topbar entries sorted by ``order``; ``group=None`` gives all, admin group first."""
        if group is not None and group not in TOPBAR_GROUPS:
            raise ImproperlyConfigured(
                f"get_topbar_entries(): unknown topbar group {group!r}; use 'admin' or 'services'."
            )
        entries = [d.topbar for d in self._state.modules.values() if d.topbar is not None]
        if group is not None:
            return _by_order(entry for entry in entries if entry.group == group)
        return sorted(entries, key=lambda entry: (TOPBAR_GROUPS.index(entry.group), entry.order))

    def get_sidebar(self, space: str, module: str | None) -> list[SidebarItem]:
        """Sidebar items declared for ``space`` + ``module``, sorted by ``order``."""
        declaration = self._declaration(space, module, "get_sidebar()")
        return _by_order(declaration.sidebar) if declaration else []

    def get_shortcuts(self, space: str, module: str | None) -> list[Shortcut]:
        """Topbar shortcuts declared for ``space`` + ``module``, in declaration order."""
        declaration = self._declaration(space, module, "get_shortcuts()")
        return list(declaration.shortcuts) if declaration else []

    def get_settings_url(self, space: str, module: str | None) -> str | None:
        """The module's custom settings URL (unresolved), or ``None``."""
        declaration = self._declaration(space, module, "get_settings_url()")
        return declaration.settings_url if declaration else None

    def get_module_topbar(self, module: str) -> TopbarEntry | None:
        """The staff :class:`TopbarEntry` declared by ``module``, or ``None``."""
        declaration = self._state.modules.get(("staff", module))
        return declaration.topbar if declaration else None

    def has_module(self, space: str, module: str) -> bool:
        """True when ``module`` declared anything for ``space`` (v2)."""
        _check_space(space, "has_module()")
        return (space, module) in self._state.modules

    def get_modules(self, space: str) -> list[str]:
        """Module names declared for ``space``, in declaration order."""
        _check_space(space, "get_modules()")
        return [module for (declared_space, module) in self._state.modules if declared_space == space]

    # -- v1: legacy -------------------------------------------------------------

    def register(
        self,
        module_name: str,
        section: CabinetSection | None = None,
        dashboard_widget: DashboardWidget | str | None = None,
        topbar_actions: list[NavAction] | None = None,
        actions: list[NavAction] | None = None,
    ) -> None:
        """Register (or replace) a module's contributions through the legacy API.

        .. deprecated:: Use :meth:`register_v2` with the two-space model.
        """
        where = f"declare(module={module_name!r})"
        _check_module(module_name, where)
        if section is not None and not isinstance(section, CabinetSection):
            raise ImproperlyConfigured(f"{where}: section must be a CabinetSection (got {section!r}).")
        widgets = _widgets(dashboard_widget, where, "dashboard_widget")
        if len(widgets) > 1:
            raise ImproperlyConfigured(
                f"{where}: dashboard_widget takes one widget; "
                "pass several with space=... and dashboard_widgets=[...]."
            )
        self._version += 1
        self._state.legacy[module_name] = LegacyDeclaration(
            module=module_name,
            section=section,
            dashboard_widget=widgets[0] if widgets else None,
            topbar_actions=_items(topbar_actions, NavAction, "topbar_actions", where),
            actions=_items(actions, NavAction, "actions", where),
        )

    @property
    def sections(self) -> list[CabinetSection]:
        """Return all registered sections ordered by their display order."""
        return _by_order(d.section for d in self._state.legacy.values() if d.section is not None)

    def get_sections(self, nav_group: str | None = None) -> list[CabinetSection]:
        """Return registered sections, optionally filtered by nav group."""
        _check_nav_group(nav_group, "get_sections()")
        return [s for s in self.sections if nav_group is None or s.nav_group == nav_group]

    @property
    def dashboard_widgets(self) -> list[DashboardWidget]:
        """Return all registered dashboard widgets (v1 and v2) ordered by their display order."""
        legacy = [d.dashboard_widget for d in self._state.legacy.values() if d.dashboard_widget is not None]
        declared = [w for d in self._state.modules.values() for w in d.dashboard_widgets]
        return _by_order([*legacy, *declared])

    def get_dashboard_widgets(self, nav_group: str | None = None) -> list[DashboardWidget]:
        """Return registered dashboard widgets, optionally filtered by nav group."""
        _check_nav_group(nav_group, "get_dashboard_widgets()")
        return [w for w in self.dashboard_widgets if nav_group is None or w.nav_group == nav_group]

    @property
    def topbar_actions(self) -> list[NavAction]:
        """Return topbar action declarations in registration order."""
        return [action for d in self._state.legacy.values() for action in d.topbar_actions]

    @property
    def global_actions(self) -> list[NavAction]:
        """Return global action declarations in registration order."""
        return [action for d in self._state.legacy.values() for action in d.actions]


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


# The single instance: lives in process memory, filled by cabinet.py modules.
cabinet_registry = CabinetRegistry()

_V2_ONLY = ("topbar", "sidebar", "shortcuts", "settings_url", "dashboard_widgets")
_V1_EXTRA = ("topbar_actions", "actions")


def declare(
    module: str,
    space: str | None = None,
    topbar: TopbarEntry | None = None,
    sidebar: list[SidebarItem] | None = None,
    shortcuts: list[Shortcut] | None = None,
    settings_url: str | None = None,
    dashboard_widgets: WidgetsArg = None,
    section: CabinetSection | None = None,
    dashboard_widget: DashboardWidget | str | None = None,
    **kwargs: Any,
) -> None:
    """Public API for ``cabinet.py`` in feature apps. Analogous to ``admin.site.register()``.

    **Two-space API** (``space`` given)::

        declare(
            module="booking",
            space="staff",
            topbar=TopbarEntry(group="services", label="Booking", icon="bi-calendar", url="booking:home"),
            sidebar=[SidebarItem(label="Schedule", url="booking:schedule", icon="bi-calendar3")],
            shortcuts=[Shortcut(label="New", url="booking:new", icon="bi-plus")],
            dashboard_widgets=["booking/widgets/upcoming.html"],
            settings_url="booking:settings",
        )

    **Legacy API** (``space`` omitted; emits ``DeprecationWarning``)::

        declare(module="booking", section=CabinetSection(label="Booking", icon="bi-calendar"))

    Declaring the same ``space`` + ``module`` again **merges** with the earlier
    call: what the later call leaves out is kept, its sidebar items, shortcuts
    and widgets are added (an equal item is not added twice), and a topbar or
    settings URL different from the one already declared raises
    ``ImproperlyConfigured`` (``cabinet_registry.unregister(space, module)``
    first replaces). So the topbar may come from one call and the dashboard
    widgets from another::

        declare(module="booking", space="staff", topbar=TopbarEntry(...))
        declare(module="booking", space="staff", dashboard_widgets=["booking/widgets/today.html"])

    A v1 ``declare(module, section=...)`` again replaces the earlier one.

    Args:
        module: Django app name or feature identifier; also matched against the
            URL namespace to find the active module.
        space: ``"staff"`` or ``"client"``; selects the two-space API.
        topbar: Topbar dropdown entry (staff only).
        sidebar: Sidebar items for this space + module.
        shortcuts: Topbar shortcuts for this module.
        settings_url: Path or route name of the module's settings page.
        dashboard_widgets: A list of :class:`DashboardWidget` / template names,
            a single widget or a single template name. A template name becomes
            ``DashboardWidget(template=name)`` (``nav_group="admin"``); for the
            client dashboard pass ``DashboardWidget(..., nav_group="client")``.
        section: Legacy :class:`CabinetSection` (v1 only).
        dashboard_widget: Legacy single widget (v1); with ``space`` it is an
            alias of ``dashboard_widgets``.
        **kwargs: v1 only: ``topbar_actions`` and ``actions`` (lists of :class:`NavAction`).

    Raises:
        ImproperlyConfigured: for an unknown space, a wrong argument type, a
            v1/v2 argument mix or a second, different topbar/settings_url for
            the same space + module, with the fix in the message.
    """
    where = f"declare(module={module!r})"
    if space is not None:
        where = f"declare(module={module!r}, space={space!r})"
        if section is not None:
            raise ImproperlyConfigured(
                f"{where}: section= belongs to the legacy API; use topbar=TopbarEntry(...) with space=."
            )
        if kwargs:
            raise ImproperlyConfigured(
                f"{where}: unexpected arguments {', '.join(sorted(kwargs))}; "
                "topbar_actions/actions belong to the legacy API (declare without space=)."
            )
        if dashboard_widget is not None:
            if dashboard_widgets is not None:
                raise ImproperlyConfigured(f"{where}: pass dashboard_widgets or dashboard_widget, not both.")
            dashboard_widgets = dashboard_widget
        cabinet_registry.register_v2(
            module=module,
            space=space,
            topbar=topbar,
            sidebar=sidebar,
            shortcuts=shortcuts,
            dashboard_widgets=dashboard_widgets,
            settings_url=settings_url,
        )
        return

    given = {
        "topbar": topbar,
        "sidebar": sidebar,
        "shortcuts": shortcuts,
        "settings_url": settings_url,
        "dashboard_widgets": dashboard_widgets,
    }
    v2_arguments = [name for name in _V2_ONLY if given[name] is not None]
    if v2_arguments:
        raise ImproperlyConfigured(
            f"{where}: {', '.join(v2_arguments)} need space='staff' or space='client'."
        )
    unknown = sorted(set(kwargs) - set(_V1_EXTRA))
    if unknown:
        raise ImproperlyConfigured(f"{where}: unexpected arguments {', '.join(unknown)}.")
    warnings.warn(
        f"{where} without space= uses the deprecated v1 API; declare(module=..., space='staff', "
        "topbar=TopbarEntry(...), sidebar=[...]) replaces it.",
        DeprecationWarning,
        stacklevel=2,
    )
    cabinet_registry.register(
        module_name=module,
        section=section,
        dashboard_widget=dashboard_widget,
        topbar_actions=kwargs.get("topbar_actions"),
        actions=kwargs.get("actions"),
    )


def configure_space(space: str, label: str | Promise | None = None, icon: str | None = None) -> None:
    """Configure space-wide metadata (branding label and icon).

    Example::

        configure_space(
            space="staff",
            label=_("Admin Panel"),
            icon="bi-shield-lock",
        )
    """
    _check_space(space, "configure_space()")
    cabinet_registry.register_branding(space=space, label=label, icon=icon)
