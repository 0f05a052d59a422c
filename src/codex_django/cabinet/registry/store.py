"""The registry itself: declarations kept in process memory, read on every request."""

from __future__ import annotations

import re

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from ..types.fields import check_url
from ..types.nav import TOPBAR_GROUPS, Shortcut, SidebarItem, TopbarEntry
from ..types.registry import CabinetSection, DashboardWidget, NavAction
from .declarations import (
    LegacyDeclaration,
    ModuleDeclaration,
    RegistryState,
    WidgetsArg,
    _by_order,
    _check_module,
    _check_nav_group,
    _check_space,
    _items,
    _merge,
    _widgets,
)

# Shown when a project does not call configure_space().
DEFAULT_BRANDING: dict[str, dict[str, str | Promise]] = {
    "staff": {"label": _("Cabinet"), "icon": "bi-grid-1x2"},
    "client": {"label": _("My cabinet"), "icon": "bi-person-circle"},
}


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


# The single instance: lives in process memory, filled by cabinet.py modules.
cabinet_registry = CabinetRegistry()
