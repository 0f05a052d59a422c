"""The booking widgets in Chromium, by keyboard: the client combobox (server search), the service
radios and filters, the date/time radios, the summary following along, and the form posting it all.

Against ``/modal-tests/widgets/`` of ``tests/modal_urls.py`` on the live server.
"""

from __future__ import annotations

import os
import socket
import sqlite3
import subprocess
import sys
import time
from collections.abc import Iterator
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import pytest
from playwright.sync_api import Browser, Page, expect

from .harness import PageProbe
from .test_modal_interactions import check_clean, wait_until

ACTIVE = "document.activeElement"


@pytest.fixture
def widgets_page(
    storybook_browser: Browser, live_server: Any, settings: Any
) -> Iterator[tuple[Page, PageProbe]]:
    settings.ROOT_URLCONF = "tests.modal_urls"
    context = storybook_browser.new_context(viewport={"width": 1280, "height": 900}, reduced_motion="reduce")
    probe = PageProbe.open(context)
    probe.page.goto(live_server.url + "/modal-tests/widgets/")
    wait_until(probe.page, "Boolean(window.Alpine && document.querySelector('.cab-summary')._x_dataStack)")
    yield probe.page, probe
    context.close()


def active(page: Page, prop: str) -> Any:
    return page.evaluate(f"{ACTIVE}.{prop}")


def test_client_combobox_by_keyboard(widgets_page: tuple[Page, PageProbe]) -> None:
    page, probe = widgets_page
    combo = page.get_by_role("combobox", name="Client")
    combo.focus()
    page.keyboard.type("ann")
    listbox = page.get_by_role("listbox", name="Clients")
    expect(listbox).to_be_visible()  # the server's options arrived (hx-get after 250 ms)
    options = listbox.get_by_role("option")
    expect(options).to_have_count(3)
    expect(combo).to_have_attribute("aria-expanded", "true")
    page.keyboard.press("ArrowDown")
    first_id = options.nth(0).get_attribute("id")
    expect(combo).to_have_attribute("aria-activedescendant", first_id or "")
    expect(options.nth(0)).to_have_attribute("aria-selected", "true")
    page.keyboard.press("ArrowDown")
    expect(combo).to_have_attribute("aria-activedescendant", options.nth(1).get_attribute("id") or "")
    page.keyboard.press("ArrowUp")
    expect(combo).to_have_attribute("aria-activedescendant", first_id or "")
    assert active(page, "getAttribute('role')") == "combobox"  # focus never left the input
    page.keyboard.press("Enter")
    expect(listbox).to_be_hidden()
    expect(combo).to_have_value("Anna Smith")
    expect(combo).to_have_attribute("aria-expanded", "false")
    assert page.locator("input[name=client_id]").input_value() == "1"
    expect(page.locator('[data-summary-for="client_id"]')).to_have_text("Anna Smith")
    # Typing again clears the choice; Esc closes the list and keeps the text.
    page.keyboard.press("End")
    page.keyboard.press("Backspace")
    expect(listbox).to_be_visible()
    assert page.locator("input[name=client_id]").input_value() == ""
    page.keyboard.press("Escape")
    expect(listbox).to_be_hidden()
    expect(combo).to_have_value("Anna Smit")
    check_clean(probe, "client-combobox")


def test_create_new_client_option_opens_the_fields(widgets_page: tuple[Page, PageProbe]) -> None:
    page, _probe = widgets_page
    combo = page.get_by_role("combobox", name="Client")
    combo.focus()
    page.keyboard.type("zzz")
    option = page.get_by_role("option", name="Create new client")
    expect(option).to_be_visible()
    expect(page.get_by_role("listbox", name="Clients").get_by_role("option")).to_have_count(1)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    new = page.get_by_role("group", name="New client")
    expect(new).to_be_visible()
    assert active(page, "name") == "new_client_name"
    page.keyboard.type("Olga Test")
    page.keyboard.press("Tab")
    page.keyboard.type("+7 900 000-00-00")
    assert page.locator("input[name=client_id]").input_value() == ""


