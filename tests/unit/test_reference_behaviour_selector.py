"""DashboardSelector and its adapters as the API reference describes them (issue 13).

The reference's text, section "Dashboard selector":

* ``DashboardAdapter``: "Adapters are responsible for fetching and formatting
  data for specific widget types before the selector merges them into the
  template context."
* ``MetricAdapter.get_data``: "Wrap metric payloads under the metric key"
  (``TableAdapter``: "table key", ``ListAdapter``: "list key").
* ``extend(fn_or_adapter=None, *, cache_key='', cache_ttl=120)``.

So the built-in widget templates find their payload under the name they read
(``cabinet/widgets/kpi.html`` reads ``metric``, ``table.html`` ``table``,
``list.html`` ``list``). Without Redis here: every provider runs live.
"""

from __future__ import annotations

from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.template import Context, Template

from codex_django.cabinet.selector.dashboard import (
    DashboardSelector,
    ListAdapter,
    MetricAdapter,
    TableAdapter,
)
from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)
from tests.unit.selector_support import make_request, no_providers

REVENUE = MetricWidgetData(label="Revenue", value="12 500", unit="₽", trend_direction="up")
LATEST = TableWidgetData(
    columns=[TableColumn(key="name", label="Client"), TableColumn(key="amount", label="Amount")],
    rows=[{"name": "Anna S.", "amount": "1 200 ₽"}],
)
TOP = ListWidgetData(title="Top clients", items=[ListItem(label="Ivan P.", value="12 000 ₽")])


@pytest.fixture(autouse=True)
def empty_selector(settings: Any) -> Iterator[None]:
    settings.CODEX_CABINET = {}  # no REDIS_URL: computed live
    with no_providers():
        yield


def render(template: str, context: dict[str, Any]) -> str:
    return Template(template).render(Context(context))


def revenue(request: Any) -> MetricWidgetData:
    return REVENUE


def latest(request: Any) -> TableWidgetData:
    return LATEST


class TestExtendByKeyword:
    def test_a_function_by_keyword(self) -> None:
        def base_stats(request: Any) -> dict[str, Any]:
            return {"dashboard_stats": {"visits": 3}}

        assert DashboardSelector.extend(fn_or_adapter=base_stats, cache_key="base_stats") is base_stats
        provider = DashboardSelector.providers()[0]
        assert (provider.cache_key, provider.cache_ttl) == ("base_stats", 120)
        assert DashboardSelector.get_context(make_request()) == {"dashboard_stats": {"visits": 3}}

    def test_an_adapter_by_keyword(self) -> None:
        adapter = MetricAdapter(revenue)
        assert DashboardSelector.extend(fn_or_adapter=adapter, cache_key="revenue", cache_ttl=300) is adapter
        assert DashboardSelector.get_context(make_request())["metric"] == REVENUE


class TestAdaptersAsTheReferenceShowsThem:
    def test_an_adapter_wraps_a_provider_function(self) -> None:
        assert MetricAdapter(revenue).get_data(make_request()) == {"metric": REVENUE}
        assert TableAdapter(latest).get_data(make_request()) == {"table": LATEST}
        assert ListAdapter(lambda request: TOP).get_data(make_request()) == {"list": TOP}

    def test_an_adapter_instance_is_keyed_by_its_function_name(self) -> None:
        DashboardSelector.extend(MetricAdapter(revenue))
        DashboardSelector.extend(TableAdapter(latest))
        assert [p.cache_key for p in DashboardSelector.providers()] == ["revenue", "latest"]

    def test_a_subclass_that_overrides_get_data(self) -> None:
        @DashboardSelector.extend(cache_key="revenue", cache_ttl=300)
        class Revenue(MetricAdapter):
            def get_data(self, request: Any) -> dict[str, Any]:
                return {"metric": REVENUE}

        context = DashboardSelector.get_context(make_request())
        assert context["metric"] == REVENUE

    def test_a_subclass_that_implements_get_payload(self) -> None:
        @DashboardSelector.extend(cache_key="top", cache_ttl=300)
        class Top(ListAdapter):
            def get_payload(self, request: Any) -> ListWidgetData:
                return TOP

        assert DashboardSelector.get_context(make_request())["list"] == TOP

    def test_an_adapter_with_no_data_is_refused_at_registration(self) -> None:
        with pytest.raises(ImproperlyConfigured) as raised:

            @DashboardSelector.extend(cache_key="empty")
            class Empty(MetricAdapter):
                pass

        assert str(raised.value) == (
            "DashboardSelector.extend: Empty (a MetricAdapter) has no data: pass the function that "
            "returns its MetricWidgetData (MetricAdapter(function)), or implement "
            "get_payload(self, request) or get_data(self, request)."
        )


