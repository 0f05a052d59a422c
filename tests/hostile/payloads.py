"""The hostile payloads the pass puts into every string field of every story.

Each payload is a template with ``{id}``: the pass replaces it with a number
unique to one (story, field, payload) substitution, so whatever fires in the
HTML check or in Chromium (the canary ``__cabCanary(<id>)``, a dialog showing
``<id>``, a request to ``/__cab_hx/<id>``) names exactly which substitution did it.
The number is nine digits (:data:`ID_BASE` + n), so it is also a marker that
can be searched for in the rendered HTML.

Two kinds:

* ``text`` payloads go into every string field; in a text field they must be
  accepted and rendered inert (escaped), in a URL field they must be rejected
  or rendered inert;
* ``url`` payloads are what a browser would run or send elsewhere when it
  follows the link (``javascript:``, ``data:``, ``vbscript:``, ``//host``,
  whitespace- and entity-obfuscated schemes): a URL-typed field (``SafeUrl``,
  an avatar URL, a breadcrumb URL) must reject them when the contract or the
  component's kwargs are built, with a message naming the field. They go into
  text fields too, where they are just text.
"""

from __future__ import annotations

import dataclasses
import html
import re
from typing import Literal

ID_BASE = 900_000_000
CANARY_PATH = "/__cab_hx/"
LONG_LENGTH = 10_000
# An unbreakable word costs Chromium seconds of layout per copy: long enough to overflow any box.
LONG_WORD_LENGTH = 1_500

Kind = Literal["text", "url"]


@dataclasses.dataclass(frozen=True)
class Payload:
    """One hostile value: a ``name`` for messages and the ``template`` holding ``{id}``."""

    name: str
    template: str
    kind: Kind = "text"

    def make(self, number: int) -> str:
        """The payload for substitution ``number`` (``{id}`` replaced by its nine-digit id)."""
        return self.template.replace("{id}", str(ID_BASE + number))


def _p(name: str, template: str, kind: Kind = "text") -> Payload:
    return Payload(name=name, template=template, kind=kind)


