"""The cabinet behind Redis Sentinel (``redis+sentinel://`` URL, redis-py's Sentinel), failovers included.

A master, its replica and a sentinel are started per test; the URL lists a
sentinel that is not running first, so discovery has to move on. A failover
happens while a thread keeps nothing else busy and the test keeps requesting
the dashboard: every page answers 200 (computed live while the master is
away), and what was cached before the failover (providers, settings) is read
back from the new master afterwards.
"""

from __future__ import annotations

import logging
import threading
from collections.abc import Callable
from typing import Any

import pytest
from django.test import Client

from codex_django.cabinet.models import CabinetSettings
from codex_django.cabinet.redis import CabinetSettingsRedisManager, DashboardRedisManager
from tests.integration.conftest import run_async
from tests.integration.dashboard_fixtures import RUNS, dashboard, make_user  # noqa: F401
from tests.integration.redis_topologies import (  # noqa: F401
    SentinelServers,
    cabinet_sentinel_fixture,
    wait_until,
)

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.usefixtures("dashboard"),
    pytest.mark.urls("tests.dashboard_urls"),
]

REDIS_LOGGER = "codex_django.cabinet.redis"
COUNTER_KEY = "cabinet-tests:cabinet:dashboard:counter"


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(make_user("staff", staff=True))
    return client


def dashboard_page(client: Client) -> tuple[int, str]:
    """The status and the counter provider's number on the dashboard page."""
    response = client.get("/cabinet/")
    html = response.content.decode()
    start = html.index('id="counter">') + len('id="counter">')
    return response.status_code, html[start : html.index("<", start)]


def save_settings(capture: Any, name: str) -> None:
    with capture(execute=True):
        CabinetSettings.objects.update_or_create(pk=1, defaults={"cabinet_name": name})


def on_server(servers: SentinelServers, key: str) -> bool:
    """``key`` (or a language variant of it, ``key:lang:<code>``) is on the current master."""
    with servers.master.client() as client:
        return bool(client.exists(key)) or any(client.scan_iter(match=f"{key}:lang:*"))


def test_pages_settings_and_async_managers_through_the_sentinel(
    staff: Client,
    cabinet_sentinel: SentinelServers,
    django_capture_on_commit_callbacks: Any,
    caplog: pytest.LogCaptureFixture,
) -> None:
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    assert [dashboard_page(staff) for _ in range(3)] == [(200, "1")] * 3  # cached on the master
    assert on_server(cabinet_sentinel, COUNTER_KEY)
    save_settings(django_capture_on_commit_callbacks, "Sentinel Salon")
    assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Sentinel Salon"
    assert on_server(cabinet_sentinel, "cabinet-tests:cabinet:settings")

    async def scenario() -> list[Any]:
        manager = DashboardRedisManager()
        await manager.aset("async_value", {"n": 1}, ttl=60)
        got = [await manager.aget("async_value"), await CabinetSettingsRedisManager().aget()]
        await manager.ainvalidate_all()
        return [*got, await manager.aget("async_value")]

    values = run_async(scenario())
    assert values[0] == {"n": 1} and values[1]["cabinet_name"] == "Sentinel Salon" and values[2] is None
    assert not [r for r in caplog.records if r.name == REDIS_LOGGER and r.levelno >= logging.WARNING]


def failover_mid_run(
    staff: Client, servers: SentinelServers, capture: Any, fail: Callable[[], None]
) -> list[tuple[int, str]]:
    """Warm the cache, fail the master over while requesting pages, return every page seen."""
    assert dashboard_page(staff) == (200, "1")
    save_settings(capture, "Kept Salon")
    assert dashboard_page(staff) == (200, "1")
    wait_until(lambda: servers.synced(servers.master, servers.replica), "the replica to catch up")
    old_master = servers.master.port

    worker = threading.Thread(target=fail)
    worker.start()
    pages = []
    while worker.is_alive():
        pages.append(dashboard_page(staff))
    worker.join()
    assert servers.master_port() != old_master

    # The cabinet finds the new master by itself (no restart): the cached counter is back.
    def cached_again() -> bool:
        pages.append(dashboard_page(staff))
        return pages[-1][1] == "1"

    wait_until(cached_again, "the page to read the cache from the new master")
    return pages


def test_sentinel_failover_mid_run_keeps_pages_up_and_loses_nothing(
    staff: Client, cabinet_sentinel: SentinelServers, django_capture_on_commit_callbacks: Any
) -> None:
    pages = failover_mid_run(
        staff, cabinet_sentinel, django_capture_on_commit_callbacks, cabinet_sentinel.failover
    )
    assert {status for status, _ in pages} == {200}
    assert on_server(cabinet_sentinel, COUNTER_KEY)  # the new master holds what the old one had
    assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Kept Salon"
    assert dashboard_page(staff) == (200, "1")


def test_killed_master_keeps_pages_up_and_loses_nothing(
    staff: Client, cabinet_sentinel: SentinelServers, django_capture_on_commit_callbacks: Any
) -> None:
    pages = failover_mid_run(
        staff, cabinet_sentinel, django_capture_on_commit_callbacks, cabinet_sentinel.kill_master
    )
    assert {status for status, _ in pages} == {200}
    assert len(pages) > 1  # pages were served while the master was gone
    assert CabinetSettingsRedisManager().get()["cabinet_name"] == "Kept Salon"
    assert RUNS["counter"] >= 1 and dashboard_page(staff) == (200, "1")
    # Writes go to the new master: a new provider value is cached there.
    DashboardRedisManager().set("after_failover", {"ok": True}, ttl=60)
    assert on_server(cabinet_sentinel, "cabinet-tests:cabinet:dashboard:after_failover")