class TestThePayloadReachesTheWidgetTemplate:
    def test_kpi_table_and_list_templates_find_their_payload(self) -> None:
        DashboardSelector.extend(MetricAdapter(revenue), cache_key="revenue")
        DashboardSelector.extend(TableAdapter(latest), cache_key="latest")
        DashboardSelector.extend(ListAdapter(lambda request: TOP), cache_key="top")
        context = DashboardSelector.get_context(make_request())

        kpi = render('{% include "cabinet/widgets/kpi.html" %}', context)
        assert "Revenue" in kpi and "12 500" in kpi
        table = render('{% include "cabinet/widgets/table.html" %}', context)
        assert "Anna S." in table and "1 200 ₽" in table
        listing = render('{% include "cabinet/widgets/list.html" %}', context)
        assert "Top clients" in listing and "Ivan P." in listing

    def test_each_adapter_is_still_under_its_cache_key(self) -> None:
        # Our addition (documented in selector/context.py): two KPIs on one dashboard stay apart.
        DashboardSelector.extend(MetricAdapter(revenue), cache_key="revenue")
        context = DashboardSelector.get_context(make_request())
        assert context["revenue"] == {"metric": REVENUE}
        html = render('{% include "cabinet/widgets/kpi.html" with metric=revenue.metric %}', context)
        assert "12 500" in html

    def test_two_metric_adapters_make_the_bare_name_an_error_that_says_what_to_do(self) -> None:
        DashboardSelector.extend(MetricAdapter(revenue), cache_key="revenue")
        DashboardSelector.extend(
            MetricAdapter(lambda request: MetricWidgetData(label="Visits", value="7")), cache_key="visits"
        )
        context = DashboardSelector.get_context(make_request())
        assert context["visits"]["metric"].value == "7"  # each one under its cache_key
        with pytest.raises(ImproperlyConfigured) as raised:
            render('{% include "cabinet/widgets/kpi.html" %}', context)
        # (django-components adds the template line that read it, below the message)
        assert str(raised.value).startswith(
            "The dashboard context has 2 'metric' payloads (providers 'revenue', 'visits'), so "
            "'metric' alone names none of them. Read one by its cache key in the widget's "
            'template: {% include "cabinet/widgets/kpi.html" with metric=revenue.metric %}.'
        )

    def test_a_function_provider_keeps_its_own_names(self) -> None:
        @DashboardSelector.extend(cache_ttl=0)
        def headline(request: Any) -> dict[str, Any]:
            return {"metric": REVENUE, "dashboard_stats": {"visits": 3}}

        assert DashboardSelector.get_context(make_request()) == {
            "metric": REVENUE,
            "dashboard_stats": {"visits": 3},
        }


class TestDecimalLikeTheCache:
    def test_a_cached_provider_gives_decimals_as_text_even_without_redis(self) -> None:
        # The reference: the dashboard cache converts Decimal to str. Computed live (no Redis)
        # the value has the same type, so a page does not change between the first and second visit.
        @DashboardSelector.extend(cache_key="totals", cache_ttl=300)
        def totals(request: Any) -> dict[str, Any]:
            return {"revenue_total": Decimal("2500.00"), "rows": [{"sum": Decimal("1.5")}]}

        assert DashboardSelector.get_context(make_request()) == {
            "revenue_total": "2500.00",
            "rows": [{"sum": "1.5"}],
        }

    def test_a_real_time_provider_is_not_touched(self) -> None:
        @DashboardSelector.extend(cache_key="live", cache_ttl=0)
        def live(request: Any) -> dict[str, Any]:
            return {"revenue_total": Decimal("2500.00")}

        assert DashboardSelector.get_context(make_request()) == {"revenue_total": Decimal("2500.00")}
