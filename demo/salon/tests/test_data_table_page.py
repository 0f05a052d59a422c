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
    assert '<th scope="col" class="text-end" aria-sort="descending" role="columnheader">' in html
