"""DashboardSelector.get_context against a real Redis: round trips, scopes, concurrent misses."""

from __future__ import annotations

import threading
import time
from collections.abc import Iterator
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import AnonymousUser
from django.test import RequestFactory

from codex_django.cabinet.redis import DashboardRedisManager
from codex_django.cabinet.selector.dashboard import DashboardSelector, MetricAdapter
from codex_django.cabinet.types.widgets import MetricWidgetData
from tests.integration.conftest import RedisServer, command_delta, run_async
from tests.waiting import wait_for

pytestmark = pytest.mark.redis


class Counter:
    """Counts provider runs across threads."""

    def __init__(self) -> None:
        self.calls: dict[str, int] = {}
        self.lock = threading.Lock()

    def hit(self, key: str) -> int:
        with self.lock:
            self.calls[key] = self.calls.get(key, 0) + 1
            return self.calls[key]


class FakeUser:
    """Enough of a user for scopes: no database needed, so threads can share it."""

    is_active = True
    is_authenticated = True
    is_superuser = False

    def __init__(self, pk: int, perms: set[str]) -> None:
        self.pk = pk
        self.perms = perms

    def get_all_permissions(self) -> set[str]:
        return self.perms


def make_request(user: Any = None) -> Any:
    request = RequestFactory().get("/cabinet/")
    request.user = user if user is not None else AnonymousUser()
    return request


@pytest.fixture
def selector() -> Iterator[type[DashboardSelector]]:
    state = DashboardSelector.snapshot()
    DashboardSelector.restore({})
    try:
        yield DashboardSelector
    finally:
        DashboardSelector.restore(state)


def register_counted(counter: Counter, count: int, *, ttl: int = 300, delay: float = 0.0) -> None:
    for index in range(count):
        key = f"p{index}"

        def provider(request: Any, key: str = key) -> dict[str, Any]:
            runs = counter.hit(key)
            time.sleep(delay)
            return {key: {"runs": runs, "amount": Decimal("1.50")}}

        provider.__qualname__ = f"provider_{key}"
        DashboardSelector.extend(provider, cache_key=key, cache_ttl=ttl)


