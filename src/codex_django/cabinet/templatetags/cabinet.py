"""The ``cabinet`` template tag library: ``{% load cabinet %}``.

Tags for the shell and for pages inside it:

* ``{% cabinet_css %}`` / ``{% cabinet_js %}``: link the built bundle
  (``npm run build`` writes ``cabinet/dist/``); the CSS is the RTL build when
  the active language is right-to-left, followed by the stylesheet of the
  Bootstrap Icons in use (:mod:`codex_django.cabinet.assets.icons`); the JS is loaded
  with ``defer``.
* ``{% cabinet_stylesheets_map %}``: the JSON map (part of ``cabinet_css``) from
  which ``shell.js`` links the CSS of components arriving in HTMX responses.
* ``{% cabinet_htmx_config %}``: the ``<meta name="htmx-config">`` a strict
  Content-Security-Policy needs (no eval, no injected ``<style>``).
* ``{% cabinet_hx_headers %}``: the JSON for ``<body hx-headers="...">``
  carrying the CSRF token on every htmx request.
* ``{% cabinet_badge key %}``: a count badge read from the context variable ``key``.
* ``{% cabinet_logout_url as url %}``: where the user menu's logout form posts.
* ``{% cabinet_home_url space as url %}``: the space's home (its URL prefix).
* ``{% cabinet_once "name" as first %}``: True only the first time per request
  (one modal host per page even when a page includes it again).
* ``{{ value|cab_link }}``: a contract URL (path, http(s) URL or route name) as an ``href``.
* ``{{ links|cab_active_label }}``: the label of the active link in a list or a dict of lists.

Example::

    {% load cabinet %}
    <a href="{{ item.url|cab_link }}">{{ item.label }} {% cabinet_badge item.badge_key %}</a>
"""

from __future__ import annotations

import functools
import json
import logging
import numbers
import re
from decimal import Decimal
from typing import Any

from django import template
from django.conf import settings
from django.templatetags.static import static
from django.urls import NoReverseMatch, reverse
from django.utils.html import format_html, json_script
from django.utils.safestring import SafeString
from django.utils.translation import get_language_bidi, ngettext

from codex_django.cabinet.conf import cabinet_setting

__all__ = [
    "BUNDLE_CSS",
    "BUNDLE_CSS_RTL",
    "BUNDLE_JS",
    "HTMX_CONFIG",
    "badge_count",
    "missing_assets",
]

logger = logging.getLogger("codex_django.cabinet")
register = template.Library()

BUNDLE_CSS = "cabinet/dist/cabinet.css"
BUNDLE_CSS_RTL = "cabinet/dist/cabinet.rtl.css"
BUNDLE_JS = "cabinet/dist/cabinet.js"
BUNDLE_HTMX = "cabinet/dist/htmx.js"
COMPONENTS_MANIFEST = "cabinet/dist/components.json"

# htmx settings for a strict CSP (script-src 'self'; style-src 'self'):
# no eval (hx-on, js: values, event filters), no <style> injected for indicators
# (the shell stylesheets carry those rules), no re-executed <script> tags from responses,
# and requests only to this origin.
HTMX_CONFIG: dict[str, Any] = {
    "allowEval": False,
    "allowScriptTags": False,
    "includeIndicatorStyles": False,
    "selfRequestsOnly": True,
}

# A context variable name or a dotted lookup (``counts.pending``); never a literal.
_BADGE_KEY = re.compile(r"[A-Za-z_][A-Za-z0-9_]*(?:\.[A-Za-z0-9_]+)*")
BADGE_MAX = 99


@functools.cache
def _asset_missing(path: str) -> bool:
    """True when no staticfiles finder knows ``path`` (checked once per process)."""
    from django.contrib.staticfiles import finders

    return finders.find(path) is None


def missing_assets() -> list[str]:
    """The bundle files that are not built (for system checks and the tags' warning)."""
    return [path for path in (BUNDLE_CSS, BUNDLE_CSS_RTL, BUNDLE_JS, BUNDLE_HTMX) if _asset_missing(path)]


def _bundle_url(path: str) -> str:
    if _asset_missing(path):
        logger.warning(
            "The cabinet bundle file %r is missing, so cabinet pages render unstyled and without "
            "JavaScript. Build it with `npm ci && npm run build` in the codex-django-cabinet "
            "checkout (or install a wheel, which ships it).",
            path,
        )
    return static(path)


_STYLESHEETS: dict[str, str] = {}


def component_stylesheets() -> dict[str, str]:
    """The built manifest's ``{marker class: static path}`` of the components with their own CSS.

    Read once per process; empty (and read again next time) while the bundle is not built
    (``cabinet.W001`` says so), so a build during ``runserver`` is picked up.
    """
    from django.contrib.staticfiles import finders

    if _STYLESHEETS:
        return _STYLESHEETS
    found = finders.find(COMPONENTS_MANIFEST)
    if not found:
        return {}
    with open(str(found), encoding="utf-8") as manifest:
        separate = json.load(manifest)["separate"]
    _STYLESHEETS.update({entry["marker"]: entry["css"] for entry in separate.values()})
    return _STYLESHEETS


@register.simple_tag(name="cabinet_stylesheets_map")
def _stylesheets_map() -> SafeString:
    """``<script type="application/json" id="cab-stylesheets">``: where shell.js finds the CSS of
    components that arrive in HTMX responses (pages link theirs in the ``<head>``)."""
    urls = {marker: static(path) for marker, path in component_stylesheets().items()}
    if not urls:
        return SafeString("")
    return json_script(urls, "cab-stylesheets")


