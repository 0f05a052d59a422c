"""CabinetCSPMiddleware: the header it sets, when it stays away, and the per-request nonce."""

from __future__ import annotations

import re
from collections.abc import Callable

import pytest
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.template import engines
from django.test import Client, RequestFactory, override_settings

from codex_django.cabinet.conf import DEFAULTS
from codex_django.cabinet.http.middleware import CSP_HEADER, CabinetCSPMiddleware, CSPNonce, build_policy

DEFAULT_POLICY = (
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; font-src 'self'; "
    "connect-src 'self'; frame-ancestors 'self'; base-uri 'self'; form-action 'self'; object-src 'none'"
)


def run(view: Callable[[HttpRequest], HttpResponse]) -> tuple[HttpRequest, HttpResponse]:
    request = RequestFactory().get("/page/")
    response = CabinetCSPMiddleware(view)(request)
    return request, response  # type: ignore[return-value]


def html_view(request: HttpRequest) -> HttpResponse:
    return HttpResponse("<p>hello</p>")


def template_view(source: str) -> Callable[[HttpRequest], HttpResponse]:
    def view(request: HttpRequest) -> HttpResponse:
        return HttpResponse(engines["django"].from_string(source).render({}, request))

    return view


def directives(header: str) -> dict[str, list[str]]:
    parsed: dict[str, list[str]] = {}
    for part in header.split(";"):
        name, *sources = part.split()
        parsed[name] = sources
    return parsed


def test_html_response_gets_the_default_policy() -> None:
    _, response = run(html_view)
    assert response[CSP_HEADER] == DEFAULT_POLICY


def test_default_policy_is_built_from_the_defaults_setting() -> None:
    assert build_policy(DEFAULTS["CSP"]) == DEFAULT_POLICY


@pytest.mark.parametrize(
    "response",
    [
        JsonResponse({"ok": True}),
        HttpResponse("plain", content_type="text/plain"),
        HttpResponse(b"\x89PNG", content_type="image/png"),
    ],
    ids=["json", "text", "image"],
)
def test_non_html_responses_get_no_header(response: HttpResponse) -> None:
    _, result = run(lambda request: response)
    assert CSP_HEADER not in result


def test_html_with_charset_parameter_is_html() -> None:
    _, response = run(lambda request: HttpResponse("<p>x</p>", content_type="text/html; charset=utf-8"))
    assert response[CSP_HEADER] == DEFAULT_POLICY


def test_header_set_by_the_view_is_kept() -> None:
    def view(request: HttpRequest) -> HttpResponse:
        response = HttpResponse("<p>embed</p>")
        response[CSP_HEADER] = "frame-ancestors *"
        return response

    _, response = run(view)
    assert response[CSP_HEADER] == "frame-ancestors *"


@pytest.mark.parametrize("value", [None, {}])
def test_setting_none_or_empty_turns_the_header_off(value: object) -> None:
    with override_settings(CODEX_CABINET={"CSP": value}):
        _, response = run(html_view)
    assert CSP_HEADER not in response


def test_custom_policy_from_settings_strings_and_lists() -> None:
    policy = {"default-src": "'none'", "img-src": ["'self'", "https://cdn.example.com"]}
    with override_settings(CODEX_CABINET={"CSP": policy}):
        _, response = run(html_view)
    assert response[CSP_HEADER] == "default-src 'none'; img-src 'self' https://cdn.example.com"


def test_unused_nonce_is_not_in_the_header() -> None:
    request, response = run(template_view("<p>no inline code</p>"))
    assert isinstance(request.csp_nonce, CSPNonce)  # type: ignore[attr-defined]
    assert not request.csp_nonce.used  # type: ignore[attr-defined]
    assert "nonce-" not in response[CSP_HEADER]


def test_nonce_used_in_a_template_joins_script_and_style_src() -> None:
    source = (
        '<script nonce="{{ request.csp_nonce }}">1</script><style nonce="{{ request.csp_nonce }}"></style>'
    )
    request, response = run(template_view(source))
    nonce = str(request.csp_nonce)  # type: ignore[attr-defined]
    body = response.content.decode()
    assert body.count(f'nonce="{nonce}"') == 2
    parsed = directives(response[CSP_HEADER])
    assert parsed["script-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert parsed["style-src"] == ["'self'", f"'nonce-{nonce}'"]
    assert parsed["img-src"] == ["'self'", "data:"]
    assert re.fullmatch(r"[A-Za-z0-9_-]{24}", nonce)


def test_nonce_is_stable_within_a_request_and_new_per_request() -> None:
    first, _ = run(template_view("{{ request.csp_nonce }}"))
    second, _ = run(template_view("{{ request.csp_nonce }}"))
    assert str(first.csp_nonce) == str(first.csp_nonce)  # type: ignore[attr-defined]
    assert str(first.csp_nonce) != str(second.csp_nonce)  # type: ignore[attr-defined]


def test_nonce_without_script_src_starts_from_default_src() -> None:
    policy = {"default-src": ["'self'"], "object-src": ["'none'"]}
    assert build_policy(policy, nonce="abc") == (
        "default-src 'self'; object-src 'none'; script-src 'self' 'nonce-abc'; style-src 'self' 'nonce-abc'"
    )


def test_build_policy_does_not_modify_the_setting() -> None:
    policy = {"script-src": ["'self'"]}
    build_policy(policy, nonce="abc")
    assert policy == {"script-src": ["'self'"]}


def test_real_request_through_the_middleware_stack(client: Client) -> None:
    with override_settings(ROOT_URLCONF="tests.shell_urls"):
        response = client.get("/shell/public/")
    assert response.status_code == 200
    assert response[CSP_HEADER] == DEFAULT_POLICY
