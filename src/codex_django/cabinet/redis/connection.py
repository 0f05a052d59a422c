"""The Redis clients the cabinet uses: one server, a Redis Cluster or a Sentinel-watched master.

The URL in ``CODEX_CABINET["REDIS_URL"]`` (or the top-level ``REDIS_URL``) picks
redis-py's client (:mod:`.urls` lists the forms):

* ``redis://``, ``rediss://``, ``unix://``: ``redis.Redis`` on a connection pool;
* ``redis+cluster://host:port,…``: ``redis.cluster.RedisCluster``, which routes
  each key to the node owning its slot and follows ``MOVED``/``ASK`` itself;
* ``redis+sentinel://host:port,…/service``: ``Sentinel(…).master_for(service)``,
  whose pool asks the sentinels for the master's address and, after a failover,
  drops the connections to the old master and connects to the new one.

Sync code shares **one client per process** (per URL and timeout, so
``override_settings`` in tests gets its own): :func:`get_client`. No client
retries: a failed call fails fast and the caller carries on without the cache
(see :mod:`.health`); the next call after the breaker's interval reconnects
(a cluster client refreshes its slot map, a sentinel client asks for the
master again). Socket and connect timeouts come from
``CODEX_CABINET["REDIS_SOCKET_TIMEOUT"]`` (0.25 s by default), so a Redis that
hangs costs a request at most that long per round trip.

Async code uses :func:`async_client`, a short-lived ``redis.asyncio`` client of
the same kind closed on exit: an asyncio pool is bound to the event loop that
created it, so sharing one across loops is not safe.

A URL the cabinet cannot use raises ``ImproperlyConfigured`` here, and
``manage.py check`` reports it first (``cabinet.E009``).
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator, Awaitable, Callable
from contextlib import asynccontextmanager
from typing import Any, TypeAlias

import redis
import redis.asyncio
import redis.asyncio.cluster
import redis.asyncio.retry
import redis.asyncio.sentinel
import redis.cluster
import redis.sentinel
from django.core.exceptions import ImproperlyConfigured
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..conf import cabinet_setting, redis_enabled, redis_url
from .urls import RedisTarget, masked, parse_redis_url

__all__ = [
    "REDIS_ERRORS",
    "SyncClient",
    "async_client",
    "get_client",
    "is_cluster",
    "reset_clients",
    "target",
]

# What a Redis call may raise when the server is down, slow or confused. A cluster
# client raises RedisClusterException (not a RedisError) when no node answers.
REDIS_ERRORS: tuple[type[BaseException], ...] = (
    redis.RedisError,
    redis.exceptions.RedisClusterException,
    OSError,
)

SyncClient: TypeAlias = redis.Redis | redis.cluster.RedisCluster

_clients: dict[tuple[str, float], tuple[SyncClient, list[Callable[[], Any]]]] = {}
_lock = threading.Lock()


def _options() -> dict[str, Any]:
    timeout = float(cabinet_setting("REDIS_SOCKET_TIMEOUT"))
    return {
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        "health_check_interval": 0,
    }


def target() -> RedisTarget | None:
    """The parsed Redis URL in force, None when Redis is off; ``ImproperlyConfigured`` if unusable."""
    if not redis_enabled():
        return None
    url = redis_url()
    assert url is not None  # redis_enabled() implies a URL
    try:
        return parse_redis_url(url)
    except ValueError as error:
        raise ImproperlyConfigured(f"The Redis URL {masked(url)!r} cannot be used: {error}") from None


def _credentials(parsed: RedisTarget) -> dict[str, Any]:
    found = {"username": parsed.username, "password": parsed.password}
    return {name: value for name, value in found.items() if value is not None}


def _sentinel_options(parsed: RedisTarget, options: dict[str, Any], retry: Any) -> dict[str, Any]:
    """How the cabinet talks to the sentinels themselves: same timeouts, no retry, their password."""
    sentinel = {name: options[name] for name in ("socket_timeout", "socket_connect_timeout")}
    sentinel["retry"] = retry
    if parsed.sentinel_password is not None:
        sentinel["password"] = parsed.sentinel_password
    if parsed.ssl:
        sentinel["ssl"] = True
    return sentinel


def _build(parsed: RedisTarget) -> tuple[SyncClient, list[Callable[[], Any]]]:
    """A sync client for ``parsed`` and what closes its connections."""
    options = _options()
    no_retry = Retry(NoBackoff(), 0)
    if parsed.kind == "single":
        pool = redis.ConnectionPool.from_url(parsed.url, retry=no_retry, **options)
        return redis.Redis(connection_pool=pool), [pool.disconnect]
    if parsed.kind == "cluster":
        # Connects to a startup node at once (CLUSTER SLOTS): raises when none answers.
        cluster = redis.cluster.RedisCluster(
            startup_nodes=[redis.cluster.ClusterNode(host, port) for host, port in parsed.nodes],
            retry=no_retry,
            ssl=parsed.ssl,
            **_credentials(parsed),
            **options,
        )
        return cluster, [cluster.close]
    sentinel = redis.sentinel.Sentinel(
        list(parsed.nodes), sentinel_kwargs=_sentinel_options(parsed, options, no_retry)
    )
    master = sentinel.master_for(
        parsed.service_name,
        db=parsed.db,
        ssl=parsed.ssl,
        retry=no_retry,
        **_credentials(parsed),
        **options,
    )
    closers: list[Callable[[], Any]] = [master.connection_pool.disconnect]
    closers += [watcher.connection_pool.disconnect for watcher in sentinel.sentinels]
    return master, closers


def get_client() -> SyncClient | None:
    """The shared client for the configured Redis, or None when Redis is off.

    A cluster client is built on first use by asking a startup node for the
    slot map, so this raises one of :data:`REDIS_ERRORS` when no node answers
    (callers treat that as Redis being down and ask again later).
    """
    parsed = target()
    if parsed is None:
        return None
    key = (parsed.url, float(cabinet_setting("REDIS_SOCKET_TIMEOUT")))
    entry = _clients.get(key)
    if entry is None:
        with _lock:
            entry = _clients.get(key)
            if entry is None:
                entry = _clients[key] = _build(parsed)
    return entry[0]


def is_cluster(client: Any) -> bool:
    """True for a Redis Cluster client (sync or async): no multi-key commands across slots."""
    return isinstance(client, redis.cluster.RedisCluster | redis.asyncio.cluster.RedisCluster)


def reset_clients() -> None:
    """Close every shared connection (tests, or after a fork without re-exec)."""
    with _lock:
        for _client, closers in _clients.values():
            for close in closers:
                close()
        _clients.clear()


def _build_async(parsed: RedisTarget) -> tuple[Any, list[Callable[[], Awaitable[Any]]]]:
    """An asyncio client for ``parsed`` and the coroutines that close it."""
    options = _options()
    no_retry = redis.asyncio.retry.Retry(NoBackoff(), 0)
    if parsed.kind == "single":
        client = redis.asyncio.Redis.from_url(parsed.url, retry=no_retry, **options)
        return client, [client.aclose]
    if parsed.kind == "cluster":
        cluster = redis.asyncio.cluster.RedisCluster(
            startup_nodes=[redis.asyncio.cluster.ClusterNode(host, port) for host, port in parsed.nodes],
            retry=no_retry,
            ssl=parsed.ssl,
            **_credentials(parsed),
            **options,
        )
        return cluster, [cluster.aclose]
    sentinel = redis.asyncio.sentinel.Sentinel(
        list(parsed.nodes), sentinel_kwargs=_sentinel_options(parsed, options, no_retry)
    )
    master = sentinel.master_for(
        parsed.service_name,
        db=parsed.db,
        ssl=parsed.ssl,
        retry=no_retry,
        **_credentials(parsed),
        **options,
    )
    return master, [master.aclose, *(watcher.aclose for watcher in sentinel.sentinels)]


@asynccontextmanager
async def async_client() -> AsyncIterator[Any]:
    """``async with async_client() as client``: a client (None when Redis is off), closed on exit.

    The client is ``redis.asyncio.Redis`` for one server or a Sentinel master,
    ``redis.asyncio.cluster.RedisCluster`` for a cluster.
    """
    parsed = target()
    if parsed is None:
        yield None
        return
    client, closers = _build_async(parsed)
    try:
        yield client
    finally:
        for close in closers:
            await close()
