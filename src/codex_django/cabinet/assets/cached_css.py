"""Stylesheets served under a digest URL: the table of what was handed out, and the response.

Two stylesheets are generated per process and linked by a URL carrying a
digest of their CSS (``theme-<digest>.css``, ``icons-<digest>.css``), so the
URL changes exactly when the CSS does and the file can be cached for a year.
:class:`StylesheetTable` remembers the CSS handed out under each digest;
:func:`serve_by_digest` answers such a URL: ``304`` or the remembered CSS with
``immutable``, and for a digest this process does not know (an old page still
open, another worker) the current CSS with ``no-cache`` rather than a 404 that
would leave the page unstyled.
"""

from __future__ import annotations

import threading
from collections import OrderedDict
from collections.abc import Callable

from django.http import HttpRequest, HttpResponse

__all__ = ["IMMUTABLE", "StylesheetTable", "css_response", "serve_by_digest"]

IMMUTABLE = "public, max-age=31536000, immutable"


class StylesheetTable:
    """The last ``size`` stylesheets handed out, by digest (thread-safe)."""

    def __init__(self, size: int = 256) -> None:
        self._size = size
        self._known: OrderedDict[str, str] = OrderedDict()
        self._lock = threading.Lock()

    def remember(self, digest: str, css: str) -> None:
        with self._lock:
            self._known[digest] = css
            self._known.move_to_end(digest)
            while len(self._known) > self._size:
                self._known.popitem(last=False)

    def get(self, digest: str) -> str | None:
        with self._lock:
            return self._known.get(digest)


def css_response(css: str, digest: str, cache_control: str) -> HttpResponse:
    """``text/css`` with ``Cache-Control``, an ``ETag`` of the digest and ``nosniff``."""
    response = HttpResponse(css, content_type="text/css; charset=utf-8")
    response["Cache-Control"] = cache_control
    response["ETag"] = f'"{digest}"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def serve_by_digest(
    request: HttpRequest,
    digest: str,
    known: Callable[[str], str | None],
    current: Callable[[], tuple[str, str]],
) -> HttpResponse:
    """Answer a digest URL: ``known(digest)`` if remembered, else ``current()`` ``(css, digest)``."""
    css = known(digest)
    if css is not None:
        if request.headers.get("If-None-Match", "").strip('"') == digest:
            response = HttpResponse(status=304)
            response["Cache-Control"] = IMMUTABLE
            return response
        return css_response(css, digest, IMMUTABLE)
    css, now = current()
    return css_response(css, now, IMMUTABLE if now == digest else "no-cache")
