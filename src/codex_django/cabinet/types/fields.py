"""Field types shared by the contracts: text, URLs, icons, CSS colours.

``SafeUrl`` is the one gate for every URL a payload carries. It accepts:

* ``""`` (no link),
* relative paths: ``/cabinet/booking/``, ``booking/42/``, ``?page=2``, ``#top``,
* absolute ``http://`` and ``https://`` URLs,
* named routes: ``booking:schedule`` (resolved server-side by
  :func:`codex_django.cabinet.urls.resolve_url`).

Everything else is rejected when the contract is built: ``javascript:``,
``data:``, ``vbscript:`` and every other scheme, protocol-relative ``//host``
URLs, backslashes, control characters and whitespace inside the scheme (the
browser would strip it: ``java\\tscript:`` runs as ``javascript:``), HTML
character references (``&#106;avascript:``) and fragments that are not plain
ids (htmx looks the fragment up as a CSS selector after a swap).
"""

from __future__ import annotations

import re
from datetime import date
from typing import Annotated, Any

from django.utils.functional import Promise
from pydantic import AfterValidator, Field, PlainSerializer, PlainValidator, WithJsonSchema

from codex_django.cabinet.assets.icon_catalogue import check_icon_name

_CONTROL = re.compile(r"[\x00-\x1f\x7f]")
_FRAGMENT = re.compile(r"[A-Za-z_][A-Za-z0-9_-]*")
# Numeric references decode with or without ';', named ones in attributes only with it.
_CHARACTER_REFERENCE = re.compile(r"&(#|[A-Za-z][A-Za-z0-9]*;)")
_SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
ROUTE_NAME = re.compile(r"^[A-Za-z_][\w-]*(?::[A-Za-z_][\w-]*)*$")
ALLOWED_SCHEMES = ("http", "https")
# Schemes a browser executes or reads locally: never a route namespace either.
BLOCKED_SCHEMES = frozenset(
    {
        "javascript",
        "vbscript",
        "data",
        "file",
        "blob",
        "filesystem",
        "about",
        "jar",
        "view-source",
        "livescript",
    }
)


def check_url(value: str) -> str:
    """Return ``value`` if it is a safe URL (see module docstring), else raise ``ValueError``."""
    if value == "":
        return value
    if value != value.strip():
        raise ValueError("a URL may not start or end with whitespace")
    if _CONTROL.search(value):
        raise ValueError("a URL may not contain control characters")
    if "\\" in value:
        raise ValueError("a URL may not contain backslashes")
    if _CHARACTER_REFERENCE.search(value):
        # '&#106;avascript:' is inert while a template escapes it, a javascript: link after
        # one HTML decoding: a URL in a payload is never entity-encoded.
        raise ValueError("a URL may not contain HTML character references ('&#...;', '&name;')")
    fragment = value.partition("#")[2]
    if fragment and not _FRAGMENT.fullmatch(fragment):
        # htmx runs querySelector('#' + fragment) after a swap: anything but an id breaks it.
        raise ValueError(
            "a URL fragment ('#...') must be an id: a letter or '_', then letters, digits, '-', '_'"
        )
    squeezed = re.sub(r"\s+", "", value)
    if squeezed.startswith("//"):
        raise ValueError("protocol-relative URLs ('//host/...') are not allowed; write https://host/...")
    scheme = _SCHEME.match(squeezed)
    if scheme:
        name = scheme.group(1).lower()
        if name in ALLOWED_SCHEMES:
            if not squeezed[scheme.end() :].startswith("//"):
                raise ValueError("an absolute URL needs a host: write https://host/...")
            return value
        if name not in BLOCKED_SCHEMES and ROUTE_NAME.match(value):
            return value  # a namespaced route name such as "booking:schedule"
        raise ValueError(
            f"the URL scheme {name!r} is not allowed; use http(s), a relative path or a named route"
        )
    return value


