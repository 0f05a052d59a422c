"""The ``cabinet_theme`` template tag library: ``{% load cabinet_theme %}``.

For ``<html>`` and ``<head>`` of a cabinet page (``cabinet/base.html`` uses them)::

    {% load cabinet_theme %}
    <html {% cabinet_color_mode_attrs %}>
    <head>
      {% cabinet_color_mode_script %}   {# only in "follow the system" mode #}
      {% cabinet_css %}{% cabinet_theme_css %}

* ``{% cabinet_color_mode_attrs %}``: ``data-bs-theme="light|dark"`` from the
  user's colour-mode cookie, plus ``data-cab-color-mode="light|dark|system"``.
* ``{% cabinet_color_mode_script %}``: the blocking external script that applies
  the system preference before the first paint; nothing unless the mode is "system".
* ``{% cabinet_theme_css %}``: ``<link rel="stylesheet">`` to the request's theme
  (``…/theme-<digest>.css``); nothing when the theme is the default (the bundle
  carries it) or when the theme URLs are not routed (a warning is logged once).
  Place it after ``{% cabinet_css %}`` so its values win.
* ``{% cabinet_color_mode as mode %}``: the chosen mode, for custom switches.
"""

from __future__ import annotations

import functools
import logging

from django import template
from django.http import HttpRequest
from django.templatetags.static import static
from django.utils.html import format_html
from django.utils.safestring import SafeString

from codex_django.cabinet.theme.color_mode import color_mode, rendered_theme
from codex_django.cabinet.theme.sources import resolve_theme
from codex_django.cabinet.theme.stylesheets import STYLESHEET_ROUTE, stylesheet_url
from codex_django.cabinet.theme.tokens import DEFAULT_THEME

__all__ = ["COLOR_MODE_SCRIPT"]

logger = logging.getLogger("codex_django.cabinet.theme")
register = template.Library()

COLOR_MODE_SCRIPT = "cabinet/color-mode.js"


def _request(context: template.Context) -> HttpRequest | None:
    request = context.get("request")
    return request if isinstance(request, HttpRequest) else None


@functools.cache
def _warn_unrouted() -> None:
    logger.warning(
        "The cabinet theme has overrides but its stylesheet URL (%s) is not routed, so the page shows "
        'the default theme. Include path("cabinet/", include("codex_django.cabinet.urls")) in your URLconf.',
        STYLESHEET_ROUTE,
    )


@register.simple_tag(takes_context=True)
def cabinet_color_mode(context: template.Context) -> str:
    """The user's colour mode: ``"light"``, ``"dark"`` or ``"system"``."""
    return color_mode(_request(context))


@register.simple_tag(takes_context=True)
def cabinet_color_mode_attrs(context: template.Context) -> SafeString:
    """``data-bs-theme="…" data-cab-color-mode="…"`` for the ``<html>`` element."""
    request = _request(context)
    mode = color_mode(request)
    return format_html('data-bs-theme="{}" data-cab-color-mode="{}"', rendered_theme(request, mode), mode)


@register.simple_tag(takes_context=True)
def cabinet_color_mode_script(context: template.Context) -> SafeString | str:
    """``<script src=".../color-mode.js">`` (blocking, in ``<head>``) when the mode follows the system."""
    if color_mode(_request(context)) != "system":
        return ""
    return format_html('<script src="{}"></script>', static(COLOR_MODE_SCRIPT))


@register.simple_tag(takes_context=True)
def cabinet_theme_css(context: template.Context) -> SafeString | str:
    """``<link rel="stylesheet">`` to the request's theme; nothing for the default theme."""
    request = _request(context)
    theme = resolve_theme(request)
    if theme == DEFAULT_THEME:
        return ""
    url = stylesheet_url(theme, context.get("cabinet_space"))
    if not url:
        _warn_unrouted()
        return ""
    return format_html('<link rel="stylesheet" href="{}">', url)
