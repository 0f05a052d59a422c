"""Dashboard Selector: single entry point for dashboard data providers.

Providers are registered through :meth:`DashboardSelector.extend` and cached in
Redis through :class:`~codex_django.cabinet.redis.DashboardRedisManager`, as
JSON rather than pickle. Example project usage::

    # cabinet/selector/dashboard.py inside the generated project
    from codex_django.cabinet.selector.dashboard import DashboardSelector

    @DashboardSelector.extend(cache_key="base_stats", cache_ttl=300)
    def base_stats(request):
        return {"dashboard_stats": CabinetMockData.get_dashboard_stats()}

A feature module (``features/booking/cabinet.py``) adds its own::

    @DashboardSelector.extend(cache_key="booking_kpi", cache_ttl=300, scope="permissions")
    def booking_kpi(request):
        return {"booking_kpi": BookingSelector.get_dashboard_kpi(request)}

Invalidating cached data when a model changes (a ``post_save`` receiver or a
``save()`` override; use ``ainvalidate`` from async code)::

    @receiver(post_save, sender=Booking)
    def refresh_booking_kpi(sender, **kwargs):
        transaction.on_commit(lambda: DashboardSelector.invalidate("booking_kpi"))

A widget's payload comes from an adapter (:mod:`.adapters`): ``MetricAdapter``,
``TableAdapter`` and ``ListAdapter`` put it under ``metric``, ``table`` and
``list``, the names the built-in widget templates read, so a dashboard widget
declared as ``"cabinet/widgets/kpi.html"`` shows the one metric adapter's
number::

    DashboardSelector.extend(fn_or_adapter=MetricAdapter(revenue), cache_key="revenue")
    declare(module="sales", space="staff", dashboard_widgets="cabinet/widgets/kpi.html")

With several adapters of a kind, each widget template reads its own by cache
key (``with metric=revenue.metric``); :mod:`.context` explains why the bare
name is then an error rather than the last provider's number.

What a cached provider returns is stored as JSON (see
:class:`~codex_django.cabinet.redis.DashboardRedisManager`): as the reference
says, a ``Decimal`` comes back as its text (``"2500.00"``), and the selector
gives the same text when it computes the provider live, so the page is the
same with Redis, without it, cold or warm. Format money before returning it
(:func:`codex_django.cabinet.formatting.format_money`), or put it in a
contract, whose fields keep their types. Real-time providers
(``cache_ttl=0``) are never stored, and their values are passed as they are.

How a request is served (:meth:`DashboardSelector.get_context`): every cached
provider is read in **one** ``MGET`` (pipelined with the cabinet settings
``HGETALL`` the shell needs anyway, so a warm dashboard page is one round trip
in all; on a Redis Cluster a pipelined ``GET`` per key, sent to every node
before any reply is read); only the misses are computed, and they are written back in one pipeline. Concurrent misses of the same key compute once:
the first request takes a short lock (``SET NX PX``), the others serve the
stale value if there is one or wait briefly for the fresh one. Redis down, slow
or holding garbage never breaks the page: the providers are computed live and
one warning is logged per outage.

Registering a **different** function under an existing ``cache_key`` is an
error. Registering the **same** function or class again (same module and
qualified name: a module imported twice, ``importlib.reload``, a test that
re-runs ``cabinet.py``) replaces the earlier registration, as ``declare()``
does.
"""

from __future__ import annotations

import time
import uuid
from collections.abc import Callable, Iterable, Mapping
from typing import Any, ClassVar, TypeVar, overload

from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest

from ..redis.managers.dashboard import CacheEntry, DashboardRedisManager, decimals_as_text
from .adapters import DashboardAdapter, ListAdapter, MetricAdapter, PayloadAdapter, TableAdapter
from .context import merge_provider_data
from .provider import (
    SCOPES,
    Provider,
    RequestSuffixes,
    check_cache_key,
    check_cache_ttl,
    language_suffixes,
    origin_of,
    per_language,
)

__all__ = ["DashboardAdapter", "DashboardSelector", "ListAdapter", "MetricAdapter", "TableAdapter"]

