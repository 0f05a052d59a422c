"""DashboardRedisManager and CabinetSettingsRedisManager against a real Redis server."""

from __future__ import annotations

import datetime as dt
import json
import logging
import uuid
from decimal import Decimal
from typing import Any

import pytest
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.redis import CabinetSettingsRedisManager, DashboardRedisManager
from codex_django.cabinet.redis.connection import get_client
from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)
from tests.integration.conftest import RedisServer, command_delta, run_async

pytestmark = pytest.mark.redis

MOSCOW = dt.timezone(dt.timedelta(hours=3))


def rich_value() -> dict[str, Any]:
    return {
        "amount": Decimal("12500.50"),
        "day": dt.date(2026, 4, 1),
        "at": dt.datetime(2026, 4, 1, 10, 30, tzinfo=MOSCOW),
        "opens": dt.time(9, 0),
        "slot": dt.timedelta(minutes=45),
        "id": uuid.UUID("12345678-1234-5678-1234-567812345678"),
        "pair": (1, "two"),
        "nested": [{"x": Decimal("1.10")}, None, True, 1.5],
        "__cab__": "a user key that looks like our tag",
        "metric": MetricWidgetData(label=_("Revenue"), value="12 500", unit="₽", trend_direction="up"),
        "table": TableWidgetData(
            columns=[
                TableColumn(key="name", label="Client"),
                TableColumn(key="sum", label="Sum", align="right"),
            ],
            rows=[{"name": "Anna", "sum": Decimal("3500.00")}],
        ),
        "list": ListWidgetData(items=[ListItem(label="Ivan Petrov", value="5", avatar="IP")], title="Top"),
    }


