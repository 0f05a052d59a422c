"""The page checks fail, naming the page, for each problem they exist to catch (and pass clean pages).

Synthetic pages (``set_content`` on a blank page of the session's Chromium) for
the layout checks; the demo server for the status and redirect checks.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from playwright.sync_api import Browser

from tests.browser.harness import HarnessFailure, PageProbe, check_visual

from .conftest import DemoPages
from .demo_server import DemoServer
from .page_checks import (
    BLANK_TAIL_LIMIT_PX,
    UPDATE_HELP,
    check_colour_mode,
    check_no_blank_tail,
    check_no_sideways_scroll,
    load_page,
)


@pytest.fixture(scope="module")
def phone(chromium: Browser) -> Iterator[PageProbe]:
    """A blank 390 x 844 page for synthetic markup."""
    context = chromium.new_context(viewport={"width": 390, "height": 844}, device_scale_factor=1)
    yield PageProbe.open(context)
    context.close()


def show(probe: PageProbe, body: str) -> None:
    probe.page.set_content(
        "<!DOCTYPE html><html><head><style>body { margin: 0; font: 16px sans-serif; }</style></head>"
        f"<body>{body}</body></html>"
    )


def test_sideways_scroll_fails_naming_the_widest_element(phone: PageProbe) -> None:
    show(
        phone,
        '<main class="shell"><p>Text</p><div class="row"><table id="rows" class="table wide">'
        '<tr><td style="min-width: 700px">cell</td></tr></table></div></main>',
    )
    with pytest.raises(HarnessFailure) as failure:
        check_no_sideways_scroll(phone, "demo-page [light--mobile]")
    message = str(failure.value)
    assert message.startswith("demo-page [light--mobile]: the page scrolls sideways: ")
    assert "in a 390 px viewport" in message
    assert "main.shell > div.row > table#rows.table.wide (" in message


def test_content_scrolling_inside_its_own_box_is_not_sideways_scroll(phone: PageProbe) -> None:
    show(
        phone,
        '<div style="overflow-x: auto"><table><tr><td style="min-width: 700px">cell</td></tr></table></div>'
        '<div style="position: fixed; left: 0; width: 900px; height: 10px"></div>',
    )
    check_no_sideways_scroll(phone, "demo-page [light--mobile]")


def test_blank_scroll_area_below_the_content_fails(phone: PageProbe) -> None:
    show(phone, '<main><h1 id="title">Title</h1><p>Last words.</p></main><div style="height: 2000px"></div>')
    with pytest.raises(HarnessFailure) as failure:
        check_no_blank_tail(phone, "demo-page [dark--mobile]")
    message = str(failure.value)
    assert message.startswith("demo-page [dark--mobile]: ")
    assert "px of blank scroll area below the content" in message
    assert "the last visible content (main > p)" in message


def test_long_content_and_a_short_page_pass_the_blank_area_check(phone: PageProbe) -> None:
    rows = "".join(f"<p>Row {number}</p>" for number in range(80))
    show(phone, f'<main style="padding-bottom: {BLANK_TAIL_LIMIT_PX - 20}px">{rows}</main>')
    check_no_blank_tail(phone, "long")
    show(phone, '<main style="min-height: 100vh"><p>Short.</p></main>')
    check_no_blank_tail(phone, "short")


def test_a_page_not_rendered_in_the_scheme_fails(phone: PageProbe) -> None:
    show(phone, "<p>No colour mode.</p>")
    with pytest.raises(
        HarnessFailure, match=r"^demo-page \[dark--mobile\]: the page renders data-bs-theme=None"
    ):
        check_colour_mode(phone, "demo-page [dark--mobile]", "dark")


def test_an_error_status_fails_with_the_status(demo_pages: DemoPages, demo_server: DemoServer) -> None:
    probe = demo_pages.probe("client", "light--desktop")
    with pytest.raises(HarnessFailure, match=r"^client-x \[light--desktop\]: HTTP 403 from "):
        load_page(probe, f"{demo_server.url}/cabinet/booking/", "client-x [light--desktop]")
    with pytest.raises(HarnessFailure, match=r"HTTP 404 from "):
        load_page(probe, f"{demo_server.url}/cabinet/no-such-page/", "client-x [light--desktop]")


def test_a_page_that_sends_the_browser_elsewhere_fails(chromium: Browser, demo_server: DemoServer) -> None:
    context = chromium.new_context()
    try:
        probe = PageProbe.open(context)
        with pytest.raises(HarnessFailure) as failure:
            load_page(probe, f"{demo_server.url}/cabinet/", "anonymous-dashboard [light--desktop]")
        assert f"/cabinet/ sent the browser to {demo_server.url}/login/?next=" in str(failure.value)
    finally:
        context.close()


def test_a_missing_page_baseline_says_how_to_create_it(phone: PageProbe, tmp_path: Path) -> None:
    show(phone, "<p>New page.</p>")
    with pytest.raises(HarnessFailure) as failure:
        check_visual(
            phone, "staff-new", "light--mobile", baselines=tmp_path, results=tmp_path, update_help=UPDATE_HELP
        )
    assert "no baseline" in str(failure.value)
    assert str(failure.value).endswith("Create baselines with: " + UPDATE_HELP)
    assert "tests/pages" in UPDATE_HELP