T = TypeVar("T")


def _check_has_data(adapter: DashboardAdapter) -> None:
    """A payload adapter needs a function or its own ``get_payload``/``get_data``, said at registration."""
    if not isinstance(adapter, PayloadAdapter) or adapter.has_data():
        return
    kind = type(adapter)
    base: type[PayloadAdapter] = next(
        k for k in kind.__mro__ if issubclass(k, PayloadAdapter) and k.__module__ == PayloadAdapter.__module__
    )
    name = f"{kind.__name__}()" if kind is base else f"{kind.__name__} (a {base.__name__})"
    raise ImproperlyConfigured(
        f"DashboardSelector.extend: {name} has no data: pass the function that returns its "
        f"{base.payload_type.__name__} ({base.__name__}(function)), or implement "
        "get_payload(self, request) or get_data(self, request)."
    )


def _default_key(adapter: DashboardAdapter) -> str:
    """An adapter wrapping a function is named after the function, any other after its class."""
    if isinstance(adapter, PayloadAdapter) and adapter.provider_fn is not None:
        return str(getattr(adapter.provider_fn, "__name__", type(adapter).__name__))
    return type(adapter).__name__


def _compute_for(target: Any) -> tuple[Callable[[HttpRequest], Mapping[str, Any]], bool, str]:
    """The callable, whether it is an adapter, and the default cache key of a provider."""
    if isinstance(target, type) and issubclass(target, DashboardAdapter):
        adapter = target()
        _check_has_data(adapter)
        return adapter.get_data, True, target.__name__
    if isinstance(target, DashboardAdapter):
        _check_has_data(target)
        return target.get_data, True, _default_key(target)
    if isinstance(target, type) or not callable(target):
        raise ImproperlyConfigured(
            f"DashboardSelector.extend: a provider is a function (request) -> dict, a DashboardAdapter "
            f"subclass or an adapter such as MetricAdapter(function) (got {target!r})."
        )
    return target, False, str(getattr(target, "__name__", ""))