class TestDashboardManager:
    def test_values_come_back_as_the_same_types(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        value = rich_value()
        manager.set("booking_kpi", value, ttl=60)
        restored = manager.get("booking_kpi")
        assert restored == {
            **value,
            # The reference: "Decimal converted to str" (inside a contract a Decimal stays one, below).
            "amount": "12500.50",
            "nested": [{"x": "1.10"}, None, True, 1.5],
            "metric": MetricWidgetData(label="Revenue", value="12 500", unit="₽", trend_direction="up"),
        }
        assert type(restored["pair"]) is tuple
        assert restored["at"].utcoffset() == dt.timedelta(hours=3)
        assert isinstance(restored["table"].columns[0], TableColumn)
        assert restored["table"].rows[0]["sum"] == Decimal("3500.00")

    def test_stored_as_readable_json_under_the_documented_key(self, cabinet_redis: RedisServer) -> None:
        DashboardRedisManager().set("booking_kpi", {"amount": Decimal("1.50")}, ttl=60)
        with cabinet_redis.client() as client:
            assert client.keys("*") == [b"cabinet-tests:cabinet:dashboard:booking_kpi"]
            raw = client.get("cabinet-tests:cabinet:dashboard:booking_kpi")
            assert 60 < client.ttl("cabinet-tests:cabinet:dashboard:booking_kpi") <= 120  # ttl + stale grace
        assert json.loads(raw)["d"] == {"amount": "1.50"}

    def test_miss_and_expiry(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        assert manager.get("nothing") is None
        manager.set("short", {"a": 1}, ttl=0)  # already expired: kept only as a stale value
        assert manager.get("short") is None
        assert manager.read_many(["short"]) == [manager.unpack(manager.pack({"a": 1}, ttl=0))]

    def test_uncacheable_data_is_not_stored(
        self, cabinet_redis: RedisServer, caplog: pytest.LogCaptureFixture
    ) -> None:
        manager = DashboardRedisManager()
        with caplog.at_level(logging.ERROR, logger="codex_django.cabinet.redis"):
            manager.set("odd", {"when": object()}, ttl=60)
        assert manager.get("odd") is None
        assert (
            "Dashboard provider 'odd' returned data that cannot be cached: cannot cache a value of type object"
            in (caplog.text)
        )

    @pytest.mark.parametrize(
        "raw",
        [
            b"not json",
            b'{"e": 9999999999, "d": {"__cab__": "decimal", "v": "abc"}}',
            b'{"e": 9999999999, "d": {"__cab__": "contract", "c": "os:system", "v": {}}}',
            b'{"e": 9999999999, "d": {"__cab__": "contract", "c": "never.imported:Thing", "v": {}}}',
            b'{"e": 9999999999, "d": {"__cab__": "contract", '
            b'"c": "codex_django.cabinet.types.widgets:MetricWidgetData", "v": {"label": 1}}}',
            b"[1, 2]",
        ],
    )
    def test_garbage_reads_as_a_miss(
        self, cabinet_redis: RedisServer, caplog: pytest.LogCaptureFixture, raw: bytes
    ) -> None:
        with cabinet_redis.client() as client:
            client.set("cabinet-tests:cabinet:dashboard:kpi", raw)
        with caplog.at_level(logging.WARNING, logger="codex_django.cabinet.redis"):
            assert DashboardRedisManager().get("kpi") is None
        assert "Unreadable dashboard cache 'kpi'" in caplog.text

    def test_invalidate_removes_every_scope_of_one_provider(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        for key in ("kpi", "kpi:user:1", "kpi:perms:abc", "kpi2", "other"):
            manager.set(key, {"k": key}, ttl=60)
        manager.invalidate("kpi")
        with cabinet_redis.client() as client:
            left = sorted(key.decode().rsplit(":", 1)[-1] for key in client.keys("*"))
        assert left == ["kpi2", "other"]

    def test_invalidate_all_scans_only_dashboard_keys(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        for index in range(1200):  # more than one SCAN batch
            manager.set(f"p{index}", {"i": index}, ttl=60)
        with cabinet_redis.client() as client:
            client.set("other-project:cabinet:dashboard:p1", "keep")
            client.hset("cabinet-tests:cabinet:settings", "cabinet_name", '"keep"')
            before = cabinet_redis.command_calls()
            manager.invalidate_all()
            delta = command_delta(before, cabinet_redis.command_calls())
            assert sorted(key.decode() for key in client.keys("*")) == [
                "cabinet-tests:cabinet:settings",
                "other-project:cabinet:dashboard:p1",
            ]
        assert "keys" not in delta and delta["scan"] >= 1

    def test_async_twins(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()

        async def scenario() -> list[Any]:
            await manager.aset("kpi", {"amount": Decimal("2.5")}, ttl=60)
            await manager.aset("kpi:user:7", {"mine": True}, ttl=60)
            await manager.aset("other", {"x": 1}, ttl=60)
            seen = [await manager.aget("kpi"), await manager.aget("missing")]
            await manager.ainvalidate("kpi")
            seen += [await manager.aget("kpi"), await manager.aget("kpi:user:7"), await manager.aget("other")]
            await manager.ainvalidate_all()
            seen.append(await manager.aget("other"))
            return seen

        assert run_async(scenario()) == [{"amount": "2.5"}, None, None, None, {"x": 1}, None]
        assert manager.get("other") is None  # the async writes reach the same Redis as the sync client

    def test_one_pooled_client(self, cabinet_redis: RedisServer) -> None:
        manager = DashboardRedisManager()
        assert get_client() is get_client()
        manager.get("warm-up")
        cabinet_redis.reads()  # the inspection connection exists before counting
        with cabinet_redis.client() as client:
            before = client.info("stats")["total_connections_received"]
            for index in range(200):
                manager.set(f"k{index}", {"i": index}, ttl=60)
                manager.get(f"k{index}")
            after = client.info("stats")["total_connections_received"]
        assert after == before  # 400 calls, no new connection


class SettingsSource:
    def __init__(self, values: dict[str, Any]) -> None:
        self.values = values

    def to_cabinet_dict(self) -> dict[str, Any]:
        return self.values


class TestSettingsManager:
    VALUES = {
        "cabinet_name": "Salon Studio",
        "logo": "cabinet/logo.png",
        "theme_overrides": {"primary": "#2563eb"},
        "updated_at": dt.datetime(2026, 4, 1, 10, 30, tzinfo=dt.UTC),
    }

    def test_typed_values_in_one_hash_written_in_one_transaction(self, cabinet_redis: RedisServer) -> None:
        manager = CabinetSettingsRedisManager()
        before = cabinet_redis.command_calls()
        manager.save_instance(SettingsSource(self.VALUES))
        delta = command_delta(before, cabinet_redis.command_calls())
        assert delta == {"multi": 1, "del": 1, "hset": 1, "exec": 1}
        assert manager.get() == self.VALUES
        with cabinet_redis.client() as client:
            assert client.type("cabinet-tests:cabinet:settings") == b"hash"
            assert client.hget("cabinet-tests:cabinet:settings", "cabinet_name") == b'"Salon Studio"'

    def test_invalidate(self, cabinet_redis: RedisServer) -> None:
        manager = CabinetSettingsRedisManager()
        manager.save_instance(SettingsSource(self.VALUES))
        manager.invalidate()
        assert manager.get() == {}

    def test_saving_replaces_fields_that_are_gone(self, cabinet_redis: RedisServer) -> None:
        manager = CabinetSettingsRedisManager()
        manager.save_instance(SettingsSource({**self.VALUES, "retired": 1}))
        manager.save_instance(SettingsSource(self.VALUES))
        assert "retired" not in manager.get()

    def test_garbage_reads_as_empty(
        self, cabinet_redis: RedisServer, caplog: pytest.LogCaptureFixture
    ) -> None:
        with cabinet_redis.client() as client:
            client.hset("cabinet-tests:cabinet:settings", mapping={"cabinet_name": "{oops"})
        with caplog.at_level(logging.WARNING, logger="codex_django.cabinet.redis"):
            assert CabinetSettingsRedisManager().get() == {}
        assert "Ignoring the unreadable cabinet settings cache (cabinet_name: not JSON" in caplog.text

    def test_async_twins(self, cabinet_redis: RedisServer) -> None:
        manager = CabinetSettingsRedisManager()

        async def scenario() -> list[dict[str, Any]]:
            await manager.asave_instance(SettingsSource(self.VALUES))
            first = await manager.aget()
            await manager.ainvalidate()
            return [first, await manager.aget()]

        assert run_async(scenario()) == [self.VALUES, {}]


class TestWhenRedisIsUsed:
    def test_debug_skips_redis_unless_enabled(self, cabinet_redis: RedisServer, settings: Any) -> None:
        settings.DEBUG = True
        manager = DashboardRedisManager()
        before = cabinet_redis.command_calls()
        manager.set("kpi", {"a": 1}, ttl=60)
        assert manager.get("kpi") is None
        assert CabinetSettingsRedisManager().get() == {}
        assert command_delta(before, cabinet_redis.command_calls()) == {}

        settings.CODEX_REDIS_ENABLED = True
        manager.set("kpi", {"a": 1}, ttl=60)
        assert manager.get("kpi") == {"a": 1}

    def test_no_url_means_no_redis(self, settings: Any) -> None:
        settings.CODEX_CABINET = {}
        settings.REDIS_URL = None
        assert get_client() is None
        assert DashboardRedisManager().get("kpi") is None
        assert run_async(DashboardRedisManager().aget("kpi")) is None
