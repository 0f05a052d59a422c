"""The card_grid, list_view and split_panel demo pages with the seeded salon.

Run with ``PYTHONPATH=demo .venv/bin/pytest demo/salon/tests --ds=salon.settings``
(``tests/integration/test_demo.py`` does it).
"""

from __future__ import annotations

import io
import re

import pytest
from booking.models import Appointment
from clients.models import Client as SalonClient
from django.core.management import call_command
from django.test import Client
from django.utils import timezone

pytestmark = pytest.mark.django_db

PAGES = ["/cabinet/clients/cards/", "/cabinet/clients/visits/", "/cabinet/clients/files/"]
HTMX = {"HTTP_HX_REQUEST": "true"}


@pytest.fixture
def staff() -> Client:
    call_command("seed_demo", stdout=io.StringIO())
    browser = Client()
    assert browser.login(username="staff", password="staff")
    return browser


@pytest.mark.parametrize("url", PAGES)
def test_pages_render_for_staff_only(staff: Client, url: str) -> None:
    response = staff.get(url)
    assert response.status_code == 200
    assert "cab-body--staff" in response.content.decode()
    client_user = Client()
    assert client_user.login(username="client", password="client")
    assert client_user.get(url).status_code == 403


def test_sidebar_links_the_three_pages(staff: Client) -> None:
    html = staff.get("/cabinet/clients/cards/").content.decode()
    for url in PAGES:
        assert f'href="{url}"' in html


def test_client_cards_show_every_client_linking_to_their_file(staff: Client) -> None:
    html = staff.get("/cabinet/clients/cards/").content.decode()
    clients = list(SalonClient.objects.all())
    assert html.count('<li class="cab-card-grid__item"') == len(clients)
    assert 'id="salon-clients"' in html and 'data-storage-key="cab-card-grid:salon-clients:view"' in html
    first = clients[0]
    assert f'<a class="cab-card__link" href="/cabinet/clients/files/{first.pk}" title="{first.name}\n' in html


def test_client_cards_page_by_24(staff: Client) -> None:
    """60 seeded clients: every card is in the page (the search needs them), 24 show, a pager follows."""
    html = staff.get("/cabinet/clients/cards/").content.decode()
    total = SalonClient.objects.count()
    assert total > 24
    items = re.findall(r'<li class="cab-card-grid__item"[^>]*>', html)
    assert sum(" hidden" not in item for item in items) == 24
    assert 'data-page-size="24"' in html
    assert f">Cards 1–24 of {total}</p>" in html
    assert f">Page 1 of {-(-total // 24)}</span>" in html


def test_latest_visits_rows_open_the_modal(staff: Client) -> None:
    html = staff.get("/cabinet/clients/visits/").content.decode()
    newest = Appointment.objects.filter(start_at__lt=timezone.now())
    latest = newest.order_by("-start_at").first()
    assert latest is not None
    shown = min(newest.count(), 200)
    assert html.count('<li class="cab-list-view__row') == shown
    assert f'<a class="cab-list-view__link" href="/cabinet/clients/visits/{latest.pk}/" title="' in html
    assert 'data-roving aria-haspopup="dialog" x-bind="modalLink">' in html
    # Twenty at a time, paged in the browser.
    assert 'data-page-size="20"' in html
    if shown > 20:
        assert f">Rows 1–20 of {shown}</p>" in html
    assert f'href="/cabinet/clients/files/{latest.client_id}" data-roving>' in html


def test_a_visit_answers_a_partial_over_htmx_and_a_page_otherwise(staff: Client) -> None:
    visit = Appointment.objects.select_related("client").first()
    assert visit is not None
    url = f"/cabinet/clients/visits/{visit.pk}/"
    partial = staff.get(url, **HTMX)
    assert partial.status_code == 200 and "HX-Request" in partial["Vary"]
    body = partial.content.decode()
    assert body.startswith('<article class="p-4">') and "<html" not in body
    page = staff.get(url)
    assert "HX-Request" in page["Vary"]
    assert "<html" in page.content.decode() and visit.client.name in page.content.decode()


def detail_region(html: str) -> str:
    match = re.search(r'id="split-panel-detail"[^>]*>(.*?)</section>', html, re.S)
    assert match, "no detail region"
    return match.group(1)


def test_client_files_without_selection_show_the_empty_message(staff: Client) -> None:
    html = staff.get("/cabinet/clients/files/").content.decode()
    assert "Select a client to see their file." in detail_region(html)
    assert not re.search(r'class="cab-split-panel__item"[^>]*aria-current', html)
    assert html.count('class="cab-split-panel__item"') == SalonClient.objects.count()


def test_a_deep_link_renders_the_file_server_side(staff: Client) -> None:
    client = SalonClient.objects.order_by("pk")[1]
    response = staff.get(f"/cabinet/clients/files/{client.pk}")
    html = response.content.decode()
    assert response.status_code == 200 and "HX-Request" in response["Vary"]
    assert "<html" in html
    assert (
        f'href="/cabinet/clients/files/{client.pk}" hx-get="/cabinet/clients/files/{client.pk}" '
        f'hx-push-url="/cabinet/clients/files/{client.pk}" aria-current="true">'
    ) in html
    assert len(re.findall(r'class="cab-split-panel__item"[^>]*aria-current', html)) == 1
    region = detail_region(html)
    assert f"<h2>{client.name}</h2>" in region
    assert 'hx-trigger="load"' not in html
    assert 'data-view="detail"' in html


def test_htmx_gets_the_file_alone_and_history_restore_gets_the_page(staff: Client) -> None:
    client = SalonClient.objects.order_by("pk").first()
    assert client is not None
    url = f"/cabinet/clients/files/{client.pk}"
    partial = staff.get(url, **HTMX)
    body = partial.content.decode()
    assert "HX-Request" in partial["Vary"]
    assert body.startswith('<article class="salon-client-file">') and "<html" not in body
    assert f"<h2>{client.name}</h2>" in body
    restore = staff.get(url, HTTP_HX_HISTORY_RESTORE_REQUEST="true", **HTMX)
    assert "<html" in restore.content.decode()
    assert staff.get("/cabinet/clients/files/999999").status_code == 404
