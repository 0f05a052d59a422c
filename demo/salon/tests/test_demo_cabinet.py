"""The demo salon as a user meets it: declarations, seeded users, space access.

Run with the demo's settings (``tests/integration/test_demo.py`` does it in a
subprocess, so the demo's apps and declarations never leak into the main suite)::

    PYTHONPATH=demo .venv/bin/pytest demo/salon/tests --ds=salon.settings
"""

from __future__ import annotations

import io
import re
from datetime import timedelta
from html import escape as html_escape

import pytest
from django.core.management import call_command
from django.test import Client
from django.utils import translation

from codex_django.cabinet import cabinet_registry
from codex_django.cabinet.formatting import format_datetime, format_money, format_time

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
    widgets = {w.template: (w.nav_group, w.lazy) for w in cabinet_registry.dashboard_widgets}
    assert widgets == {
        "booking/widgets/today.html": ("admin", False),
        "booking/widgets/revenue.html": ("admin", False),
        "booking/widgets/upcoming.html": ("admin", False),
        "booking/widgets/pending.html": ("services", False),
        "clients/widgets/new_clients.html": ("admin", False),
        "clients/widgets/top_clients.html": ("admin", True),
    }


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
    assert '<h1 class="h3 mb-0">Dashboard</h1>' in html


def kpi_value(html: str, label: str) -> str:
    """The value printed under the KPI ``label`` (the text between the value's tags, unit included)."""
    match = re.search(re.escape(label) + r".*?<p class=\"cab-kpi__value\">(.*?)</p>", html, flags=re.S)
    assert match, f"no KPI {label!r} on the page"
    return re.sub(r"<[^>]+>", " ", match.group(1)).split()[0]


def test_dashboard_shows_kpis_from_the_demo_data(seeded: str) -> None:
    from booking.models import Appointment
    from clients.models import Client
    from django.db.models import Sum
    from django.utils import timezone

    today = timezone.localdate()
    monday = today - timedelta(days=today.weekday())
    active = Appointment.objects.exclude(status=Appointment.Status.CANCELLED)
    todays = active.filter(start_at__date=today).count()
    week = active.filter(start_at__date__gte=monday, start_at__date__lt=monday + timedelta(days=7))
    revenue = int(week.aggregate(total=Sum("price"))["total"] or 0)
    new_clients = Client.objects.filter(created_at__date__gte=today.replace(day=1)).count()
    html = signed_in("staff").get("/cabinet/").content.decode()
    assert kpi_value(html, "Appointments today") == str(todays)
    with translation.override("en"):  # money in the one format the demo uses: "₽220,500"
        assert kpi_value(html, "Revenue this week") == format_money(revenue, "₽") == f"₽{revenue:,}"
    assert revenue > 0
    assert "cab-kpi__unit" not in html  # the symbol is part of the formatted amount
    assert kpi_value(html, "New clients this month") == str(new_clients) == "60"


def test_dashboard_shows_the_upcoming_appointments_table(seeded: str) -> None:
    from booking.models import Appointment
    from django.utils import timezone

    upcoming = (
        Appointment.objects.exclude(status=Appointment.Status.CANCELLED)
        .filter(start_at__gte=timezone.now())
        .select_related("client")
        .order_by("start_at")[:8]
    )
    html = signed_in("staff").get("/cabinet/").content.decode()
    table = html[html.index("cab-table-widget") :]
    table = table[: table.index("</section>")]
    assert "Upcoming appointments</h2>" in table
    for label in ("Time", "Client", "Service", "Master"):
        assert f">{label}</th>" in table
    assert table.count("<tr>") == 1 + len(upcoming) == 9
    first = upcoming[0]
    assert html_escape(first.client.name) in table
    cells = re.findall(r'<td class="text-start cab-table-widget__cell--bold">([^<]*)</td>', table)
    with translation.override("en"):  # today's show the time alone, later days the date too
        assert cells == [
            format_time(a.start_at)
            if timezone.localdate(a.start_at) == timezone.localdate()
            else format_datetime(a.start_at)
            for a in upcoming
        ]


def test_services_tab_shows_pending_kpi(seeded: str) -> None:
    from booking.models import Appointment
    from django.utils import timezone

    pending = Appointment.objects.filter(
        status=Appointment.Status.PENDING, start_at__gte=timezone.now()
    ).count()
    html = signed_in("staff").get("/cabinet/?group=services").content.decode()
    assert kpi_value(html, "Awaiting confirmation") == str(pending)
    assert "Upcoming appointments" not in html


def lazy_url(html: str) -> str:
    placeholders = re.findall(r'class="card cab-dashboard__placeholder" hx-get="([^"]+)"', html)
    assert len(placeholders) == 1, placeholders
    return placeholders[0]


def test_top_clients_list_is_lazy(seeded: str) -> None:
    from booking.models import Appointment
    from clients.models import Client
    from django.db.models import Count, Q

    browser = signed_in("staff")
    page = browser.get("/cabinet/").content.decode()
    assert "Top clients by visits" not in page
    url = lazy_url(page)
    assert url.startswith("/cabinet/dashboard/widgets/")
    response = browser.get(url, headers={"HX-Request": "true"})
    html = response.content.decode()
    assert response.status_code == 200
    assert "<html" not in html  # a partial for htmx to swap in
    assert "Top clients by visits</h2>" in html
    completed = Q(appointments__status=Appointment.Status.COMPLETED)
    top = (
        Client.objects.annotate(visits=Count("appointments", filter=completed))
        .filter(visits__gt=0)
        .order_by("-visits", "name")[:5]
    )
    assert html.count('class="cab-list-widget__item"') == len(top) == 5
    assert html_escape(top[0].name) in html
    assert f"{top[0].visits} visits" in html