def test_service_date_time_by_keyboard_and_the_form_posts_them(widgets_page: tuple[Page, PageProbe]) -> None:
    page, probe = widgets_page
    # Category filter: "Nails" leaves one service; the radio group moves with the arrow keys.
    page.get_by_role("button", name="Nails").focus()
    page.keyboard.press("Enter")
    expect(page.get_by_role("button", name="Nails")).to_have_attribute("aria-pressed", "true")
    expect(page.get_by_role("radio", name="Haircut")).to_be_hidden()
    page.get_by_role("button", name="All").focus()
    page.keyboard.press("Enter")
    page.get_by_role("radio", name="Haircut").focus()
    page.keyboard.press("Space")
    page.keyboard.press("ArrowDown")  # the next service in the group: Manicure
    expect(page.get_by_role("radio", name="Manicure")).to_be_checked()
    expect(page.locator('[data-summary-for="service_id"]')).to_have_text("Manicure")
    # Search filters by text.
    page.get_by_role("searchbox", name="Search services").focus()
    page.keyboard.type("colour")
    expect(page.get_by_role("radio", name="Manicure")).to_be_hidden()
    expect(page.get_by_role("radio", name="Hair colouring")).to_be_visible()
    # Day and time radios; the busy time is disabled.
    day = page.locator("input[name=booking_date][value='2026-04-02']")
    day.focus()
    page.keyboard.press("Space")
    expect(day).to_be_checked()
    expect(page.locator("input[name=selected_time][value='10:00']")).to_be_disabled()
    page.locator("input[name=selected_time][value='09:00']").focus()
    page.keyboard.press("Space")
    # People read the time in the page's language; the form still posts HH:MM (see #posted below).
    expect(page.locator('[data-summary-for="selected_time"]')).to_have_text("9 a.m.")
    expect(page.locator('[data-summary-for="booking_date"]')).to_contain_text("April 2, 2026")
    page.get_by_role("combobox", name="Master").select_option("6")
    page.get_by_role("button", name="Confirm booking").focus()
    page.keyboard.press("Enter")
    expect(page.locator("#posted")).to_have_text(
        "service_id=2 client_id= new_client_name= booking_date=2026-04-02 selected_time=09:00 master_id=6"
    )
    check_clean(probe, "widgets-form")


# --------------------------------------------------------------------------- the demo, end to end

REPO = Path(__file__).resolve().parents[2]
E2E_SETTINGS = """
from salon.settings import *  # noqa: F403

DATABASES = {{"default": {{"ENGINE": "django.db.backends.sqlite3", "NAME": {db!r}}}}}
ROOT_URLCONF = "e2e_urls"
DEBUG = True
"""
# The schedule names its create URL ``booking:new``; until booking/urls.py carries that name,
# this URLconf adds it in front of the demo's own (the first "booking" namespace wins).
E2E_URLS = """
from booking import urls as booking_urls
from django.urls import include, path
from salon import urls as salon_urls
from salon.pages import new_booking

booking = ([*booking_urls.urlpatterns, path("new/", new_booking.page, name="new")], "booking")
urlpatterns = [
    path("cabinet/booking/", include("salon.pages.schedule")),
    path("cabinet/booking/", include(booking)),
    *salon_urls.urlpatterns,
]
"""


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return int(probe.getsockname()[1])


