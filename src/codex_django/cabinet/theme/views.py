"""Views: the theme stylesheet (long-cached, by digest) and the colour-mode switch's form target.

``theme_stylesheet`` answers ``…/theme/<space>/theme-<digest>.css``. When the
digest is one this process handed out, or the one the request's theme has now,
the CSS is served with ``Cache-Control: public, max-age=31536000, immutable``
(the URL changes with the theme, so the old file never needs revalidating).
A stale digest (an old page still open after the theme changed, or another
worker's theme) gets the current theme with ``no-cache``, never a 404 that
would leave the page unstyled.

``set_color_mode`` is the switch's no-JavaScript path: a POST with ``mode``
(light/dark/system) sets the cookie and redirects back to ``next`` when it is
a safe same-site URL. With JavaScript the switch sets the cookie itself.
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse, HttpResponseBadRequest, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_GET, require_POST

from codex_django.cabinet.assets.cached_css import IMMUTABLE, serve_by_digest

from .color_mode import COLOR_MODES, set_color_mode_cookie
from .sources import resolve_theme
from .stylesheets import known_stylesheet, stylesheet_for

__all__ = ["IMMUTABLE", "set_color_mode", "theme_stylesheet"]

SPACES = ("staff", "client", "default")


@require_GET
def theme_stylesheet(request: HttpRequest, space: str, digest: str) -> HttpResponse:
    """The stylesheet with ``digest``, or the current theme's when the digest is stale (see module docs)."""

    def current() -> tuple[str, str]:
        if space in ("staff", "client"):
            request.cabinet_space = space  # type: ignore[attr-defined]  # a callable THEME may look at it
        return stylesheet_for(resolve_theme(request))

    return serve_by_digest(request, digest, known_stylesheet, current)


@require_POST
def set_color_mode(request: HttpRequest) -> HttpResponse:
    """Remember the posted ``mode`` and go back to ``next`` (or ``/``); 204 for script requests."""
    mode = request.POST.get("mode", "")
    if mode not in COLOR_MODES:
        return HttpResponseBadRequest("mode must be light, dark or system")
    target = request.POST.get("next", "")
    safe = url_has_allowed_host_and_scheme(target, {request.get_host()}, require_https=request.is_secure())
    response: HttpResponse
    if request.headers.get("HX-Request") or request.headers.get("X-Requested-With") == "fetch":
        response = HttpResponse(status=204)
    else:
        response = HttpResponseRedirect(target if safe and target else "/")
    set_color_mode_cookie(response, mode)  # checked against COLOR_MODES above
    return response
