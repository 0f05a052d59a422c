"""The colour mode (light, dark, follow the system), remembered in a cookie and applied server-side.

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

__all__ = [
    "COLOR_MODES",
    "COLOR_MODE_COOKIE",
    "DEFAULT_COLOR_MODE",
    "ColorMode",
    "color_mode",
    "rendered_theme",
    "set_color_mode_cookie",
]

ColorMode = Literal["light", "dark", "system"]
COLOR_MODES: tuple[ColorMode, ...] = ("light", "dark", "system")
COLOR_MODE_COOKIE = "cabinet_color_mode"
# Light until the user picks: the shipped look, and no extra script on a first visit.
DEFAULT_COLOR_MODE: ColorMode = "light"
COOKIE_MAX_AGE = 365 * 24 * 3600
CLIENT_HINT = "Sec-CH-Prefers-Color-Scheme"


def color_mode(request: HttpRequest | None) -> ColorMode:
    """The mode the user chose (cookie), else :data:`DEFAULT_COLOR_MODE`."""
    value = request.COOKIES.get(COLOR_MODE_COOKIE, "") if request is not None else ""
    for mode in COLOR_MODES:
        if value == mode:
            return mode
    return DEFAULT_COLOR_MODE


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
