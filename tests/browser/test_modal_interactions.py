"""The modal system in Chromium, by keyboard: open, focus in and trapped, Esc, focus back, round trips.

Pages come from ``tests/modal_urls.py`` on the live server (``ROOT_URLCONF``
switched for these tests): buttons with ``data-cab-modal-url`` open the page's
one modal host; its views answer with ``render_modal`` / ``modal_close_response``.
"""

from __future__ import annotations

from collections.abc import Iterator
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from tests import modal_urls

from .harness import PageProbe, check_csp, wait_until

IN_DIALOG = "document.querySelector('#cab-modal-host dialog').contains(document.activeElement)"
ACTIVE_ID = "document.activeElement && document.activeElement.id"


@pytest.fixture
def modal_page(
    storybook_browser: Browser, live_server: Any, settings: Any
) -> Iterator[tuple[Page, PageProbe]]:
    settings.ROOT_URLCONF = "tests.modal_urls"
    modal_urls.SAVED.clear()
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 800}, reduced_motion="reduce")
    probe = PageProbe.open(context)
    probe.page.goto(live_server.url + "/modal-tests/page/")
    wait_until(probe.page, "Boolean(window.Alpine && document.querySelector('#cab-modal-host')._x_dataStack)")
    yield probe.page, probe
    context.close()


def check_clean(probe: PageProbe, name: str) -> None:
    """No CSP violation or console error (the test pages have no favicon: that 404 is not ours)."""
    probe.console_errors[:] = [error for error in probe.console_errors if "favicon.ico" not in error]
    check_csp(probe, name)


SETTLED = "document.getElementById('cab-modal-body').contains(document.activeElement)"