TEXT_PAYLOADS: tuple[Payload, ...] = (
    # Tag injection.
    _p("script-tag", "<script>__cabCanary({id})</script>"),
    _p("img-onerror", "<img src=x onerror=__cabCanary({id})>"),
    _p("svg-onload", "<svg onload=__cabCanary({id})>"),
    _p("svg-script", "<svg><script>__cabCanary({id})</script></svg>"),
    _p("iframe-srcdoc", '<iframe srcdoc="<script>parent.__cabCanary({id})</script>"></iframe>'),
    _p("anchor-javascript", '<a href="javascript:__cabCanary({id})">link {id}</a>'),
    _p("meta-refresh", f'<meta http-equiv="refresh" content="0;url={CANARY_PATH}{{id}}">'),
    _p("style-import", f"<style>@import url({CANARY_PATH}{{id}});</style>"),
    _p("math-mxss", "<math><mtext><table><mglyph><style><img src=x onerror=__cabCanary({id})>"),
    _p("noscript-mxss", '<noscript><p title="</noscript><img src=x onerror=__cabCanary({id})>">'),
    _p("close-raw-text", "</textarea></title></style></noscript><img src=x onerror=__cabCanary({id})>"),
    _p("close-script", "</script><script>__cabCanary({id})</script>"),
    # Attribute breakouts, both quote kinds.
    _p("dq-breakout-tag", '"><img src=x onerror=__cabCanary({id})>'),
    _p("sq-breakout-tag", "'><img src=x onerror=__cabCanary({id})>"),
    _p("dq-breakout-handler", '" autofocus onfocus="__cabCanary({id})" x="'),
    _p("sq-breakout-handler", "' autofocus onfocus='__cabCanary({id})' x='"),
    _p("unquoted-breakout", "x onmouseover=__cabCanary({id}) autofocus onfocus=__cabCanary({id})"),
    # Alpine expression injection.
    _p("alpine-sq-concat", "x'+alert({id})+'"),
    _p("alpine-dq-concat", 'x"+alert({id})+"'),
    _p("alpine-mustache", "{{ __cabCanary({id}) }}"),
    _p("alpine-template-literal", "${__cabCanary({id})}"),
    _p("alpine-backtick", "`;__cabCanary({id});`"),
    _p("alpine-attribute", '" x-data x-init="__cabCanary({id})'),
    _p("alpine-shorthand", '" @click="__cabCanary({id})" :class="__cabCanary({id})'),
    # HTMX attribute injection.
    _p("htmx-dq", f'" hx-get="{CANARY_PATH}{{id}}" hx-trigger="load'),
    _p("htmx-sq", f"' hx-get='{CANARY_PATH}{{id}}' hx-trigger='load"),
    _p("htmx-on", '" hx-on:htmx:load="__cabCanary({id})'),
    _p("htmx-vals-js", '" hx-vals="js:{a: __cabCanary({id})}'),
    # Server-side template syntax: must print literally, never be evaluated.
    _p("django-variable", "{{ request }} {{ settings.SECRET_KEY }} {id}"),
    _p("django-tag", "{% debug %}{% csrf_token %} {id}"),
    _p("django-comment", "{# hidden #}{% comment %}x{% endcomment %} {id}"),
    # Already-escaped text must not be unescaped (|safe on a pre-escaped value).
    _p("pre-escaped", "&lt;img src=x onerror=__cabCanary({id})&gt; &amp; {id}"),
    _p("json-breakout", '"}]}</script><script>__cabCanary({id})</script>'),
    _p("unicode-escape", "\\u003cscript\\u003e__cabCanary({id})\\u003c/script\\u003e"),
    # Odd text: long, right-to-left override, zero-width and control characters.
    _p("very-long", "Wide " * (LONG_LENGTH // 5) + "{id}"),
    _p("very-long-word", "{id}" + "ß" * LONG_WORD_LENGTH),
    _p("rtl-override", "\u202e{id}\u202dfdp.exe \u2067evil\u2069"),
    _p("zero-width", "\u200b{id}\u200c\u200d\ufeff\u2060\u00ad"),
    _p("control-chars", "{id}\x00\x08\x1b[31m\x7f"),
    _p("combining-zalgo", "Z\u0335\u0322\u0359a\u0336l\u0335g\u0338o {id}"),
)

URL_PAYLOADS: tuple[Payload, ...] = (
    _p("javascript-scheme", "javascript:__cabCanary({id})", "url"),
    _p("javascript-mixed-case", "JaVaScRiPt:__cabCanary({id})", "url"),
    _p("javascript-leading-space", " javascript:__cabCanary({id})", "url"),
    _p("javascript-tab", "java\tscript:__cabCanary({id})", "url"),
    _p("javascript-newline", "java\nscript:__cabCanary({id})", "url"),
    _p("javascript-leading-control", "\x01javascript:__cabCanary({id})", "url"),
    _p("javascript-comment-newline", "javascript://%0a__cabCanary({id})", "url"),
    _p("javascript-entity", "&#106;avascript:__cabCanary({id})", "url"),
    _p("javascript-entity-tab", "java&#x09;script:__cabCanary({id})", "url"),
    _p("javascript-entity-colon", "javascript&colon;__cabCanary({id})", "url"),
    _p("data-html", "data:text/html,<script>__cabCanary({id})</script>", "url"),
    _p("data-base64", "data:text/html;base64,PHNjcmlwdD5fX2NhYkNhbmFyeSgxKTwvc2NyaXB0Pg==#{id}", "url"),
    _p("vbscript-scheme", "vbscript:msgbox({id})", "url"),
    _p("protocol-relative", "//evil.example/{id}", "url"),
    _p("protocol-relative-space", " //evil.example/{id}", "url"),
    _p("backslash-host", "/\\evil.example/{id}", "url"),
)

PAYLOADS: tuple[Payload, ...] = TEXT_PAYLOADS + URL_PAYLOADS

_DANGEROUS_SCHEMES = ("javascript", "vbscript", "data", "livescript", "file", "blob", "filesystem")
_STRIP = "".join(chr(code) for code in range(0x21)) + "\u00a0"
_SCHEME = re.compile(r"^([a-z][a-z0-9+.\-]*):")


def browser_url(value: str) -> str:
    """``value`` as a browser's URL parser sees it: trimmed of C0 controls and spaces, no tabs or newlines."""
    return re.sub(r"[\t\n\r]", "", value.strip(_STRIP))


def dangerous_url(value: str, *, decode_entities: bool = True) -> bool:
    """Whether following ``value`` as a link runs script or leaves for another host.

    With ``decode_entities`` the value is also judged after one round of HTML
    entity decoding (``&#106;avascript:``): a template that prints it with
    ``|safe`` or a renderer that decodes it would hand the browser the scheme.
    """
    candidates = [value, html.unescape(value)] if decode_entities else [value]
    for candidate in candidates:
        url = browser_url(candidate).replace("\\", "/")
        if url.startswith("//"):
            return True
        scheme = _SCHEME.match(url.lower())
        if scheme and scheme.group(1) in _DANGEROUS_SCHEMES:
            return True
    return False


def _check_unique() -> None:
    names = [payload.name for payload in PAYLOADS]
    duplicates = {name for name in names if names.count(name) > 1}
    if duplicates:
        raise RuntimeError(f"payload names must be unique: {sorted(duplicates)}")
    for payload in PAYLOADS:
        if "{id}" not in payload.template:
            raise RuntimeError(f"payload {payload.name!r} has no {{id}} marker")
        if payload.kind == "url" and not dangerous_url(payload.make(0)):
            raise RuntimeError(f"URL payload {payload.name!r} is not dangerous by dangerous_url()")


_check_unique()
