"""The data_table demo page (``/cabinet/booking/table/``): server-side appointments table.

Run with ``PYTHONPATH=demo .venv/bin/pytest demo/salon/tests --ds=salon.settings``
(``tests/integration/test_demo.py`` does it).
"""

from __future__ import annotations

import io
import re

import pytest
from booking.models import Appointment
from django.core.management import call_command
from django.test import Client

pytestmark = pytest.mark.django_db

URL = "/cabinet/booking/table/"


@pytest.fixture
def staff() -> Client:
    call_command("seed_demo", stdout=io.StringIO())
    browser = Client()
    assert browser.login(username="staff", password="staff")
    return browser


def test_data_table_page_renders_for_staff_only(staff: Client) -> None:
    response = staff.get(URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert "cab-body--staff" in html
    assert '<div class="cab-data-table cab-data-table--server" id="salon-appointments"' in html
    assert f'href="{URL}"' in html  # the sidebar links the page
    total = Appointment.objects.count()
    assert len(re.findall(r"<tr data-status=", html)) == 25
    assert f"Rows 1–25 of {total:,}".replace(",", "\u00a0") in html or f"Rows 1–25 of {total}" in html
    client_user = Client()
    assert client_user.login(username="client", password="client")
    assert client_user.get(URL).status_code == 403


def test_data_table_page_filters_sorts_and_answers_htmx_with_the_table(staff: Client) -> None:
    pending = Appointment.objects.filter(status="pending").count()
    response = staff.get(URL + "?status=pending&sort=-price", HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert response.status_code == 200
    assert "HX-Request" in response["Vary"]
    assert "<html" not in html and html.lstrip().startswith('<div class="cab-data-table')
    assert set(re.findall(r'<tr data-status="(\w+)"', html)) == {"pending"}
    assert len(re.findall(r"<tr data-status=", html)) == min(25, pending)
    assert "cab-status-badge--warning" in html  # colours from the page context, also in the partial
    assert 'aria-pressed="true" data-value="pending"' in html
    assert (
        '<th scope="col" class="text-end" data-column="price" aria-sort="descending" role="columnheader">'
        in html
    )


def test_the_page_offers_columns_bulk_actions_and_export(staff: Client) -> None:
    html = staff.get(URL + "?status=pending").content.decode()
    assert 'aria-controls="salon-appointments-columns"' in html
    assert '<form class="cab-data-table__bulk" id="salon-appointments-bulk" method="post"' in html
    assert 'name="csrfmiddlewaretoken"' in html
    assert f'formaction="{URL}bulk/"' in html
    assert 'href="?export=csv&amp;status=pending"' in html


def test_bulk_action_updates_the_selection_and_returns(staff: Client) -> None:
    pending = list(Appointment.objects.filter(status="pending").values_list("pk", flat=True)[:2])
    data = {"action": "confirmed", "ids": pending, "next": URL + "?status=pending"}
    response = staff.post(URL + "bulk/", data, follow=True)
    assert response.redirect_chain == [(URL + "?status=pending", 302)]
    assert set(Appointment.objects.filter(pk__in=pending).values_list("status", flat=True)) == {"confirmed"}
    assert "2 appointments set to “Confirmed”." in response.content.decode()


def test_bulk_cancel_of_all_matching_follows_the_filter(staff: Client) -> None:
    pending = Appointment.objects.filter(status="pending").count()
    others = Appointment.objects.exclude(status="pending").values_list("pk", "status")
    before = dict(others)
    staff.post(URL + "bulk/", {"action": "cancelled", "all": "1", "status": "pending"})
    assert Appointment.objects.filter(status="pending").count() == 0
    assert Appointment.objects.filter(status="cancelled").count() >= pending
    assert dict(Appointment.objects.filter(pk__in=before).values_list("pk", "status")) == before


def test_bulk_needs_the_permission_and_the_staff_space(staff: Client) -> None:
    from django.contrib.auth.models import User

    clerk = User.objects.create_user("clerk", password="clerk", is_staff=True)
    browser = Client()
    assert browser.login(username="clerk", password="clerk")
    assert browser.get(URL).status_code == 200  # a staff member without the permission sees the table...
    first = Appointment.objects.values_list("pk", flat=True).first()
    refused = browser.post(URL + "bulk/", {"action": "confirmed", "ids": [first]})
    assert refused.status_code == 403  # ...but may not act on it
    client_user = Client()
    assert client_user.login(username="client", password="client")
    assert client_user.post(URL + "bulk/", {"action": "confirmed", "ids": ["1"]}).status_code == 403
    assert not clerk.has_perm("booking.change_appointment")


def test_export_streams_the_filtered_view_as_csv(staff: Client) -> None:
    response = staff.get(URL + "?export=csv&status=pending&sort=-price")
    assert response.status_code == 200 and response.streaming
    assert response["Content-Disposition"] == 'attachment; filename="appointments.csv"'
    lines = b"".join(response.streaming_content).decode("utf-8-sig").splitlines()
    assert lines[0] == "Date,Time,Client,Master,Service,Status,Price"
    assert len(lines) == 1 + Appointment.objects.filter(status="pending").count()
    assert all(",Pending," in line for line in lines[1:])
