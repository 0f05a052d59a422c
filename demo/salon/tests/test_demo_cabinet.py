"""The demo salon as a user meets it: declarations, seeded users, space access.

Run with the demo's settings (``tests/integration/test_demo.py`` does it in a
subprocess, so the demo's apps and declarations never leak into the main suite)::

    PYTHONPATH=demo .venv/bin/pytest demo/salon/tests --ds=salon.settings
"""

from __future__ import annotations

import io

import pytest
from django.core.management import call_command
from django.test import Client

from codex_django.cabinet import cabinet_registry

pytestmark = pytest.mark.django_db

STAFF_PAGES = ["/cabinet/", "/cabinet/booking/", "/cabinet/booking/appointments/", "/cabinet/clients/"]
CLIENT_PAGES = ["/cabinet/my/", "/cabinet/my/booking/", "/cabinet/my/clients/"]


@pytest.fixture
def seeded() -> str:
    out = io.StringIO()
    call_command("seed_demo", stdout=out)
    return out.getvalue()


def signed_in(username: str) -> Client:
    browser = Client()
    assert browser.login(username=username, password=username), f"cannot sign in as {username}"
    return browser


def test_declarations_load() -> None:
    staff_booking = [str(item.label) for item in cabinet_registry.get_sidebar("staff", "booking")]
    client_booking = [str(item.label) for item in cabinet_registry.get_sidebar("client", "booking")]
    services = [str(entry.label) for entry in cabinet_registry.get_topbar_entries("services")]
    assert staff_booking == ["Schedule", "Appointments", "New booking", "All appointments"]
    assert client_booking == ["My appointments"]
    assert services == ["Booking", "Clients"]
    assert [str(s.label) for s in cabinet_registry.get_shortcuts("staff", "booking")] == ["Appointments"]
    assert str(cabinet_registry.get_branding("staff")["label"]) == "Salon Studio"


def test_seed_demo_prints_credentials_and_is_idempotent(seeded: str) -> None:
    from booking.models import Appointment, Master

    assert "staff  / staff" in seeded and "client / client" in seeded
    assert "http://127.0.0.1:8000/cabinet/" in seeded
    counts = (Master.objects.count(), Appointment.objects.count())
    again = io.StringIO()
    call_command("seed_demo", stdout=again)
    assert "already present" in again.getvalue()
    assert (Master.objects.count(), Appointment.objects.count()) == counts
    assert counts[0] == 6 and 250 <= counts[1] <= 350


def test_staff_dashboard_renders_the_shell(seeded: str) -> None:
    response = signed_in("staff").get("/cabinet/")
    html = response.content.decode()
    assert response.status_code == 200
    assert "cab-body--staff" in html
    assert "Salon Studio" in html
    assert "Today&#x27;s appointments" in html or "Today's appointments" in html


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_staff_pages_answer_staff(seeded: str, url: str) -> None:
    assert signed_in("staff").get(url).status_code == 200


@pytest.mark.parametrize("url", STAFF_PAGES)
def test_client_user_is_refused_staff_pages(seeded: str, url: str) -> None:
    assert signed_in("client").get(url).status_code == 403


@pytest.mark.parametrize("url", CLIENT_PAGES)
def test_client_space_answers_client_user(seeded: str, url: str) -> None:
    response = signed_in("client").get(url)
    assert response.status_code == 200
    assert "cab-body--client" in response.content.decode()


def test_client_sees_own_appointments_only(seeded: str) -> None:
    from booking.models import Appointment
    from django.utils import timezone

    mine = Appointment.objects.filter(client__user__username="client")
    upcoming = mine.filter(start_at__gte=timezone.now()).count()
    past = min(mine.filter(start_at__lt=timezone.now()).count(), 20)
    html = signed_in("client").get("/cabinet/my/booking/").content.decode()
    assert upcoming + past > 0
    header_rows = (upcoming > 0) + (past > 0)
    assert html.count("<tr>") == header_rows + upcoming + past


@pytest.mark.parametrize("url", STAFF_PAGES + CLIENT_PAGES)
def test_anonymous_is_sent_to_login(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={url}"


def test_root_sends_each_user_to_their_space(seeded: str) -> None:
    assert Client().get("/")["Location"] == "/cabinet/"
    assert signed_in("staff").get("/")["Location"] == "/cabinet/"
    assert signed_in("client").get("/")["Location"] == "/cabinet/my/"
