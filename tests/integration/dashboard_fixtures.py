"""Shared set-up for the dashboard and access tests: widgets, providers and users."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.contrib.auth.models import Permission, User

from codex_django.cabinet.registry import cabinet_registry, declare
from codex_django.cabinet.selector.dashboard import DashboardSelector, ListAdapter, MetricAdapter
from codex_django.cabinet.types.registry import DashboardWidget
from codex_django.cabinet.types.widgets import ListItem, ListWidgetData, MetricWidgetData

WIDGETS = [
    DashboardWidget(template="dashboard_tests/counter.html", col="col-12", order=2),
    DashboardWidget(template="dashboard_tests/revenue.html", col="col-lg-4", order=1),
    DashboardWidget(template="dashboard_tests/slow_list.html", col="col-lg-8", lazy=True, order=3),
    DashboardWidget(template="dashboard_tests/secret.html", permissions=("auth.view_user",), order=0),
    DashboardWidget(template="testapp/widgets/pending.html", nav_group="services", order=1),
]
LAZY_SECRET = DashboardWidget(
    template="dashboard_tests/secret.html", lazy=True, nav_group="services", permissions=("auth.view_user",)
)

RUNS: dict[str, int] = {}


def _run(key: str) -> int:
    RUNS[key] = RUNS.get(key, 0) + 1
    return RUNS[key]


def counter(request: Any) -> dict[str, Any]:
    return {"counter_value": _run("counter")}


def secret(request: Any) -> dict[str, Any]:
    return {"secret_value": "42"}


class Revenue(MetricAdapter):
    def get_payload(self, request: Any) -> MetricWidgetData:
        _run("revenue")
        return MetricWidgetData(label="Revenue", value="12 500", unit="₽", trend_direction="up")


class SlowClients(ListAdapter):
    def get_payload(self, request: Any) -> ListWidgetData:
        _run("slow_clients")
        return ListWidgetData(title="Top clients", items=[ListItem(label="Anna <b>S</b>", value="8 500")])


@pytest.fixture
def dashboard() -> Iterator[None]:
    """A registry with only :data:`WIDGETS` and a selector with only the providers above."""
    registry_state = cabinet_registry.snapshot()
    selector_state = DashboardSelector.snapshot()
    cabinet_registry.clear()
    DashboardSelector.restore({})
    RUNS.clear()
    declare(module="dashtest", space="staff", dashboard_widgets=[*WIDGETS, LAZY_SECRET])
    DashboardSelector.extend(counter, cache_ttl=60)
    DashboardSelector.extend(secret, cache_ttl=0)
    DashboardSelector.extend(Revenue, cache_key="revenue", cache_ttl=60)
    DashboardSelector.extend(SlowClients, cache_key="slow_clients", cache_ttl=60, lazy=True)
    try:
        yield
    finally:
        cabinet_registry.restore(registry_state)
        DashboardSelector.restore(selector_state)


def make_user(username: str, *, staff: bool = False, perms: tuple[str, ...] = ()) -> User:
    user = User.objects.create_user(username, password="pw", is_staff=staff)
    for code in perms:
        app_label, codename = code.split(".")
        user.user_permissions.add(
            Permission.objects.get(content_type__app_label=app_label, codename=codename)
        )
    return user
