"""Dashboard Redis Manager: the per-provider cache behind ``DashboardSelector``.

Each provider's data lives under its own key,
``{PROJECT_NAME}:cabinet:dashboard:{provider_key}`` (scoped providers add
``:user:<id>`` or ``:perms:<hash>``). Values are JSON written by
:mod:`codex_django.cabinet.redis.codec`, never pickle, and ``redis-cli GET``
shows something a person can read. Supported: ``str``, ``int``, ``float``,
``bool``, ``None``, ``list``, ``dict`` and, as the reference says, ``Decimal``
**converted to str** (``Decimal("2500.00")`` comes back as ``"2500.00"``; see
:func:`decimals_as_text`). Beyond the reference, dates, times, ``UUID``,
tuples and cabinet contracts come back as the same types, and a contract's
fields keep theirs (a ``Decimal`` cell of a ``TableWidgetData`` stays a
``Decimal``, so the table formats it in the visitor's locale).

A value is an envelope ``{"e": <expires at, epoch seconds>, "d": <data>}``. Redis
keeps it :attr:`DashboardRedisManager.stale_grace` seconds past its TTL, so
while one request recomputes an expired provider the others can serve the
stale value instead of computing it too.

Usage::

    manager = DashboardRedisManager()
    cached = manager.get("booking_kpi")
    if cached is None:
        cached = expensive_query()
        manager.set("booking_kpi", cached, ttl=300)

    manager.invalidate("booking_kpi")  # one provider (all its scopes)
    manager.invalidate_all()           # full dashboard refresh

Every method fails open: with Redis off, down or slow, reads miss and writes
are skipped (one warning per outage, see :mod:`..health`).

On a Redis Cluster (``redis+cluster://`` URL, see :mod:`..connection`) the keys
keep this format: no hash tags, so ``redis-cli -c GET`` finds the same names on
every topology and the providers spread over the nodes. What the cluster
cannot do across slots is done per key: the batch read is a ``GET`` per key in
one pipeline instead of one ``MGET``, the lock release a ``DEL`` per lock, and
``invalidate_all`` scans every primary (redis-py's ``scan_iter`` on a cluster).
"""

from __future__ import annotations

import dataclasses
import json
import logging
import time
from collections.abc import Sequence
from decimal import Decimal
from typing import Any

from ...conf import project_name
from .. import codec
from ..connection import SyncClient, is_cluster
from .base import BaseDjangoRedisManager, escape_pattern

__all__ = ["CacheEntry", "DashboardRedisManager", "decimals_as_text"]

logger = logging.getLogger("codex_django.cabinet.redis")

_SCAN_BATCH = 500
_UNCACHEABLE = "Dashboard provider %r returned data that cannot be cached: %s"


def decimals_as_text(value: Any) -> Any:
    """``value`` with every ``Decimal`` in its dicts, lists and tuples as its text.

    The reference's dashboard cache stores ``Decimal`` as ``str``, so code
    written against it reads ``"2500.00"`` back. Contracts are left alone:
    they are rebuilt with their own field types.
    """
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, dict):
        return {key: decimals_as_text(item) for key, item in value.items()}
    if isinstance(value, list):
        return [decimals_as_text(item) for item in value]
    if isinstance(value, tuple):
        return tuple(decimals_as_text(item) for item in value)
    return value


@dataclasses.dataclass(frozen=True)
class CacheEntry:
    """One cached provider value; ``fresh`` is False once its TTL has passed (stale grace)."""

    data: Any
    fresh: bool


