"""Checking server-rendered HTML for payloads that escaped their text.

:func:`inspect_html` parses a render with :mod:`html.parser` (which decodes
entities the way a browser does) and reports, per substitution number when it
can tell which one caused it:

* a tag a component never emits (``<script>`` without ``src`` other than
  ``json_script`` data, ``<iframe>``, ``<object>``, ``<embed>``, ``<meta>``,
  ``<base>``, ``<link>``, ``<style>``, ``<frame>``);
* an event-handler attribute (``on*``), an attribute whose *name* holds a
  quote, ``<`` or a payload marker;
* a payload marker inside an Alpine directive (``x-*``, ``:x``, ``@x``) or an
  evaluated HTMX attribute (``hx-on*``, ``hx-vals``, ``hx-trigger``, ...):
  values reach Alpine only through ``json_script`` or ``data-`` attributes;
* an attribute that starts with the canary path (``hx-get="/__cab_hx/…"``:
  an injected request);
* a link a browser would run (``href``/``src``/``action``/``hx-get``... with
  ``javascript:``, ``data:``, ``vbscript:`` or ``//host``);
* a payload printed unescaped (markup characters verbatim in the source), or
  printed as something other than its own text (a template evaluated it, or
  ``|safe`` turned ``&lt;`` into ``<``);
* ``json_script`` content that is not valid JSON (a ``</script>`` broke out).
"""

from __future__ import annotations

import dataclasses
import json
import re
from collections.abc import Mapping
from html.parser import HTMLParser
from urllib.parse import unquote, unquote_plus

from .payloads import CANARY_PATH, ID_BASE, dangerous_url

MARKER = re.compile(r"9\d{8}")
FORBIDDEN_TAGS = frozenset(
    {"iframe", "object", "embed", "meta", "base", "link", "style", "frame", "frameset"}
)
URL_ATTRIBUTES = frozenset(
    {
        "href",
        "src",
        "action",
        "formaction",
        "xlink:href",
        "poster",
        "background",
        "cite",
        "data",
        "hx-get",
        "hx-post",
        "hx-put",
        "hx-patch",
        "hx-delete",
        "hx-push-url",
        "hx-replace-url",
    }
)
# HTMX attributes htmx evaluates as JavaScript, JSON or trigger filters: never from a payload.
EVALUATED_HX = ("hx-on", "hx-vals", "hx-headers", "hx-trigger", "hx-swap", "hx-vars", "hx-request")
# Attributes holding a CSS selector or a name: a payload may appear only as a plain
# identifier (a slug such as ``#cab-client-x-alert-42-list``), never as selector syntax.
NAME_ATTRIBUTES = ("hx-target", "hx-select", "hx-include", "hx-indicator", "hx-disabled-elt", "x-ref", "x-id")
JSON_ATTRIBUTES = ("hx-vals", "hx-headers")
PLAIN_NAME = re.compile(r"[#.]?[\w-]+")
IDENTIFIER = re.compile(r"[#.]?[\w-]+")
MARKUP = re.compile(r"[<>]")


@dataclasses.dataclass(frozen=True)
class HtmlProblem:
    """One problem in a render; ``number`` is the substitution it came from (None: unknown)."""

    number: int | None
    message: str


def _numbers(text: str, known: Mapping[int, str]) -> list[int]:
    found = []
    for match in MARKER.finditer(text):
        number = int(match.group(0)) - ID_BASE
        if number in known and number not in found:
            found.append(number)
    return found


class _Collector(HTMLParser):
    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.tags: list[tuple[str, list[tuple[str, str | None]]]] = []
        self.texts: list[str] = []
        self.scripts: list[tuple[list[tuple[str, str | None]], str]] = []
        self._script: list[tuple[str, str | None]] | None = None
        self._script_text: list[str] = []
        self.styles: list[str] = []
        self._style: list[str] | None = None

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))
        if tag == "script":
            self._script = attrs
            self._script_text = []
        elif tag == "style":
            self._style = []

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, attrs))

    def handle_endtag(self, tag: str) -> None:
        if tag == "style" and self._style is not None:
            self.styles.append("".join(self._style))
            self._style = None
        if tag == "script" and self._script is not None:
            self.scripts.append((self._script, "".join(self._script_text)))
            self._script = None

    def handle_data(self, data: str) -> None:
        if self._style is not None:
            self._style.append(data)
        elif self._script is not None:
            self._script_text.append(data)
        else:
            self.texts.append(data)


def _is_json(value: str) -> bool:
    try:
        json.loads(value)
    except ValueError:
        return False
    return True


def _is_json_script(attrs: list[tuple[str, str | None]]) -> bool:
    return dict(attrs).get("type") == "application/json"


def _strip_ellipsis(text: str) -> str:
    return text.strip().removesuffix("…").removesuffix("...").strip()