@pytest.fixture(scope="module")
def demo_server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[tuple[str, Path]]:
    """The demo on a seeded throwaway SQLite database, served by runserver in a subprocess."""
    folder = tmp_path_factory.mktemp("demo_e2e")
    database = folder / "demo.sqlite3"
    (folder / "e2e_settings.py").write_text(E2E_SETTINGS.format(db=str(database)))
    (folder / "e2e_urls.py").write_text(E2E_URLS)
    env = {key: value for key, value in os.environ.items() if key != "DJANGO_SETTINGS_MODULE"}
    env.update(
        PYTHONPATH=os.pathsep.join([str(folder), str(REPO / "demo")]), DJANGO_SETTINGS_MODULE="e2e_settings"
    )
    for command in (["migrate", "-v0"], ["seed_demo"]):
        subprocess.run(
            [sys.executable, "-m", "django", *command], env=env, check=True, capture_output=True, cwd=folder
        )
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "django", "runserver", f"127.0.0.1:{port}", "--noreload"],
        env=env,
        cwd=folder,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    base = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            try:
                with socket.create_connection(("127.0.0.1", port), timeout=0.2):
                    break
            except OSError:
                time.sleep(0.1)
        yield base, database
    finally:
        server.terminate()
        server.wait(timeout=10)


def test_keyboard_booking_from_an_empty_calendar_slot(
    storybook_browser: Browser, demo_server: tuple[str, Path]
) -> None:
    base, database = demo_server
    day = date.today() + timedelta(days=30)  # past the seeded weeks: every slot is free
    context = storybook_browser.new_context(viewport={"width": 1400, "height": 900}, reduced_motion="reduce")
    probe = PageProbe.open(context)
    page = probe.page
    page.goto(f"{base}/login/?next=/cabinet/booking/%3Fday%3D{day.isoformat()}")
    page.get_by_label("Username").fill("staff")
    page.get_by_label("Password").fill("staff")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**/cabinet/booking/?day={day.isoformat()}")
    wait_until(page, "Boolean(window.Alpine && document.querySelector('.cab-cal')._x_dataStack)")
    probe.console_errors.clear()
    # Keyboard only from here: Tab into the calendar, arrows to a free slot, Enter.
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("Boolean(document.activeElement.closest('.cab-cal'))"):
            break
    assert page.evaluate("document.activeElement.classList.contains('cab-cal__slot')")
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    slot = page.evaluate("document.activeElement.getAttribute('aria-label')")
    master, when, free = (part.strip() for part in slot.split(","))
    assert free == "free", slot
    page.keyboard.press("Enter")
    dialog = page.locator("#cab-modal-host dialog")
    expect(dialog.get_by_role("heading", name="New appointment")).to_be_visible()
    expect(dialog.locator(".cab-quick-create__slot")).to_contain_text(master)
    expect(dialog.locator(".cab-quick-create__slot")).to_contain_text(when)
    wait_until(page, "document.activeElement.name === 'service_id'")
    page.keyboard.press("ArrowDown")  # the first service this master does
    service = page.evaluate("document.activeElement.selectedOptions[0].textContent.split(' · ')[0]")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.getAttribute('role')") == "combobox"
    with sqlite3.connect(database) as db:
        client_name = db.execute("SELECT name FROM clients_client ORDER BY id LIMIT 1").fetchone()[0]
    page.keyboard.type(client_name[:4])
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")
    expect(dialog.get_by_role("combobox", name="Client")).to_have_value(client_name)
    page.keyboard.press("Tab")  # Cancel
    page.keyboard.press("Tab")  # Book
    assert page.evaluate("document.activeElement.textContent.trim()") == "Book"
    page.keyboard.press("Enter")
    wait_until(page, "!document.querySelector('#cab-modal-host dialog').open")
    with sqlite3.connect(database) as db:
        row = db.execute(
            "SELECT c.name, m.name, s.name, a.start_at FROM booking_appointment a "
            "JOIN clients_client c ON c.id = a.client_id JOIN booking_master m ON m.id = a.master_id "
            "JOIN booking_service s ON s.id = a.service_id ORDER BY a.id DESC LIMIT 1"
        ).fetchone()
    assert row[:3] == (client_name, master, service)
    assert str(row[3]).startswith(day.isoformat()) or day.isoformat() in str(row[3])
    page.reload()
    expect(page.locator(".cab-cal__event", has_text=client_name)).to_have_count(1)
    check_clean(probe, "demo-booking")
    context.close()