def tab_to(page: Page, element_id: str, limit: int = 15) -> None:
    """Press Tab until the element with ``element_id`` has focus (keyboard only)."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(ACTIVE_ID) == element_id:
            return
    raise AssertionError(f"#{element_id} never got focus by Tab")


def dialog_open(page: Page) -> bool:
    return bool(page.evaluate("document.querySelector('#cab-modal-host dialog').open"))


def test_keyboard_open_focus_in_trap_escape_and_focus_back(modal_page: tuple[Page, PageProbe]) -> None:
    page, probe = modal_page
    tab_to(page, "open-form")
    page.keyboard.press("Enter")
    title = page.locator("#cab-modal-body h2")
    expect(title).to_have_text("Edit note")
    assert dialog_open(page)
    # Focus moved to the first field; the dialog is labelled by the loaded heading.
    wait_until(page, "document.activeElement.name === 'note'")
    labelled_by = page.get_attribute("#cab-modal-host dialog", "aria-labelledby")
    assert labelled_by == title.get_attribute("id")
    assert page.evaluate("document.documentElement.classList.contains('cab-modal-open')")
    # Tab and Shift+Tab stay inside (showModal makes the page behind inert).
    for key in ["Tab"] * 7 + ["Shift+Tab"] * 7:
        page.keyboard.press(key)
        assert page.evaluate(IN_DIALOG), f"focus left the dialog after {key}"
    page.keyboard.press("Escape")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    assert page.evaluate(ACTIVE_ID) == "open-form"
    assert not page.evaluate("document.documentElement.classList.contains('cab-modal-open')")
    assert page.evaluate("document.getElementById('cab-modal-body').childElementCount") == 0
    check_clean(probe, "modal-keyboard")


def test_close_button_and_cancel_action_return_focus(modal_page: tuple[Page, PageProbe]) -> None:
    page, _probe = modal_page
    trigger = page.locator("button.cab-modal-trigger")
    trigger.focus()
    page.keyboard.press("Enter")
    expect(page.locator("#cab-modal-body h2")).to_have_text("Edit note")
    wait_until(page, SETTLED)  # the host has moved focus into the loaded content
    assert "cab-modal--sm" in (page.get_attribute("#cab-modal-host dialog", "class") or "")
    page.locator("#cab-modal-body button", has_text="Cancel").focus()
    page.keyboard.press("Enter")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    assert page.evaluate("document.activeElement.classList.contains('cab-modal-trigger')")
    page.locator("#open-details").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    wait_until(page, SETTLED)  # the host has moved focus into the loaded content
    page.locator(".cab-modal__close").focus()
    page.keyboard.press("Enter")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    assert page.evaluate(ACTIVE_ID) == "open-details"


def test_form_error_re_renders_inside_then_success_closes_and_refreshes(
    modal_page: tuple[Page, PageProbe],
) -> None:
    page, probe = modal_page
    tab_to(page, "open-form")
    page.keyboard.press("Enter")
    wait_until(page, "document.activeElement.name === 'note'")
    page.keyboard.press("Enter")  # submits the empty form through the Save button
    error = page.locator("#cab-modal-body .cab-modal-field__errors")
    expect(error).to_have_text("Write a note first.")
    assert dialog_open(page)
    wait_until(page, "document.activeElement.getAttribute('aria-invalid') === 'true'")
    described = page.evaluate("document.activeElement.getAttribute('aria-describedby')")
    assert page.locator(f"#{described}").inner_text() == "Write a note first."
    page.keyboard.type("Call the client back")
    page.keyboard.press("Enter")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    expect(page.locator("#counter")).to_have_text("1")  # the opener's component refreshed
    assert modal_urls.SAVED == ["Call the client back"]
    assert page.evaluate(ACTIVE_ID) == "open-form"
    check_clean(probe, "modal-form")


def test_destructive_action_asks_in_the_modal_first(modal_page: tuple[Page, PageProbe]) -> None:
    page, _probe = modal_page
    tab_to(page, "open-details")
    page.keyboard.press("Enter")
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    wait_until(page, SETTLED)  # the host has moved focus into the loaded content
    assert "cab-modal--lg" in (page.get_attribute("#cab-modal-host dialog", "class") or "")
    ask = page.get_by_role("button", name="Cancel appointment", exact=True)
    ask.focus()
    page.keyboard.press("Enter")
    question = page.locator("#cab-modal-body .cab-modal-confirm")
    expect(question).to_be_visible()
    expect(ask).to_have_attribute("aria-expanded", "true")
    wait_until(page, "document.activeElement.textContent.trim() === 'Yes: Cancel appointment'")
    page.keyboard.press("Tab")
    page.keyboard.press("Enter")  # "No, go back"
    expect(question).to_be_hidden()
    wait_until(page, "document.activeElement.textContent.trim() === 'Cancel appointment'")
    assert modal_urls.SAVED == []
    page.keyboard.press("Enter")
    expect(question).to_be_visible()
    wait_until(page, "document.activeElement.textContent.trim() === 'Yes: Cancel appointment'")
    page.keyboard.press("Enter")  # "Yes"
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    assert modal_urls.SAVED == ["cancelled"]
    expect(page.locator("#counter")).to_have_text("1")


def test_error_state_shows_the_status_and_reopening_is_clean(modal_page: tuple[Page, PageProbe]) -> None:
    page, probe = modal_page
    page.locator("#open-broken").focus()
    page.keyboard.press("Enter")
    alert = page.locator(".cab-modal__error")
    expect(alert).to_be_visible()
    expect(alert).to_contain_text("This dialog could not be loaded.")
    expect(alert).to_contain_text("500 Internal Server Error")
    assert page.evaluate("document.activeElement.classList.contains('cab-modal__close')")
    page.keyboard.press("Escape")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    # A window event opens it too; the old error and content are gone.
    page.evaluate(
        "window.dispatchEvent(new CustomEvent('open-modal', {detail: {url: '/modal-tests/details/', size: 'xl'}}))"
    )
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    wait_until(page, SETTLED)  # the host has moved focus into the loaded content
    expect(alert).to_be_hidden()
    assert page.locator("#cab-modal-body h2").count() == 1
    page.evaluate("window.dispatchEvent(new CustomEvent('close-modal'))")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    # The 500 was expected here: only that request's console errors are tolerated.
    probe.console_errors[:] = [
        e for e in probe.console_errors if "500" not in e and "Response Status Error" not in e
    ]
    check_clean(probe, "modal-error")


def test_reopening_before_the_close_event_keeps_the_new_modal(modal_page: tuple[Page, PageProbe]) -> None:
    """The dialog's "close" event comes a task after close(); a re-open in between must survive it.

    Browsers may run input before that task (a quick Enter on another trigger), which made this a
    flaky failure: the late event emptied the new modal.
    """
    page, probe = modal_page
    page.evaluate(
        "window.dispatchEvent(new CustomEvent('open-modal', {detail: {url: '/modal-tests/details/'}}))"
    )
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    wait_until(page, SETTLED)
    page.evaluate(
        """() => {
            window.__closeEvents = 0;
            const dialog = document.querySelector('#cab-modal-host dialog');
            dialog.addEventListener('close', () => { window.__closeEvents += 1; }, {once: true});
            window.dispatchEvent(new CustomEvent('close-modal'));
            window.dispatchEvent(new CustomEvent('open-modal', {detail: {url: '/modal-tests/details/'}}));
        }"""
    )
    wait_until(page, "window.__closeEvents === 1")  # the queued "close" event has been dispatched
    assert page.evaluate("document.querySelector('#cab-modal-host dialog').open")
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    wait_until(page, SETTLED)
    page.evaluate("window.dispatchEvent(new CustomEvent('close-modal'))")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    check_clean(probe, "modal-reopen")


def open_modal_event(url: str) -> str:
    return f"window.dispatchEvent(new CustomEvent('open-modal', {{detail: {{url: '{url}'}}}}))"


class SlowRequest:
    """Watches the slow modal body's request until it ends: answered, or failed (an aborted request)."""

    def __init__(self, page: Page) -> None:
        self.page = page
        self.ended: list[str] = []
        page.on("requestfinished", lambda request: self._ended(request.url, "finished"))
        page.on("requestfailed", lambda request: self._ended(request.url, "failed"))

    def _ended(self, url: str, how: str) -> None:
        if "/modal-tests/slow/" in url:
            self.ended.append(how)

    def wait(self, timeout_ms: int = 10_000) -> str:
        waited = 0
        while not self.ended and waited < timeout_ms:
            self.page.wait_for_timeout(25)
            waited += 25
        assert self.ended, "the slow request never ended"
        # The response (if any) has been handled: two frames after the request's end.
        self.page.evaluate("new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        return self.ended[0]


def test_closing_while_the_body_loads_drops_it_without_an_error(modal_page: tuple[Page, PageProbe]) -> None:
    """Closing before a slow body arrives: no aborted request in the console, and the late body is not shown."""
    page, probe = modal_page
    slow = SlowRequest(page)
    page.evaluate(open_modal_event("/modal-tests/slow/"))
    wait_until(page, "document.querySelector('#cab-modal-host dialog').open")
    page.evaluate("window.dispatchEvent(new CustomEvent('close-modal'))")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    slow.wait()
    assert page.locator("#cab-modal-body").inner_text() == ""
    check_clean(probe, "modal-close-while-loading")


def test_a_newer_load_wins_over_a_slower_older_one(modal_page: tuple[Page, PageProbe]) -> None:
    """Opening another modal while the first body is still on its way shows the second, at once and after."""
    page, probe = modal_page
    slow = SlowRequest(page)
    page.evaluate(open_modal_event("/modal-tests/slow/"))
    page.evaluate(open_modal_event("/modal-tests/details/"))
    # The newer body does not wait for the older request to finish.
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    slow.wait()
    expect(page.locator("#cab-modal-body h2")).to_have_text("Appointment #42")
    expect(page.locator("#cab-modal-host .cab-modal__loading")).to_be_hidden()
    check_clean(probe, "modal-newer-load")
