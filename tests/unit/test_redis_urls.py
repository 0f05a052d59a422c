"""The Redis URL forms (one server, ``redis+cluster://``, ``redis+sentinel://``) and their system check."""

from __future__ import annotations

from typing import Any

import pytest
import redis
import redis.sentinel
from django.core.checks import Error
from django.core.exceptions import ImproperlyConfigured

from codex_django.cabinet.conf import checks
from codex_django.cabinet.redis.connection import get_client, reset_clients
from codex_django.cabinet.redis.urls import RedisTarget, masked, parse_redis_url


@pytest.mark.parametrize(
    ("url", "expected"),
    [
        ("redis://localhost:6379/1", RedisTarget("single", "redis://localhost:6379/1")),
        ("unix:///run/redis.sock", RedisTarget("single", "unix:///run/redis.sock")),
        (
            "redis+cluster://10.0.0.1:7000,10.0.0.2:7001",
            RedisTarget(
                "cluster",
                "redis+cluster://10.0.0.1:7000,10.0.0.2:7001",
                (("10.0.0.1", 7000), ("10.0.0.2", 7001)),
            ),
        ),
        (
            "rediss+cluster://app:s%40cret@redis-1/",
            RedisTarget(
                "cluster",
                "rediss+cluster://app:s%40cret@redis-1/",
                (("redis-1", 6379),),
                username="app",
                password="s@cret",
                ssl=True,
            ),
        ),
        (
            "redis+sentinel://:pw@s1,[::1]:26380/main/2?sentinel_password=spw",
            RedisTarget(
                "sentinel",
                "redis+sentinel://:pw@s1,[::1]:26380/main/2?sentinel_password=spw",
                (("s1", 26379), ("::1", 26380)),
                service_name="main",
                db=2,
                password="pw",
                sentinel_password="spw",
            ),
        ),
    ],
)
def test_url_forms(url: str, expected: RedisTarget) -> None:
    assert parse_redis_url(url) == expected


@pytest.mark.parametrize(
    ("url", "message"),
    [
        ("redis+sentinel://s1:26379", "it names no master: add the service name as its path"),
        ("redis+sentinel://s1:26379/main/zero", "the path /main/zero is not /<service name>[/<db number>]"),
        ("redis+cluster://n1:7000/3", "Redis Cluster has only database 0, not /3"),
        (
            "redis+cluster://n1:7000?read_from_replicas=1",
            "unknown query parameter 'read_from_replicas' (it takes none)",
        ),
        ("redis+sentinel://s1/main?sentinel_pasword=x", "unknown query parameter 'sentinel_pasword'"),
        ("redis+cluster://n1:70000", "the port of 'n1:70000' is not a number from 1 to 65535"),
        ("redis+cluster://", "it names no node"),
        ("redis-cluster://n1:7000", "Redis URL must specify one of the following schemes"),
    ],
)
def test_unusable_urls_say_what_is_wrong(url: str, message: str) -> None:
    with pytest.raises(ValueError) as caught:
        parse_redis_url(url)
    assert message in str(caught.value)


def test_passwords_stay_out_of_reprs_and_messages() -> None:
    target = parse_redis_url("redis+sentinel://app:hunter2@s1/main?sentinel_password=other")
    assert "hunter2" not in repr(target) and "other" not in repr(target)
    assert masked("redis+sentinel://app:hunter2@s1/main") == "redis+sentinel://app:***@s1/main"
    assert masked("redis://localhost:6379/0") == "redis://localhost:6379/0"


def test_check_e009_names_the_setting_and_how_to_fix_it(settings: Any) -> None:
    settings.CODEX_CABINET = {"REDIS_URL": "redis+sentinel://app:hunter2@s1:26379"}
    assert checks.check_redis_url() == [
        Error(
            "CODEX_CABINET['REDIS_URL'] = 'redis+sentinel://app:***@s1:26379' cannot be used: it names no "
            "master: add the service name as its path, e.g. "
            "redis+sentinel://sentinel-1:26379,sentinel-2:26379/mymaster",
            hint=checks.REDIS_URL_FORMS,
            id="cabinet.E009",
        )
    ]
    settings.CODEX_CABINET = {}
    settings.REDIS_URL = "redis+cluster://n1:7000/1"
    [error] = checks.check_redis_url()
    assert error.msg.startswith(
        "REDIS_URL = 'redis+cluster://n1:7000/1' cannot be used: Redis Cluster has only"
    )


@pytest.mark.parametrize(
    "url", ["redis://localhost:6379/0", "redis+cluster://n1:7000,n2:7000", "redis+sentinel://s1,s2/main/1"]
)
def test_check_e009_silent_for_usable_urls(settings: Any, url: str) -> None:
    settings.CODEX_CABINET = {"REDIS_URL": url}
    assert checks.check_redis_url() == []


def test_an_unusable_url_at_run_time_is_improperly_configured(settings: Any) -> None:
    settings.CODEX_CABINET = {"REDIS_URL": "redis+cluster://n1:7000/2"}
    with pytest.raises(
        ImproperlyConfigured, match=r"The Redis URL 'redis\+cluster://n1:7000/2' cannot be used"
    ):
        get_client()


def test_a_sentinel_url_gives_a_client_of_the_sentinel_master(settings: Any) -> None:
    settings.CODEX_CABINET = {"REDIS_URL": "redis+sentinel://s1:26379,s2:26380/main/3"}
    client = get_client()
    try:
        assert isinstance(client, redis.Redis)
        pool = client.connection_pool
        assert isinstance(pool, redis.sentinel.SentinelConnectionPool)
        assert pool.service_name == "main" and pool.connection_kwargs["db"] == 3
        assert [s.connection_pool.connection_kwargs["port"] for s in pool.sentinel_manager.sentinels] == [
            26379,
            26380,
        ]
        assert get_client() is client  # one per process
    finally:
        reset_clients()
