"""card_grid in Chromium: search narrows the cards, the view toggle is remembered, a card is one link."""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, expect

from .harness import PageProbe, check_csp, load_story

TYPICAL = "card_grid--typical"


@pytest.fixture
def probe(storybook_browser: Browser) -> Iterator[PageProbe]:
    """A fresh context per test: its own localStorage, so a remembered view cannot leak between tests."""
    context = storybook_browser.new_context(
        viewport={"width": 1280, "height": 800}, device_scale_factor=1, reduced_motion="reduce"
    )
    probe = PageProbe.open(context)
    yield probe
    check_csp(probe, "card_grid interactions")
    context.close()


def open_story(probe: PageProbe, live_server: Any, story_id: str = TYPICAL) -> None:
    load_story(probe, f"{live_server.url}/storybook/preview/{story_id}/", story_id)


def expect_titles(probe: PageProbe, titles: list[str]) -> None:
    expect(probe.page.locator(".cab-card-grid__item:visible .cab-card__title")).to_have_text(titles)


def test_search_narrows_by_title_and_subtitle(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    search = page.get_by_role("searchbox", name="Search")
    expect_titles(probe, ["Anna Smith", "Boris Kim", "Chen Li", "Dmitri Volkov"])

    search.fill("BORIS")
    expect_titles(probe, ["Boris Kim"])

    search.fill("since 2024")  # Chen Li's subtitle
    expect_titles(probe, ["Chen Li"])

    search.fill("nobody at all")
    expect(page.get_by_role("status")).to_have_text("No cards match your search.")
    expect(page.locator(".cab-card-grid__item:visible")).to_have_count(0)

    search.press("Escape")
    expect(page.locator(".cab-card-grid__item:visible")).to_have_count(4)
    expect(page.locator(".cab-card-grid__no-results")).to_be_hidden()


def test_view_toggle_switches_modes_and_persists_across_reload(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    root = page.locator(".cab-card-grid")
    grid = page.get_by_role("button", name="Grid")
    as_list = page.get_by_role("button", name="List")
    expect(root).to_have_class("cab-card-grid cab-card-grid--grid")
    expect(grid).to_have_attribute("aria-pressed", "true")
    expect(as_list).to_have_attribute("aria-pressed", "false")
    one_row_height = page.locator(".cab-card-grid__item").first.bounding_box()

    as_list.click()
    expect(root).to_have_class("cab-card-grid cab-card-grid--list")
    expect(as_list).to_have_attribute("aria-pressed", "true")
    expect(grid).to_have_attribute("aria-pressed", "false")
    # The same four cards, now stacked: the second sits below the first.
    first, second = (page.locator(".cab-card-grid__item").nth(i).bounding_box() for i in (0, 1))
    assert first and second and one_row_height
    assert second["y"] >= first["y"] + first["height"] - 1
    assert page.evaluate("localStorage.getItem('cab-card-grid:' + location.pathname + ':view')") == "list"

    page.reload()
    page.wait_for_selector("html[data-story-ready=true]", state="attached")
    expect(root).to_have_class("cab-card-grid cab-card-grid--list")
    expect(as_list).to_have_attribute("aria-pressed", "true")

    grid.click()
    page.reload()
    page.wait_for_selector("html[data-story-ready=true]", state="attached")
    expect(root).to_have_class("cab-card-grid cab-card-grid--grid")


def test_remembered_mode_is_per_grid(live_server: Any, probe: PageProbe) -> None:
    """Another grid (another page path here) keeps its own view_mode."""
    open_story(probe, live_server)
    probe.page.get_by_role("button", name="List").click()
    open_story(probe, live_server, "card_grid--badge-styles")
    expect(probe.page.locator(".cab-card-grid")).to_have_class("cab-card-grid cab-card-grid--grid")


def test_a_card_is_one_link_covering_the_card(live_server: Any, probe: PageProbe) -> None:
    open_story(probe, live_server)
    page = probe.page
    cards = page.locator(".cab-card")
    for index in range(3):
        assert cards.nth(index).locator("a, button, input, select, textarea").count() == 1
    assert cards.nth(3).locator("a").count() == 0  # no url: no link

    page.route(
        "**/cabinet/clients/1/",
        lambda route: route.fulfill(status=200, body="<p>client</p>", content_type="text/html"),
    )
    box = page.locator(".cab-card__meta-item").first.bounding_box()  # far from the title's text
    assert box is not None
    with page.expect_navigation():
        page.mouse.click(box["x"] + 5, box["y"] + 5)
    assert page.url.endswith("/cabinet/clients/1/")
