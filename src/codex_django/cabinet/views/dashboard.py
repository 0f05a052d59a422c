"""Views for the main cabinet dashboard shell.

``dashboard_view`` renders the widgets of one nav group (``?group=services``);
lazy widgets render a placeholder that fetches ``dashboard_widget_view`` over
HTMX once on screen. Both are staff-space views and check each widget's
permissions; both answer HTMX requests with partials and send
``Vary: HX-Request`` so caches keep the two answers apart.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import PermissionDenied
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.cache import patch_vary_headers
from django.views.decorators.http import require_GET

from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.navigation.menus import UserPermissions

from ..selector.dashboard import DashboardSelector
from .dashboard_layout import DashboardItem, find_widget, group_tabs, staff_widgets

__all__ = ["dashboard_view", "dashboard_widget_view"]


def _is_htmx(request: HttpRequest) -> bool:
    return bool(getattr(request, "htmx", False))


def _respond(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


@require_GET
@space_required("staff")
def dashboard_view(request: HttpRequest) -> HttpResponse:
    """Render the dashboard page with aggregated provider context.

    Widgets come from the registry, filtered by the user's permissions and
    the active nav group, in order. The providers' data is in the context
    whether or not a widget is declared (a project's own
    ``cabinet/dashboard/index.html`` may read it directly, as the reference's
    ``dashboard_stats`` example does); providers registered with ``lazy=True``
    run only for their widget's endpoint.
    """
    widgets = staff_widgets(request)
    active, tabs = group_tabs(widgets, request.GET.get("group", ""))
    items = [DashboardItem.of(widget) for widget in widgets if widget.nav_group == active]
    data = DashboardSelector.get_context(request)
    context = {
        **data,
        "cabinet_dashboard_items": items,
        "cabinet_dashboard_groups": tabs,
        "cabinet_dashboard_group": active,
    }
    template = "cabinet/dashboard/_panel.html" if _is_htmx(request) else "cabinet/dashboard/index.html"
    return _respond(request, template, context)


@require_GET
@space_required("staff")
def dashboard_widget_view(request: HttpRequest, widget_id: str) -> HttpResponse:
    """One widget with its data (lazy and non-lazy providers): the lazy placeholder's endpoint."""
    widget = find_widget(widget_id)
    if widget is None:
        raise Http404("No such dashboard widget.")
    if not UserPermissions(request.user).allows(widget.permissions):
        raise PermissionDenied("You may not see this dashboard widget.")
    item = DashboardItem.of(widget, eager=True)
    data = DashboardSelector.get_context(request, include_lazy=True)
    if _is_htmx(request):
        return _respond(request, "cabinet/dashboard/_widget.html", {**data, "item": item})
    context = {**data, "cabinet_dashboard_items": [item], "cabinet_dashboard_groups": []}
    return _respond(request, "cabinet/dashboard/index.html", context)