@register.simple_tag
def cabinet_css() -> SafeString:
    """``<link rel="stylesheet">`` for the bundle's CSS (the RTL build for RTL languages) and the icons.

    The bundle has the rules of the icons the library names; a second link adds
    those of the registry's and ``CODEX_CABINET["ICONS"]`` (``…/icons/icons-<digest>.css``),
    or every icon's (the static ``icons-all.css``) for ``"all"`` or when the
    cabinet URLs are not included. No second link when there is nothing to add.
    """
    from codex_django.cabinet.assets.icons import icons_stylesheet_href

    path = BUNDLE_CSS_RTL if get_language_bidi() else BUNDLE_CSS
    bundle = format_html('<link rel="stylesheet" href="{}">{}', _bundle_url(path), _stylesheets_map())
    icons = icons_stylesheet_href()
    if not icons:
        return bundle
    return format_html('{}\n<link rel="stylesheet" href="{}">', bundle, icons)


@register.simple_tag
def cabinet_js() -> SafeString:
    """``<script defer>`` for the bundle's JS: Alpine (CSP build), shell and components.

    ``data-htmx`` is where the bundle loads htmx from when the page needs it (an
    element with ``hx-get``/``-post``/... or a modal opening): pages that make no
    requests never load it (see ``frontend/cabinet-runtime.js``).
    """
    return format_html(
        '<script src="{}" defer data-htmx="{}"></script>', _bundle_url(BUNDLE_JS), _bundle_url(BUNDLE_HTMX)
    )


@register.simple_tag
def cabinet_htmx_config() -> SafeString:
    """``<meta name="htmx-config">`` with :data:`HTMX_CONFIG` (read by htmx when it starts)."""
    return format_html('<meta name="htmx-config" content="{}">', json.dumps(HTMX_CONFIG, sort_keys=True))


@register.simple_tag(takes_context=True)
def cabinet_hx_headers(context: template.Context) -> str:
    """JSON for ``hx-headers`` with the CSRF token; the template escapes it into the attribute.

    ``json.dumps`` makes the value JSON-safe whatever the token holds, and the
    simple tag's autoescaping makes it attribute-safe; htmx reads it back unescaped.
    """
    token = context.get("csrf_token")
    text = str(token) if token else ""
    if not text or text == "NOTPROVIDED":
        return "{}"
    return json.dumps({"X-CSRFToken": text})


def badge_count(value: Any) -> int | None:
    """A badge count from a context value: non-negative whole numbers only, else None."""
    if isinstance(value, bool) or value is None:
        return None
    if isinstance(value, str):
        value = value.strip()
        return int(value) if value.isdigit() else None
    if isinstance(value, numbers.Integral):
        return int(value)
    if isinstance(value, float | Decimal) and value == int(value):
        return int(value)
    return None


@register.simple_tag(takes_context=True)
def cabinet_badge(context: template.Context, key: str | None) -> str:
    """A count badge for the context variable named ``key``; nothing unless the count is positive.

    The visible number is capped at ``99+``; screen readers hear the exact count
    in words from a visually hidden label.
    """
    if not key or not isinstance(key, str) or not _BADGE_KEY.fullmatch(key):
        return ""
    try:
        value = template.Variable(key).resolve(context)
    except template.VariableDoesNotExist:
        return ""
    count = badge_count(value)
    if count is None or count <= 0:
        return ""
    shown = f"{BADGE_MAX}+" if count > BADGE_MAX else str(count)
    label = ngettext("%(count)s item needs attention", "%(count)s items need attention", count) % {
        "count": count
    }
    return format_html(
        '<span class="badge cab-badge"><span aria-hidden="true">{}</span>'
        '<span class="visually-hidden">{}</span></span>',
        shown,
        label,
    )


@register.simple_tag
def cabinet_logout_url() -> str:
    """``settings.LOGOUT_URL`` (a path or route name) if set, else the route ``logout``, else ``""``.

    The user menu renders its POST logout form only when this is not empty.
    """
    from codex_django.cabinet.rendering.links import resolve_link

    configured = getattr(settings, "LOGOUT_URL", None)
    if configured:
        return resolve_link(str(configured))
    try:
        return reverse("logout")
    except NoReverseMatch:
        return ""


@register.filter
def cab_link(value: Any) -> str:
    """The ``href`` of a contract URL: paths and http(s) URLs as they are, route names reversed."""
    if value is None:
        return ""
    # Imported here: links imports the URL machinery, which must not load at tag-library import.
    from codex_django.cabinet.rendering.links import resolve_link

    return resolve_link(str(value))


@register.simple_tag
def cabinet_home_url(space: str | None) -> str:
    """The home of a space: ``CODEX_CABINET["CLIENT_URL_PREFIX"]`` for ``"client"``, else the staff prefix."""
    if space == "client":
        return str(cabinet_setting("CLIENT_URL_PREFIX"))
    return str(cabinet_setting("STAFF_URL_PREFIX"))


@register.simple_tag(takes_context=True)
def cabinet_once(context: template.Context, name: str) -> bool:
    """True the first time ``name`` is asked for while rendering this request, False afterwards.

    Remembered on the request (the one object every template of a page shares);
    without a request in the context it is always True.
    """
    request = context.get("request")
    if request is None:
        return True
    seen: set[str] = request.__dict__.setdefault("_cabinet_once", set())
    if name in seen:
        return False
    seen.add(name)
    return True


@register.filter
def cab_active_label(links: Any) -> Any:
    """The label of the first active link in ``links`` (NavLinks, or a dict of NavLink lists), or ``""``."""
    groups = links.values() if isinstance(links, dict) else [links]
    for group in groups:
        for link in group or ():
            if getattr(link, "active", False):
                return link.label
    return ""