def classify_url(value: str) -> str:
    """``"empty"``, ``"absolute"``, ``"route"`` or ``"path"`` for a URL that passed :func:`check_url`."""
    if not value:
        return "empty"
    if ROUTE_NAME.match(value):
        return "route"
    if _SCHEME.match(value):
        return "absolute"
    return "path"


def _text(value: Any) -> str | Promise:
    if isinstance(value, str | Promise):
        return value
    raise ValueError(f"Input should be a string, got {type(value).__name__}")


# Text shown to users: a ``str`` or a lazy translation (kept lazy so it
# translates per request, not once at import time).
Text = Annotated[
    str | Promise,
    PlainValidator(_text),
    PlainSerializer(str, return_type=str),
    WithJsonSchema({"type": "string"}),
]

SafeUrl = Annotated[str, AfterValidator(check_url)]

_HTML_ID = re.compile(r"[A-Za-z][A-Za-z0-9_-]*")


def _check_html_id(value: str) -> str:
    if value and not _HTML_ID.fullmatch(value):
        raise ValueError("an HTML id starts with a letter and holds only letters, digits, '-' and '_'")
    return value


# An element id a component writes into ``id=`` and into CSS selectors (``hx-target="#..."``).
HtmlId = Annotated[str, AfterValidator(_check_html_id)]


def _check_icon(value: str) -> str:
    if value and not re.fullmatch(r"bi-[a-z0-9-]+", value):
        raise ValueError("an icon is a Bootstrap Icons class such as 'bi-calendar' (letters, digits, '-')")
    if value:
        check_icon_name(value)  # reads icons.json once, when built
    return value


# Bootstrap Icons class name, e.g. ``bi-calendar-check``; ``""`` for none.
IconName = Annotated[str, AfterValidator(_check_icon)]

_HEX = re.compile(r"#(?:[0-9a-fA-F]{3}|[0-9a-fA-F]{4}|[0-9a-fA-F]{6}|[0-9a-fA-F]{8})")
BOOTSTRAP_COLOURS = ("primary", "secondary", "success", "danger", "warning", "info", "light", "dark")


def _check_colour(value: str) -> str:
    if value == "" or _HEX.fullmatch(value) or value in BOOTSTRAP_COLOURS:
        return value
    raise ValueError(
        "a colour is a hex value such as '#6366f1' or a Bootstrap colour name ("
        + ", ".join(BOOTSTRAP_COLOURS)
        + ")"
    )


# A hex colour or a Bootstrap colour name; never arbitrary CSS (no ``url(...)``).
Colour = Annotated[str, AfterValidator(_check_colour)]


def _check_permission(value: str) -> str:
    if not re.fullmatch(r"[\w.-]+\.[\w-]+", value):
        raise ValueError("a permission is written 'app_label.codename', e.g. 'booking.view_appointment'")
    return value


Permission = Annotated[str, AfterValidator(_check_permission)]


# An identifier that keys an item in a collection (a model's primary key as text).
ItemId = Annotated[str, Field(min_length=1)]


# --------------------------------------------------------------------------- dates and times

_HH_MM = re.compile(r"(?:[01]\d|2[0-3]):[0-5]\d")


def check_time(value: str) -> str:
    if value and not _HH_MM.fullmatch(value):
        raise ValueError("a time is written 'HH:MM' with a 24-hour clock, e.g. '09:30'")
    return value


def check_date(value: str) -> str:
    if value:
        try:
            date.fromisoformat(value)
        except ValueError:
            raise ValueError("a date is written 'YYYY-MM-DD', e.g. '2026-04-01'") from None
    return value


# ``"HH:MM"`` (24-hour) or ``""``.
TimeOfDay = Annotated[str, AfterValidator(check_time)]
# ``"YYYY-MM-DD"`` or ``""``.
IsoDate = Annotated[str, AfterValidator(check_date)]


def check_choice(value: str, options: list[Any], what: str) -> None:
    values = [option.value for option in options]
    if value and value not in values:
        raise ValueError(f"{value!r} is not one of the {what} values {values[:10]!r}")
