"""A theme's stylesheet and its cache-busting URL ``…/theme/<space>/theme-<digest>.css``.

The digest is taken from the CSS itself, so the URL changes exactly when the
theme does and can be cached for a year. Every stylesheet handed out is also
remembered in a small in-process table, so the view can answer for a digest
without re-running the request's theme sources (the storybook's example themes
are served that way too).
"""

from __future__ import annotations

import functools

from django.urls import NoReverseMatch, reverse

from codex_django.cabinet.assets.cached_css import StylesheetTable

from .css import render_css, stylesheet_digest
from .tokens import Theme

__all__ = ["STYLESHEET_ROUTE", "known_stylesheet", "stylesheet_for", "stylesheet_url"]

STYLESHEET_ROUTE = "cabinet:theme_stylesheet"
_KNOWN = StylesheetTable(size=256)


@functools.lru_cache(maxsize=64)
def _rendered(theme: Theme) -> tuple[str, str]:
    css = render_css(theme)
    return css, stylesheet_digest(css)


def stylesheet_for(theme: Theme) -> tuple[str, str]:
    """``(css, digest)`` of ``theme``, remembered for :func:`known_stylesheet`."""
    css, digest = _rendered(theme)
    _KNOWN.remember(digest, css)
    return css, digest


def known_stylesheet(digest: str) -> str | None:
    """The CSS handed out under ``digest`` by this process, if any."""
    return _KNOWN.get(digest)


def stylesheet_url(theme: Theme, space: str | None = None) -> str:
    """The URL of ``theme``'s stylesheet; ``""`` when the theme URLs are not routed (see cabinet.W021)."""
    _css, digest = stylesheet_for(theme)
    try:
        return reverse(STYLESHEET_ROUTE, kwargs={"space": space or "default", "digest": digest})
    except NoReverseMatch:
        return ""
