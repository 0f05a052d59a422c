"""The dashboard as the API reference describes it, end to end (issue 13).

provider -> ``DashboardSelector`` -> ``dashboard_view`` -> widget on the page,
through Django's test client, with and without a real Redis. From the
reference's text:

* ``dashboard_view``: "Render the dashboard page with aggregated provider
  context" (with or without a declared ``DashboardWidget``);
* ``MetricAdapter.get_data``: "Wrap metric payloads under the metric key"
  (``TableAdapter``: table, ``ListAdapter``: list), which the built-in widget
  templates read;
* ``DashboardRedisManager``: "Supported value types are str, int, float, bool,
  list, dict, and Decimal converted to str."
"""

from __future__ import annotations

import json
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.test import Client

from codex_django.cabinet.redis import DashboardRedisManager
from codex_django.cabinet.registry import cabinet_registry, declare
from codex_django.cabinet.selector.dashboard import (
    DashboardSelector,
    ListAdapter,
    MetricAdapter,
    TableAdapter,
)
from codex_django.cabinet.types.registry import DashboardWidget
from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)
from tests.integration.conftest import RedisServer

pytestmark = [pytest.mark.django_db, pytest.mark.urls("tests.dashboard_urls")]

RUNS: dict[str, int] = {}


def ran(key: str) -> None:
    RUNS[key] = RUNS.get(key, 0) + 1


@pytest.fixture(autouse=True)
def blank_dashboard(settings: Any) -> Iterator[None]:
    """No declared widgets and no providers but the test's own; Redis off unless a test asks."""
    settings.CODEX_CABINET = {}
    registry_state = cabinet_registry.snapshot()
    selector_state = DashboardSelector.snapshot()
    cabinet_registry.clear()
    DashboardSelector.restore({})
    RUNS.clear()
    try:
        yield
    finally:
        cabinet_registry.restore(registry_state)
        DashboardSelector.restore(selector_state)


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(User.objects.create_user("staff", password="pw", is_staff=True))
    return client


def register_reference_widgets() -> None:
    """A sales module as the reference shows it: three adapters, three built-in widget templates."""

    @DashboardSelector.extend(cache_key="revenue", cache_ttl=300)
    class Revenue(MetricAdapter):
        def get_data(self, request: Any) -> dict[str, Any]:
            ran("revenue")
            return {
                "metric": MetricWidgetData(label="Revenue", value="12 500", unit="₽", trend_direction="up")
            }

    def latest_payments(request: Any) -> TableWidgetData:
        ran("latest_payments")
        return TableWidgetData(
            columns=[TableColumn(key="name", label="Client"), TableColumn(key="amount", label="Amount")],
            rows=[{"name": "Anna S.", "amount": "1 200 ₽"}],
        )

    DashboardSelector.extend(fn_or_adapter=TableAdapter(latest_payments), cache_ttl=300)

    @DashboardSelector.extend(cache_key="top_clients", cache_ttl=300)
    class TopClients(ListAdapter):
        def get_payload(self, request: Any) -> ListWidgetData:
            ran("top_clients")
            return ListWidgetData(title="Top clients", items=[ListItem(label="Ivan P.", value="12 000 ₽")])

    declare(
        module="sales",
        space="staff",
        dashboard_widgets=[
            "cabinet/widgets/kpi.html",
            DashboardWidget(template="cabinet/widgets/table.html", col="col-lg-8", order=2),
            DashboardWidget(template="cabinet/widgets/list.html", col="col-lg-4", order=3),
        ],
    )


def assert_reference_widgets_shown(html: str) -> None:
    assert "Revenue" in html and "12 500" in html  # the kpi widget found `metric`
    assert "Anna S." in html and "1 200 ₽" in html  # the table widget found `table`
    assert "Top clients" in html and "Ivan P." in html  # the list widget found `list`


