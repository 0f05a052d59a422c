"""Booking pages: the staff schedule and appointment list, the client's own appointments."""

from datetime import date, timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.formatting import format_date
from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.tables.server_side import render_table

from .models import Appointment
from .tables import CLIENT_COLUMNS, appointment_query, appointment_table, upcoming_table

TABLE_ID = "booking-appointments"


def _pending_count() -> int:
    """The sidebar badge of the staff appointments link (``badge_key="pending_count"``)."""
    return Appointment.objects.filter(status=Appointment.Status.PENDING, start_at__gte=timezone.now()).count()


@space_required("staff")
def schedule(request: HttpRequest) -> HttpResponse:
    """One day of appointments, all masters, in time order; ``?day=YYYY-MM-DD`` picks the day."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    day: date = parse_date(request.GET.get("day", "")) or timezone.localdate()
    appointments = appointment_query().filter(start_at__date=day).order_by("start_at", "master__name")
    return render(
        request,
        "booking/schedule.html",
        {
            "day": day,
            "day_label": format_date(day, weekday=True),
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
            "table": appointment_table(appointments),
            "pending_count": _pending_count(),
        },
    )


@space_required("staff")
def appointments(request: HttpRequest) -> HttpResponse:
    """The upcoming appointments, a page at a time (``?status=pending`` opens it on one status)."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    table = upcoming_table(request)
    context = {"pending_count": _pending_count(), "table_id": TABLE_ID}
    return render_table(
        request, table, "booking/appointments.html", context, label=str(_("Appointments")), id=TABLE_ID
    )


@space_required("client")
def my_appointments(request: HttpRequest) -> HttpResponse:
    """The signed-in client's appointments, upcoming first, then the past ones."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    mine = appointment_query().filter(client__user=request.user)
    now = timezone.now()
    # Two tables on one page: neither writes its state to the URL, where they would share it.
    return render(
        request,
        "booking/my_appointments.html",
        {
            "upcoming": appointment_table(
                mine.filter(start_at__gte=now).order_by("start_at"), columns=CLIENT_COLUMNS, url_state=False
            ),
            "past": appointment_table(
                mine.filter(start_at__lt=now).order_by("-start_at")[:20],
                columns=CLIENT_COLUMNS,
                url_state=False,
            ),
        },
    )
