"""list_view in Chromium: search, modal dispatch for rows and actions, page links, roving focus."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from .harness import PageProbe, check_csp, load_story

TYPICAL = "list_view--typical"
RECORD_EVENTS = """
window.__openModal = [];
window.addEventListener("open-modal", (event) => window.__openModal.push(event.detail));
"""


@pytest.fixture
def probe(storybook_browser: Browser) -> Iterator[PageProbe]:
    context = storybook_browser.new_context(
        viewport={"width": 1280, "height": 800}, device_scale_factor=1, reduced_motion="reduce"
    )
    probe = PageProbe.open(context)
    yield probe
    check_csp(probe, "list_view interactions")
    context.close()


def open_story(probe: PageProbe, live_server: Any, story_id: str = TYPICAL) -> str:
    url = f"{live_server.url}/storybook/preview/{story_id}/"
    load_story(probe, url, story_id)
    probe.page.evaluate(RECORD_EVENTS)
    return url


def expect_primaries(probe: PageProbe, texts: list[str]) -> None:
    primaries = probe.page.locator(".cab-list-view__row:visible .cab-list-view__main > :first-child")
    expect(primaries).to_have_text(texts)


def answer_pages(probe: PageProbe) -> None:
    """Pages the links lead to answer a plain page (the storybook has none of them)."""
    probe.page.route(
        lambda url: "/cabinet/items/" in url or "/cabinet/notifications/" in url,
        lambda route: route.fulfill(status=200, body="<p>page</p>", content_type="text/html"),
    )


def test_search_narrows_by_primary_and_secondary(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    search = page.get_by_role("searchbox", name="Search")
    search.fill("telegram")  # in "Chen Li · Telegram"
    expect_primaries(probe, ["Payment received"])
    search.fill("reminder")
    expect_primaries(probe, ["Reminder: visit tomorrow"])
    search.fill("xyz")
    expect(page.get_by_role("status")).to_have_text("No rows match your search.")
    search.fill("")
    expect(page.locator(".cab-list-view__row:visible")).to_have_count(4)


def test_row_click_dispatches_open_modal_and_stays(live_server: Any, probe: PageProbe) -> None:
    url = open_story(probe, live_server)
    page = probe.page
    # Anywhere on the row (here: far right of the secondary text): the row's link covers it.
    page.locator(".cab-list-view__row").nth(1).click(position={"x": 600, "y": 40})
    assert page.evaluate("window.__openModal") == [{"url": "/cabinet/notifications/2/"}]
    assert page.url == url


def test_row_action_dispatches_open_modal(live_server: Any, probe: PageProbe) -> None:
    url = open_story(probe, live_server)
    page = probe.page
    page.get_by_role("link", name="Open (Appointment confirmed)").click()
    assert page.evaluate("window.__openModal") == [{"url": "/cabinet/notifications/1/"}]
    assert page.url == url


def test_button_style_action_and_page_rows_navigate(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server, "list_view--action-styles")
    page = probe.page
    answer_pages(probe)
    with page.expect_navigation():
        page.get_by_role("link", name="Primary (Action style btn-primary)").click()
    assert page.url.endswith("/cabinet/items/btn-primary/")

    open_story(probe, live_server, "list_view--open-in-page")
    with page.expect_navigation():
        page.get_by_role("link", name="Reminder: visit tomorrow", exact=True).click()
    assert page.url.endswith("/cabinet/notifications/2/")


def test_arrow_keys_move_between_rows_with_roving_focus(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    links = page.locator(".cab-list-view__link")
    # One Tab stop for the list: only the first row's link and actions are tabbable.
    assert [links.nth(i).get_attribute("tabindex") for i in range(3)] == ["0", "-1", "-1"]

    page.get_by_role("searchbox", name="Search").focus()
    page.keyboard.press("Tab")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("ArrowDown")
    expect(links.nth(1)).to_be_focused()
    assert [links.nth(i).get_attribute("tabindex") for i in range(3)] == ["-1", "0", "-1"]
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")  # the last row has no link: the third stays the last stop
    expect(links.nth(2)).to_be_focused()
    page.keyboard.press("Home")
    expect(links.nth(0)).to_be_focused()
    page.keyboard.press("End")
    expect(links.nth(2)).to_be_focused()
    page.keyboard.press("ArrowUp")
    expect(links.nth(1)).to_be_focused()
    # Tab moves on to the current row's action, which keyboard focus makes visible.
    page.keyboard.press("Tab")
    action = page.get_by_role("link", name="Open (Reminder: visit tomorrow)")
    expect(action).to_be_focused()
    assert action.evaluate("el => getComputedStyle(el.parentElement).opacity") == "1"
    other = page.locator(".cab-list-view__actions").first
    assert other.evaluate("el => getComputedStyle(el).opacity") == "0"
    page.keyboard.press("Enter")
    assert page.evaluate("window.__openModal") == [{"url": "/cabinet/notifications/2/"}]


def test_search_moves_the_tab_stop_to_the_first_visible_row(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    search = page.get_by_role("searchbox", name="Search")
    search.fill("payment")
    expect_primaries(probe, ["Payment received"])
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Payment received", exact=True)).to_be_focused()
