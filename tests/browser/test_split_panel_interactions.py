"""split_panel in Chromium: a click loads the detail and pushes its URL, Back restores, focus moves,
``active_id`` shows its detail on load, and below 768px the panels stack with a back control."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from .harness import PageProbe, check_csp, load_story

TYPICAL = "split_panel--typical"
DESKTOP = {"width": 1280, "height": 800}
MOBILE = {"width": 390, "height": 844}


def new_probe(browser: Browser, viewport: dict[str, int]) -> PageProbe:
    context = browser.new_context(viewport=viewport, device_scale_factor=1, reduced_motion="reduce")  # type: ignore[arg-type]
    return PageProbe.open(context)


@pytest.fixture
def probe(storybook_browser: Browser) -> Iterator[PageProbe]:
    probe = new_probe(storybook_browser, DESKTOP)
    yield probe
    check_csp(probe, "split_panel interactions")
    probe.page.context.close()


@pytest.fixture
def phone(storybook_browser: Browser) -> Iterator[PageProbe]:
    probe = new_probe(storybook_browser, MOBILE)
    yield probe
    check_csp(probe, "split_panel interactions (mobile)")
    probe.page.context.close()


def open_story(probe: PageProbe, live_server: Any, story_id: str = TYPICAL) -> str:
    url = f"{live_server.url}/storybook/preview/{story_id}/"
    load_story(probe, url, story_id)
    return url


def expect_current(probe: PageProbe, texts: list[str]) -> None:
    """The items marked ``aria-current`` (at most one)."""
    current = probe.page.locator(".cab-split-panel__item[aria-current=true] .cab-split-panel__primary")
    expect(current).to_have_text(texts)


def test_click_loads_the_detail_pushes_the_url_and_focuses_the_heading(
    live_server: Any, probe: PageProbe
) -> None:
    open_story(probe, live_server)
    page = probe.page
    detail = page.locator("#split-panel-detail")
    expect(detail).to_contain_text("Select a conversation")
    expect_current(probe, [])

    page.get_by_role("link", name="Question about colouring").click()
    heading = detail.get_by_role("heading", name="Question about colouring")
    expect(heading).to_be_visible()
    expect(heading).to_be_focused()
    assert page.url.endswith("/cabinet/conversations/43")
    expect_current(probe, ["Question about colouring"])


def test_back_and_forward_buttons_restore_the_selection(live_server: Any, probe: PageProbe) -> None:
    start = open_story(probe, live_server)
    page = probe.page
    detail = page.locator("#split-panel-detail")
    page.get_by_role("link", name="Question about colouring").click()
    expect(detail.get_by_role("heading")).to_have_text("Question about colouring")
    page.get_by_role("link", name="Gift certificate").click()
    expect(detail.get_by_role("heading")).to_have_text("Gift certificate")
    assert page.url.endswith("/cabinet/conversations/44")
    expect_current(probe, ["Gift certificate"])

    page.go_back()
    expect(detail.get_by_role("heading")).to_have_text("Question about colouring")
    assert page.url.endswith("/cabinet/conversations/43")
    expect_current(probe, ["Question about colouring"])

    page.go_back()
    expect(detail).to_contain_text("Select a conversation")
    assert page.url == start
    expect_current(probe, [])

    page.go_forward()
    expect(detail.get_by_role("heading")).to_have_text("Question about colouring")
    # The restored page still works: another click loads and pushes again.
    page.get_by_role("link", name="Feedback").click()
    expect(detail.get_by_role("heading")).to_have_text("Feedback")
    assert page.url.endswith("/cabinet/conversations/45")


def test_active_id_shows_its_detail_on_first_load_without_stealing_focus(
    live_server: Any, probe: PageProbe
) -> None:
    url = open_story(probe, live_server, "split_panel--active-item")
    page = probe.page
    expect(page.locator("#split-panel-detail").get_by_role("heading")).to_have_text(
        "Question about colouring"
    )
    expect_current(probe, ["Question about colouring"])
    assert page.evaluate("document.activeElement === document.body")
    assert page.url == url  # the first load does not push a history entry


def test_arrow_keys_move_between_items(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    items = page.locator("a.cab-split-panel__item")
    items.first.focus()
    page.keyboard.press("ArrowDown")
    expect(items.nth(1)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(items.nth(0)).to_be_focused()
    page.keyboard.press("Enter")
    expect(page.locator("#split-panel-detail h2")).to_be_focused()


def test_below_768px_the_panels_stack_with_a_back_control(live_server: Any, phone: PageProbe) -> None:
    open_story(phone, live_server)
    page = phone.page
    detail_panel = page.locator(".cab-split-panel__detail")
    list_panel = page.locator(".cab-split-panel__list")
    expect(list_panel).to_be_visible()
    expect(detail_panel).to_be_hidden()

    page.get_by_role("link", name="Gift certificate").click()
    expect(detail_panel.get_by_role("heading", name="Gift certificate")).to_be_focused()
    expect(list_panel).to_be_hidden()

    page.get_by_role("button", name="Back to list").click()
    expect(list_panel).to_be_visible()
    expect(detail_panel).to_be_hidden()
    expect(page.get_by_role("link", name="Gift certificate")).to_be_focused()
