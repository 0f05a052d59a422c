"""Redis manager for the cabinet settings: one hash, ``{PROJECT_NAME}:cabinet:settings``.

Each hash field holds one model field as tagged JSON (:mod:`..codec`), so a
datetime comes back a datetime and the theme overrides a dict. Saving replaces
the hash in one ``MULTI``/``EXEC`` transaction: a reader sees the old settings
or the new ones, never a mix. Respects ``DEBUG`` + ``CODEX_REDIS_ENABLED``
(see ``conf.redis_enabled``): without Redis, :meth:`get` answers ``{}`` and the
caller reads the database.

The same on a Redis Cluster or behind Sentinel (see :mod:`..connection`): the
transaction touches one key, so a cluster runs it on the node owning its slot,
and the key keeps its documented name (no hash tag).
"""

from __future__ import annotations

import logging
from typing import Any, Protocol

from .. import codec
from ..connection import SyncClient
from .base import BaseDjangoRedisManager

__all__ = ["CabinetSettingsRedisManager", "SettingsSource"]

logger = logging.getLogger("codex_django.cabinet.redis")


class SettingsSource(Protocol):
    """What :meth:`CabinetSettingsRedisManager.save_instance` needs: a flat mapping of fields."""

    def to_cabinet_dict(self) -> dict[str, Any]: ...


class CabinetSettingsRedisManager(BaseDjangoRedisManager):
    """Sync/async manager for ``CabinetSettings`` in a Redis hash."""

    namespace = "settings"

    @property
    def key(self) -> str:
        """The hash key: ``{PROJECT_NAME}:cabinet:settings``."""
        return self.prefix

    def decode(self, raw: dict[Any, Any] | None) -> dict[str, Any]:
        """Typed values from a raw ``HGETALL`` answer; ``{}`` (and a warning) for garbage."""
        if not raw:
            return {}
        values: dict[str, Any] = {}
        for field, text in raw.items():
            name = field.decode() if isinstance(field, bytes) else str(field)
            try:
                values[name] = codec.loads(text)
            except codec.CodecError as error:
                logger.warning("Ignoring the unreadable cabinet settings cache (%s: %s).", name, error)
                return {}
        return values

    def _encode(self, instance: SettingsSource) -> dict[Any, Any]:
        return {name: codec.dumps(value) for name, value in instance.to_cabinet_dict().items()}

    def _replace(self, client: SyncClient, mapping: dict[Any, Any]) -> None:
        pipe = client.pipeline(transaction=True)
        pipe.delete(self.key)
        if mapping:
            pipe.hset(self.key, mapping=mapping)
        pipe.execute()

    def get(self) -> dict[str, Any]:
        """Synchronously return the cached settings, ``{}`` when not cached or Redis is unavailable."""
        return self.decode(self.run("reading the cabinet settings", lambda c: c.hgetall(self.key), None))

    def save_instance(self, instance: SettingsSource) -> None:
        """Synchronously replace the hash with ``instance.to_cabinet_dict()`` (one transaction)."""
        mapping = self._encode(instance)
        self.run("saving the cabinet settings", lambda c: self._replace(c, mapping), None)

    def invalidate(self) -> None:
        """Synchronously delete the cached settings (the next read falls back to the database)."""
        self.run("invalidating the cabinet settings", lambda c: c.delete(self.key), None)

    async def aget(self) -> dict[str, Any]:
        """Asynchronously return the cached settings, ``{}`` when not cached or Redis is unavailable."""
        raw = await self.arun("reading the cabinet settings", lambda c: c.hgetall(self.key), None)
        return self.decode(raw)

    async def asave_instance(self, instance: SettingsSource) -> None:
        """Asynchronously replace the hash with ``instance.to_cabinet_dict()`` (one transaction)."""
        mapping = self._encode(instance)

        async def call(client: Any) -> None:
            async with client.pipeline(transaction=True) as pipe:
                pipe.delete(self.key)
                if mapping:
                    pipe.hset(self.key, mapping=mapping)
                await pipe.execute()

        await self.arun("saving the cabinet settings", call, None)

    async def ainvalidate(self) -> None:
        """Asynchronously delete the cached settings."""
        await self.arun("invalidating the cabinet settings", lambda c: c.delete(self.key), None)
