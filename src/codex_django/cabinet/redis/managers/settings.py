"""Redis manager for the cabinet settings: one hash, ``{PROJECT_NAME}:cabinet:settings``.

Each hash field holds one model field as tagged JSON (:mod:`..codec`), so a
datetime comes back a datetime and the theme overrides a dict. Saving replaces
the hash in one ``MULTI``/``EXEC`` transaction: a reader sees the old settings
or the new ones, never a mix. Respects ``DEBUG`` + ``CODEX_REDIS_ENABLED``
(see ``conf.redis_enabled``): without Redis, :meth:`get` answers ``{}`` and the
caller reads the database.

Several processes (gunicorn workers) share the hash, so two rules keep it from
going back in time (both found by ``make load``):

* a save whose copy does not reach Redis (down, hanging) marks this process's
  copy *unsynced*: a Redis that answers again may still hold the hash from
  before the save. Until this process has deleted that hash, its reads skip it
  (:meth:`CabinetSettingsRedisManager.get` answers ``{}``, the caller reads the
  database); the first read that reaches Redis deletes it, and the next miss
  writes the database's row back. Other workers may serve the old hash until
  then: the saving worker's next request that reads the settings ends that;
* a miss writes the database's row back with :meth:`fill`, only while the hash
  is still absent, so a copy read before another worker's save never
  replaces that save's hash.

The same on a Redis Cluster or behind Sentinel (see :mod:`..connection`): the
transaction touches one key, so a cluster runs it on the node owning its slot,
and the key keeps its documented name (no hash tag).
"""

from __future__ import annotations

import logging
import threading
from typing import Any, Protocol

from .. import codec
from ..connection import SyncClient
from .base import BaseDjangoRedisManager

__all__ = ["CabinetSettingsRedisManager", "SettingsSource"]

logger = logging.getLogger("codex_django.cabinet.redis")

# Set while a save of this process has not reached Redis (see the module docstring).
_unsynced = threading.Event()

# HSET field value ... on KEYS[1] only when it does not exist: one key, so a cluster runs it too.
_FILL_IF_ABSENT = """
if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
redis.call('HSET', KEYS[1], unpack(ARGV))
return 1
"""


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

    def _replace(self, client: SyncClient, mapping: dict[Any, Any]) -> bool:
        pipe = client.pipeline(transaction=True)
        pipe.delete(self.key)
        if mapping:
            pipe.hset(self.key, mapping=mapping)
        pipe.execute()
        return True

    def unsynced(self) -> bool:
        """True while a save of this process has not reached Redis: its hash may be older."""
        return _unsynced.is_set()

    def _drop_unsynced(self) -> bool:
        """Delete the hash a missed save left behind; False while Redis still cannot be reached."""
        if self.run("dropping the outdated cabinet settings", lambda c: c.delete(self.key) >= 0, False):
            _unsynced.clear()
            return True
        return False

    def get(self) -> dict[str, Any]:
        """Synchronously return the cached settings; ``{}`` when not cached, outdated or unreachable."""
        if _unsynced.is_set() and not self._drop_unsynced():
            return {}
        return self.decode(self.run("reading the cabinet settings", lambda c: c.hgetall(self.key), None))

    def save_instance(self, instance: SettingsSource) -> None:
        """Synchronously replace the hash with ``instance.to_cabinet_dict()`` (one transaction).

        When the copy does not reach Redis, the hash there is marked outdated (see the module docstring).
        """
        mapping = self._encode(instance)
        if self.run("saving the cabinet settings", lambda c: self._replace(c, mapping), False):
            _unsynced.clear()
        elif self.enabled():
            _unsynced.set()

    def fill(self, instance: SettingsSource) -> None:
        """Write ``instance`` only if no hash exists (a miss's write-back: a newer save's copy wins)."""
        pairs = [part for field_value in self._encode(instance).items() for part in field_value]
        if pairs:
            self.run(
                "caching the cabinet settings",
                lambda c: c.eval(_FILL_IF_ABSENT, 1, self.key, *pairs),
                None,
            )

    def invalidate(self) -> None:
        """Synchronously delete the cached settings (the next read falls back to the database)."""
        self.run("invalidating the cabinet settings", lambda c: c.delete(self.key), None)

    async def aget(self) -> dict[str, Any]:
        """Asynchronously return the cached settings; ``{}`` when not cached, outdated or unreachable."""
        if _unsynced.is_set():
            if not await self.arun("dropping the outdated cabinet settings", self._adelete, False):
                return {}
            _unsynced.clear()
        raw = await self.arun("reading the cabinet settings", lambda c: c.hgetall(self.key), None)
        return self.decode(raw)

    async def _adelete(self, client: Any) -> bool:
        await client.delete(self.key)
        return True

    async def asave_instance(self, instance: SettingsSource) -> None:
        """Asynchronously replace the hash with ``instance.to_cabinet_dict()`` (one transaction)."""
        mapping = self._encode(instance)

        async def call(client: Any) -> bool:
            async with client.pipeline(transaction=True) as pipe:
                pipe.delete(self.key)
                if mapping:
                    pipe.hset(self.key, mapping=mapping)
                await pipe.execute()
            return True

        if await self.arun("saving the cabinet settings", call, False):
            _unsynced.clear()
        elif self.enabled():
            _unsynced.set()

    async def ainvalidate(self) -> None:
        """Asynchronously delete the cached settings."""
        await self.arun("invalidating the cabinet settings", lambda c: c.delete(self.key), None)