class DashboardRedisManager(BaseDjangoRedisManager):
    """Per-provider Redis cache for dashboard data (see the module docstring)."""

    namespace = "dashboard"
    #: Seconds an expired value stays in Redis, to be served while it is recomputed.
    stale_grace = 60

    # -- keys ---------------------------------------------------------------

    def key(self, provider_key: str) -> str:
        """The Redis key of a provider: ``{PROJECT_NAME}:cabinet:dashboard:{provider_key}``."""
        return f"{self.prefix}:{provider_key}"

    def lock_key(self, provider_key: str) -> str:
        """The key of the short lock one request holds while it recomputes ``provider_key``."""
        return f"{project_name()}:cabinet:dashboard-lock:{provider_key}"

    # -- envelope -----------------------------------------------------------

    def pack(self, data: Any, ttl: int) -> str:
        """The stored text for ``data`` fresh for ``ttl`` seconds; ``TypeError`` for uncacheable data."""
        return json.dumps(
            {"e": time.time() + ttl, "d": codec.encode(decimals_as_text(data))}, ensure_ascii=False
        )

    def unpack(self, raw: bytes | str) -> CacheEntry:
        """Parse a stored value; :class:`~..codec.CodecError` when it is not ours."""
        try:
            envelope = json.loads(raw)
        except (ValueError, TypeError) as error:
            raise codec.CodecError(f"not JSON: {error}") from None
        if not isinstance(envelope, dict) or not isinstance(envelope.get("e"), int | float):
            raise codec.CodecError("not a dashboard cache envelope")
        try:
            data = codec.decode(envelope.get("d"))
        except codec.CodecError:
            raise
        except Exception as error:  # a contract that no longer validates
            raise codec.CodecError(f"cannot rebuild the cached value: {error}") from None
        return CacheEntry(data=data, fresh=time.time() < envelope["e"])

    def _entries(self, provider_keys: Sequence[str], raws: Sequence[Any]) -> list[CacheEntry | None]:
        entries: list[CacheEntry | None] = []
        for provider_key, raw in zip(provider_keys, raws, strict=True):
            if raw is None:
                entries.append(None)
                continue
            try:
                entries.append(self.unpack(raw))
            except codec.CodecError as error:
                logger.warning("Unreadable dashboard cache %r (%s); recomputing.", provider_key, error)
                entries.append(None)
        return entries

    # -- batch API (one round trip each), used by DashboardSelector ---------------

    def _read(
        self, client: SyncClient, keys: Sequence[str], hash_key: str | None = None
    ) -> tuple[list[Any], dict[Any, Any] | None]:
        """The raw values of ``keys`` (and ``HGETALL hash_key``) in one pipeline.

        One server (or a Sentinel master): one ``MGET``. Redis Cluster: a ``GET``
        per key, since the keys hash to different slots and redis-py refuses
        ``MGET`` in a cluster pipeline; its pipeline sends each node its share
        before reading any reply, so that is still one round trip (to each node
        involved, in parallel), and the keys keep their documented names.
        """
        if not keys and hash_key is None:
            return [], None
        cluster = is_cluster(client)
        pipe = client.pipeline(transaction=False)
        if cluster:
            for key in keys:
                pipe.get(key)
        elif keys:
            pipe.mget(keys)
        if hash_key is not None:
            pipe.hgetall(hash_key)
        results = pipe.execute()
        raws = results[: len(keys)] if cluster else (results[0] if keys else [])
        return list(raws), results[-1] if hash_key is not None else None

    def read_many(self, provider_keys: Sequence[str]) -> list[CacheEntry | None] | None:
        """All entries in one round trip (one ``MGET``); None when Redis is unavailable (compute live)."""
        keys = [self.key(provider_key) for provider_key in provider_keys]
        result = self.run("reading the dashboard cache", lambda c: self._read(c, keys), None)
        return None if result is None else self._entries(provider_keys, result[0])

    def read_many_and_hash(
        self, provider_keys: Sequence[str], hash_key: str
    ) -> tuple[list[CacheEntry | None] | None, dict[Any, Any] | None]:
        """:meth:`read_many` plus ``HGETALL hash_key`` in the same round trip (one pipeline).

        The dashboard view fetches the cabinet settings hash this way, so a page
        whose shell also needs the settings still costs one round trip.
        """
        keys = [self.key(provider_key) for provider_key in provider_keys]
        result = self.run("reading the dashboard cache", lambda c: self._read(c, keys, hash_key), None)
        if result is None:
            return None, None
        return self._entries(provider_keys, result[0]), result[1]

    def acquire_locks(self, provider_keys: Sequence[str], token: str, ttl_ms: int) -> list[bool] | None:
        """Try ``SET NX PX`` on each provider's lock in one pipeline; None when Redis is unavailable."""

        def call(client: SyncClient) -> list[bool]:
            pipe = client.pipeline(transaction=False)
            for provider_key in provider_keys:
                pipe.set(self.lock_key(provider_key), token, nx=True, px=ttl_ms)
            return [bool(result) for result in pipe.execute()]

        return self.run("locking dashboard providers", call, None)

    def write_many(self, items: Sequence[tuple[str, Any, int]], release: Sequence[str] = ()) -> bool:
        """Store ``(provider_key, data, ttl)`` items and delete the ``release`` locks, in one pipeline."""
        packed = []
        for provider_key, data, ttl in items:
            try:
                packed.append((self.key(provider_key), self.pack(data, ttl), ttl + self.stale_grace))
            except TypeError as error:
                logger.error(_UNCACHEABLE, provider_key, error)
        if not packed and not release:
            return True

        def call(client: SyncClient) -> bool:
            pipe = client.pipeline(transaction=False)
            for key, text, seconds in packed:
                pipe.set(key, text, ex=seconds)
            locks = [self.lock_key(provider_key) for provider_key in release]
            if locks and is_cluster(client):  # a cluster pipeline takes one key per DEL
                for lock in locks:
                    pipe.delete(lock)
            elif locks:
                pipe.delete(*locks)
            pipe.execute()
            return True

        return self.run("writing the dashboard cache", call, False)

    def delete(self, provider_keys: Sequence[str]) -> None:
        """Delete exactly these keys (no scoped variants) in one call."""
        if provider_keys:
            keys = [self.key(provider_key) for provider_key in provider_keys]
            self.run("invalidating the dashboard cache", lambda c: c.delete(*keys), None)

    # -- the reference API --------------------------------------------------------

    def get(self, provider_key: str) -> Any | None:
        """Synchronously return cached provider data, or None (miss, expired, Redis unavailable)."""
        entries = self.read_many([provider_key])
        entry = entries[0] if entries else None
        return entry.data if entry is not None and entry.fresh else None

    def set(self, provider_key: str, data: Any, ttl: int) -> None:
        """Synchronously store provider data with a TTL in seconds."""
        self.write_many([(provider_key, data, ttl)])

    def _patterns(self, provider_key: str | None) -> str:
        if provider_key is None:
            return f"{escape_pattern(self.prefix)}:*"
        return f"{escape_pattern(self.key(provider_key))}:*"

    def _unlink_matching(self, client: SyncClient, pattern: str, first: Sequence[str] = ()) -> None:
        batch = list(first)
        for key in client.scan_iter(match=pattern, count=_SCAN_BATCH):
            batch.append(key)
            if len(batch) >= _SCAN_BATCH:
                client.unlink(*batch)
                batch = []
        if batch:
            client.unlink(*batch)

    def invalidate(self, provider_key: str) -> None:
        """Synchronously delete a provider's cache, every scope of it (``SCAN``, never ``KEYS``)."""
        self.run(
            "invalidating the dashboard cache",
            lambda c: self._unlink_matching(c, self._patterns(provider_key), [self.key(provider_key)]),
            None,
        )

    def invalidate_all(self) -> None:
        """Synchronously delete every dashboard provider cache (``SCAN``, never ``KEYS``)."""
        self.run(
            "invalidating the dashboard cache",
            lambda c: self._unlink_matching(c, self._patterns(None)),
            None,
        )

    # -- async twins ------------------------------------------------------------

    async def aget(self, provider_key: str) -> Any | None:
        """Return cached provider data or None on cache miss."""
        raw = await self.arun("reading the dashboard cache", lambda c: c.get(self.key(provider_key)), None)
        entry = self._entries([provider_key], [raw])[0]
        return entry.data if entry is not None and entry.fresh else None

    async def aset(self, provider_key: str, data: Any, ttl: int) -> None:
        """Store provider data with a TTL in seconds."""
        try:
            text = self.pack(data, ttl)
        except TypeError as error:
            logger.error(_UNCACHEABLE, provider_key, error)
            return
        key = self.key(provider_key)
        seconds = ttl + self.stale_grace
        await self.arun("writing the dashboard cache", lambda c: c.set(key, text, ex=seconds), None)

    async def _aunlink_matching(self, client: Any, pattern: str, first: Sequence[str] = ()) -> None:
        batch = list(first)
        async for key in client.scan_iter(match=pattern, count=_SCAN_BATCH):
            batch.append(key)
            if len(batch) >= _SCAN_BATCH:
                await client.unlink(*batch)
                batch = []
        if batch:
            await client.unlink(*batch)

    async def ainvalidate(self, provider_key: str) -> None:
        """Delete cache for a single provider (every scope)."""
        await self.arun(
            "invalidating the dashboard cache",
            lambda c: self._aunlink_matching(c, self._patterns(provider_key), [self.key(provider_key)]),
            None,
        )

    async def ainvalidate_all(self) -> None:
        """Delete all dashboard provider caches (``SCAN`` with a key pattern)."""
        pattern = self._patterns(None)
        action = "invalidating the dashboard cache"
        await self.arun(action, lambda c: self._aunlink_matching(c, pattern), None)
