"""card_grid and list_view in Chromium: a user pages through, searches, and reads long names.

The pager (``cabinet/includes/_collection_pager.html`` driven by
``frontend/collection-paging.js``) shows one page of the items that match the
search; long single-line fields end in an ellipsis, hold their full text in
``title`` and unfold while keyboard focus is in the card or row.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Locator, Page, expect

from codex_django.cabinet.components.card_grid.stories import LONG_NAMES, many_items
from codex_django.cabinet.components.list_view.stories import many_rows

from .harness import PageProbe, check_csp, load_story

CARDS = "card_grid--many-items"
ROWS = "list_view--many-rows"


@pytest.fixture
def probe(storybook_browser: Browser) -> Iterator[PageProbe]:
    """The desktop size of the issue (1366 px), a fresh localStorage per test."""
    context = storybook_browser.new_context(
        viewport={"width": 1366, "height": 900}, device_scale_factor=1, reduced_motion="reduce"
    )
    probe = PageProbe.open(context)
    yield probe
    check_csp(probe, "collection paging")
    context.close()


def open_story(probe: PageProbe, live_server: Any, story_id: str) -> Page:
    load_story(probe, f"{live_server.url}/storybook/preview/{story_id}/", story_id)
    return probe.page


def pager(page: Page, label: str) -> tuple[Locator, Locator, Locator, Locator]:
    """The pager's navigation landmark, its summary, page label and previous/next buttons."""
    nav = page.get_by_role("navigation", name=label)
    return (
        nav.get_by_role("status"),
        nav.locator(".cab-collection-pager__page"),
        nav.get_by_role("button", name="Previous page"),
        nav.get_by_role("button", name="Next page"),
    )


def visible_titles(page: Page) -> Locator:
    return page.locator(".cab-card-grid__item:visible .cab-card__title")


def test_a_user_pages_through_the_cards_with_mouse_and_keyboard(live_server: Any, probe: PageProbe) -> None:
    page = open_story(probe, live_server, CARDS)
    titles = [item.title for item in many_items().items]
    summary, label, previous, following = pager(page, "Card pages")
    expect(summary).to_have_text("Cards 1–24 of 130")
    expect(label).to_have_text("Page 1 of 6")
    expect(previous).to_be_disabled()
    expect(visible_titles(page)).to_have_text(titles[:24])

    following.click()
    expect(summary).to_have_text("Cards 25–48 of 130")
    expect(label).to_have_text("Page 2 of 6")
    expect(visible_titles(page)).to_have_text(titles[24:48])
    expect(previous).to_be_enabled()

    # Keyboard: Enter on the focused button pages on; at the last page it is disabled and
    # focus moves to "Previous page" rather than being lost.
    following.focus()
    for _ in range(4):
        page.keyboard.press("Enter")
    expect(summary).to_have_text("Cards 121–130 of 130")
    expect(label).to_have_text("Page 6 of 6")
    expect(visible_titles(page)).to_have_text(titles[120:])
    expect(following).to_be_disabled()
    expect(previous).to_be_focused()
    page.keyboard.press("Enter")
    expect(label).to_have_text("Page 5 of 6")


def test_paging_applies_after_the_search(live_server: Any, probe: PageProbe) -> None:
    page = open_story(probe, live_server, CARDS)
    summary, label, _previous, following = pager(page, "Card pages")
    following.click()
    matches = [item.title for item in many_items().items if "an" in item.search_text]
    assert len(matches) > 24  # more than one page of matches

    page.get_by_role("searchbox", name="Search").fill("an")
    expect(summary).to_have_text(f"Cards 1–24 of {len(matches)}")  # back to page 1 of the matches
    expect(label).to_have_text(f"Page 1 of {-(-len(matches) // 24)}")
    expect(visible_titles(page)).to_have_text(matches[:24])
    following.click()
    expect(visible_titles(page)).to_have_text(matches[24:48])

    # Few matches: one page, no pager.
    page.get_by_role("searchbox", name="Search").fill("anna")
    anna = [item.title for item in many_items().items if "anna" in item.search_text]
    expect(visible_titles(page)).to_have_text(anna)
    expect(page.get_by_role("navigation", name="Card pages")).to_be_hidden()

    page.get_by_role("searchbox", name="Search").press("Escape")
    expect(summary).to_have_text("Cards 1–24 of 130")
    expect(page.locator(".cab-card-grid__item:visible")).to_have_count(24)