class TestRoundTrips:
    def test_twenty_cached_providers_cost_one_round_trip(
        self, cabinet_redis: RedisServer, selector: Any
    ) -> None:
        counter = Counter()
        register_counted(counter, 20)
        first = selector.get_context(make_request())  # cold: computes and fills the cache
        before, reads = cabinet_redis.command_calls(), cabinet_redis.reads()
        second = selector.get_context(make_request())
        assert cabinet_redis.reads() - reads - 1 == 1  # one round trip...
        # ...carrying the MGET and the settings HGETALL the shell needs anyway.
        assert command_delta(before, cabinet_redis.command_calls()) == {"mget": 1, "hgetall": 1}
        assert second == first
        assert second["p3"] == {"runs": 1, "amount": "1.50"}  # the reference: Decimal converted to str
        assert all(runs == 1 for runs in counter.calls.values()) and len(counter.calls) == 20

    def test_a_cold_cache_reads_locks_and_writes_in_one_round_trip_each(
        self, cabinet_redis: RedisServer, selector: Any
    ) -> None:
        register_counted(Counter(), 20)
        before = cabinet_redis.command_calls()
        selector.get_context(make_request())
        # MGET (+ HGETALL); one pipeline of 20 SET NX PX (locks); one of 20 SET EX + a DEL of the locks.
        assert command_delta(before, cabinet_redis.command_calls()) == {
            "mget": 1,
            "hgetall": 1,
            "set": 40,
            "del": 1,
        }
        with cabinet_redis.client() as client:
            assert client.keys("*dashboard-lock*") == []

    def test_only_misses_are_computed(self, cabinet_redis: RedisServer, selector: Any) -> None:
        counter = Counter()
        register_counted(counter, 5)
        selector.get_context(make_request())
        selector.invalidate("p3")
        context = selector.get_context(make_request())
        assert counter.calls == {"p0": 1, "p1": 1, "p2": 1, "p3": 2, "p4": 1}
        assert context["p3"]["runs"] == 2

    def test_ttl_zero_is_never_cached(self, cabinet_redis: RedisServer, selector: Any) -> None:
        counter = Counter()
        register_counted(counter, 1, ttl=0)
        before = cabinet_redis.command_calls()
        for _ in range(3):
            selector.get_context(make_request())
        assert counter.calls == {"p0": 3}
        assert command_delta(before, cabinet_redis.command_calls()) == {}

    def test_adapters_cache_their_contract(self, cabinet_redis: RedisServer, selector: Any) -> None:
        runs = Counter()

        @selector.extend(cache_key="revenue", cache_ttl=60)
        class Revenue(MetricAdapter):
            def get_payload(self, request: Any) -> MetricWidgetData:
                runs.hit("revenue")
                return MetricWidgetData(label="Revenue", value="12 500", trend_direction="up")

        first = selector.get_context(make_request())
        second = selector.get_context(make_request())
        assert (
            second
            == first
            == {
                "revenue": {
                    "metric": MetricWidgetData(label="Revenue", value="12 500", trend_direction="up")
                },
                "metric": MetricWidgetData(label="Revenue", value="12 500", trend_direction="up"),
            }
        )
        assert runs.calls == {"revenue": 1}

    def test_invalidate_all_and_async_invalidation(self, cabinet_redis: RedisServer, selector: Any) -> None:
        counter = Counter()
        register_counted(counter, 3)
        selector.get_context(make_request())
        selector.invalidate_all()
        selector.get_context(make_request())
        run_async(selector.ainvalidate("p1"))
        selector.get_context(make_request())
        run_async(selector.ainvalidate_all())
        selector.get_context(make_request())
        assert counter.calls == {"p0": 3, "p1": 4, "p2": 3}


class TestScopes:
    def test_user_scope_keeps_users_apart(self, cabinet_redis: RedisServer, selector: Any) -> None:
        @selector.extend(cache_key="mine", scope="user")
        def mine(request: Any) -> dict[str, Any]:
            return {"owner": request.user.pk}

        anna, boris = FakeUser(1, set()), FakeUser(2, set())
        assert selector.get_context(make_request(anna)) == {"owner": 1}
        assert selector.get_context(make_request(boris)) == {"owner": 2}
        assert selector.get_context(make_request(anna)) == {"owner": 1}
        with cabinet_redis.client() as client:
            keys = sorted(key.decode() for key in client.keys("*dashboard:*"))
        assert keys == [
            "cabinet-tests:cabinet:dashboard:mine:user:1:lang:en",  # USE_I18N: per language too
            "cabinet-tests:cabinet:dashboard:mine:user:2:lang:en",
        ]
        selector.invalidate("mine")
        with cabinet_redis.client() as client:
            assert client.keys("*dashboard:*") == []

    def test_each_language_gets_its_own_value_and_invalidation_clears_all(
        self, cabinet_redis: RedisServer, selector: Any, settings: Any
    ) -> None:
        """Lazy labels are translated when the provider runs: one cached value per language."""
        from django.utils import translation
        from django.utils.translation import gettext_lazy

        runs = Counter()

        @selector.extend(cache_key="labels")
        def labels(request: Any) -> dict[str, Any]:
            runs.hit("labels")
            return {"label": str(gettext_lazy("Table"))}

        with translation.override("ru"):
            assert selector.get_context(make_request()) == {"label": "Таблица"}
        with translation.override("en"):
            assert selector.get_context(make_request()) == {"label": "Table"}
            assert selector.get_context(make_request()) == {"label": "Table"}  # cached
        with translation.override("ru"):
            assert selector.get_context(make_request()) == {"label": "Таблица"}  # cached, in Russian
        assert runs.calls == {"labels": 2}
        selector.invalidate("labels")
        with cabinet_redis.client() as client:
            assert client.keys("*dashboard:labels*") == []

        settings.USE_I18N = False  # one language: one key, deleted by name
        selector.get_context(make_request())
        with cabinet_redis.client() as client:
            assert [key.decode() for key in client.keys("*dashboard:labels*")] == [
                "cabinet-tests:cabinet:dashboard:labels"
            ]
        selector.invalidate("labels")
        with cabinet_redis.client() as client:
            assert client.keys("*dashboard:labels*") == []

    def test_permission_scope_shares_between_equal_permission_sets(
        self, cabinet_redis: RedisServer, selector: Any
    ) -> None:
        counter = Counter()

        @selector.extend(cache_key="totals", scope="permissions")
        def totals(request: Any) -> dict[str, Any]:
            counter.hit("totals")
            return {"sees_money": "booking.view_revenue" in request.user.get_all_permissions()}

        manager = FakeUser(1, {"booking.view_revenue", "booking.view_booking"})
        other_manager = FakeUser(2, {"booking.view_booking", "booking.view_revenue"})
        receptionist = FakeUser(3, {"booking.view_booking"})
        assert selector.get_context(make_request(manager)) == {"sees_money": True}
        assert selector.get_context(make_request(receptionist)) == {"sees_money": False}
        assert selector.get_context(make_request(other_manager)) == {"sees_money": True}
        assert counter.calls == {"totals": 2}


