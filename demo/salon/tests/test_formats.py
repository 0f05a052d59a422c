"""Every demo page shows dates, times and money in one form per kind, the active language's.

The demo used to print one page's values three ways ("11/30/2026", "Fri 4 Dec",
"2500.00" beside "2,500 ₽"). Everything now goes through
``codex_django.cabinet.formatting``: these tests read the visible text of every
page a staff and a client user reach, in English and in Russian (``Accept-Language``),
and look for the forms that must not appear, then check the values that must.

Run with ``PYTHONPATH=demo .venv/bin/pytest demo/salon/tests --ds=salon.settings``.
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from html.parser import HTMLParser

import pytest
from booking.models import Appointment
from clients.models import Client as SalonClient
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from codex_django.cabinet.formatting import (
    format_date,
    format_datetime,
    format_money,
    format_month,
    format_time,
)

pytestmark = pytest.mark.django_db

STAFF_PAGES = [
    "/cabinet/",
    "/cabinet/booking/",
    "/cabinet/booking/appointments/",
    "/cabinet/booking/new/",
    "/cabinet/booking/table/",
    "/cabinet/clients/",
    "/cabinet/clients/cards/",
    "/cabinet/clients/visits/",
]
CLIENT_PAGES = ["/cabinet/my/", "/cabinet/my/booking/", "/cabinet/my/clients/"]
LANGUAGES = ["en", "ru"]

# The three forms the issue found side by side, and their relatives.
NUMERIC_DATE = re.compile(r"\b\d{1,2}[/.]\d{1,2}[/.]\d{2,4}\b")  # 11/30/2026, 30.11.2026
WEEKDAY_DAY_MONTH = re.compile(
    r"\b(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun|Пн|Вт|Ср|Чт|Пт|Сб|Вс)\.? \d{1,2} [A-Za-zА-Яа-я]{3}\b"
)  # Fri 4 Dec
RAW_DECIMAL = re.compile(r"(?<![\d.,\u00a0])\d{4,}\.\d{2}\b")  # 2500.00
# Money in each language's form: "₽2,500" / "2 500 ₽" (no-break spaces), whole roubles in the demo.
MONEY = {
    "en": re.compile(r"₽\d{1,3}(?:,\d{3})*(?:\.\d\d)?"),
    "ru": re.compile(r"\d{1,3}(?:\u00a0\d{3})*(?:,\d\d)?\u00a0₽"),
}
# A time in the other language's form: 24-hour "14:00" / "09:30" in English, "a.m."/"p.m." in Russian.
FOREIGN_TIME = {
    "en": re.compile(r"\b(?:0\d|1[3-9]|2[0-3]):[0-5]\d\b"),
    "ru": re.compile(r"\b[ap]\.m\.|\bnoon\b|\bmidnight\b"),
}


class VisibleText(HTMLParser):
    """The text a reader sees: no tags, attributes, scripts or styles."""

    def __init__(self) -> None:
        super().__init__()
        self.parts: list[str] = []
        self._hidden = 0

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag in ("script", "style", "template"):
            self._hidden += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in ("script", "style", "template") and self._hidden:
            self._hidden -= 1

    def handle_data(self, data: str) -> None:
        if not self._hidden and data.strip():
            self.parts.append(data.strip())


def visible_text(html: str) -> str:
    parser = VisibleText()
    parser.feed(html)
    return "\n".join(parser.parts)


def signed_in(username: str, language: str) -> Client:
    browser = Client(headers={"accept-language": language})
    assert browser.login(username=username, password=username), f"cannot sign in as {username}"
    return browser


@pytest.fixture
def seeded() -> None:
    call_command("seed_demo", stdout=io.StringIO())


def page_text(browser: Client, url: str) -> str:
    response = browser.get(url)
    assert response.status_code == 200, f"{url}: {response.status_code}"
    return visible_text(response.content.decode())


def detail_pages() -> list[str]:
    """A client's file, a visit card and an appointment card (what the modals and panels load)."""
    visit = Appointment.objects.filter(start_at__lt=timezone.now()).order_by("-start_at").first()
    client = SalonClient.objects.filter(appointments__start_at__gte=timezone.now()).first()
    assert visit is not None and client is not None
    return [
        f"/cabinet/clients/files/{client.pk}",
        f"/cabinet/clients/visits/{visit.pk}/",
        f"/cabinet/booking/schedule/appointments/{visit.pk}/",
    ]


