"""What every cabinet Redis manager shares: key prefix, the client, fail-open calls."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any, TypeVar

from ...conf import project_name, redis_enabled
from .. import health
from ..connection import REDIS_ERRORS, SyncClient, get_client

__all__ = ["BaseDjangoRedisManager", "escape_pattern"]

T = TypeVar("T")

_GLOB = str.maketrans({char: f"\\{char}" for char in "*?[]\\"})


def escape_pattern(text: str) -> str:
    """``text`` with Redis glob characters escaped, for ``SCAN MATCH``."""
    return text.translate(_GLOB)


class BaseDjangoRedisManager:
    """Keys under ``{PROJECT_NAME}:cabinet:{namespace}`` and Redis calls that never raise.

    Subclasses set :attr:`namespace`. :meth:`run` executes one call against the
    shared client and returns ``fallback`` when Redis is off, down or slow,
    recording the outage in :mod:`codex_django.cabinet.redis.health`.

    The client may be a Redis Cluster client (see :mod:`..connection`): a
    manager then sends no command whose keys may sit in different hash slots
    (``MGET``, a multi-key ``DEL`` in a pipeline). Keys keep the documented
    format on every topology; no hash tags.
    """

    namespace = ""

    @property
    def prefix(self) -> str:
        """``{PROJECT_NAME}:cabinet:{namespace}``, read per call so settings overrides apply."""
        return f"{project_name()}:cabinet:{self.namespace}"

    def enabled(self) -> bool:
        """True when a Redis URL is configured and allowed (see ``conf.redis_enabled``)."""
        return redis_enabled()

    def run(self, action: str, call: Callable[[SyncClient], T], fallback: T) -> T:
        """``call(client)``, or ``fallback`` when Redis is off, fails (logged once per outage) or
        failed moments ago (see ``health.retry_after``)."""
        if health.skip():
            return fallback
        try:
            client = get_client()  # a cluster client asks a node for the slot map on first use
            if client is None:
                return fallback
            result = call(client)
        except REDIS_ERRORS as error:
            health.failed(action, error)
            return fallback
        health.succeeded()
        return result

    async def arun(self, action: str, call: Callable[[Any], Any], fallback: Any) -> Any:
        """The async twin of :meth:`run`: ``await call(client)`` with a short-lived asyncio client."""
        from ..connection import async_client

        if health.skip():
            return fallback
        try:
            async with async_client() as client:
                if client is None:
                    return fallback
                result = await call(client)
        except REDIS_ERRORS as error:
            health.failed(action, error)
            return fallback
        health.succeeded()
        return result
