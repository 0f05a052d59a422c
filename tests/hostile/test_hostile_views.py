"""Every view the library ships gets malformed requests: 4xx with a readable message, never a 500.

The endpoints are found by walking the project's URL resolver and keeping the
patterns whose view lives in ``codex_django.*`` (the storybook, the cabinet's
dashboard, lazy widgets, settings tabs, theme stylesheets, and whatever the
library adds later). Each one gets:

* unknown ids, wrong types, huge values and hostile text in its path
  parameters, and hostile query parameters, as a plain and as an HTMX request,
  signed in as staff and anonymously: the answer is below 500, a 4xx says
  something readable, and nothing hostile comes back unescaped;
* a POST without a CSRF token and one with a wrong token
  (``Client(enforce_csrf_checks=True)``): refused (403, or 405 for GET-only views).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterator
from typing import Any
from urllib.parse import quote, urlencode

import pytest
from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import URLPattern, URLResolver, get_resolver
from django.urls.converters import IntConverter, PathConverter, SlugConverter, StringConverter, UUIDConverter
from django.urls.resolvers import RoutePattern

from .summary import SUMMARY

HOSTILE_TEXT = "<script>__cabCanary(1)</script>"
PATH_VALUES: dict[type, list[str]] = {
    IntConverter: ["0", "999999999999999999999999999999"],
    SlugConverter: ["does-not-exist", "-", "x" * 300, "__proto__"],
    StringConverter: ["does-not-exist", "x" * 3000, HOSTILE_TEXT, "-1", "\x00nul", "%2e%2e"],
    PathConverter: ["../../etc/passwd", "does/not/exist"],
    UUIDConverter: ["00000000-0000-0000-0000-000000000000"],
}
HOSTILE_QUERY = {
    "group": HOSTILE_TEXT,
    "tab": "../../",
    "values": "!!not-base64!!",
    "page": "-1",
    "theme": "<x>",
    "locale": "zz",
    "dir": "sideways",
    "q": "q" * 5000,
    "id": "99999999999999999999999",
    "sort": "-" + HOSTILE_TEXT,
    "status": "\x00",
    "widget": "unknown",
    "next": "javascript:alert(1)",
    "mode": "sideways",
}


@dataclasses.dataclass(frozen=True)
class Endpoint:
    route: str  # "storybook/preview/<str:story_id>/"
    name: str
    view: str
    converters: tuple[tuple[str, type], ...]

    def urls(self) -> Iterator[str]:
        """The route with each parameter set to each hostile value in turn (others: the first value)."""
        if not self.converters:
            yield "/" + self.route
            return
        defaults = {name: PATH_VALUES.get(kind, ["x"])[0] for name, kind in self.converters}
        for name, kind in self.converters:
            for value in PATH_VALUES.get(kind, ["x"]):
                values = dict(defaults, **{name: value})
                yield "/" + re.sub(
                    r"<(?:\w+:)?(\w+)>",
                    lambda match, values=values: quote(values[match.group(1)], safe=""),
                    self.route,
                )


def _view_module(callback: Any) -> str:
    while hasattr(callback, "__wrapped__"):
        callback = callback.__wrapped__
    view_class = getattr(callback, "view_class", None)
    return (view_class or callback).__module__ + "." + getattr(view_class or callback, "__qualname__", "?")


def library_endpoints() -> list[Endpoint]:
    found: list[Endpoint] = []

    def walk(patterns: list[Any], prefix: str, converters: tuple[tuple[str, type], ...]) -> None:
        for entry in patterns:
            pattern = entry.pattern
            route = str(pattern)
            extra: tuple[tuple[str, type], ...] = ()
            if isinstance(pattern, RoutePattern):
                extra = tuple((name, type(converter)) for name, converter in pattern.converters.items())
            if isinstance(entry, URLResolver):
                walk(entry.url_patterns, prefix + route, converters + extra)
            elif isinstance(entry, URLPattern):
                module = _view_module(entry.callback)
                if module.startswith("codex_django."):
                    found.append(Endpoint(prefix + route, entry.name or "", module, converters + extra))

    walk(get_resolver().url_patterns, "", ())
    unique = {endpoint.route: endpoint for endpoint in found}
    return list(unique.values())


ENDPOINTS = library_endpoints()


@pytest.fixture
def staff(db: Any) -> Any:
    return get_user_model().objects.create_user("hostile-staff", password="x", is_staff=True)


@pytest.fixture(autouse=True)
def _storybook_on(settings: Any) -> None:
    settings.DEBUG = True  # the storybook's "enabled" condition


def _text(content: bytes) -> str:
    text = re.sub(rb"<(script|style)[^>]*>.*?</\1>", b" ", content, flags=re.S)
    return re.sub(r"\s+", " ", re.sub(r"<[^>]+>", " ", text.decode("utf-8", "replace"))).strip()


def _problems(client: Client, url: str, **headers: str) -> list[str]:
    SUMMARY.view_requests += 1
    where = f"GET {url[:160]!r}" + (" (HTMX)" if headers else "")
    try:
        response = client.get(url, headers=headers)
    except Exception as error:  # the test client re-raises what would be a 500
        return [f"{where}: raised {type(error).__name__}: {str(error)[:200]} (a 500)"]
    problems = []
    if response.status_code >= 500:
        problems.append(f"{where}: answered {response.status_code}")
    # A 405 says what it allows in its Allow header (Django's own, empty-bodied answer).
    readable = _text(response.content) or (response.status_code == 405 and response.has_header("Allow"))
    if 400 <= response.status_code < 500 and not readable:
        problems.append(f"{where}: answered {response.status_code} with no readable message")
    if HOSTILE_TEXT.encode() in response.content:
        problems.append(f"{where}: echoed {HOSTILE_TEXT!r} unescaped")
    return problems


def test_library_endpoints_are_found() -> None:
    names = {endpoint.name for endpoint in ENDPOINTS}
    assert {"preview", "stub", "index_json"} <= names, sorted(names)
    assert all(endpoint.view.startswith("codex_django.") for endpoint in ENDPOINTS)


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[endpoint.route for endpoint in ENDPOINTS])
def test_malformed_requests_answer_4xx_never_500(endpoint: Endpoint, staff: Any) -> None:
    signed_in = Client()
    signed_in.force_login(staff)
    anonymous = Client()
    problems: list[str] = []
    for url in endpoint.urls():
        problems += _problems(anonymous, url)
        problems += _problems(signed_in, url)
        problems += _problems(signed_in, url + "?" + urlencode(HOSTILE_QUERY), HX_REQUEST="true")
        problems += _problems(signed_in, url + "?" + urlencode(HOSTILE_QUERY))
        problems += _problems(signed_in, url + "?" + urlencode(dict.fromkeys(HOSTILE_QUERY, "")))
    assert not problems, f"{endpoint.view} ({endpoint.route}):\n" + "\n".join(problems[:40])


@pytest.mark.parametrize("endpoint", ENDPOINTS, ids=[endpoint.route for endpoint in ENDPOINTS])
def test_post_without_a_valid_csrf_token_is_refused(endpoint: Endpoint, staff: Any) -> None:
    client = Client(enforce_csrf_checks=True)
    client.force_login(staff)
    url = next(endpoint.urls())
    problems = []
    attempts = [
        ("no token", {}, {}),
        ("a wrong token", {"X-CSRFToken": "b" * 32, "HX-Request": "true"}, {"csrfmiddlewaretoken": "c" * 32}),
    ]
    for label, headers, data in attempts:
        client.cookies["csrftoken"] = "a" * 32
        SUMMARY.view_requests += 1
        try:
            response = client.post(url, data=data, headers=headers)
        except Exception as error:
            problems.append(f"POST with {label}: raised {type(error).__name__}: {error}")
            continue
        if response.status_code not in (403, 405):
            problems.append(f"POST with {label}: answered {response.status_code} (expected 403 or 405)")
    assert not problems, f"{endpoint.view} ({url}):\n" + "\n".join(problems)
