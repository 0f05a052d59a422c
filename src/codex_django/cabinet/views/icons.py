"""The icon stylesheet ``…/icons/icons-<digest>.css`` (see :mod:`codex_django.cabinet.assets.icons`).

Served like the theme stylesheet: the CSS handed out under the digest with
``immutable`` caching, or the current icon set with ``no-cache`` when the digest
is stale (another worker, a page open across a deploy).
"""

from __future__ import annotations

from django.http import HttpRequest, HttpResponse
from django.views.decorators.http import require_GET

from codex_django.cabinet.assets.cached_css import serve_by_digest
from codex_django.cabinet.assets.icons import icons_stylesheet, known_icons_stylesheet

__all__ = ["icons_stylesheet_view"]


@require_GET
def icons_stylesheet_view(request: HttpRequest, digest: str) -> HttpResponse:
    """The per-icon rules of the icons in use (``.bi-<name>::before{content:…}``)."""
    return serve_by_digest(request, digest, known_icons_stylesheet, icons_stylesheet)
