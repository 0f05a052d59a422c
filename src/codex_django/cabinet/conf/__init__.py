"""The cabinet's settings: documented top-level names and the ``CODEX_CABINET`` dict.

Top-level names come from the API reference (``PROJECT_NAME``,
``CODEX_REDIS_ENABLED``, ``REDIS_URL``); everything else lives under one
``CODEX_CABINET`` dict whose defaults are :data:`DEFAULTS`. Read settings
through :func:`cabinet_setting` so tests that override settings see the change.

Example::

    CODEX_CABINET = {
        "STAFF_URL_PREFIX": "/cabinet/",
        "CLIENT_URL_PREFIX": "/cabinet/my/",
        "SPACE_ACCESS": "myproject.cabinet.can_enter_space",
    }
"""

from __future__ import annotations

from typing import Any

from django.conf import settings

DEFAULTS: dict[str, Any] = {
    # URL prefixes that decide the space when a view sets no ``request.cabinet_space``.
    # The longest matching prefix wins, so the client prefix may sit inside the staff one.
    "STAFF_URL_PREFIX": "/cabinet/",
    "CLIENT_URL_PREFIX": "/cabinet/my/",
    # Default module per space when neither the request nor the URL namespace names one.
    "DEFAULT_MODULE": {"staff": "dashboard", "client": "dashboard"},
    # Dotted path to ``(request, space) -> bool``: who may enter a space.
    # The default: staff space needs ``is_staff``, client space any authenticated user.
    "SPACE_ACCESS": "codex_django.cabinet.http.access.default_space_access",
    # Redis: a URL (falls back to the top-level ``REDIS_URL`` setting); None disables Redis.
    # redis://host:6379/0 (one server), redis+cluster://host:7000,host:7001 (Redis Cluster) or
    # redis+sentinel://host:26379,host:26380/<service name>[/db] (Sentinel); see cabinet/redis/urls.py.
    "REDIS_URL": None,
    "REDIS_SOCKET_TIMEOUT": 0.25,
    # Theme overrides: a dict of tokens, a DTCG file path, or a callable of the request.
    "THEME": None,
    # The colour mode until the user picks one in the colour-mode switch: "system" follows the
    # browser's prefers-color-scheme (before the first paint, no flash); "light" or "dark" fix it.
    "COLOR_MODE": "system",
    # The currency symbol (or code) format_money prints when a call names none, e.g. "€".
    # See codex_django/cabinet/formatting.py.
    "CURRENCY": "",
    # Serve the storybook outside DEBUG (staff only).
    "STORYBOOK_ENABLED": False,
    # Bootstrap Icons a project's own pages use beyond the library's and the registry's
    # (nav entries, shortcuts): names such as "bi-archive", or "all" for the whole set.
    # Icons named only in your templates or contract data (table actions, KPI icons,
    # modal actions) need listing here, else they render blank (see cabinet/assets/icons.py).
    "ICONS": [],
    # Content-Security-Policy header sent by CabinetCSPMiddleware.
    "CSP": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "frame-ancestors": ["'self'"],
        "base-uri": ["'self'"],
        "form-action": ["'self'"],
        "object-src": ["'none'"],
    },
}


def cabinet_setting(name: str) -> Any:
    """The value of ``CODEX_CABINET[name]``, or its default; ``KeyError`` for unknown names."""
    if name not in DEFAULTS:
        raise KeyError(f"CODEX_CABINET has no setting {name!r}; known: {', '.join(sorted(DEFAULTS))}")
    configured: dict[str, Any] = getattr(settings, "CODEX_CABINET", {}) or {}
    return configured.get(name, DEFAULTS[name])


def project_name() -> str:
    """``settings.PROJECT_NAME``, the Redis key prefix (defaults to ``"codex"``)."""
    return str(getattr(settings, "PROJECT_NAME", "codex"))


def redis_url() -> str | None:
    """The Redis URL in force, or None when Redis is off (see :func:`redis_enabled`)."""
    url = cabinet_setting("REDIS_URL") or getattr(settings, "REDIS_URL", None)
    return str(url) if url else None


def redis_enabled() -> bool:
    """Redis is used when a URL is configured, and in DEBUG only with ``CODEX_REDIS_ENABLED = True``."""
    if redis_url() is None:
        return False
    if settings.DEBUG:
        return bool(getattr(settings, "CODEX_REDIS_ENABLED", False))
    return bool(getattr(settings, "CODEX_REDIS_ENABLED", True))
