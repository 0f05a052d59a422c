"""The schedule page (``salon/pages/schedule.py``): the masters' day on a ``calendar_grid``."""

from __future__ import annotations

import io
import re

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import timezone
from django.utils.html import escape

pytestmark = pytest.mark.django_db


@pytest.fixture
def staff() -> Client:
    call_command("seed_demo", stdout=io.StringIO())
    browser = Client()
    assert browser.login(username="staff", password="staff")
    return browser


def test_schedule_page_shows_masters_and_the_days_appointments(staff: Client) -> None:
    from booking.models import Appointment, Master

    appointment = (
        Appointment.objects.exclude(status=Appointment.Status.CANCELLED)
        .select_related("client", "master")
        .order_by("start_at")
        .first()
    )
    assert appointment is not None
    day = timezone.localtime(appointment.start_at).date()
    response = staff.get(f"/cabinet/booking/?day={day.isoformat()}")
    html = response.content.decode()
    assert response.status_code == 200
    assert 'x-data="cabCalendarGrid"' in html
    assert f'hx-get="/cabinet/booking/?day={day.isoformat()}" hx-trigger="refresh-calendar from:body"' in html
    assert f'data-new-event-url="/cabinet/booking/new/?day={day.isoformat()}"' in html
    assert re.search(
        r'<button type="button" class="cab-cal__slot [^"]*" data-col="0" data-row="\d+" aria-label="', html
    )
    heads = re.findall(r'<span class="cab-cal__head-label">([^<]*)</span>', html)
    assert heads == [master.name for master in Master.objects.filter(is_active=True)]
    card = f'data-url="/cabinet/booking/schedule/appointments/{appointment.pk}/"'
    assert card in html
    assert escape(appointment.client.name) in html
    assert "style=" not in html[html.index('<section class="cab-cal"') :]
    assert "cab-cal__now" not in html or day == timezone.localdate()


def test_today_has_a_now_indicator_only_in_opening_hours(staff: Client) -> None:
    html = staff.get("/cabinet/booking/").content.decode()
    hour = timezone.localtime().hour
    assert ("cab-cal__now" in html) == (9 <= hour < 20)


def test_appointment_card_is_what_the_modal_loads(staff: Client) -> None:
    from booking.models import Appointment

    appointment = Appointment.objects.select_related("client", "service").first()
    assert appointment is not None
    response = staff.get(f"/cabinet/booking/schedule/appointments/{appointment.pk}/", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert f'<h2 class="h5 mb-3">{escape(appointment.client.name)}</h2>' in html
    assert escape(appointment.service.name) in html
    assert "<html" not in html  # a partial for the modal, not a page


def test_client_user_is_refused_the_schedule() -> None:
    call_command("seed_demo", stdout=io.StringIO())
    browser = Client()
    assert browser.login(username="client", password="client")
    assert browser.get("/cabinet/booking/").status_code == 403
    assert browser.get("/cabinet/booking/schedule/appointments/1/").status_code == 403
