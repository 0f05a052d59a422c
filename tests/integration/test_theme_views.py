"""The theme on real pages: stylesheet URL and caching, colour mode, sources, system checks.

Uses this module as the URLconf: the suite's URLs plus the theme URLs in the
``cabinet`` namespace (as ``codex_django.cabinet.urls`` includes them).
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.core.checks import run_checks
from django.http import HttpRequest
from django.test import Client, override_settings
from django.urls import include, path

from codex_django.cabinet.theme import DEFAULT_THEME, example_path
from codex_django.cabinet.theme import checks as theme_checks  # registers the checks (as ready() will)
from codex_django.cabinet.theme.color_mode import COLOR_MODE_COOKIE
from codex_django.cabinet.theme.stylesheets import stylesheet_for
from tests.urls import urlpatterns as suite_patterns

# The theme routes first: where the suite's URLconf also has a "cabinet" namespace, the first one wins.
urlpatterns = [
    path("cabinet/", include(("codex_django.cabinet.theme.urls", "cabinet"))),
    *suite_patterns,
]

# The suite's URLs without any "cabinet" namespace: the theme's stylesheet is not routed.
UNROUTED = ModuleType("unrouted_urls")
UNROUTED.urlpatterns = [  # type: ignore[attr-defined]
    pattern for pattern in suite_patterns if getattr(pattern, "namespace", None) != "cabinet"
]

pytestmark = [pytest.mark.django_db, pytest.mark.urls(__name__)]
assert theme_checks.check_theme  # imported for its registration

THEME_LINK = re.compile(r'<link rel="stylesheet" href="(/cabinet/theme/(\w+)/theme-([0-9a-f]{12})\.css)">')
TEAL = {"brand": "#0f766e"}


def cabinet(theme: Any) -> Any:
    return override_settings(CODEX_CABINET={"THEME": theme})


@pytest.fixture
def staff(client: Client) -> Client:
    client.force_login(User.objects.create_user("theme-staff", "s@example.com", "pw", is_staff=True))
    return client


def page(client: Client, url: str = "/cabinet/shell/", **headers: str) -> str:
    response = client.get(url, headers=headers)
    assert response.status_code == 200
    return response.content.decode()


def html_tag(html: str) -> str:
    match = re.search(r"<html [^>]*>", html)
    assert match
    return match.group(0)


# --- colour mode ------------------------------------------------------------------------------


def test_default_page_follows_the_system_until_the_user_picks(staff: Client) -> None:
    html = page(staff)
    # Rendered light, resolved from prefers-color-scheme before the first paint by the blocking script.
    assert 'data-bs-theme="light" data-cab-color-mode="system"' in html_tag(html)
    assert '<script src="/static/cabinet/color-mode.js"></script>' in html
    assert THEME_LINK.search(html) is None
    # The browser's client hint, when sent, already settles it on the server.
    assert 'data-bs-theme="dark" data-cab-color-mode="system"' in html_tag(
        page(staff, **{"Sec-CH-Prefers-Color-Scheme": '"dark"'})
    )


@pytest.mark.parametrize("mode", ["light", "dark"])
def test_a_project_can_fix_the_default_mode(staff: Client, mode: str) -> None:
    with override_settings(CODEX_CABINET={"COLOR_MODE": mode}):
        html = page(staff)
        assert f'data-bs-theme="{mode}" data-cab-color-mode="{mode}"' in html_tag(html)
        assert "color-mode.js" not in html
        staff.cookies[COLOR_MODE_COOKIE] = "system"  # the user's pick still wins
        assert 'data-cab-color-mode="system"' in html_tag(page(staff))


def test_an_unknown_default_mode_is_reported_and_follows_the_system(staff: Client) -> None:
    with override_settings(CODEX_CABINET={"COLOR_MODE": "sepia"}):
        errors = [(m.id, m.msg) for m in run_checks() if m.id == "cabinet.E021"]
        assert 'data-cab-color-mode="system"' in html_tag(page(staff))
    assert errors == [
        (
            "cabinet.E021",
            "CODEX_CABINET[\"COLOR_MODE\"] is 'sepia', not a colour mode; pages follow the system instead.",
        )
    ]


def test_the_cookie_sets_the_mode_server_side(staff: Client) -> None:
    staff.cookies[COLOR_MODE_COOKIE] = "dark"
    html = page(staff)
    assert 'data-bs-theme="dark" data-cab-color-mode="dark"' in html_tag(html)
    assert "color-mode.js" not in html


def test_system_mode_loads_the_blocking_script_before_the_stylesheets(staff: Client) -> None:
    staff.cookies[COLOR_MODE_COOKIE] = "system"
    html = page(staff)
    assert 'data-bs-theme="light" data-cab-color-mode="system"' in html_tag(html)
    script = html.index('<script src="/static/cabinet/color-mode.js"></script>')
    assert script < html.index("cabinet/dist/cabinet.css") < html.index("</head>")
    # The client hint, when the browser sends it, settles "system" on the server.
    hinted = page(staff, **{"Sec-CH-Prefers-Color-Scheme": '"dark"'})
    assert 'data-bs-theme="dark" data-cab-color-mode="system"' in html_tag(hinted)


def test_unknown_cookie_values_fall_back_to_the_default(staff: Client) -> None:
    staff.cookies[COLOR_MODE_COOKIE] = '"><script>'
    assert 'data-bs-theme="light" data-cab-color-mode="system"' in html_tag(page(staff))


def test_posting_a_mode_sets_the_cookie_and_returns(client: Client) -> None:
    response = client.post("/cabinet/theme/color-mode/", {"mode": "dark", "next": "/cabinet/shell/?tab=2"})
    assert response.status_code == 302
    assert response["Location"] == "/cabinet/shell/?tab=2"
    cookie = response.cookies[COLOR_MODE_COOKIE]
    assert cookie.value == "dark"
    assert cookie["max-age"] == 365 * 24 * 3600
    assert cookie["samesite"] == "Lax"

    elsewhere = client.post("/cabinet/theme/color-mode/", {"mode": "light", "next": "https://evil.example/"})
    assert elsewhere["Location"] == "/"
    scripted = client.post("/cabinet/theme/color-mode/", {"mode": "system"}, headers={"HX-Request": "true"})
    assert scripted.status_code == 204
    assert scripted.cookies[COLOR_MODE_COOKIE].value == "system"
    refused = client.post("/cabinet/theme/color-mode/", {"mode": "sepia"})
    assert refused.status_code == 400
    assert COLOR_MODE_COOKIE not in refused.cookies


# --- the stylesheet ---------------------------------------------------------------------------


def test_a_custom_theme_is_linked_after_the_bundle_and_served_with_long_cache(staff: Client) -> None:
    with cabinet(TEAL):
        html = page(staff)
        match = THEME_LINK.search(html)
        assert match, "no theme stylesheet link"
        url, space, digest = match.groups()
        assert space == "staff"
        assert html.index("cabinet/dist/cabinet.css") < html.index(url)
        response = staff.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["ETag"] == f'"{digest}"'
    css = response.content.decode()
    assert "--cab-brand: #0f766e;" in css
    assert "style=" not in html[html.index("<head>") : html.index("</head>")]


def test_the_stylesheet_url_changes_when_the_theme_changes(staff: Client) -> None:
    with cabinet(TEAL):
        first = THEME_LINK.search(page(staff))
    with cabinet({"brand": "#b91c1c"}):
        second = THEME_LINK.search(page(staff))
    with cabinet(TEAL):
        again = THEME_LINK.search(page(staff))
    assert first and second and again
    assert first.group(3) != second.group(3)
    assert first.group(3) == again.group(3)


def test_a_stale_digest_gets_the_current_theme_without_long_cache(client: Client) -> None:
    with cabinet({"brand": "#7c3aed"}):
        response = client.get("/cabinet/theme/default/theme-000000000000.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    assert "--cab-brand: #7c3aed;" in response.content.decode()


def test_a_dtcg_file_path_as_the_theme(staff: Client) -> None:
    with cabinet(str(example_path("ocean"))):
        match = THEME_LINK.search(page(staff))
        assert match
        css = staff.get(match.group(1)).content.decode()
    assert "--cab-brand: #0e7490;" in css
    assert "--cab-radius: 10px;" in css


def test_a_callable_theme_sees_the_space_also_for_the_stylesheet(client: Client) -> None:
    def per_space(request: HttpRequest | None) -> dict[str, str]:
        space = getattr(request, "cabinet_space", None)
        return {"brand": "#b91c1c"} if space == "client" else TEAL

    with cabinet(per_space):
        client_css = client.get("/cabinet/theme/client/theme-000000000000.css").content.decode()
        staff_css = client.get("/cabinet/theme/staff/theme-000000000000.css").content.decode()
    assert "--cab-brand: #b91c1c;" in client_css
    assert "--cab-brand: #0f766e;" in staff_css


def test_cabinet_settings_overrides_apply_after_the_setting(staff: Client) -> None:
    from codex_django.cabinet.models import CabinetSettings

    settings_row = CabinetSettings.load()
    settings_row.theme_overrides = {"light.surface-app": "#fafaf9"}
    settings_row.save()
    with cabinet(TEAL):
        match = THEME_LINK.search(page(staff))
        assert match
        css = staff.get(match.group(1)).content.decode()
    assert "--cab-brand: #0f766e;" in css  # from the setting
    assert "--cab-surface-app: #fafaf9;" in css  # from CabinetSettings


def test_a_broken_theme_setting_falls_back_to_the_default(
    staff: Client, caplog: pytest.LogCaptureFixture
) -> None:
    with cabinet({"brand": "blue"}), caplog.at_level("WARNING", logger="codex_django.cabinet.theme"):
        html = page(staff)
    assert THEME_LINK.search(html) is None
    assert (
        "The cabinet theme skips CODEX_CABINET[\"THEME\"]: light.brand: 'blue' is not a hex colour"
        in caplog.text
    )


def test_the_stylesheet_is_remembered_by_digest(client: Client) -> None:
    css, digest = stylesheet_for(DEFAULT_THEME.model_copy(update={"radius": "3px"}))
    response = client.get(f"/cabinet/theme/default/theme-{digest}.css")
    assert response.content.decode() == css
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert (
        client.get(
            f"/cabinet/theme/default/theme-{digest}.css", headers={"If-None-Match": f'"{digest}"'}
        ).status_code
        == 304
    )


# --- system checks ----------------------------------------------------------------------------


def theme_messages() -> list[tuple[str, str]]:
    return [
        (m.id or "", m.msg) for m in run_checks() if (m.id or "").startswith(("cabinet.E02", "cabinet.W02"))
    ]


def test_checks_are_quiet_for_a_good_theme() -> None:
    with cabinet(str(example_path("forest"))):
        assert theme_messages() == []


def test_check_reports_invalid_tokens_by_name(tmp_path: Path) -> None:
    with cabinet({"light.brnd": "#fff", "dark.text": "#12"}):
        assert theme_messages() == [
            (
                "cabinet.E020",
                "CODEX_CABINET[\"THEME\"]: unknown token 'light.brnd' (did you mean 'light.brand'?)",
            ),
            (
                "cabinet.E020",
                "CODEX_CABINET[\"THEME\"]: dark.text: '#12' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)",
            ),
        ]
    broken = tmp_path / "theme.json"
    broken.write_text(json.dumps({"color": {"light": {"text": {"$value": "nope"}}}}))
    with cabinet(broken):
        assert theme_messages() == [
            (
                "cabinet.E020",
                f"CODEX_CABINET[\"THEME\"] ({broken}): color.light.text: 'nope' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)",
            ),
        ]


def test_check_reports_low_contrast_pairs_by_name() -> None:
    with cabinet({"light.text-subtle": "#a1a1aa"}):
        messages = theme_messages()
    assert {m[0] for m in messages} == {"cabinet.W020"}
    assert (
        "cabinet.W020",
        'CODEX_CABINET["THEME"]: contrast too low: light: text-subtle on surface is 2.56:1 '
        "(#a1a1aa on #ffffff), needs 4.5:1 for text.",
    ) in messages


def test_check_warns_when_the_stylesheet_url_is_not_routed() -> None:
    with cabinet(TEAL), override_settings(ROOT_URLCONF=UNROUTED):
        assert theme_messages() == [
            (
                "cabinet.W021",
                'CODEX_CABINET["THEME"] is set, but the theme stylesheet URL (cabinet:theme_stylesheet) is not '
                "routed, so pages show the default theme.",
            )
        ]


def test_without_the_route_the_page_keeps_the_default_theme(
    staff: Client, caplog: pytest.LogCaptureFixture
) -> None:
    from codex_django.cabinet.templatetags import cabinet_theme

    cabinet_theme._warn_unrouted.cache_clear()
    logs = caplog.at_level("WARNING", logger="codex_django.cabinet.theme")
    with cabinet(TEAL), override_settings(ROOT_URLCONF=UNROUTED), logs:
        html = page(staff)
    assert "/theme/" not in html
    assert "its stylesheet URL (cabinet:theme_stylesheet) is not routed" in caplog.text
