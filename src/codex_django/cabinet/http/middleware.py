"""``CabinetCSPMiddleware``: a strict Content-Security-Policy on every HTML response.

The cabinet's templates contain no inline ``<script>``, no inline ``<style>``
and no ``style=`` attributes, and its JavaScript runs without ``eval`` (Alpine's
CSP build, htmx with ``allowEval: false``). So the policy can be strict; it comes
from ``CODEX_CABINET["CSP"]`` (directive -> list of sources), by default
``script-src 'self'; style-src 'self'`` and friends.

A page that truly needs an inline script or style can use the per-request
nonce ``request.csp_nonce``::

    <script nonce="{{ request.csp_nonce }}">...</script>

The nonce is generated only when a template (or view) reads it, and only then
added to ``script-src`` and ``style-src``, so unused nonces never weaken the policy.

Responses that already carry a ``Content-Security-Policy`` header (set by the
view or another middleware) are left alone, and ``CODEX_CABINET["CSP"] = None``
(or ``{}``) turns the header off.

Add it after Django's security middleware::

    MIDDLEWARE = [..., "codex_django.cabinet.http.middleware.CabinetCSPMiddleware"]
"""

from __future__ import annotations

import secrets
from collections.abc import Callable, Iterable, Mapping

from django.http import HttpRequest, HttpResponseBase

from codex_django.cabinet.conf import cabinet_setting

__all__ = ["CSP_HEADER", "CSPNonce", "CabinetCSPMiddleware", "build_policy"]

CSP_HEADER = "Content-Security-Policy"
NONCE_DIRECTIVES = ("script-src", "style-src")


class CSPNonce:
    """A nonce made on first use: ``str(nonce)`` generates it, ``nonce.used`` tells whether it was."""

    __slots__ = ("_value",)

    def __init__(self) -> None:
        self._value: str | None = None

    @property
    def used(self) -> bool:
        return self._value is not None

    def __str__(self) -> str:
        if self._value is None:
            self._value = secrets.token_urlsafe(18)
        return self._value

    def __html__(self) -> str:
        # URL-safe base64 needs no escaping; templates may print it directly.
        return str(self)

    def __repr__(self) -> str:
        return f"<CSPNonce used={self.used}>"


def _sources(value: str | Iterable[str]) -> list[str]:
    return [value] if isinstance(value, str) else [str(source) for source in value]


def build_policy(directives: Mapping[str, str | Iterable[str]], nonce: str | None = None) -> str:
    """The header value for ``directives``; with ``nonce``, ``'nonce-…'`` joins script-src and style-src.

    A nonce directive missing from ``directives`` starts from ``default-src``,
    which is what the browser would have applied to it.

    Example::

        build_policy({"default-src": ["'self'"], "object-src": ["'none'"]})
        # "default-src 'self'; object-src 'none'"
    """
    policy: dict[str, list[str]] = {name: _sources(sources) for name, sources in directives.items()}
    if nonce is not None:
        fallback = policy.get("default-src", [])
        for name in NONCE_DIRECTIVES:
            policy.setdefault(name, list(fallback)).append(f"'nonce-{nonce}'")
    return "; ".join(" ".join([name, *sources]).strip() for name, sources in policy.items())


class CabinetCSPMiddleware:
    """Sets ``Content-Security-Policy`` from ``CODEX_CABINET["CSP"]`` on HTML responses (see module docs)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponseBase]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponseBase:
        nonce = CSPNonce()
        request.csp_nonce = nonce  # type: ignore[attr-defined]
        response = self.get_response(request)
        directives = cabinet_setting("CSP")
        if not directives or CSP_HEADER in response:
            return response
        if not response.get("Content-Type", "").startswith("text/html"):
            return response
        response[CSP_HEADER] = build_policy(directives, str(nonce) if nonce.used else None)
        return response