def run_together(count: int, work: Any) -> list[Any]:
    barrier = threading.Barrier(count)
    results: list[Any] = [None] * count
    errors: list[BaseException] = []

    def run(index: int) -> None:
        try:
            barrier.wait()
            results[index] = work()
        except BaseException as error:  # pragma: no cover - reported below
            errors.append(error)

    threads = [threading.Thread(target=run, args=(index,)) for index in range(count)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert not errors, errors
    return results


class TestConcurrentMisses:
    def test_fifty_requests_on_a_missing_key_compute_once(
        self, cabinet_redis: RedisServer, selector: Any
    ) -> None:
        counter = Counter()
        register_counted(counter, 1, delay=0.3)
        results = run_together(50, lambda: selector.get_context(make_request()))
        assert counter.calls == {"p0": 1}
        assert all(result == {"p0": {"runs": 1, "amount": "1.50"}} for result in results)

    def test_fifty_requests_on_an_expired_key_compute_once_and_serve_stale(
        self, cabinet_redis: RedisServer, selector: Any
    ) -> None:
        counter = Counter()
        register_counted(counter, 1, ttl=1, delay=0.3)
        selector.get_context(make_request())
        # Past the TTL: the value is stale but still in Redis.
        wait_for(
            lambda: DashboardRedisManager().read_many(["p0:lang:en"])[0].fresh is False,  # type: ignore[index,union-attr]
            "the cached value to go stale (TTL 1 s)",
        )
        results = run_together(50, lambda: selector.get_context(make_request()))
        assert counter.calls == {"p0": 2}
        runs = [result["p0"]["runs"] for result in results]
        assert set(runs) <= {1, 2} and runs.count(1) > 0  # the others served the stale value meanwhile
        assert selector.get_context(make_request())["p0"]["runs"] == 2

    def test_waiting_gives_up_and_computes_live(self, cabinet_redis: RedisServer, selector: Any) -> None:
        counter = Counter()
        register_counted(counter, 1)
        with cabinet_redis.client() as client:  # someone else holds the lock and never finishes
            client.set("cabinet-tests:cabinet:dashboard-lock:p0", "other", px=10_000)
        original = selector.wait_seconds
        selector.wait_seconds = 0.1
        try:
            assert selector.get_context(make_request()) == {"p0": {"runs": 1, "amount": "1.50"}}
        finally:
            selector.wait_seconds = original
        assert DashboardRedisManager().get("p0") is None  # the lock holder will write, not us
