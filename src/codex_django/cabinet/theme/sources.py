"""Where a request's theme comes from, in order: defaults, the setting, the cabinet settings.

1. :data:`~.tokens.DEFAULT_THEME`;
2. ``CODEX_CABINET["THEME"]``: a dict of overrides, the path of a DTCG file,
   or a callable ``(request) -> dict | path | None`` (so a tenant or the client
   space can differ; it sees ``request.cabinet_space``, also when the
   stylesheet itself is requested);
3. ``CabinetSettings.theme_overrides``, edited in the cabinet (read once per
   request through ``models.current.current_settings``).

Each layer is validated on its own; a broken layer is logged and skipped, so a
bad token never takes the cabinet down (``manage.py check`` reports it: see
:mod:`.checks`). DTCG files are re-read when their modification time changes.
"""

from __future__ import annotations

import functools
import json
import logging
from collections.abc import Callable, Mapping
from pathlib import Path
from typing import Any

from django.http import HttpRequest

from ..conf import cabinet_setting
from .dtcg import load_dtcg_file
from .overrides import ThemeError, apply_overrides
from .tokens import DEFAULT_THEME, Theme

__all__ = [
    "SETTINGS_MODEL_SOURCE",
    "SETTING_SOURCE",
    "cabinet_settings_overrides",
    "resolve_theme",
    "setting_overrides",
    "theme_with",
]

logger = logging.getLogger("codex_django.cabinet.theme")

SETTING_SOURCE = 'CODEX_CABINET["THEME"]'
SETTINGS_MODEL_SOURCE = "CabinetSettings.theme_overrides"


@functools.lru_cache(maxsize=16)
def _file_overrides(path: str, mtime: float) -> dict[str, Any]:
    return load_dtcg_file(path)


def _overrides_from(value: Any, source: str) -> dict[str, Any]:
    if value is None:
        return {}
    if isinstance(value, Mapping):
        return dict(value)
    if isinstance(value, str | Path):
        path = Path(value)
        try:
            mtime = path.stat().st_mtime
        except OSError as error:
            raise ThemeError(
                [f"cannot read the DTCG file {str(path)!r} ({error.strerror or error})"], source
            ) from None
        return _file_overrides(str(path), mtime)
    raise ThemeError(
        [f"expected a dict of tokens, a DTCG file path or a callable, got {type(value).__name__}"], source
    )


def setting_overrides(request: HttpRequest | None = None) -> dict[str, Any]:
    """The overrides ``CODEX_CABINET["THEME"]`` gives for ``request`` (``{}`` when unset)."""
    value = cabinet_setting("THEME")
    if callable(value) and not isinstance(value, Mapping):
        value = value(request)
    return _overrides_from(value, SETTING_SOURCE)


@functools.cache
def _warn_once(message: str) -> None:
    logger.warning(message)


def cabinet_settings_overrides(request: HttpRequest | None) -> dict[str, Any]:
    """``CabinetSettings.theme_overrides`` for ``request``; ``{}`` without a request or when unreadable."""
    if request is None:
        return {}
    try:
        from ..models.current import current_settings

        overrides = current_settings(request).theme_overrides
    except Exception as error:  # a settings outage must not break every page
        _warn_once(
            f"The cabinet theme ignores CabinetSettings, which cannot be read ({type(error).__name__})."
        )
        return {}
    return dict(overrides) if isinstance(overrides, Mapping) else {}


def _overrides_key(overrides: Mapping[str, Any]) -> str:
    return json.dumps(overrides, sort_keys=True, default=str)


@functools.lru_cache(maxsize=64)
def _applied(base: Theme, key: str, source: str) -> Theme:
    return apply_overrides(base, json.loads(key), source)


def theme_with(base: Theme, overrides: Mapping[str, Any], source: str = "theme") -> Theme:
    """``apply_overrides`` memoised by value (themes are frozen, overrides compared as JSON)."""
    if not overrides:
        return base
    return _applied(base, _overrides_key(overrides), source)


def _layers() -> list[tuple[str, Callable[[HttpRequest | None], dict[str, Any]]]]:
    return [(SETTING_SOURCE, setting_overrides), (SETTINGS_MODEL_SOURCE, cabinet_settings_overrides)]


def resolve_theme(request: HttpRequest | None = None) -> Theme:
    """The theme in force for ``request``: defaults, then the setting, then the cabinet settings."""
    theme = DEFAULT_THEME
    for source, layer in _layers():
        try:
            theme = theme_with(theme, layer(request), source)
        except ThemeError as error:
            logger.warning("The cabinet theme skips %s: %s", source, "; ".join(error.problems))
    return theme
