"""resolve_link(): paths and absolute URLs as they are, route names reversed, failures loud in DEBUG."""

from __future__ import annotations

import logging

import pytest
from django.test import override_settings
from django.urls import NoReverseMatch

from codex_django.cabinet.rendering.links import UnresolvedLink, UnsafeLink, resolve_link


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("", ""),
        ("/cabinet/booking/", "/cabinet/booking/"),
        ("/cabinet/booking/?tab=2#top", "/cabinet/booking/?tab=2#top"),
        ("https://example.com/help/", "https://example.com/help/"),
        ("http://example.com", "http://example.com"),
        ("?page=2", "?page=2"),
        ("booking/42/", "booking/42/"),
        ("booking:schedule", "/cabinet/booking/"),
        ("booking:new", "/cabinet/booking/new/"),
        ("staff_reports:index", "/cabinet/reports/"),
        ("reports:index", "/cabinet/reports/"),  # app namespace resolves to its instance
        ("account:profile", "/cabinet/my/account/profile/"),
        ("login", "/login/"),  # a bare word is a route name
    ],
)
def test_resolves(value: str, expected: str) -> None:
    assert resolve_link(value) == expected


@override_settings(DEBUG=True)
def test_unknown_route_raises_in_debug() -> None:
    with pytest.raises(UnresolvedLink) as raised:
        resolve_link("booking:nope")
    assert isinstance(raised.value, NoReverseMatch)
    assert str(raised.value) == (
        "Cabinet link 'booking:nope' does not resolve: no URL pattern is named 'booking:nope' "
        "(or it needs arguments). Check the route name and its namespace in your URLconf, "
        "or write a path such as '/cabinet/booking/'."
    )


@override_settings(DEBUG=True)
def test_route_needing_arguments_raises_in_debug() -> None:
    with pytest.raises(UnresolvedLink, match="'booking:detail' does not resolve"):
        resolve_link("booking:detail")


@override_settings(DEBUG=False)
def test_unknown_route_is_logged_and_empty_outside_debug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="codex_django.cabinet"):
        assert resolve_link("dashbord") == ""
    [record] = caplog.records
    assert record.name == "codex_django.cabinet"
    assert record.levelno == logging.ERROR
    assert record.getMessage().startswith(
        "Cabinet link 'dashbord' does not resolve: no URL pattern is named 'dashbord'"
    )


@override_settings(DEBUG=True)
@pytest.mark.parametrize("value", ["javascript:alert(1)", "//evil.example/", "data:text/html,x", " /a/"])
def test_unsafe_value_raises_in_debug(value: str) -> None:
    with pytest.raises(UnsafeLink) as raised:
        resolve_link(value)
    assert str(raised.value).startswith(f"Cabinet link {value!r} is not allowed: ")


@override_settings(DEBUG=False)
def test_unsafe_value_is_logged_and_empty_outside_debug(caplog: pytest.LogCaptureFixture) -> None:
    with caplog.at_level(logging.ERROR, logger="codex_django.cabinet"):
        assert resolve_link("javascript:alert(1)") == ""
    assert caplog.records[0].getMessage() == (
        "Cabinet link 'javascript:alert(1)' is not allowed: the URL scheme 'javascript' is not allowed; "
        "use http(s), a relative path or a named route."
    )


@override_settings(FORCE_SCRIPT_NAME="/app/")
def test_reversed_routes_carry_the_script_prefix() -> None:
    from django.urls import set_script_prefix

    set_script_prefix("/app/")
    try:
        assert resolve_link("booking:schedule") == "/app/cabinet/booking/"
    finally:
        set_script_prefix("/")
