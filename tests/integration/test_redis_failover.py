"""Fail-open: Redis stopped, paused or holding garbage never breaks a page; recovery needs no restart."""

from __future__ import annotations

import logging
import threading
from collections.abc import Iterator
from typing import Any

import pytest
import redis
from django.core.management import call_command
from django.test import Client

from codex_django.cabinet.redis import DashboardRedisManager, health
from tests.integration.conftest import RedisServer, command_delta
from tests.integration.dashboard_fixtures import RUNS, dashboard, make_user  # noqa: F401
from tests.waiting import wait_for

pytestmark = [
    pytest.mark.django_db,
    pytest.mark.redis,
    pytest.mark.usefixtures("dashboard"),
    pytest.mark.urls("tests.dashboard_urls"),
]

REDIS_LOGGER = "codex_django.cabinet.redis"


@pytest.fixture(autouse=True)
def forget_outages() -> Iterator[None]:
    """Tests here break Redis on purpose: leave no outage state to the next test."""
    yield
    health.reset()


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(make_user("staff", staff=True))
    return client


def counter_on_page(client: Client) -> str:
    response = client.get("/cabinet/")
    assert response.status_code == 200
    html = response.content.decode()
    start = html.index('id="counter">') + len('id="counter">')
    return html[start : html.index("<", start)]


def retry_allowed() -> bool:
    """The breaker's retry interval is over: the next call tries Redis again."""
    return not health.skip()


def answers(server: RedisServer) -> bool:
    """Redis answers a PING at once (a ``CLIENT PAUSE`` is over)."""
    try:
        with redis.Redis(unix_socket_path=str(server.socket), socket_timeout=0.05) as probe:
            return bool(probe.ping())
    except redis.TimeoutError:
        return False


def warnings_in(caplog: pytest.LogCaptureFixture) -> list[str]:
    return [r.getMessage() for r in caplog.records if r.name == REDIS_LOGGER and r.levelno == logging.WARNING]


def test_killing_redis_keeps_pages_up_and_recovery_needs_no_restart(
    staff: Client, cabinet_redis: RedisServer, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.INFO, logger=REDIS_LOGGER)
    assert counter_on_page(staff) == "1"
    assert counter_on_page(staff) == "1"  # cached

    cabinet_redis.stop()
    assert [counter_on_page(staff) for _ in range(3)] == ["2", "3", "4"]  # computed live, pages at 200
    assert len(warnings_in(caplog)) == 1  # once per outage, not per request
    assert warnings_in(caplog)[0].startswith("Redis is unavailable (")

    cabinet_redis.start()  # a new, empty server on the same socket; the app is not restarted
    wait_for(retry_allowed, "the breaker's retry interval (50 ms in tests, 1 s by default) to pass")
    assert counter_on_page(staff) == "5"  # recomputed and written back
    assert counter_on_page(staff) == "5"  # the cache is used again
    assert "Redis is reachable again; the cabinet cache is back in use." in caplog.text
    assert len(warnings_in(caplog)) == 1


def test_a_hanging_redis_costs_one_socket_timeout_then_is_skipped(
    staff: Client,
    cabinet_redis: RedisServer,
    settings: Any,
    caplog: pytest.LogCaptureFixture,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    settings.CODEX_CABINET = {**settings.CODEX_CABINET, "REDIS_SOCKET_TIMEOUT": 0.2}
    monkeypatch.setattr(health, "retry_after", 1.0)
    assert counter_on_page(staff) == "1"
    failures: list[str] = []
    real_failed = health.failed

    def counting_failed(action: str, error: BaseException) -> None:
        failures.append(type(error).__name__)
        real_failed(action, error)

    # A spy, not a mock: the real breaker still runs; we count the timeouts it records.
    monkeypatch.setattr(health, "failed", counting_failed)
    with cabinet_redis.client() as client:
        client.execute_command("CLIENT", "PAUSE", "1500", "ALL")
    assert counter_on_page(staff) == "2"
    assert failures == ["TimeoutError"]  # one timeout; the page's other Redis reads are skipped
    assert counter_on_page(staff) == "3"
    assert failures == ["TimeoutError"]  # within the retry interval: Redis is not even tried
    assert len(warnings_in(caplog)) == 1
    wait_for(lambda: retry_allowed() and answers(cabinet_redis), "the pause and the retry interval to end")
    assert counter_on_page(staff) == "1"  # the value cached before the pause is served again


def test_garbage_in_the_cache_is_recomputed_and_replaced(staff: Client, cabinet_redis: RedisServer) -> None:
    with cabinet_redis.client() as client:
        client.set(
            "cabinet-tests:cabinet:dashboard:counter:lang:en", b"\x80 not json"
        )  # USE_I18N: per language
    assert counter_on_page(staff) == "1"
    assert DashboardRedisManager().get("counter:lang:en") == {"counter_value": 1}
    assert counter_on_page(staff) == "1"


def test_unreachable_redis_at_start_crashes_nothing(
    staff: Client, settings: Any, tmp_path: Any, caplog: pytest.LogCaptureFixture
) -> None:
    settings.CODEX_CABINET = {"REDIS_URL": f"unix://{tmp_path}/nothing.sock"}
    call_command("check")  # system checks run without Redis
    assert counter_on_page(staff) == "1"
    assert counter_on_page(staff) == "2"
    assert staff.get("/cabinet/settings/").status_code in {403}  # staff without permission; no 500
    assert len(warnings_in(caplog)) == 1


def test_concurrent_requests_during_an_outage(staff: Client, cabinet_redis: RedisServer) -> None:
    """Threads computing live while Redis is gone all succeed (no shared broken connection)."""
    from django.contrib.auth.models import AnonymousUser
    from django.test import RequestFactory

    from codex_django.cabinet.selector.dashboard import DashboardSelector

    cabinet_redis.stop()
    results: list[Any] = []

    def work() -> None:
        request = RequestFactory().get("/cabinet/")
        request.user = AnonymousUser()
        results.append(DashboardSelector.get_context(request))

    threads = [threading.Thread(target=work) for _ in range(10)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert len(results) == 10 and all("counter_value" in result for result in results)
    cabinet_redis.start()
    wait_for(retry_allowed, "the breaker's retry interval to pass")
    before = cabinet_redis.command_calls()
    work()
    assert "mget" in command_delta(before, cabinet_redis.command_calls())
