"""The icon stylesheet through real requests: linked by {% cabinet_css %}, served by digest, cached."""

from __future__ import annotations

import re

import pytest
from django.template import engines
from django.test import Client, override_settings

from codex_django.cabinet.assets import icons
from codex_django.cabinet.registry import CabinetRegistry, SidebarItem, declare
from tests.testapp.fixtures import registry_state  # noqa: F401

pytestmark = pytest.mark.skipif(
    not icons.icon_codepoints(), reason="icons.json not built: run `npm run build`"
)


def linked_css() -> list[str]:
    html = engines["django"].from_string("{% load cabinet %}{% cabinet_css %}").render({})
    return re.findall(r'<link rel="stylesheet" href="([^"]+)">', html)


def test_cabinet_css_links_the_bundle_then_the_icons(client: Client) -> None:
    with override_settings(CODEX_CABINET={"ICONS": ["bi-alarm"]}):
        bundle, url = linked_css()
    assert bundle == "/static/cabinet/dist/cabinet.css"
    assert re.fullmatch(r"/cabinet/icons/icons-[0-9a-f]{12}\.css", url)
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/css; charset=utf-8"
    assert response["Cache-Control"] == "public, max-age=31536000, immutable"
    assert response["X-Content-Type-Options"] == "nosniff"
    css = response.content.decode()
    assert '.bi-alarm::before{content:"\\f102"}' in css
    assert ".bi-x-lg::before" not in css  # the sidebar's close button: its rule is in the bundle
    etag = response["ETag"]
    again = client.get(url, headers={"If-None-Match": etag})
    assert again.status_code == 304
    assert again["Cache-Control"] == "public, max-age=31536000, immutable"


def test_a_declared_icon_changes_the_url_and_is_served(
    client: Client,
    registry_state: CabinetRegistry,  # noqa: F811
) -> None:
    registry_state.clear()
    assert linked_css() == ["/static/cabinet/dist/cabinet.css"]  # every icon in use is in the bundle
    declare(
        module="rooms", space="staff", sidebar=[SidebarItem(label="Rooms", url="/r/", icon="bi-door-open")]
    )
    _bundle, after = linked_css()
    assert ".bi-door-open::before" in client.get(after).content.decode()


def test_stale_digest_gets_the_current_icons_uncached(client: Client) -> None:
    response = client.get("/cabinet/icons/icons-000000000000.css")
    assert response.status_code == 200
    assert response["Cache-Control"] == "no-cache"
    css, digest = icons.icons_stylesheet()
    assert response.content.decode() == css
    assert response["ETag"] == f'"{digest}"'
    assert client.post("/cabinet/icons/icons-000000000000.css").status_code == 405


def test_configured_icons_are_served_and_all_links_the_static_file(client: Client) -> None:
    with override_settings(CODEX_CABINET={"ICONS": ["bi-piggy-bank"]}):
        _bundle, url = linked_css()
        assert ".bi-piggy-bank::before" in client.get(url).content.decode()
    with override_settings(CODEX_CABINET={"ICONS": "all"}):
        assert linked_css() == ["/static/cabinet/dist/cabinet.css", "/static/cabinet/dist/icons-all.css"]


@pytest.mark.urls("tests.shell_urls")
@override_settings(CODEX_CABINET={"ICONS": ["bi-alarm"]})
def test_without_the_cabinet_urls_every_icon_comes_from_the_static_file() -> None:
    assert linked_css()[1] == "/static/cabinet/dist/icons-all.css"


@override_settings(CODEX_CABINET={"ICONS": ["bi-alarm"]})
def test_rtl_page_links_the_rtl_bundle_and_the_same_icons() -> None:
    from django.utils import translation

    with override_settings(LANGUAGES=[("en", "English"), ("he", "Hebrew")]), translation.override("he"):
        bundle, url = linked_css()
    assert bundle == "/static/cabinet/dist/cabinet.rtl.css"
    assert url.startswith("/cabinet/icons/icons-")
