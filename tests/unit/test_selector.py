"""DashboardSelector registration and context merging, without Redis (everything computed live)."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured

from codex_django.cabinet.selector.dashboard import (
    DashboardAdapter,
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


@pytest.fixture(autouse=True)
def empty_selector() -> Iterator[None]:
    with no_providers():
        yield


def first_stats(request: Any) -> dict[str, Any]:
    return {"stats": 1}


class TestExtend:
    def test_bare_decorator_uses_the_function_name(self) -> None:
        @DashboardSelector.extend
        def booking_kpi(request: Any) -> dict[str, Any]:
            return {"kpi": 5}

        provider = DashboardSelector.providers()[0]
        assert (provider.cache_key, provider.cache_ttl, provider.scope) == ("booking_kpi", 120, "global")
        assert booking_kpi(None) == {"kpi": 5}  # the decorator returns the function itself

    def test_decorator_with_arguments(self) -> None:
        @DashboardSelector.extend(cache_key="base_stats", cache_ttl=300, scope="user")
        def stats(request: Any) -> dict[str, Any]:
            return {}

        provider = DashboardSelector.providers()[0]
        assert (provider.cache_key, provider.cache_ttl, provider.scope) == ("base_stats", 300, "user")

    def test_plain_call(self) -> None:
        assert DashboardSelector.extend(first_stats, cache_ttl=0) is first_stats
        provider = DashboardSelector.providers()[0]
        assert (provider.cache_key, provider.cached) == ("first_stats", False)

    def test_adapter_class_defaults_to_the_class_name(self) -> None:
        @DashboardSelector.extend
        class NewClients(MetricAdapter):
            def get_payload(self, request: Any) -> MetricWidgetData:
                return MetricWidgetData(label="New clients", value="7")

        provider = DashboardSelector.providers()[0]
        assert provider.cache_key == "NewClients"
        assert provider.adapter

    def test_duplicate_key_from_another_function_is_an_error(self) -> None:
        DashboardSelector.extend(first_stats, cache_key="stats")

        def other(request: Any) -> dict[str, Any]:
            return {}

        with pytest.raises(ImproperlyConfigured) as error:
            DashboardSelector.extend(other, cache_key="stats")
        assert str(error.value) == (
            "DashboardSelector.extend: cache_key 'stats' is already registered by "
            f"{__name__}.first_stats; pass another cache_key= for "
            f"{__name__}.TestExtend.test_duplicate_key_from_another_function_is_an_error"
            ".<locals>.other, or call DashboardSelector.unregister('stats') first."
        )

    def test_registering_the_same_function_again_replaces_it(self) -> None:
        DashboardSelector.extend(first_stats, cache_key="stats", cache_ttl=60)
        DashboardSelector.extend(first_stats, cache_key="stats", cache_ttl=30)  # a re-imported module
        assert [(p.cache_key, p.cache_ttl) for p in DashboardSelector.providers()] == [("stats", 30)]

    @pytest.mark.parametrize("ttl", [-1, 1.5, "60", True])
    def test_bad_ttl(self, ttl: Any) -> None:
        with pytest.raises(ImproperlyConfigured, match="cache_ttl is a whole number of seconds"):
            DashboardSelector.extend(first_stats, cache_ttl=ttl)

    @pytest.mark.parametrize("key", ["has space", "a:b", "star*", "ключ"])
    def test_bad_cache_key(self, key: str) -> None:
        with pytest.raises(ImproperlyConfigured) as error:
            DashboardSelector.extend(first_stats, cache_key=key)
        assert str(error.value) == (
            "DashboardSelector.extend: cache_key must be letters, digits, '_', '.' or '-' "
            f"such as 'booking_kpi' (got {key!r})."
        )

    def test_bad_scope(self) -> None:
        with pytest.raises(ImproperlyConfigured, match="scope must be 'global', 'user' or 'permissions'"):
            DashboardSelector.extend(first_stats, scope="team")

    def test_not_a_provider(self) -> None:
        with pytest.raises(ImproperlyConfigured, match="a provider is a function"):
            DashboardSelector.extend(42)  # type: ignore[call-overload]

    def test_unregister(self) -> None:
        DashboardSelector.extend(first_stats)
        DashboardSelector.unregister("first_stats")
        assert DashboardSelector.providers() == []
        with pytest.raises(KeyError, match="no dashboard provider 'first_stats'"):
            DashboardSelector.unregister("first_stats")


class TestGetContextWithoutRedis:
    def test_functions_merge_and_adapters_nest_under_their_key(self, settings: Any) -> None:
        settings.CODEX_CABINET = {}  # no REDIS_URL: computed live
        metric = MetricWidgetData(label="Revenue", value="12 000", unit="₽")
        table = TableWidgetData(columns=[TableColumn(key="n", label="N")], rows=[{"n": 1}])
        listing = ListWidgetData(items=[ListItem(label="Anna", value="3")])

        DashboardSelector.extend(first_stats, cache_ttl=0)

        @DashboardSelector.extend(cache_key="revenue")
        class Revenue(MetricAdapter):
            def get_payload(self, request: Any) -> MetricWidgetData:
                return metric

        @DashboardSelector.extend(cache_key="latest")
        class Latest(TableAdapter):
            def get_payload(self, request: Any) -> TableWidgetData:
                return table

        @DashboardSelector.extend(cache_key="top")
        class Top(ListAdapter):
            def get_payload(self, request: Any) -> ListWidgetData:
                return listing

        context = DashboardSelector.get_context(make_request())
        assert context == {
            "stats": 1,
            "revenue": {"metric": metric},
            "latest": {"table": table},
            "top": {"list": listing},
            # ...and merged, under the names the widget templates read (one adapter of each kind)
            "metric": metric,
            "table": table,
            "list": listing,
        }

    def test_lazy_providers_only_when_asked(self) -> None:
        DashboardSelector.extend(first_stats, lazy=True)
        assert DashboardSelector.get_context(make_request()) == {}
        assert DashboardSelector.get_context(make_request(), include_lazy=True) == {"stats": 1}

    def test_a_provider_must_return_a_dict(self) -> None:
        @DashboardSelector.extend(cache_ttl=0)
        def broken(request: Any) -> Any:
            return [1, 2]

        with pytest.raises(
            TypeError, match=r"dashboard provider 'broken' \(.*broken\) must return a dict, got list"
        ):
            DashboardSelector.get_context(make_request())

    def test_an_adapter_must_return_its_payload_type(self) -> None:
        @DashboardSelector.extend(cache_ttl=0)
        class Wrong(MetricAdapter):
            def get_payload(self, request: Any) -> Any:
                return {"label": "x"}

        with pytest.raises(TypeError) as error:
            DashboardSelector.get_context(make_request())
        assert str(error.value) == "Wrong.get_payload() must return a MetricWidgetData, got dict"

    def test_custom_adapter(self) -> None:
        @DashboardSelector.extend(cache_ttl=0)
        class Custom(DashboardAdapter):
            def get_data(self, request: Any) -> dict[str, Any]:
                return {"anything": [1]}

        assert DashboardSelector.get_context(make_request()) == {
            "Custom": {"anything": [1]},
            "anything": [1],
        }
