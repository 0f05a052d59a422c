"""The cabinet settings of the current request: Redis first, the database as fallback.

:func:`current_settings` reads at most once per request (the result is kept on
the request), so the context processor's lazy ``cabinet_settings`` variable
costs one ``HGETALL`` on pages that use it and nothing on the others. A Redis
miss (first start, after ``invalidate()``) loads the row from the database and
writes the hash back (unless another worker's save wrote it meanwhile), so the
next request is served from Redis again.
"""

from __future__ import annotations

from typing import Any

from ..redis.managers.settings import CabinetSettingsRedisManager
from .settings import CabinetSettings

__all__ = ["current_settings", "needs_settings", "remember_cached"]

_ATTRIBUTE = "_cabinet_settings"


def _load() -> CabinetSettings:
    manager = CabinetSettingsRedisManager()
    cached = manager.get()
    if cached:
        return CabinetSettings.from_cabinet_dict(cached)
    instance = CabinetSettings.load()
    if manager.enabled():
        manager.fill(instance)  # only while still absent: another worker's newer save wins
    return instance


def current_settings(request: Any = None) -> CabinetSettings:
    """The settings for ``request`` (memoised on it); without a request, read now."""
    if request is None:
        return _load()
    instance: CabinetSettings | None = getattr(request, _ATTRIBUTE, None)
    if instance is None:
        instance = _load()
        setattr(request, _ATTRIBUTE, instance)
    return instance


def needs_settings(request: Any) -> bool:
    """True while ``request`` has not read the settings yet (a prefetch would help)."""
    return request is not None and getattr(request, _ATTRIBUTE, None) is None


def remember_cached(request: Any, raw: dict[Any, Any] | None) -> None:
    """Keep settings prefetched from Redis (a raw ``HGETALL`` answer) on ``request``; misses are ignored."""
    manager = CabinetSettingsRedisManager()
    if manager.unsynced():  # a save of this process missed Redis: the prefetched hash may be older
        return
    cached = manager.decode(raw)
    if cached and needs_settings(request):
        setattr(request, _ATTRIBUTE, CabinetSettings.from_cabinet_dict(cached))
