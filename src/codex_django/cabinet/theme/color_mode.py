"""The colour mode (light, dark, follow the system), remembered in a cookie and applied server-side.

Until the user picks a mode in the colour-mode switch, the page follows the
browser's ``prefers-color-scheme`` ("system"), or the mode a project sets in
``CODEX_CABINET["COLOR_MODE"]``. A picked mode is kept in a cookie for a year.

The server reads the cookie and writes ``data-bs-theme`` on ``<html>`` itself,
so a page never flashes the wrong mode and no inline script is needed (strict
CSP). "Follow the system" cannot be known on the server: the page is rendered
light (or as the ``Sec-CH-Prefers-Color-Scheme`` client hint says, when the
browser sends it) with ``data-cab-color-mode="system"``, and the small blocking
script ``cabinet/color-mode.js`` in ``<head>`` (an external file, allowed by
``script-src 'self'``) switches the attribute from ``matchMedia`` before the
first paint.
"""

from __future__ import annotations

from typing import Literal

from django.http import HttpRequest, HttpResponseBase

from codex_django.cabinet.conf import cabinet_setting

__all__ = [
    "COLOR_MODES",
    "COLOR_MODE_COOKIE",
    "DEFAULT_COLOR_MODE",
    "ColorMode",
    "color_mode",
    "default_color_mode",
    "rendered_theme",
    "set_color_mode_cookie",
]

ColorMode = Literal["light", "dark", "system"]
COLOR_MODES: tuple[ColorMode, ...] = ("light", "dark", "system")
COLOR_MODE_COOKIE = "cabinet_color_mode"
# Follow the operating system until the user picks: what the browser already says the user prefers.
DEFAULT_COLOR_MODE: ColorMode = "system"
COOKIE_MAX_AGE = 365 * 24 * 3600
CLIENT_HINT = "Sec-CH-Prefers-Color-Scheme"


def _known(value: object) -> ColorMode | None:
    for mode in COLOR_MODES:
        if value == mode:
            return mode
    return None


def default_color_mode() -> ColorMode:
    """``CODEX_CABINET["COLOR_MODE"]`` ("system" by default; an invalid value too, and ``check`` reports it)."""
    return _known(cabinet_setting("COLOR_MODE")) or DEFAULT_COLOR_MODE


def color_mode(request: HttpRequest | None) -> ColorMode:
    """The mode the user chose (cookie), else :func:`default_color_mode`."""
    value = request.COOKIES.get(COLOR_MODE_COOKIE, "") if request is not None else ""
    return _known(value) or default_color_mode()


def rendered_theme(request: HttpRequest | None, mode: ColorMode) -> Literal["light", "dark"]:
    """The ``data-bs-theme`` value to render: the mode itself, or for "system" the client hint or light."""
    if mode == "dark":
        return "dark"
    if mode == "system" and request is not None and request.headers.get(CLIENT_HINT, "").strip('"') == "dark":
        return "dark"
    return "light"


def set_color_mode_cookie(response: HttpResponseBase, mode: ColorMode) -> None:
    """Remember ``mode`` for a year on this browser (readable by the switch's script: not HttpOnly)."""
    response.set_cookie(COLOR_MODE_COOKIE, mode, max_age=COOKIE_MAX_AGE, samesite="Lax", httponly=False)