def test_client_user_may_not_load_the_lazy_widget(seeded: str) -> None:
    url = lazy_url(signed_in("staff").get("/cabinet/").content.decode())
    assert signed_in("client").get(url, headers={"HX-Request": "true"}).status_code == 403


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


def test_staff_appointments_pages_through_the_upcoming_ones(seeded: str) -> None:
    from booking.models import Appointment
    from django.utils import timezone

    upcoming = Appointment.objects.filter(start_at__gte=timezone.now())
    staff = signed_in("staff")
    html = staff.get("/cabinet/booking/appointments/").content.decode()
    assert 'id="booking-appointments" x-data="cabDataTable" data-mode="server"' in html
    assert html.count("<tr data-status=") == min(upcoming.count(), 25)
    for value, label in Appointment.Status.choices:  # a filter per status, counted over every upcoming one
        count = upcoming.filter(status=value).count()
        button = re.search(
            rf'id="booking-appointments-filter-{value}"[^>]*>([^<]*) <span[^>]*>([^<]*)<', html
        )
        assert button is not None and button.groups() == (label, str(count))
    pending = upcoming.filter(status=Appointment.Status.PENDING)
    # The sidebar's badge and the "Pending" filter agree, and ?status=pending lists those.
    badge = re.search(r'<span class="badge cab-badge"><span aria-hidden="true">(\d+)</span>', html)
    assert badge is not None and badge.group(1) == str(pending.count())
    html = staff.get("/cabinet/booking/appointments/?status=pending").content.decode()
    assert (
        html.count('<tr data-status="pending"') == html.count("<tr data-status=") == min(pending.count(), 25)
    )
    assert "cab-status-badge--warning" in html  # the colours travel on the table


def test_staff_client_list_searches_and_sorts_on_the_server(seeded: str) -> None:
    from clients.models import Client as SalonClient
    from django.db.models import Count

    staff = signed_in("staff")
    html = staff.get("/cabinet/clients/").content.decode()
    total = SalonClient.objects.count()
    assert 'id="clients" x-data="cabDataTable" data-mode="server"' in html
    assert f"{total} clients</p>" in html
    assert html.count("<tr data-status=") == min(total, 25)
    busiest = SalonClient.objects.annotate(visits=Count("appointments")).order_by("-visits", "name").first()
    assert busiest is not None
    html = staff.get("/cabinet/clients/?sort=-visits").content.decode()
    first_row = html[html.index("<tr data-status=") :]
    first_row = first_row[: first_row.index("</tr>")]
    assert f'data-label="Appointments" role="cell">{busiest.visits}</td>' in first_row
    html = staff.get("/cabinet/clients/", {"q": busiest.phone}).content.decode()
    assert html.count("<tr data-status=") == SalonClient.objects.filter(phone=busiest.phone).count() == 1
    assert html_escape(busiest.name) in html


def test_client_sees_own_appointments_only(seeded: str) -> None:
    from booking.models import Appointment
    from django.utils import timezone

    mine = Appointment.objects.filter(client__user__username="client")
    upcoming = mine.filter(start_at__gte=timezone.now()).count()
    past = min(mine.filter(start_at__lt=timezone.now()).count(), 20)
    html = signed_in("client").get("/cabinet/my/booking/").content.decode()
    assert upcoming + past > 0
    upcoming_html, past_html = html.split('id="past-heading"')
    assert upcoming_html.count("<tr data-status=") == upcoming
    assert past_html.count("<tr data-status=") == past


@pytest.mark.parametrize("url", STAFF_PAGES + CLIENT_PAGES)
def test_anonymous_is_sent_to_login(url: str) -> None:
    response = Client().get(url)
    assert response.status_code == 302
    assert response["Location"] == f"/login/?next={url}"


def test_root_sends_each_user_to_their_space(seeded: str) -> None:
    assert Client().get("/")["Location"] == "/cabinet/"
    assert signed_in("staff").get("/")["Location"] == "/cabinet/"
    assert signed_in("client").get("/")["Location"] == "/cabinet/my/"


def test_every_icon_the_dashboard_shows_has_its_css_rule(seeded: str) -> None:
    # An icon whose rule is neither in the bundle nor in the icons stylesheet renders blank.
    import json
    import re
    from pathlib import Path

    from codex_django.cabinet.assets import icons

    staff = signed_in("staff")
    html = staff.get("/cabinet/").content.decode()
    shown = set(re.findall(r'class="bi bi-([a-z0-9-]+)', html))
    link = re.search(r'href="(/cabinet/icons/icons-[^"]+\.css)"', html)
    served = staff.get(link.group(1)).content.decode() if link else ""
    bundled = set(json.loads((Path(icons.DIST) / "icons-used.json").read_text()))
    missing = {name for name in shown if name not in bundled and f".bi-{name}::before" not in served}
    assert shown and missing == set()


def test_the_browsers_favicon_request_finds_the_salon_icon() -> None:
    from django.contrib.staticfiles import finders

    response = Client().get("/favicon.ico")
    assert response.status_code == 301
    assert response["Location"] == "/static/salon/favicon.svg"
    assert finders.find("salon/favicon.svg")
