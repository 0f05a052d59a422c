"""The cabinet on a Redis Cluster of three masters (``redis+cluster://`` URL, redis-py's RedisCluster).

The dashboard reads many keys at once, which a single ``MGET`` cannot do on a
cluster (``CROSSSLOT``): these tests show the dashboard cached, the settings
hash, locks and invalidation working with keys spread over the nodes, under
the documented names, sync and async, without one Redis warning.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from codex_django.cabinet.models import CabinetSettings
from codex_django.cabinet.redis import CabinetSettingsRedisManager, DashboardRedisManager, health
from codex_django.cabinet.redis.connection import reset_clients
from codex_django.cabinet.selector.dashboard import DashboardSelector
from tests.integration.conftest import run_async
from tests.integration.dashboard_fixtures import RUNS, dashboard, make_user  # noqa: F401
from tests.integration.redis_topologies import (  # noqa: F401
    ClusterServers,
    cabinet_cluster_fixture,
    free_port,
    redis_cluster_fixture,
    wait_until,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.usefixtures("dashboard"),
    pytest.mark.urls("tests.dashboard_urls"),
]

REDIS_LOGGER = "codex_django.cabinet.redis"
EXTRA = [f"extra_{index}" for index in range(12)]  # enough keys to land on every node


def provider(name: str) -> Callable[[Any], dict[str, Any]]:
    def compute(request: Any) -> dict[str, Any]:
        RUNS[name] = RUNS.get(name, 0) + 1
        return {name: RUNS[name]}

    compute.__name__ = name
    compute.__qualname__ = name
    return compute


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(make_user("staff", staff=True))
    return client


@pytest.fixture
def many_providers(dashboard: None) -> None:  # noqa: F811 (after the dashboard fixture's reset)
    for name in EXTRA:
        DashboardSelector.extend(provider(name), cache_ttl=60)


def counter_on_page(client: Client) -> str:
    response = client.get("/cabinet/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="counter">') + len('id="counter">')
    return html[start : html.index("<", start)]


def redis_warnings(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == REDIS_LOGGER and r.levelno >= logging.WARNING]


@pytest.mark.usefixtures("many_providers")
def test_the_dashboard_is_cached_with_its_keys_spread_over_the_nodes(
    staff: Client, cabinet_cluster: ClusterServers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    assert counter_on_page(staff) == "1"  # cold: every provider computed, locked and written back
    assert [counter_on_page(staff) for _ in range(3)] == ["1", "1", "1"]  # warm: read from the cluster
    assert all(RUNS[name] == 1 for name in EXTRA)
    assert redis_warnings(caplog) == []

    per_node = cabinet_cluster.keys_by_node()
    dashboard_keys = {key for keys in per_node for key in keys if ":cabinet:dashboard:" in key}
    assert {key.split(":")[3] for key in dashboard_keys} == {"counter", "revenue", *EXTRA}
    assert all(key.startswith("cabinet-tests:cabinet:dashboard:") for key in dashboard_keys)  # as documented
    assert sum(1 for keys in per_node if keys & dashboard_keys) == 3  # on every node: no hash tag
    assert not any("dashboard-lock" in key for keys in per_node for key in keys)  # locks released


@pytest.mark.usefixtures("many_providers")
def test_warm_page_is_one_round_trip_to_each_node(staff: Client, cabinet_cluster: ClusterServers) -> None:
    """A GET per cached provider plus the settings HGETALL, in one pipeline: each node reads once."""
    counter_on_page(staff)
    inspectors = [node.client() for node in cabinet_cluster.nodes]

    def snapshot() -> list[tuple[int, dict[str, int]]]:
        """Per node: socket reads so far (this INFO included), then calls per command."""
        taken = []
        for client in inspectors:
            reads = int(client.info("stats")["total_reads_processed"])
            stats = client.info("commandstats")
            taken.append(
                (reads, {name.removeprefix("cmdstat_"): int(v["calls"]) for name, v in stats.items()})
            )
        return taken

    before = snapshot()
    counter_on_page(staff)
    after = snapshot()
    for client in inspectors:
        client.close()
    # Between the two snapshots each node read: the first snapshot's commandstats INFO,
    # the page's pipeline, and the second snapshot's stats INFO.
    assert [b[0] - a[0] - 2 for a, b in zip(before, after, strict=True)] == [1, 1, 1]
    delta: dict[str, int] = {}
    for (_, calls_before), (_, calls_after) in zip(before, after, strict=True):
        for name, calls in calls_after.items():
            delta[name] = delta.get(name, 0) + calls - calls_before.get(name, 0)
    assert delta["get"] == 2 + len(EXTRA)  # one GET per cached provider: counter, revenue, extras
    assert delta["hgetall"] == 1  # the settings hash, in the same pipeline
    assert not delta.get("mget") and not delta.get("set")


def test_settings_saved_through_the_model_are_read_back(
    staff: Client, cabinet_cluster: ClusterServers, django_capture_on_commit_callbacks: Any
) -> None:
    with django_capture_on_commit_callbacks(execute=True):
        CabinetSettings.objects.create(pk=1, cabinet_name="Cluster Salon")
    assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Cluster Salon"
    CabinetSettings.objects.filter(pk=1).update(cabinet_name="Only in the database")  # no sync to Redis
    assert staff.get("/settings-probe/").content.decode().count("Cluster Salon") == 4  # read from the cluster
    with cabinet_cluster.client() as client:
        assert client.type("cabinet-tests:cabinet:settings") == b"hash"  # the documented key
    CabinetSettingsRedisManager().invalidate()
    assert CabinetSettingsRedisManager().get() == {}
    assert staff.get("/settings-probe/").content.decode().count("Only in the database") == 4  # a miss
    assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Only in the database"  # written back


def test_managers_sync_and_async(cabinet_cluster: ClusterServers, caplog: pytest.LogCaptureFixture) -> None:
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    manager = DashboardRedisManager()
    for name in EXTRA:
        manager.set(name, {"value": name}, ttl=60)
        manager.set(f"{name}:user:7", {"value": "scoped"}, ttl=60)
    entries = manager.read_many(EXTRA)
    assert entries is not None and [entry.data["value"] for entry in entries if entry] == EXTRA
    manager.invalidate(EXTRA[0])  # the key and its scopes, wherever they live
    assert manager.get(EXTRA[0]) is None and manager.get(f"{EXTRA[0]}:user:7") is None
    manager.delete(EXTRA[1:3])  # one DEL across slots
    assert manager.get(EXTRA[1]) is None and manager.get(EXTRA[3]) == {"value": EXTRA[3]}
    manager.invalidate_all()  # SCAN on every primary
    assert all(manager.get(name) is None for name in EXTRA)

    settings_manager = CabinetSettingsRedisManager()

    class Source:
        def to_cabinet_dict(self) -> dict[str, Any]:
            return {"cabinet_name": "Async", "theme_overrides": {"brand": "#0f766e"}}

    async def scenario() -> list[Any]:
        await manager.aset("async_one", {"n": 1}, ttl=60)
        await manager.aset("async_two", {"n": 2}, ttl=60)
        got = [await manager.aget("async_one"), await manager.aget("async_two")]
        await manager.ainvalidate("async_one")
        got.append(await manager.aget("async_one"))
        await manager.ainvalidate_all()
        got.append(await manager.aget("async_two"))
        await settings_manager.asave_instance(Source())
        got.append(await settings_manager.aget())
        await settings_manager.ainvalidate()
        got.append(await settings_manager.aget())
        return got

    assert run_async(scenario()) == [
        {"n": 1},
        {"n": 2},
        None,
        None,
        {"cabinet_name": "Async", "theme_overrides": {"brand": "#0f766e"}},
        {},
    ]
    assert redis_warnings(caplog) == []


def test_a_node_down_keeps_pages_up_and_its_return_needs_no_restart(
    staff: Client, cabinet_cluster: ClusterServers, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    assert counter_on_page(staff) == "1"
    node = cabinet_cluster.nodes[2]
    node.stop()
    try:
        pages = [counter_on_page(staff) for _ in range(3)]  # each 200 (asserted inside), computed live
        assert pages == ["2", "3", "4"]
        assert len([m for m in redis_warnings(caplog) if m.startswith("Redis is unavailable")]) == 1
    finally:
        node.start()  # same port and nodes.conf: it rejoins with its slots
        for each in cabinet_cluster.nodes:
            wait_until(lambda each=each: cabinet_cluster.ready(each), "the cluster to heal")
    # The cabinet finds the healed cluster by itself (the restarted node kept no data, as started
    # here): the dashboard is cached again, so two pages in a row show the same value.
    seen = [counter_on_page(staff)]

    def cached_again() -> bool:
        seen.append(counter_on_page(staff))
        return seen[-1] == seen[-2]

    wait_until(cached_again, "the dashboard to be cached again")
    assert "Redis is reachable again" in caplog.text


@pytest.mark.parametrize("scheme", ["redis+cluster://{address}", "redis+sentinel://{address}/cabinet"])
def test_nothing_answering_the_url_keeps_pages_up(
    staff: Client, settings: Any, scheme: str, caplog: pytest.LogCaptureFixture
) -> None:
    """No node (or no sentinel) answers: the client cannot even be built, and pages still answer."""
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    settings.CODEX_CABINET = {
        **settings.CODEX_CABINET,
        "REDIS_URL": scheme.format(address=f"127.0.0.1:{free_port()}"),
    }
    reset_clients()
    health.reset()
    try:
        assert [counter_on_page(staff) for _ in range(2)] == ["1", "2"]  # computed live, each 200
        assert DashboardRedisManager().get("counter") is None
        assert run_async(DashboardRedisManager().aget("counter")) is None
        assert len([m for m in redis_warnings(caplog) if m.startswith("Redis is unavailable")]) == 1
    finally:
        reset_clients()
        health.reset()
