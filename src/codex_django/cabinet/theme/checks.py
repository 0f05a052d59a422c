"""System checks for the theme (registered on import; the app's ``ready()`` imports this module).

========== ===================================================================
cabinet.E020 ``CODEX_CABINET["THEME"]`` cannot be loaded or has unknown/invalid tokens
cabinet.E021 ``CODEX_CABINET["COLOR_MODE"]`` is not "system", "light" or "dark"
cabinet.W020 a text, status, focus or outline-button pair of the configured theme is below WCAG contrast
cabinet.W021 the theme has overrides but its stylesheet URL is not routed
========== ===================================================================

A callable ``THEME`` is called with ``request=None``; if it needs a real request
(raises), only its result at run time is validated (and logged when broken).
The ``CabinetSettings`` layer is validated when it is saved, not here (checks
do not read the database).
"""

from __future__ import annotations

from typing import Any

from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.urls import NoReverseMatch, reverse

from codex_django.cabinet.conf import cabinet_setting

from .color_mode import COLOR_MODES
from .contrast import contrast_failures
from .overrides import ThemeError
from .sources import SETTING_SOURCE, setting_overrides, theme_with
from .stylesheets import STYLESHEET_ROUTE
from .tokens import DEFAULT_THEME

__all__ = ["check_color_mode", "check_theme", "check_theme_route"]

_FIX_CONTRAST = (
    "Change one of the two tokens named (the storybook's token panel shows the ratio as you type). "
    "Text needs 4.5:1 on its surface, focus rings, brand fills and outline-button borders 3:1."
)


def _configured() -> tuple[dict[str, Any] | None, list[CheckMessage]]:
    try:
        overrides = setting_overrides(None)
    except ThemeError as error:
        return None, _errors(error)
    except Exception:  # a callable that needs a real request: checked at run time
        return None, []
    return overrides, []


def _errors(error: ThemeError) -> list[CheckMessage]:
    where = SETTING_SOURCE if error.source == SETTING_SOURCE else f"{SETTING_SOURCE} ({error.source})"
    return [
        Error(f"{where}: {problem}", hint=_hint(problem), id="cabinet.E020") for problem in error.problems
    ]


def _hint(problem: str) -> str:
    if "unknown token" in problem:
        return "Token names: codex_django.cabinet.theme.token_names(), e.g. 'light.brand', 'radius'."
    return "Colours are hex (#rrggbb), lengths px or rem, density compact/normal/comfortable."


@register(Tags.compatibility)
def check_theme(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E020 (invalid theme setting) and W020 (contrast below WCAG) for ``CODEX_CABINET["THEME"]``."""
    overrides, messages = _configured()
    if messages or not overrides:
        return messages
    try:
        theme = theme_with(DEFAULT_THEME, overrides, SETTING_SOURCE)
    except ThemeError as error:
        return _errors(error)
    return [
        Warning(f"{SETTING_SOURCE}: contrast too low: {pair.message}.", hint=_FIX_CONTRAST, id="cabinet.W020")
        for pair in contrast_failures(theme)
    ]


@register(Tags.urls)
def check_theme_route(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W021: a configured theme needs its stylesheet URL."""
    overrides, messages = _configured()
    if messages or not overrides:
        return []
    try:
        reverse(STYLESHEET_ROUTE, kwargs={"space": "default", "digest": "0" * 12})
    except NoReverseMatch:
        return [
            Warning(
                f"{SETTING_SOURCE} is set, but the theme stylesheet URL ({STYLESHEET_ROUTE}) is not routed, "
                "so pages show the default theme.",
                hint='Add path("cabinet/", include("codex_django.cabinet.urls")) to your ROOT_URLCONF.',
                id="cabinet.W021",
            )
        ]
    return []


@register(Tags.compatibility)
def check_color_mode(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E021: the default colour mode must be one the switch offers."""
    value = cabinet_setting("COLOR_MODE")
    if value in COLOR_MODES:
        return []
    return [
        Error(
            f'CODEX_CABINET["COLOR_MODE"] is {value!r}, not a colour mode; pages follow the system instead.',
            hint='Use "system" (the browser\'s light/dark preference), "light" or "dark".',
            id="cabinet.E021",
        )
    ]
