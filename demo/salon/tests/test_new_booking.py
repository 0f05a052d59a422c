"""New booking (``salon/pages/new_booking.py``): the widgets page and the calendar's quick-create modal
really create appointments; errors come back in place."""

from __future__ import annotations

import io
import json
import re
from datetime import datetime, time, timedelta

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone, translation

from codex_django.cabinet.formatting import format_time

pytestmark = pytest.mark.django_db

HTMX = {"HX-Request": "true"}


@pytest.fixture
def staff() -> Client:
    call_command("seed_demo", stdout=io.StringIO())
    browser = Client()
    assert browser.login(username="staff", password="staff")
    return browser


def free_slot(service_name: str = "Women's haircut"):  # type: ignore[no-untyped-def]
    """A master doing the service, and a day and time (10 days ahead) when the master is free."""
    from booking.models import Master, Service

    from salon.pages.new_booking_form import busy_between, does

    service = Service.objects.get(name=service_name)
    day = timezone.localdate() + timedelta(days=10)
    for master in Master.objects.filter(is_active=True):
        if not does(master, service):
            continue
        for hour in range(9, 18):
            start = timezone.make_aware(datetime.combine(day, time(hour)))
            if not busy_between(master, start, start + timedelta(minutes=service.duration)):
                return master, service, day, f"{hour:02d}:00"
    raise AssertionError("no free slot in the seed data")


def test_page_renders_the_four_widgets_for_staff(staff: Client) -> None:
    response = staff.get("/cabinet/booking/new/")
    html = response.content.decode()
    assert response.status_code == 200
    for marker in (
        'x-data="cabServiceSelector"',
        'role="combobox"',
        'x-data="cabDateTimePicker"',
        "cab-summary",
    ):
        assert marker in html
    assert 'hx-get="/cabinet/booking/new/clients/"' in html
    assert 'formaction="/cabinet/booking/new/"' in html
    assert "Women&#x27;s haircut" in html
    assert Client().get("/cabinet/booking/new/").status_code == 302  # anonymous: to the login


def test_page_post_creates_an_appointment_for_an_existing_client(staff: Client) -> None:
    from booking.models import Appointment
    from clients.models import Client as SalonClient

    master, service, day, start = free_slot()
    client = SalonClient.objects.order_by("pk").first()
    before = Appointment.objects.count()
    response = staff.post(
        "/cabinet/booking/new/",
        {
            "service_id": service.pk,
            "client_id": client.pk,
            "booking_date": day.isoformat(),
            "selected_time": start,
            "master_id": master.pk,
        },
    )
    assert response.status_code == 302
    assert response["Location"] == f"/cabinet/booking/?day={day.isoformat()}"
    assert Appointment.objects.count() == before + 1
    created = Appointment.objects.latest("pk")
    assert (created.client, created.master, created.service) == (client, master, service)
    assert timezone.localtime(created.start_at).strftime("%H:%M") == start
    assert created.duration == service.duration and created.status == "pending"
    page = staff.get(response["Location"]).content.decode()
    assert "Booked: Women&#x27;s haircut for" in page


def test_page_post_with_errors_shows_them_in_place(staff: Client) -> None:
    from booking.models import Appointment

    before = Appointment.objects.count()
    response = staff.post(
        "/cabinet/booking/new/", {"new_client_name": "Olga", "booking_date": "", "selected_time": ""}
    )
    html = response.content.decode()
    assert response.status_code == 200
    assert Appointment.objects.count() == before
    assert re.search(r'id="cab-service-errors"><li>Choose a service.</li>', html)
    assert "Enter the new client&#x27;s phone number." in html
    assert "Choose a day." in html and "Choose a time." in html
    assert 'name="new_client_name" value="Olga"' in html


