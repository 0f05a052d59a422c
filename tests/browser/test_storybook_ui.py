"""The storybook page in Chromium: sidebar, controls, validation in place, deep links, tabs, export."""

from __future__ import annotations

import functools
import http.server
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from django.core.management import call_command
from playwright.sync_api import Browser, Frame, Page, expect

from codex_django.cabinet.types.widgets import ListItem, ListWidgetData, MetricWidgetData
from codex_django.storybook.discovery import use_stories
from codex_django.storybook.story import Story

from .harness import PageProbe, check_axe, check_csp, wait_until

STORIES = [
    Story(
        component="kpi",
        name="Typical",
        kwargs={
            "metric": MetricWidgetData(
                label="New clients", value="142", trend_value="+12%", trend_direction="up"
            )
        },
        notes="A KPI with an **upward** trend.",
        tags=("widget",),
    ),
    Story(
        component="avatar",
        name="Initials",
        kwargs={"avatar": "ИП", "name": "Иван Петров", "size": "lg"},
        viewport=(600, 400),
        status="draft",
    ),
    Story(
        component="list_widget",
        name="Two items",
        kwargs={"list": ListWidgetData(title="Top clients", items=[ListItem(label="Anna", value="3")])},
    ),
]


@pytest.fixture
def ui(storybook_browser: Browser) -> Iterator[PageProbe]:
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 900}, device_scale_factor=1)
    probe = PageProbe.open(context)
    with use_stories(STORIES):
        yield probe
    context.close()


def preview_frame(page: Page) -> Frame:
    frame = page.frame_locator("#cab-sb-frame")
    frame.locator("html[data-story-ready=true]").wait_for(state="attached")
    found = None
    for child in page.frames:
        if "/preview/" in child.url:
            found = child
    assert found is not None
    return found