class TestWidgetsFindTheirPayload:
    def test_without_redis(self, staff: Client) -> None:
        register_reference_widgets()
        response = staff.get("/cabinet/")
        assert response.status_code == 200
        assert_reference_widgets_shown(response.content.decode())

    @pytest.mark.redis
    def test_with_redis_cold_then_warm(self, staff: Client, cabinet_redis: RedisServer) -> None:
        register_reference_widgets()
        cold = staff.get("/cabinet/").content.decode()
        warm = staff.get("/cabinet/").content.decode()
        assert_reference_widgets_shown(cold)
        assert_reference_widgets_shown(warm)
        assert RUNS == {"revenue": 1, "latest_payments": 1, "top_clients": 1}  # the second page from Redis

    def test_a_lazy_kpi_widget_loads_its_metric(self, staff: Client) -> None:
        from codex_django.cabinet.views.dashboard_layout import widget_id

        DashboardSelector.extend(
            MetricAdapter(lambda request: MetricWidgetData(label="Visits", value="7")), cache_key="visits"
        )
        widget = DashboardWidget(template="cabinet/widgets/kpi.html", lazy=True)
        declare(module="sales", space="staff", dashboard_widgets=[widget])
        response = staff.get(
            f"/cabinet/dashboard/widgets/{widget_id(widget)}/", headers={"HX-Request": "true"}
        )
        assert response.status_code == 200
        assert "Visits" in response.content.decode()


class TestProvidersRunWithoutDeclaredWidgets:
    def test_the_provider_context_reaches_the_template(self, staff: Client) -> None:
        @DashboardSelector.extend(cache_key="base_stats", cache_ttl=300)
        def base_stats(request: Any) -> dict[str, Any]:
            ran("base_stats")
            return {"dashboard_stats": {"visits": 3}}

        response = staff.get("/cabinet/")
        assert response.status_code == 200
        assert response.context["dashboard_stats"] == {"visits": 3}
        assert RUNS == {"base_stats": 1}

    def test_lazy_providers_still_wait_for_their_widget(self, staff: Client) -> None:
        @DashboardSelector.extend(cache_key="slow", cache_ttl=300, lazy=True)
        def slow(request: Any) -> dict[str, Any]:
            ran("slow")
            return {"slow": 1}

        staff.get("/cabinet/")
        assert RUNS == {}


@pytest.mark.redis
class TestDecimalComesBackAsText:
    def test_the_manager_round_trip(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        manager.set("booking_kpi", {"total": Decimal("2500.00"), "rows": [{"sum": Decimal("1.5")}]}, ttl=60)
        assert manager.get("booking_kpi") == {"total": "2500.00", "rows": [{"sum": "1.5"}]}
        with cabinet_redis.client() as client:
            raw = client.get(manager.key("booking_kpi"))
        assert json.loads(raw)["d"] == {"total": "2500.00", "rows": [{"sum": "1.5"}]}  # readable in redis-cli

    def test_the_page_shows_the_same_value_cold_and_warm(
        self, staff: Client, cabinet_redis: RedisServer
    ) -> None:
        @DashboardSelector.extend(cache_key="totals", cache_ttl=300)
        def totals(request: Any) -> dict[str, Any]:
            ran("totals")
            return {"revenue_total": Decimal("2500.00")}

        cold = staff.get("/cabinet/").context["revenue_total"]
        warm = staff.get("/cabinet/").context["revenue_total"]
        assert cold == warm == "2500.00"
        assert RUNS == {"totals": 1}

    def test_a_contract_keeps_its_decimal_cells(self, cabinet_redis: RedisServer) -> None:
        table = TableWidgetData(
            columns=[TableColumn(key="sum", label="Sum")], rows=[{"sum": Decimal("3500.00")}]
        )
        manager = DashboardRedisManager()
        manager.set("latest", {"table": table}, ttl=60)
        assert manager.get("latest")["table"].rows == [{"sum": Decimal("3500.00")}]
