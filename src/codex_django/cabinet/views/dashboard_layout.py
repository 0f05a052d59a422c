"""Which dashboard widgets a user sees, in which tab, and how each is addressed.

The registry holds every declared :class:`DashboardWidget`. The staff dashboard
shows those of the ``admin`` and ``services`` groups the user has a permission
for (OR semantics, like the navigation), one group at a time, in ``order``.
Each widget gets a stable id (a hash of its declaration) that its lazy
endpoint uses, so the endpoint can find it again and check the same
permissions.
"""

from __future__ import annotations

import dataclasses
import hashlib

from django.http import HttpRequest
from django.urls import reverse
from django.utils.functional import Promise
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.navigation.menus import UserPermissions

from ..registry import cabinet_registry
from ..types.registry import DashboardWidget

__all__ = ["STAFF_GROUPS", "DashboardItem", "GroupTab", "find_widget", "staff_widgets", "widget_id"]

# Dashboard tabs of the staff space, in display order, with their labels.
STAFF_GROUPS: dict[str, str | Promise] = {"admin": _("Management"), "services": _("Services")}


def widget_id(widget: DashboardWidget) -> str:
    """A short id that stays the same across processes for the same declaration."""
    text = "|".join(
        [widget.template, widget.nav_group, str(widget.order), widget.col, ",".join(widget.permissions)]
    )
    return hashlib.sha256(text.encode()).hexdigest()[:12]


@dataclasses.dataclass(frozen=True)
class DashboardItem:
    """One widget as the dashboard template renders it."""

    widget: DashboardWidget
    id: str
    url: str  # the lazy endpoint
    lazy: bool

    @classmethod
    def of(cls, widget: DashboardWidget, *, eager: bool = False) -> DashboardItem:
        ident = widget_id(widget)
        url = reverse("cabinet:dashboard_widget", args=[ident])
        return cls(widget=widget, id=ident, url=url, lazy=widget.lazy and not eager)


@dataclasses.dataclass(frozen=True)
class GroupTab:
    """A dashboard tab (nav group) link."""

    name: str
    label: str | Promise
    url: str
    active: bool


def staff_widgets(request: HttpRequest) -> list[DashboardWidget]:
    """Staff-space widgets ``request.user`` may see, in order."""
    permissions = UserPermissions(request.user)
    return [
        widget
        for widget in cabinet_registry.dashboard_widgets
        if widget.nav_group in STAFF_GROUPS and permissions.allows(widget.permissions)
    ]


def group_tabs(widgets: list[DashboardWidget], requested: str) -> tuple[str | None, list[GroupTab]]:
    """The active group (the requested one if it has widgets, else the first) and the tab links."""
    names = [name for name in STAFF_GROUPS if any(widget.nav_group == name for widget in widgets)]
    active = requested if requested in names else (names[0] if names else None)
    base = reverse("cabinet:dashboard")
    tabs = [
        GroupTab(
            name=name,
            label=STAFF_GROUPS[name],
            url=f"{base}?{urlencode({'group': name})}",
            active=name == active,
        )
        for name in names
    ]
    return active, tabs


def find_widget(ident: str) -> DashboardWidget | None:
    """The staff-space widget with this id (permissions not checked here)."""
    for widget in cabinet_registry.dashboard_widgets:
        if widget.nav_group in STAFF_GROUPS and widget_id(widget) == ident:
            return widget
    return None