def test_storybook_page_lists_stories_and_renders_the_first(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    expect(page.locator("#cab-sb-tree .cab-sb__story")).to_have_text(
        ["Typical", "InitialsDraft", "Two items"]
    )
    expect(page.locator("#cab-sb-title")).to_have_text("Typical")
    frame = preview_frame(page)
    expect(frame.locator(".cab-kpi__value")).to_contain_text("142")
    check_csp(ui, "storybook page")


def test_selecting_a_story_and_searching(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    page.get_by_label("Colour mode").select_option("dark")
    page.get_by_role("link", name="Initials").click()
    expect(page.locator("#cab-sb-title")).to_have_text("Initials")
    expect(page.locator("#cab-sb-status")).to_have_text("Draft")
    expect(page).to_have_url(f"{live_server.url}/storybook/#story=avatar--initials&theme=dark")
    box = page.locator("#cab-sb-frame-box").bounding_box()
    assert box is not None and (round(box["width"]), round(box["height"])) == (600, 400)  # Story.viewport
    page.locator("#cab-sb-search").fill("kpi")
    expect(page.get_by_role("link", name="Initials")).to_be_hidden()
    expect(page.get_by_role("link", name="Typical")).to_be_visible()
    page.locator("#cab-sb-search").fill("nothing like this")
    expect(page.locator("#cab-sb-no-match")).to_be_visible()


def test_a_control_rerenders_the_preview_and_deep_links_keep_it(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    preview_frame(page)
    page.get_by_label("trend_direction").select_option(label="down")
    expect(page.frame_locator("#cab-sb-frame").locator(".cab-kpi__trend--down")).to_be_visible()
    assert "values=" in page.url
    page.get_by_role("tab", name="Usage").click()
    expect(page.locator("#cab-sb-usage")).to_contain_text("trend_direction='down'")
    deep_link = page.url
    assert "tab=usage" in deep_link

    fresh = ui.page.context.new_page()
    fresh.goto(deep_link)
    expect(fresh.get_by_role("tab", name="Usage")).to_have_attribute("aria-selected", "true")
    expect(fresh.frame_locator("#cab-sb-frame").locator(".cab-kpi__trend--down")).to_be_visible()
    expect(fresh.locator("#cab-sb-usage")).to_contain_text("trend_direction='down'")
    fresh.close()
    check_csp(ui, "storybook page")


def test_an_invalid_value_is_reported_next_to_its_control(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    preview_frame(page)
    icon = page.get_by_label("icon", exact=True)
    icon.fill("fa-user")
    icon.dispatch_event("change")
    expect(icon).to_have_attribute("aria-invalid", "true")
    problem = page.locator(".cab-sb__control[data-field=icon] .cab-sb__problem")
    expect(problem).to_contain_text("metric.icon: an icon is a Bootstrap Icons class such as 'bi-calendar'")
    expect(page.frame_locator("#cab-sb-frame").locator(".cab-sb-problems")).to_contain_text("metric.icon")

    items = page.get_by_label("trend_value", exact=True)
    assert items.is_visible()


def test_plain_kwarg_with_a_literal_hint_is_a_select(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/#story=avatar--initials")
    preview_frame(page)
    size = page.get_by_label("size", exact=True)
    expect(size.locator("option")).to_have_text(["sm", "md", "lg"])
    size.select_option(label="sm")
    expect(page.frame_locator("#cab-sb-frame").locator(".cab-avatar--sm")).to_be_visible()
    assert "values=" in page.url


def test_json_editor_reports_bad_json_and_contract_errors_in_place(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/#story=list_widget--two-items")
    preview_frame(page)
    items = page.get_by_label("items", exact=True)
    problem = page.locator(".cab-sb__control[data-field=items] .cab-sb__problem")
    items.fill("[{")
    items.dispatch_event("change")
    expect(problem).to_contain_text("Not valid JSON")
    items.fill('[{"label": "Anna"}]')
    items.dispatch_event("change")
    expect(problem).to_contain_text("list.items.0.value: Field required")
    items.fill('[{"label": "Anna", "value": "3"}, {"label": "Boris", "value": "5"}]')
    items.dispatch_event("change")
    expect(page.frame_locator("#cab-sb-frame").get_by_text("Boris")).to_be_visible()
    expect(problem).to_be_empty()


def test_toolbar_sets_theme_viewport_locale_and_direction(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    preview_frame(page)
    page.get_by_label("Colour mode").select_option("dark")
    page.get_by_label("Theme", exact=True).select_option("ocean")
    page.get_by_label("Viewport").select_option("mobile")
    page.get_by_label("Locale").select_option("ru")
    page.get_by_label("Right to left").check()
    frame_html = page.frame_locator("#cab-sb-frame").locator("html")
    expect(frame_html).to_have_attribute("data-bs-theme", "dark")
    expect(frame_html).to_have_attribute("dir", "rtl")
    expect(frame_html).to_have_attribute("lang", "ru")
    box = page.locator("#cab-sb-frame-box").bounding_box()
    assert box is not None and round(box["width"]) == 390
    assert "theme=dark" in page.url and "viewport=mobile" in page.url and "dir=rtl" in page.url
    assert "brand=ocean" in page.url
    theme_link = page.frame_locator("#cab-sb-frame").locator('link[href="/storybook/theme/ocean.css"]')
    expect(theme_link).to_have_count(1)
    check_csp(ui, "storybook page")


def test_tabs_show_sources_contract_and_accessibility(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/")
    preview_frame(page)
    page.get_by_role("tab", name="HTML").click()
    expect(page.locator("#cab-sb-html")).to_contain_text('<figure class="cab-kpi')
    page.get_by_role("tab", name="Template").click()
    expect(page.locator("#cab-sb-template")).to_contain_text("cab-kpi__value")
    page.get_by_role("tab", name="Story").click()
    expect(page.locator("#cab-sb-story")).to_contain_text('name="Typical"')
    page.get_by_role("tab", name="Notes").click()
    expect(page.locator("#cab-sb-pane-notes strong")).to_have_text("upward")
    page.get_by_role("tab", name="Contract").click()
    expect(page.locator(".cab-sb__fields").first).to_contain_text("trend_direction")
    expect(page.locator(".cab-sb__fields").first).to_contain_text("'up' | 'down' | 'neutral'")
    page.get_by_role("tab", name="Accessibility").click()
    page.get_by_role("button", name="Run accessibility checks").click()
    expect(page.locator("#cab-sb-axe")).to_contain_text("No violations found")
    check_csp(ui, "storybook page")


@pytest.fixture
def exported(tmp_path: Path) -> Iterator[Path]:
    with use_stories(STORIES):
        call_command("export_storybook", output=str(tmp_path / "export"), verbosity=0)
    yield tmp_path / "export"


@pytest.fixture
def static_host(exported: Path) -> Iterator[str]:
    handler = functools.partial(http.server.SimpleHTTPRequestHandler, directory=str(exported))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_address[1]}"
    server.shutdown()
    server.server_close()


def test_static_export_renders_from_a_static_host(static_host: str, storybook_browser: Browser) -> None:
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 900})
    probe = PageProbe.open(context)
    page = probe.page
    page.goto(f"{static_host}/index.html#story=avatar--initials&theme=dark")
    expect(page.locator("#cab-sb-title")).to_have_text("Initials")
    frame = page.frame_locator("#cab-sb-frame")
    frame.locator("html[data-story-ready=true]").wait_for(state="attached")
    expect(frame.locator("html")).to_have_attribute("data-bs-theme", "dark")
    expect(frame.locator(".cab-avatar")).to_be_visible()
    expect(page.locator("#cab-sb-controls")).to_contain_text("Controls need the live storybook")
    page.get_by_role("tab", name="Accessibility").click()
    page.get_by_role("button", name="Run accessibility checks").click()
    expect(page.locator("#cab-sb-axe")).to_contain_text("No violations found")
    check_csp(probe, "static export")
    context.close()


def test_static_export_opens_from_disk_without_a_server(exported: Path, storybook_browser: Browser) -> None:
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto((exported / "index.html").as_uri())
    expect(page.locator("#cab-sb-title")).to_have_text("Typical")
    frame = page.frame_locator("#cab-sb-frame")
    frame.locator("html[data-story-ready=true]").wait_for(state="attached")
    expect(frame.locator(".cab-kpi__value")).to_contain_text("142")
    expect(page.locator("#cab-sb-usage")).to_contain_text('{% component "kpi" metric=metric / %}')
    # The story's details come from story/<id>.js (a script: file:// pages cannot fetch).
    page.get_by_role("tab", name="Contract").click()
    expect(page.locator("#cab-sb-contract")).to_contain_text("MetricWidgetData")
    page.get_by_role("link", name="Two items").click()
    page.get_by_role("tab", name="Story").click()
    expect(page.locator("#cab-sb-story")).to_contain_text('name="Two items"')
    context.close()


def test_story_details_load_when_the_story_is_opened(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    requested: list[str] = []
    page.on(
        "request",
        lambda request: requested.append(request.url) if "/storybook/story/" in request.url else None,
    )
    page.goto(f"{live_server.url}/storybook/#story=avatar--initials&tab=story")
    expect(page.locator("#cab-sb-story")).to_contain_text('name="Initials"')
    assert [url.rsplit("/", 1)[-1] for url in requested] == ["avatar--initials.json"]
    check_csp(ui, "storybook page")
    # A story whose details cannot be loaded says so where the controls would be.
    page.route("**/storybook/story/kpi--typical.json", lambda route: route.fulfill(status=503, body=""))
    page.get_by_role("link", name="Typical").click()
    expect(page.locator("#cab-sb-controls [role=alert]")).to_contain_text("could not be loaded: 503")


# --- the token panel ------------------------------------------------------------------------------

PANE = "#cab-sb-pane-tokens"
FRAME_BRAND = "getComputedStyle(document.documentElement).getPropertyValue('--cab-brand').trim()"


def wait_tokens(page: Page, state: str) -> None:
    wait_until(page, f"document.querySelector('{PANE}').dataset.state === '{state}'")


def test_token_panel_re_skins_the_preview_as_you_type_and_exports(
    live_server: Any, ui: PageProbe, tmp_path: Path
) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/#story=kpi--typical")
    frame = preview_frame(page)
    assert frame.evaluate(FRAME_BRAND) == "#4f46e5"
    page.locator("#cab-sb-tab-tokens").click()
    light_brand = page.locator("#cab-sb-token-light-brand")
    expect(light_brand).to_have_value("#4f46e5")
    expect(
        page.locator("#cab-sb-token-light-brand").locator("xpath=..").locator("input[type=color]")
    ).to_have_value("#4f46e5")

    # A valid brand: applied to the preview, its companions derived, contrast fine, the snippet written.
    light_brand.fill("#0f766e")
    wait_tokens(page, "applied")
    assert frame.evaluate(FRAME_BRAND) == "#0f766e"
    expect(page.locator("#cab-sb-token-light-brand-hover")).not_to_have_value("#4338ca")
    expect(page.locator("#cab-sb-tokens-status")).to_contain_text("in both modes")
    expect(page.locator("#cab-sb-tokens-snippet")).to_contain_text("'light.brand': '#0f766e',")
    assert "tokens=" in page.url
    check_axe(ui, "token panel")  # every field labelled, the table's headers, the live status

    # A brand without contrast: still applied (the designer sees it), with the failing pairs named.
    light_brand.fill("#ffff00")
    wait_tokens(page, "applied")
    assert frame.evaluate(FRAME_BRAND) == "#ffff00"
    expect(page.locator("#cab-sb-tokens-details .cab-sb__contrast")).to_contain_text(
        "light: brand on surface is 1.07:1 (#ffff00 on #ffffff), needs 3:1 for non-text"
    )

    # An invalid value: named on its field, nothing applied (the preview keeps the last good theme).
    light_brand.fill("#12")
    wait_tokens(page, "invalid")
    expect(light_brand).to_have_attribute("aria-invalid", "true")
    expect(page.locator("#cab-sb-token-light-brand-error")).to_have_text(
        "light.brand: '#12' is not a hex colour (#rgb, #rrggbb or #rrggbbaa)"
    )
    assert frame.evaluate(FRAME_BRAND) == "#ffff00"

    # The export: a DTCG file the theme loader reads back to the same brand.
    light_brand.fill("#0f766e")
    wait_tokens(page, "applied")
    with page.expect_download() as download:
        page.locator("#cab-sb-tokens-dtcg").click()
    saved = tmp_path / download.value.suggested_filename
    download.value.save_as(saved)
    assert saved.name == "cabinet-theme.tokens.json"
    from codex_django.cabinet.theme import load_dtcg_file

    assert load_dtcg_file(saved)["light.brand"] == "#0f766e"

    # The edit is in the deep link: another visit starts from it.
    again = page.context.new_page()
    again.goto(page.url)
    frame_again = preview_frame(again)
    wait_tokens(again, "applied")
    assert frame_again.evaluate(FRAME_BRAND) == "#0f766e"
    expect(again.locator("#cab-sb-token-light-brand")).to_have_value("#0f766e")
    again.close()

    # Another story keeps the edit; reset removes it.
    page.locator("#cab-sb-tree .cab-sb__story", has_text="Two items").click()
    frame = preview_frame(page)
    wait_until(
        page,
        "document.getElementById('cab-sb-frame').contentDocument.getElementById('cab-sb-tokens') !== null",
    )
    assert frame.evaluate(FRAME_BRAND) == "#0f766e"
    page.locator("#cab-sb-tokens-reset").click()
    wait_until(
        page,
        "document.getElementById('cab-sb-frame').contentDocument.getElementById('cab-sb-tokens') === null",
    )
    assert frame.evaluate(FRAME_BRAND) == "#4f46e5"
    expect(light_brand).to_have_value("#4f46e5")
    check_csp(ui, "token panel")


def test_token_panel_applies_the_last_of_quick_edits(live_server: Any, ui: PageProbe) -> None:
    page = ui.page
    page.goto(f"{live_server.url}/storybook/#story=kpi--typical&tab=tokens")
    frame = preview_frame(page)
    light_brand = page.locator("#cab-sb-token-light-brand")
    for value in ("#0f766e", "#b91c1c", "#1d4ed8"):  # faster than a check answers
        light_brand.fill(value)
    wait_tokens(page, "applied")
    assert frame.evaluate(FRAME_BRAND) == "#1d4ed8"
    expect(page.locator("#cab-sb-tokens-snippet")).to_contain_text("'light.brand': '#1d4ed8',")
    assert frame.evaluate("document.querySelectorAll('link[data-cab-sb-tokens]').length") == 1
    check_csp(ui, "token panel, quick edits")
