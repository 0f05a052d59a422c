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

import warnings
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise

# The nav and widget types stay importable from here, as from the single module this package
# replaced (``from codex_django.cabinet.registry import SidebarItem`` keeps working).
from ..types.nav import Shortcut as Shortcut
from ..types.nav import SidebarItem as SidebarItem
from ..types.nav import TopbarEntry as TopbarEntry
from ..types.registry import CabinetSection as CabinetSection
from ..types.registry import DashboardWidget as DashboardWidget
from ..types.registry import NavAction as NavAction
from .declarations import SPACES, WidgetsArg, _check_space
from .store import DEFAULT_BRANDING as DEFAULT_BRANDING
from .store import CabinetRegistry, cabinet_registry

__all__ = ["SPACES", "CabinetRegistry", "cabinet_registry", "configure_space", "declare"]

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
