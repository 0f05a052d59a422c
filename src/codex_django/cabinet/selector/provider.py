"""One registered dashboard provider: what it computes, how long it is cached, for whom.

A provider's **scope** decides who shares its cached value:

* ``"global"``: everybody (totals, counts);
* ``"user"``: each user has their own value (``:user:<pk>`` in the key);
* ``"permissions"``: users with the same permission set share it
  (``:perms:<hash>``), so a value computed for a manager never reaches a
  receptionist.

With ``USE_I18N`` every scope is also split by the active language
(``:lang:<code>``): a provider's labels are translated when it runs, so a value
computed for a Russian visitor must not be served to an English one.
"""

from __future__ import annotations

import dataclasses
import hashlib
import re
from collections.abc import Callable, Mapping
from typing import Any, Literal

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.http import HttpRequest
from django.utils import translation

from codex_django.cabinet.navigation.menus import UserPermissions

from .adapters import DashboardAdapter, PayloadAdapter

__all__ = [
    "SCOPES",
    "Provider",
    "RequestSuffixes",
    "Scope",
    "check_cache_key",
    "check_cache_ttl",
    "language_suffix",
    "language_suffixes",
    "per_language",
    "scope_suffix",
]

Scope = Literal["global", "user", "permissions"]
SCOPES: tuple[str, ...] = ("global", "user", "permissions")

_CACHE_KEY = re.compile(r"[A-Za-z0-9_.-]+")


def check_cache_key(value: Any) -> str:
    """A cache key is letters, digits, ``_``, ``.`` and ``-`` (it becomes part of a Redis key)."""
    if not isinstance(value, str) or not _CACHE_KEY.fullmatch(value):
        raise ImproperlyConfigured(
            f"DashboardSelector.extend: cache_key must be letters, digits, '_', '.' or '-' "
            f"such as 'booking_kpi' (got {value!r})."
        )
    return value


def check_cache_ttl(value: Any) -> int:
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise ImproperlyConfigured(
            f"DashboardSelector.extend: cache_ttl is a whole number of seconds, 0 for never cached "
            f"(got {value!r})."
        )
    return value


def scope_suffix(scope: str, request: HttpRequest) -> str:
    """The part of the cache key that separates users (``""`` for global providers)."""
    user = getattr(request, "user", None)
    if scope == "user":
        pk = getattr(user, "pk", None) if user is not None and user.is_authenticated else None
        return f":user:{pk}" if pk is not None else ":user:anonymous"
    if scope == "permissions":
        permissions = UserPermissions(user)
        if permissions.superuser:
            marker = "superuser"
        elif not permissions.authenticated:
            marker = "anonymous"
        else:
            marker = "\n".join(sorted(permissions.codes))
        return ":perms:" + hashlib.sha256(marker.encode()).hexdigest()[:16]
    return ""


def per_language() -> bool:
    """Whether cached values are kept per language (``USE_I18N``)."""
    return bool(settings.USE_I18N)


def _lang(code: str) -> str:
    return ":lang:" + (code if _CACHE_KEY.fullmatch(code) else re.sub(r"[^A-Za-z0-9_.-]", "_", code))


def language_suffix() -> str:
    """``:lang:<code>`` of the active language when :func:`per_language`, else ``""``."""
    if not per_language():
        return ""
    return _lang(translation.get_language() or settings.LANGUAGE_CODE)


def language_suffixes() -> list[str]:
    """The suffix of every language the site serves (``LANGUAGES`` and ``LANGUAGE_CODE``)."""
    codes = [str(code) for code, _name in settings.LANGUAGES] + [settings.LANGUAGE_CODE]
    return sorted({_lang(code) for code in codes})


class RequestSuffixes:
    """Each scope's key suffix for one request, computed once (a dashboard reads many providers)."""

    def __init__(self, request: HttpRequest) -> None:
        self.request = request
        self.language = language_suffix()
        self.cache: dict[str, str] = {}

    def of(self, scope: str) -> str:
        if scope not in self.cache:
            self.cache[scope] = scope_suffix(scope, self.request) + self.language
        return self.cache[scope]


def origin_of(target: Any) -> str:
    """``module.qualname`` of a function or class: who registered a key.

    An adapter instance wrapping a function (``MetricAdapter(revenue)``) is
    the function's, so two different functions are two origins.
    """
    if isinstance(target, PayloadAdapter) and target.provider_fn is not None:
        fn = target.provider_fn
        return f"{type(target).__name__}({getattr(fn, '__module__', '?')}.{getattr(fn, '__qualname__', repr(fn))})"
    kind = type(target) if isinstance(target, DashboardAdapter) else target
    return f"{getattr(kind, '__module__', '?')}.{getattr(kind, '__qualname__', repr(kind))}"


@dataclasses.dataclass(frozen=True)
class Provider:
    """A registered provider (see ``DashboardSelector.extend``)."""

    cache_key: str
    compute: Callable[[HttpRequest], Mapping[str, Any]]
    cache_ttl: int
    scope: str
    lazy: bool
    adapter: bool
    origin: str

    @property
    def cached(self) -> bool:
        return self.cache_ttl > 0

    def run(self, request: HttpRequest) -> dict[str, Any]:
        """Compute the provider's data, checking it is a dict."""
        data = self.compute(request)
        if not isinstance(data, Mapping):
            raise TypeError(
                f"dashboard provider {self.cache_key!r} ({self.origin}) must return a dict, "
                f"got {type(data).__name__}"
            )
        return dict(data)