def assert_one_form_per_kind(text: str, language: str, where: str) -> None:
    for name, pattern in (
        ("a numeric date", NUMERIC_DATE),
        ("a 'Fri 4 Dec' date", WEEKDAY_DAY_MONTH),
        ("an unformatted amount", RAW_DECIMAL),
        ("a time in another language's form", FOREIGN_TIME[language]),
    ):
        found = pattern.findall(text)
        assert not found, f"{where} ({language}) shows {name}: {found[:5]}"
    amounts = text.count("₽")
    assert len(MONEY[language].findall(text)) == amounts, (
        f"{where} ({language}): {amounts} amounts in roubles, but only these are in the {language} form: "
        f"{MONEY[language].findall(text)[:5]}; around the others: "
        f"{[text[max(0, m.start() - 12) : m.end() + 12] for m in re.finditer('₽', text)][:5]}"
    )


@pytest.mark.parametrize("language", LANGUAGES)
def test_staff_pages_show_each_kind_of_value_in_one_form(seeded: None, language: str) -> None:
    browser = signed_in("staff", language)
    for url in STAFF_PAGES + detail_pages():
        assert_one_form_per_kind(page_text(browser, url), language, url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_client_pages_show_each_kind_of_value_in_one_form(seeded: None, language: str) -> None:
    browser = signed_in("client", language)
    for url in CLIENT_PAGES:
        assert_one_form_per_kind(page_text(browser, url), language, url)


@pytest.mark.parametrize("language", LANGUAGES)
def test_pages_show_the_values_in_the_language_s_format(seeded: None, language: str) -> None:
    browser = signed_in("staff", language)
    newest = Appointment.objects.order_by("-start_at").select_related("service").first()
    assert newest is not None
    with translation.override(language):
        date, time, money = (
            format_date(newest.start_at),
            format_time(newest.start_at),
            format_money(newest.price),
        )
        service_price = format_money(newest.service.price)
        day_label = format_date(timezone.localdate(), weekday=True)
        month = format_month(timezone.localdate())
        opening = format_time("09:00")
    assert (opening, money) == (("9 a.m.", f"₽{newest.price:,.0f}") if language == "en" else ("9:00", money))
    table = page_text(browser, "/cabinet/booking/table/?sort=-date")
    assert date in table and time in table and money in table
    schedule = page_text(browser, "/cabinet/booking/")
    assert day_label in schedule and f"\n{opening}\n" in schedule  # the page title and the first row
    booking = page_text(browser, "/cabinet/booking/new/")
    assert month in booking and service_price in booking


def test_money_and_dates_differ_by_language_only(seeded: None) -> None:
    """The same appointment's date, time and price on the same page, in English and in Russian."""
    visit = Appointment.objects.filter(start_at__lt=timezone.now()).order_by("-start_at").first()
    assert visit is not None
    url = f"/cabinet/clients/visits/{visit.pk}/"
    english = page_text(signed_in("staff", "en"), url)
    russian = page_text(signed_in("staff", "ru"), url)
    end = visit.start_at + timedelta(minutes=visit.duration)
    with translation.override("en"):
        when_en, price_en = f"{format_datetime(visit.start_at)}–{format_time(end)}", format_money(visit.price)
    with translation.override("ru"):
        when_ru, price_ru = f"{format_datetime(visit.start_at)}–{format_time(end)}", format_money(visit.price)
    assert when_en in english and price_en in english
    assert when_ru in russian and price_ru in russian
    assert price_en != price_ru and price_en not in russian and when_en not in russian


def test_date_picker_reads_each_day_once_with_its_weekday(seeded: None) -> None:
    """A day radio's name is "Friday, Dec. 4, 2026" (it was "Friday, Friday, December 4")."""
    browser = signed_in("staff", "en")
    today = timezone.localdate()
    html = browser.get("/cabinet/booking/new/", {"booking_date": today.isoformat()}).content.decode()
    with translation.override("en"):
        label = format_date(today, weekday=True)
    weekday = label.split(",")[0]
    assert f'data-label="{label}"' in html
    assert f"{weekday}, {weekday}" not in html
    # The summary starts from the same words the picker sends it when a day is chosen.
    assert re.search(r'data-summary-for="booking_date"[^>]*>' + re.escape(label) + "</dd>", html)
