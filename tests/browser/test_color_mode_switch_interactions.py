"""The colour-mode switch in Chromium: a choice applies at once, is remembered, follows the system."""

from __future__ import annotations

from collections.abc import Callable

from playwright.sync_api import Page, expect


def test_choosing_dark_applies_now_and_sets_the_cookie(story_page: Callable[..., Page]) -> None:
    page = story_page("color_mode_switch--light-selected")
    html = page.locator("html")
    expect(html).to_have_attribute("data-bs-theme", "light")
    page.get_by_label("Dark").check()
    expect(html).to_have_attribute("data-bs-theme", "dark")
    expect(html).to_have_attribute("data-cab-color-mode", "dark")
    cookies = {cookie["name"]: cookie["value"] for cookie in page.context.cookies()}
    assert cookies["cabinet_color_mode"] == "dark"
    # The form never submits with JavaScript on: no navigation happened.
    assert "color_mode_switch--light-selected" in page.url
    page.context.clear_cookies()


def test_keyboard_arrows_move_between_modes(story_page: Callable[..., Page]) -> None:
    page = story_page("color_mode_switch--light-selected")
    page.get_by_label("Light").focus()
    page.keyboard.press("ArrowRight")
    expect(page.get_by_label("Dark")).to_be_checked()
    expect(page.locator("html")).to_have_attribute("data-bs-theme", "dark")
    page.context.clear_cookies()


def test_system_mode_follows_the_operating_system(story_page: Callable[..., Page]) -> None:
    page = story_page("color_mode_switch--light-selected")
    page.emulate_media(color_scheme="dark")
    page.get_by_label("Follow the system").check()
    html = page.locator("html")
    expect(html).to_have_attribute("data-bs-theme", "dark")
    page.emulate_media(color_scheme="light")
    expect(html).to_have_attribute("data-bs-theme", "light")
    page.context.clear_cookies()