class DashboardSelector:
    """Extensible dashboard data aggregator with Redis caching.

    Each provider is a flat function ``(request) -> dict`` or a
    :class:`DashboardAdapter`. A function's dict is merged into the context;
    an adapter's data is merged too (``metric``, ``table``, ``list``: the names
    the widget templates read) and kept under its ``cache_key``
    (:mod:`.context` has the rules, and what happens when two adapters give
    the same name).
    """

    _providers: ClassVar[dict[str, Provider]] = {}
    manager: ClassVar[DashboardRedisManager] = DashboardRedisManager()
    #: How long one request may hold a provider's recompute lock (milliseconds).
    lock_ttl_ms: ClassVar[int] = 5000
    #: How long a request waits for another one's recompute before computing itself (seconds).
    wait_seconds: ClassVar[float] = 2.0
    poll_seconds: ClassVar[float] = 0.02
    #: Read the cabinet settings hash in the providers' round trip (the shell needs it anyway).
    prefetch_settings: ClassVar[bool] = True

    # -- registration ---------------------------------------------------------------

    @overload
    @classmethod
    def extend(cls, fn_or_adapter: T) -> T: ...

    @overload
    @classmethod
    def extend(
        cls,
        fn_or_adapter: T,
        *,
        cache_key: str = "",
        cache_ttl: int = 120,
        scope: str = "global",
        lazy: bool = False,
    ) -> T: ...

    @overload
    @classmethod
    def extend(
        cls,
        fn_or_adapter: None = None,
        *,
        cache_key: str = "",
        cache_ttl: int = 120,
        scope: str = "global",
        lazy: bool = False,
    ) -> Callable[[T], T]: ...

    @classmethod
    def extend(
        cls,
        fn_or_adapter: Any = None,
        *,
        cache_key: str = "",
        cache_ttl: int = 120,
        scope: str = "global",
        lazy: bool = False,
    ) -> Any:
        """Register a dashboard data provider (a decorator, with or without arguments, or a call).

        ``fn_or_adapter`` is a function ``(request) -> dict``, a
        :class:`DashboardAdapter` subclass (instantiated once, here) or an
        adapter instance such as ``MetricAdapter(revenue)``; it may be passed
        by position or by keyword (``extend(fn_or_adapter=revenue, cache_key="revenue")``).

        Args:
            cache_key: Redis key suffix. Defaults to the function/class name (an
                adapter wrapping a function: the function's name).
            cache_ttl: Seconds to cache. ``0`` = no cache (real-time).
            scope: Who shares the cached value: ``"global"`` (default), ``"user"``
                or ``"permissions"``.
            lazy: Compute only for lazy dashboard widgets (their HTMX
                endpoint), not while rendering the dashboard page.
        """
        check_cache_ttl(cache_ttl)
        if scope not in SCOPES:
            raise ImproperlyConfigured(
                f"DashboardSelector.extend: scope must be 'global', 'user' or 'permissions' (got {scope!r})."
            )

        def register(target: T) -> T:
            compute, adapter, default_key = _compute_for(target)
            key = check_cache_key(cache_key or default_key)
            origin = origin_of(target)
            existing = cls._providers.get(key)
            if existing is not None and existing.origin != origin:
                raise ImproperlyConfigured(
                    f"DashboardSelector.extend: cache_key {key!r} is already registered by "
                    f"{existing.origin}; pass another cache_key= for {origin}, "
                    f"or call DashboardSelector.unregister({key!r}) first."
                )
            cls._providers[key] = Provider(
                cache_key=key,
                compute=compute,
                cache_ttl=cache_ttl,
                scope=scope,
                lazy=bool(lazy),
                adapter=adapter,
                origin=origin,
            )
            return target

        if fn_or_adapter is None:
            return register
        return register(fn_or_adapter)

    @classmethod
    def unregister(cls, cache_key: str) -> None:
        """Forget a provider; ``KeyError`` naming the known keys when it is not registered."""
        if cache_key not in cls._providers:
            raise KeyError(f"no dashboard provider {cache_key!r}; registered: {', '.join(cls._providers)}")
        del cls._providers[cache_key]

    @classmethod
    def providers(cls) -> list[Provider]:
        """The registered providers in registration order."""
        return list(cls._providers.values())

    @classmethod
    def snapshot(cls) -> dict[str, Provider]:
        """A copy of the registrations, for tests to :meth:`restore`."""
        return dict(cls._providers)

    @classmethod
    def restore(cls, state: dict[str, Provider]) -> None:
        """Put back registrations taken with :meth:`snapshot`."""
        cls._providers = dict(state)

    # -- reading --------------------------------------------------------------------

    @classmethod
    def get_context(cls, request: HttpRequest, *, include_lazy: bool = False) -> dict[str, Any]:
        """Collect data from all registered providers.

        Cached providers are read from Redis in one round trip; misses are
        computed and written back in one more. ``include_lazy`` adds the
        providers registered with ``lazy=True`` (the lazy widget endpoint).
        """
        providers = [p for p in cls._providers.values() if include_lazy or not p.lazy]
        results: dict[str, dict[str, Any]] = {}
        cached = [p for p in providers if p.cached]
        if cached and cls.manager.enabled():
            results.update(cls._read_through(request, cached))
        return merge_provider_data(
            (p, results[p.cache_key] if p.cache_key in results else cls._compute(p, request))
            for p in providers
        )

    @staticmethod
    def _compute(provider: Provider, request: HttpRequest) -> dict[str, Any]:
        """Run a provider; a cached one's data takes the cache's shape (``Decimal`` as text).

        So a value looks the same computed live (Redis off, a miss) as read back
        from Redis: a page does not change between the first and second visit.
        """
        data = provider.run(request)
        return decimals_as_text(data) if provider.cached else data

    @classmethod
    def _read_through(cls, request: HttpRequest, providers: list[Provider]) -> dict[str, dict[str, Any]]:
        """Cached data for ``providers``; what Redis cannot give is left out (computed live)."""
        suffixes = RequestSuffixes(request)  # each scope's and the language's suffix once per request
        keys = {p.cache_key: p.cache_key + suffixes.of(p.scope) for p in providers}
        entries = cls._read(request, list(keys.values()))
        if entries is None:
            return {}
        found: dict[str, CacheEntry | None] = dict(zip(keys, entries, strict=True))
        results = {k: e.data for k, e in found.items() if e is not None and e.fresh}
        refresh = [p for p in providers if p.cache_key not in results]
        if not refresh:
            return results
        token = uuid.uuid4().hex
        locks = cls.manager.acquire_locks([keys[p.cache_key] for p in refresh], token, cls.lock_ttl_ms)
        if locks is None:
            return results
        mine = [p for p, locked in zip(refresh, locks, strict=True) if locked]
        waiting: list[Provider] = []
        for provider in refresh:
            if provider in mine:
                continue
            entry = found[provider.cache_key]
            if entry is not None:  # stale: someone else is recomputing it
                results[provider.cache_key] = entry.data
            else:
                waiting.append(provider)
        writes: list[tuple[str, Any, int]] = []
        try:
            for provider in mine:
                data = cls._compute(provider, request)
                results[provider.cache_key] = data
                writes.append((keys[provider.cache_key], data, provider.cache_ttl))
        finally:
            cls.manager.write_many(writes, release=[keys[p.cache_key] for p in mine])
        if waiting:
            results.update(cls._wait_for(waiting, keys))
        return results

    @classmethod
    def _read(cls, request: HttpRequest, redis_keys: list[str]) -> list[CacheEntry | None] | None:
        """``MGET`` the providers; on a cabinet page, fetch the settings hash in the same round trip."""
        if not cls.prefetch_settings:
            return cls.manager.read_many(redis_keys)
        from ..models.current import needs_settings, remember_cached
        from ..redis.managers.settings import CabinetSettingsRedisManager

        if not needs_settings(request):
            return cls.manager.read_many(redis_keys)
        entries, raw = cls.manager.read_many_and_hash(redis_keys, CabinetSettingsRedisManager().key)
        remember_cached(request, raw)
        return entries

    @classmethod
    def _wait_for(cls, providers: list[Provider], keys: Mapping[str, str]) -> dict[str, dict[str, Any]]:
        """Poll for values another request is computing; give up after :attr:`wait_seconds`."""
        results: dict[str, dict[str, Any]] = {}
        pending = list(providers)
        deadline = time.monotonic() + cls.wait_seconds
        while pending and time.monotonic() < deadline:
            time.sleep(cls.poll_seconds)
            entries = cls.manager.read_many([keys[p.cache_key] for p in pending])
            if entries is None:
                break
            still = []
            for provider, entry in zip(pending, entries, strict=True):
                if entry is None:
                    still.append(provider)
                else:
                    results[provider.cache_key] = entry.data
            pending = still
        return results

    # -- invalidation -----------------------------------------------------------------

    @classmethod
    def _scoped(cls, cache_keys: Iterable[str]) -> tuple[list[str], list[str]]:
        exact: list[str] = []
        scoped: list[str] = []
        for key in cache_keys:
            provider = cls._providers.get(key)
            if provider is None or provider.scope != "global":
                scoped.append(key)
            elif per_language():
                exact.extend(key + suffix for suffix in language_suffixes())  # one key per language, by name
            else:
                exact.append(key)
        return exact, scoped

    @classmethod
    def invalidate(cls, cache_key: str) -> None:
        """Invalidate cache for a specific provider (every scope of it). Call from model signals."""
        exact, scoped = cls._scoped([cache_key])
        cls.manager.delete(exact)
        for key in scoped:
            cls.manager.invalidate(key)

    @classmethod
    def invalidate_all(cls) -> None:
        """Invalidate all dashboard provider caches (``SCAN``, never ``KEYS``)."""
        cls.manager.invalidate_all()

    @classmethod
    async def ainvalidate(cls, cache_key: str) -> None:
        """Async twin of :meth:`invalidate`."""
        await cls.manager.ainvalidate(cache_key)

    @classmethod
    async def ainvalidate_all(cls) -> None:
        """Async twin of :meth:`invalidate_all`."""
        await cls.manager.ainvalidate_all()
