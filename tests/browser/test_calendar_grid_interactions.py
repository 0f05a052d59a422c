"""``calendar_grid`` in Chromium: roving tab stop, arrow keys, the ``open-modal`` event, CSP.

Every test runs against the component's own stories in the storybook preview
(which sends the cabinet's strict Content-Security-Policy); the ``story_page``
fixture fails a test on any CSP violation or console error.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any
from urllib.parse import parse_qs, urlsplit

import pytest
from playwright.sync_api import Page, expect

pytestmark = pytest.mark.browser

ITEMS = ".cab-cal__slot, button.cab-cal__event"


def record_modal_events(page: Page) -> None:
    page.evaluate(
        """() => {
            window.__modalEvents = [];
            window.addEventListener("open-modal", (event) => window.__modalEvents.push(event.detail));
        }"""
    )


def modal_events(page: Page) -> list[dict[str, Any]]:
    events: list[dict[str, Any]] = page.evaluate("window.__modalEvents")
    return events


def focused_name(page: Page) -> str:
    name: str = page.evaluate(
        "document.activeElement.getAttribute('aria-label') || document.activeElement.textContent.trim()"
    )
    return " ".join(name.split())


def tab_stops(page: Page) -> int:
    count: int = page.locator(f"{ITEMS}").evaluate_all(
        "(items) => items.filter((item) => item.tabIndex === 0).length"
    )
    return count


def tab_into_grid(page: Page) -> None:
    page.evaluate("document.activeElement && document.activeElement.blur()")
    page.keyboard.press("Tab")


def test_one_tab_stop_and_arrow_keys_move_between_slots(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--empty-day")
    expect(page.get_by_role("button", name="Anna, 10 a.m., free")).to_be_visible()
    assert page.locator(".cab-cal__slot").count() == 12
    assert tab_stops(page) == 1
    tab_into_grid(page)
    assert focused_name(page) == "Anna, 10 a.m., free"
    moves = [
        ("ArrowRight", "Boris, 10 a.m., free"),
        ("ArrowDown", "Boris, 10:30 a.m., free"),
        ("ArrowDown", "Boris, 11 a.m., free"),
        ("ArrowLeft", "Anna, 11 a.m., free"),
        ("ArrowLeft", "Anna, 11 a.m., free"),  # the first column: nowhere further left
        ("ArrowUp", "Anna, 10:30 a.m., free"),
        ("End", "Boris, 10:30 a.m., free"),
        ("Home", "Anna, 10:30 a.m., free"),
        ("Control+End", "Boris, 12:30 p.m., free"),
        ("ArrowDown", "Boris, 12:30 p.m., free"),  # the last row
        ("Control+Home", "Anna, 10 a.m., free"),
    ]
    for key, expected in moves:
        page.keyboard.press(key)
        assert focused_name(page) == expected, f"after {key}"
        assert tab_stops(page) == 1, f"after {key}"
    # Tab leaves the grid (one tab stop), Shift+Tab comes back to the last slot visited.
    page.keyboard.press("ArrowRight")
    page.keyboard.press("Tab")
    assert not page.evaluate("document.activeElement.classList.contains('cab-cal__slot')")
    page.keyboard.press("Shift+Tab")
    assert focused_name(page) == "Boris, 10 a.m., free"


def test_enter_on_a_free_slot_opens_the_create_form_with_its_column_and_time(
    story_page: Callable[..., Page],
) -> None:
    page = story_page("calendar_grid--dict-columns-with-header-data")
    record_modal_events(page)
    page.get_by_role("button", name="Chen Li, 9 a.m., free").focus()
    page.keyboard.press("Enter")
    events = modal_events(page)
    assert len(events) == 1
    url = urlsplit(events[0]["url"])
    assert url.path == "/booking/new/"
    assert parse_qs(url.query) == {
        "col": ["2"],
        "row": ["0"],
        "col_label": ["Chen Li"],
        "col_id": ["3"],
        "time": ["09:00"],  # the machine value; the button's name says "9 a.m."
    }
    # The preview's modal host loads the create URL (the story's stub); closing it gives focus back to the slot.
    expect(page.get_by_role("dialog").get_by_role("heading", name="New appointment")).to_be_visible()
    page.keyboard.press("Escape")
    page.keyboard.press("ArrowDown")
    page.keyboard.press(" ")
    second = parse_qs(urlsplit(modal_events(page)[1]["url"]).query)
    assert second["row"] == ["1"] and second["time"] == ["09:30"] and second["col_label"] == ["Chen Li"]


def test_clicking_a_slot_keeps_the_query_of_new_event_url_and_moves_the_tab_stop(
    story_page: Callable[..., Page],
) -> None:
    page = story_page("calendar_grid--typical")
    record_modal_events(page)
    slot = page.get_by_role("button", name="Мастер 2, 10:30, free")
    slot.click()
    query = parse_qs(urlsplit(modal_events(page)[0]["url"]).query)
    assert query == {"col": ["1"], "row": ["5"], "col_label": ["Мастер 2"], "time": ["10:30"]}
    expect(slot).to_have_attribute("tabindex", "0")
    assert tab_stops(page) == 1


def test_clicking_an_event_dispatches_open_modal_with_its_url(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--typical")
    record_modal_events(page)
    event = page.get_by_role("button", name="Мастер 1, 9:00–10:00: Иван П. Стрижка")
    event.click()
    assert modal_events(page) == [{"url": "/booking/42/"}]
    # The preview's modal host loads the event's URL (the story's stub for it).
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading", name="Иван П.")).to_be_visible()
    expect(dialog).to_contain_text("Стрижка — details of the appointment.")


def test_arrow_keys_reach_events_and_enter_opens_them(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--typical")
    record_modal_events(page)
    page.get_by_role("button", name="Мастер 1, 8:30, free").focus()
    page.keyboard.press("ArrowDown")
    assert focused_name(page).startswith("Мастер 1, 9:00–10:00: Иван П.")
    page.keyboard.press("ArrowRight")
    assert focused_name(page) == "Мастер 2, 9:00, free"
    page.keyboard.press("ArrowLeft")
    assert focused_name(page).startswith("Мастер 1, 9:00–10:00: Иван П.")
    page.keyboard.press("ArrowDown")
    assert focused_name(page) == "Мастер 1, 10:00, free"  # past the event's two rows
    page.keyboard.press("ArrowUp")
    page.keyboard.press("Enter")
    assert modal_events(page) == [{"url": "/booking/42/"}]


def test_overlapping_events_sit_side_by_side_and_arrows_cross_the_lanes(
    story_page: Callable[..., Page],
) -> None:
    page = story_page("calendar_grid--overlapping-events")
    meeting = page.get_by_role("button", name="Team meeting")
    call = page.get_by_role("button", name="Call")
    check_in = page.get_by_role("button", name="Check-in")
    boxes = [item.bounding_box() for item in (meeting, call, check_in)]
    assert all(boxes)
    lefts = [box["x"] for box in boxes if box]
    assert lefts == sorted(lefts) and len(set(lefts)) == 3  # three lanes, left to right
    assert boxes[0] and boxes[1] and boxes[0]["x"] + boxes[0]["width"] <= boxes[1]["x"] + 0.5
    meeting.focus()
    page.keyboard.press("ArrowRight")
    assert "Call Overlaps" in focused_name(page)
    page.keyboard.press("ArrowRight")
    assert "Check-in Third lane" in focused_name(page)
    page.keyboard.press("ArrowRight")
    assert focused_name(page) == "Room B, 10 a.m., free"


def test_arrow_keys_follow_the_screen_in_right_to_left_layouts(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--empty-day", dir="rtl")
    anna = page.get_by_role("button", name="Anna, 10 a.m., free").bounding_box()
    boris = page.get_by_role("button", name="Boris, 10 a.m., free").bounding_box()
    assert anna and boris and boris["x"] < anna["x"]  # the first column is on the right
    page.get_by_role("button", name="Anna, 10 a.m., free").focus()
    page.keyboard.press("ArrowLeft")
    assert focused_name(page) == "Boris, 10 a.m., free"


def test_read_only_grid_has_no_slot_buttons(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--read-only")
    record_modal_events(page)
    expect(page.locator(".cab-cal__slot")).to_have_count(0)
    expect(page.get_by_role("button", name="free")).to_have_count(0)
    page.locator(".cab-cal__col").first.click(position={"x": 20, "y": 400}, force=True)
    assert modal_events(page) == []
    assert tab_stops(page) == 1  # the first clickable event


def test_hex_colours_are_applied_through_the_cssom(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--every-colour")
    green = page.get_by_role("button", name="#0f0")
    colour = green.evaluate("(element) => getComputedStyle(element).borderInlineStartColor")
    assert colour == "rgb(0, 255, 0)"
    assert "--cab-cal-ev" in (green.get_attribute("style") or "")  # set by the script (CSSOM)
    served = page.request.get(page.url).text()
    markup = served[served.index('<section class="cab-cal"') : served.index("</section>")]
    assert "#0f0" in markup and "style=" not in markup  # the server never prints a style attribute


def test_now_indicator_sits_inside_its_row(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--dict-columns-with-header-data")
    line = page.locator(".cab-cal__now").bounding_box()
    row = page.locator(".cab-cal__time", has_text="10:30").bounding_box()
    assert line and row
    # now_row 3.5 (10:45 on 30-minute rows from 9:00): halfway down the 10:30 row.
    assert abs(line["y"] + line["height"] / 2 - (row["y"] + row["height"] / 2)) <= 2


def test_narrow_screens_scroll_sideways_with_sticky_headers(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--dense", "light--mobile")
    scroller = page.locator(".cab-cal__scroll")
    sizes = scroller.evaluate("(element) => [element.scrollWidth, element.clientWidth]")
    assert sizes[0] > sizes[1]
    header = page.locator(".cab-cal__head").first
    time_cell = page.locator(".cab-cal__time").first
    before = (header.bounding_box(), time_cell.bounding_box())
    scroller.evaluate("(element) => element.scrollTo(400, 300)")
    after = (header.bounding_box(), time_cell.bounding_box())
    assert before[0] and after[0] and after[0]["y"] == before[0]["y"]  # the header row stays on top
    assert before[1] and after[1] and after[1]["x"] == before[1]["x"]  # the time column stays put


def test_refresh_calendar_event_reloads_the_calendar(story_page: Callable[..., Page]) -> None:
    page = story_page("calendar_grid--refreshing")
    expect(page.locator(".cab-cal__event")).to_have_count(1)
    # What modal_close_response's HX-Trigger does: the event bubbles up from inside the modal.
    page.evaluate(
        """() => document.body.firstElementChild.dispatchEvent(
            new CustomEvent("refresh-calendar", {bubbles: true}))"""
    )
    expect(page.locator(".cab-cal")).to_have_text("Reloaded calendar")
    expect(page.locator(".cab-cal")).to_have_count(1)
