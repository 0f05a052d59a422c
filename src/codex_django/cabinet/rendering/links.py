"""Turn a contract URL (path, http(s) URL or route name) into an ``href``.

Contracts carry URLs as written by the feature app: ``"/cabinet/booking/"``,
``"https://example.com/"`` or a route name such as ``"booking:schedule"``.
:func:`resolve_link` is the one place that turns them into links, for the
context processor and for the ``cab_link`` template filter.

A route name that does not resolve is a configuration mistake. In DEBUG it
raises :class:`UnresolvedLink` naming the value, so the developer sees it at
once; in production it is logged on the ``codex_django.cabinet`` logger and
the link comes back as ``""``: the template renders the item without a link
(disabled), never as ``href="#"``, and the rest of the page still works.
"""

from __future__ import annotations

import logging

from django.conf import settings
from django.urls import NoReverseMatch, reverse

from codex_django.cabinet.types.fields import check_url, classify_url

__all__ = ["UnresolvedLink", "UnsafeLink", "resolve_link"]

logger = logging.getLogger("codex_django.cabinet")


class UnresolvedLink(NoReverseMatch):
    """A route name in a cabinet link that has no URL pattern (raised in DEBUG only)."""


class UnsafeLink(ValueError):
    """A link that is neither a path, an http(s) URL nor a route name (raised in DEBUG only)."""


def resolve_link(value: str) -> str:
    """Return the ``href`` for a contract URL.

    * ``""`` stays ``""`` (no link);
    * paths (``/cabinet/``, ``?page=2``) and http(s) URLs are returned as they are;
    * route names (``"booking:schedule"``, ``"dashboard"``) go through ``reverse()``;
      a bare word without ``/`` is a route name, write ``"/settings/"`` for a path.

    A route that does not reverse, or a value :func:`~codex_django.cabinet.types.fields.check_url`
    rejects (``javascript:...``), raises in DEBUG and is logged and returned as ``""`` otherwise.

    Example::

        resolve_link("booking:schedule")  # "/cabinet/booking/"
        resolve_link("/cabinet/")  # "/cabinet/"
    """
    if not value:
        return ""
    try:
        check_url(value)
    except ValueError as error:
        message = f"Cabinet link {value!r} is not allowed: {error}."
        if settings.DEBUG:
            raise UnsafeLink(message) from None
        logger.error(message)
        return ""
    if classify_url(value) != "route":
        return value
    try:
        return reverse(value)
    except NoReverseMatch as error:
        message = (
            f"Cabinet link {value!r} does not resolve: no URL pattern is named {value!r} "
            "(or it needs arguments). Check the route name and its namespace in your URLconf, "
            "or write a path such as '/cabinet/booking/'."
        )
        if settings.DEBUG:
            raise UnresolvedLink(message) from error
        logger.error("%s (%s)", message, error)
        return ""