def test_quick_create_modal_from_a_calendar_slot_books_a_new_client(staff: Client) -> None:
    from booking.models import Appointment
    from clients.models import Client as SalonClient

    master, service, day, start = free_slot()
    opened = staff.get(
        "/cabinet/booking/new/",
        {"day": day.isoformat(), "col": "0", "row": "2", "col_id": master.pk, "time": start},
        headers=HTMX,
    )
    html = opened.content.decode()
    assert opened.status_code == 200 and "<html" not in html
    assert f'name="resource_id" value="{master.pk}"' in html
    assert f'name="booking_date" value="{day.isoformat()}"' in html
    assert f'name="selected_time" value="{start}"' in html
    assert 'hx-post="/cabinet/booking/new/"' in html
    invalid = staff.post(
        "/cabinet/booking/new/",
        {"resource_id": master.pk, "booking_date": day.isoformat(), "selected_time": start, "service_id": ""},
        headers=HTMX,
    )
    assert invalid.status_code == 200
    assert (
        'aria-invalid="true"' in invalid.content.decode() and "Choose a service." in invalid.content.decode()
    )
    before = Appointment.objects.count()
    booked = staff.post(
        "/cabinet/booking/new/",
        {
            "resource_id": master.pk,
            "booking_date": day.isoformat(),
            "selected_time": start,
            "service_id": service.pk,
            "client_id": "",
            "new_client_first_name": "Ольга",
            "new_client_last_name": "Тестова",
            "new_client_phone": "+7 900 000-00-01",
        },
        headers=HTMX,
    )
    assert booked.status_code == 204
    created = Appointment.objects.latest("pk")
    assert Appointment.objects.count() == before + 1
    assert json.loads(booked["HX-Trigger"]) == {
        "refresh-calendar": {"appointment": created.pk},
        "close-modal": None,
    }
    assert created.client == SalonClient.objects.get(name="Ольга Тестова") and created.master == master
    again = staff.post(
        "/cabinet/booking/new/",
        {
            "resource_id": master.pk,
            "booking_date": day.isoformat(),
            "selected_time": start,
            "service_id": service.pk,
            "client_id": created.client.pk,
        },
        headers=HTMX,
    )
    with translation.override("en"):
        assert f"{master.name} is busy at {format_time(start)}." in again.content.decode()


def test_client_search_and_slots(staff: Client) -> None:
    from clients.models import Client as SalonClient

    someone = SalonClient.objects.order_by("pk").first()
    found = staff.get(
        "/cabinet/booking/new/clients/", {"q": someone.name[:4], "create": "1", "prefix": "cab-x"}
    )
    html = found.content.decode()
    assert someone.name in html and 'id="cab-x-opt-new"' in html
    assert staff.get("/cabinet/booking/new/clients/", {"q": "a"}).content.strip() == b""
    day = (timezone.localdate() + timedelta(days=3)).isoformat()
    picker = staff.get("/cabinet/booking/new/slots/", {"booking_date": day}, headers=HTMX).content.decode()
    assert f'value="{day}" data-label=' in picker and "checked" in picker
    assert 'name="selected_time"' in picker and "<html" not in picker


def test_a_schedule_slot_s_time_reaches_the_quick_create_form_in_english(staff: Client) -> None:
    """The schedule's rows read "10 a.m." in English; the time a free slot sends is still HH:MM."""
    day = timezone.localdate() + timedelta(days=30)  # past the seeded weeks: every slot is free
    schedule = staff.get("/cabinet/booking/", {"day": day.isoformat()}, headers={"Accept-Language": "en"})
    html = schedule.content.decode()
    rows = re.findall(r'<div class="cab-cal__time [^"]*" data-time="([^"]*)">([^<]*)</div>', html)
    assert ("10:00", "10 a.m.") in rows, rows[:4]
    master_id = re.search(r'class="cab-cal__head [^"]*" data-id="(\d+)"', html)
    assert master_id
    opened = staff.get(
        "/cabinet/booking/new/",
        {"day": day.isoformat(), "col": "0", "row": "2", "col_id": master_id.group(1), "time": "10:00"},
        headers={**HTMX, "Accept-Language": "en"},
    )
    form = opened.content.decode()
    assert 'name="selected_time" value="10:00"' in form
    slot = re.search(r'<p class="cab-quick-create__slot">(.*?)</p>', form, re.S)
    assert slot and "10 a.m." in slot.group(1) and "—" not in slot.group(1), slot and slot.group(1)