def inspect_html(html: str, payloads: Mapping[int, str]) -> list[HtmlProblem]:
    """Problems in ``html``, a render holding ``payloads`` (substitution number -> payload text)."""
    parser = _Collector()
    parser.feed(html)
    parser.close()
    if parser._style is not None:  # an unclosed <style> swallowed the rest
        parser.styles.append("".join(parser._style))
    problems: list[HtmlProblem] = []

    def report(text: str, message: str) -> None:
        # The first marker inside an injected element is the payload that made it
        # (an unclosed <style> or <script> swallows the markers of later fields).
        numbers = _numbers(text, payloads)[:1] or [None]  # type: ignore[list-item]
        for number in numbers:
            problems.append(HtmlProblem(number, message))

    for tag, attrs in parser.tags:
        joined = " ".join(f"{name}={value or ''}" for name, value in attrs)
        if tag in FORBIDDEN_TAGS and tag != "style":
            report(joined, f"an injected <{tag}> element: <{tag} {joined[:120]}>")
        if tag == "script" and not _is_json_script(attrs) and not dict(attrs).get("src"):
            pass  # reported with its content below
        for name, value in attrs:
            value = value or ""
            where = f"<{tag} {name}={value[:80]!r}>"
            if name.startswith("on"):
                report(value + name, f"an event-handler attribute {where}")
            if re.search(r"[\"'<>=/]", name) or MARKER.search(name):
                report(name + value, f"an attribute breakout (attribute named {name!r}) in <{tag}>")
            if _numbers(value, payloads):
                if name in NAME_ATTRIBUTES:
                    if not PLAIN_NAME.fullmatch(value):
                        report(value, f"a payload inside a selector or name attribute {where}")
                elif name in JSON_ATTRIBUTES and _is_json(value):
                    pass  # htmx parses it as JSON data, not as an expression
                elif name.startswith(("x-", ":", "@")) or name.startswith(EVALUATED_HX):
                    report(value, f"a payload inside an Alpine/HTMX expression {where}")
            if value.startswith(CANARY_PATH):
                report(value, f"an injected request attribute {where}")
            if name in URL_ATTRIBUTES and value and dangerous_url(value, decode_entities=False):
                report(value, f"a dangerous URL in {where}")

    for content in parser.styles:
        report(content, f"an injected <style> element: {content[:120]!r}")
    for attrs, content in parser.scripts:
        if _is_json_script(attrs):
            try:
                json.loads(content)
            except ValueError:
                report(
                    content, f"json_script data is not valid JSON (a payload broke out): {content[:120]!r}"
                )
            continue
        if not dict(attrs).get("src") or content.strip():
            report(content, f"an inline <script> element: {content[:120]!r}")

    _check_text(html, parser, payloads, problems)
    return problems


def _check_text(
    html: str, parser: _Collector, payloads: Mapping[int, str], problems: list[HtmlProblem]
) -> None:
    """Every printed payload is printed as its own text, escaped in the source."""
    pieces = list(parser.texts)
    for _tag, attrs in parser.tags:
        for name, value in attrs:
            if value and name in JSON_ATTRIBUTES and _is_json(value):
                pieces.extend(_json_strings(value))
            elif value:
                pieces.append(value)
    for attrs, content in parser.scripts:
        if _is_json_script(attrs):
            pieces.extend(_json_strings(content))
    forms = {number: _forms(payload) for number, payload in payloads.items()}
    for number, payload in payloads.items():
        marker = str(ID_BASE + number)
        if marker not in html:
            continue
        if MARKUP.search(payload) and payload in html:
            problems.append(
                HtmlProblem(number, "the payload is printed unescaped (markup verbatim in the HTML)")
            )
            continue
        for piece in pieces:
            if marker in piece and not _printed_as_text(piece, number, forms):
                problems.append(
                    HtmlProblem(
                        number,
                        f"the payload is not printed as its own text (evaluated or unescaped): {piece[:120]!r}",
                    )
                )
                break


def _forms(payload: str) -> list[str]:
    """How a payload may legitimately appear as text: as is, NUL replaced, case-folded."""
    return sorted({payload.casefold(), payload.replace("\x00", "\ufffd").casefold()}, key=len, reverse=True)


def _printed_as_text(piece: str, number: int, forms: Mapping[int, list[str]]) -> bool:
    """Whether ``piece`` holds payload ``number`` as its text (whole, URL-quoted, or shortened)."""
    own = forms[number]
    if IDENTIFIER.fullmatch(piece):
        return True  # a slug or id derived from the payload: nothing left to evaluate
    for text in (piece.casefold(), unquote(piece).casefold(), unquote_plus(piece).casefold()):
        if any(form in text for form in own):
            return True
        # Shortened: what is left after removing the other payloads is a part of this one.
        residue = text
        for other, other_forms in forms.items():
            if other != number:
                for form in other_forms:
                    residue = residue.replace(form, "\x00")
        marker = str(ID_BASE + number)
        for segment in residue.split("\x00"):
            if marker in segment:
                shown = _strip_ellipsis(segment)
                if shown and any(shown in form for form in own):
                    return True
    return False


def _json_strings(content: str) -> list[str]:
    try:
        data = json.loads(content)
    except ValueError:
        return []
    found: list[str] = []

    def walk(value: object) -> None:
        if isinstance(value, str):
            found.append(value)
        elif isinstance(value, dict):
            for item in value.values():
                walk(item)
        elif isinstance(value, list):
            for item in value:
                walk(item)

    walk(data)
    return found
