"""The Redis clients the cabinet uses.

Sync code shares **one connection pool per process** (per URL and timeout, so
``override_settings`` in tests gets its own pool): :func:`get_client`. The
client never retries: a failed call fails fast and the caller carries on
without the cache (see :mod:`.health`). Socket and connect timeouts come from
``CODEX_CABINET["REDIS_SOCKET_TIMEOUT"]`` (0.25 s by default), so a Redis that
hangs costs a request at most that long per round trip.

Async code uses :func:`async_client`, a short-lived ``redis.asyncio`` client
closed with ``aclose()`` on exit: an asyncio pool is bound to the event loop
that created it, so sharing one across loops is not safe.
"""

from __future__ import annotations

import threading
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from typing import Any

import redis
import redis.asyncio
from redis.backoff import NoBackoff
from redis.retry import Retry

from ..conf import cabinet_setting, redis_enabled, redis_url

__all__ = ["REDIS_ERRORS", "async_client", "get_client", "reset_clients"]

# What a Redis call may raise when the server is down, slow or confused.
REDIS_ERRORS: tuple[type[BaseException], ...] = (redis.RedisError, OSError)

_clients: dict[tuple[str, float], redis.Redis] = {}
_lock = threading.Lock()


def _options() -> dict[str, Any]:
    timeout = float(cabinet_setting("REDIS_SOCKET_TIMEOUT"))
    return {
        "socket_timeout": timeout,
        "socket_connect_timeout": timeout,
        "retry": Retry(NoBackoff(), 0),
        "health_check_interval": 0,
    }


def get_client() -> redis.Redis | None:
    """The pooled client for the configured Redis, or None when Redis is off."""
    if not redis_enabled():
        return None
    url = redis_url()
    assert url is not None  # redis_enabled() implies a URL
    options = _options()
    key = (url, options["socket_timeout"])
    client = _clients.get(key)
    if client is None:
        with _lock:
            client = _clients.get(key)
            if client is None:
                pool = redis.ConnectionPool.from_url(url, **options)
                client = _clients[key] = redis.Redis(connection_pool=pool)
    return client


def reset_clients() -> None:
    """Close every pooled connection (tests, or after a fork without re-exec)."""
    with _lock:
        for client in _clients.values():
            client.connection_pool.disconnect()
        _clients.clear()


@asynccontextmanager
async def async_client() -> AsyncIterator[redis.asyncio.Redis | None]:
    """``async with async_client() as client``: a client (None when Redis is off), closed on exit."""
    if not redis_enabled():
        yield None
        return
    url = redis_url()
    assert url is not None
    client = redis.asyncio.Redis.from_url(url, **_options())
    try:
        yield client
    finally:
        await client.aclose()