def test_list_paging_keeps_the_arrow_keys_on_the_page_shown(live_server: Any, probe: PageProbe) -> None:
    page = open_story(probe, live_server, ROWS)
    rows = many_rows().rows
    summary, label, _previous, following = pager(page, "List pages")
    expect(summary).to_have_text("Rows 1–25 of 60")
    expect(label).to_have_text("Page 1 of 3")
    secondaries = page.locator(".cab-list-view__row:visible .cab-list-view__secondary")
    expect(secondaries).to_have_text([row.secondary for row in rows[:25]])

    following.click()
    expect(summary).to_have_text("Rows 26–50 of 60")
    expect(secondaries).to_have_text([row.secondary for row in rows[25:50]])
    # The list's one Tab stop is now on the page shown; Home/End stay on it.
    page.get_by_role("searchbox", name="Search").focus()
    page.keyboard.press("Tab")
    focused_row = page.locator(".cab-list-view__row:has(:focus) .cab-list-view__secondary")
    expect(focused_row).to_have_text(rows[25].secondary)
    page.keyboard.press("End")
    expect(focused_row).to_have_text(rows[49].secondary)

    page.get_by_role("searchbox", name="Search").fill("sms")
    sms = [row.secondary for row in rows if "sms" in row.search_text]
    expect(secondaries).to_have_text(sms)  # 15 rows: one page, no pager
    expect(page.get_by_role("navigation", name="List pages")).to_be_hidden()


TRUNCATION = """(element) => {
  const style = getComputedStyle(element);
  return {
    ellipsis: style.textOverflow === "ellipsis" && style.whiteSpace === "nowrap",
    cut: element.scrollWidth > element.clientWidth,
    lines: Math.round(element.getBoundingClientRect().height / parseFloat(style.lineHeight)),
  };
}"""


def test_long_names_end_in_an_ellipsis_with_the_full_text_in_the_title(
    live_server: Any, probe: PageProbe
) -> None:
    page = open_story(probe, live_server, "card_grid--long-names")
    name, email = LONG_NAMES[0]
    card = page.locator(".cab-card").first
    title, subtitle = card.locator(".cab-card__title"), card.locator(".cab-card__subtitle")
    for element in (title, subtitle):
        assert element.evaluate(TRUNCATION) == {"ellipsis": True, "cut": True, "lines": 1}
    # The whole text is there for screen readers and in the tooltips.
    link = card.get_by_role("link", name=name)
    expect(link).to_have_attribute("title", f"{name}\n{email}")
    expect(subtitle).to_have_attribute("title", email)
    expect(subtitle).to_have_text(email)

    # Keyboard: focus in the card unfolds its lines, wrapped between words.
    page.get_by_role("searchbox", name="Search").focus()
    page.keyboard.press("Tab")  # the grid/list toggle
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")  # the first card's link
    expect(link).to_be_focused()
    folded = title.evaluate(TRUNCATION)
    assert not folded["cut"] and folded["lines"] == 2  # "Konstantin" / "Konstantinopolsky"


def test_long_list_rows_end_in_an_ellipsis(live_server: Any, probe: PageProbe) -> None:
    probe.page.set_viewport_size({"width": 390, "height": 844})
    page = open_story(probe, live_server, "list_view--long-names")
    row = page.locator(".cab-list-view__row").first
    link, secondary = row.locator(".cab-list-view__link"), row.locator(".cab-list-view__secondary")
    for element in (link, secondary):
        assert element.evaluate(TRUNCATION) == {"ellipsis": True, "cut": True, "lines": 1}
    expect(link).to_have_attribute(
        "title", "Aleksandra Vasilievna Rozhdestvenskaya\n" + secondary.inner_text()
    )
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
