"""Booking pages: the staff schedule and appointment list, the client's own appointments."""

from datetime import date, timedelta

from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.dateparse import parse_date

from codex_django.cabinet.formatting import format_date
from codex_django.cabinet.http.access import space_required

from .models import Appointment

LIST_LIMIT = 100


def _pending_count() -> int:
    """The sidebar badge of the staff appointments link (``badge_key="pending_count"``)."""
    return Appointment.objects.filter(status=Appointment.Status.PENDING, start_at__gte=timezone.now()).count()


@space_required("staff")
def schedule(request: HttpRequest) -> HttpResponse:
    """One day of appointments, all masters, in time order; ``?day=YYYY-MM-DD`` picks the day."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    day: date = parse_date(request.GET.get("day", "")) or timezone.localdate()
    appointments = (
        Appointment.objects.filter(start_at__date=day)
        .select_related("client", "master", "service")
        .order_by("start_at", "master__name")
    )
    return render(
        request,
        "booking/schedule.html",
        {
            "day": day,
            "day_label": format_date(day, weekday=True),
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
            "appointments": appointments,
            "pending_count": _pending_count(),
        },
    )


@space_required("staff")
def appointments(request: HttpRequest) -> HttpResponse:
    """Upcoming appointments, optionally one status (``?status=pending``)."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    status = request.GET.get("status", "")
    rows = Appointment.objects.filter(start_at__gte=timezone.now()).select_related(
        "client", "master", "service"
    )
    if status in Appointment.Status.values:
        rows = rows.filter(status=status)
    else:
        status = ""
    return render(
        request,
        "booking/appointments.html",
        {
            "appointments": rows[:LIST_LIMIT],
            "limit": LIST_LIMIT,
            "status": status,
            "statuses": Appointment.Status.choices,
            "pending_count": _pending_count(),
        },
    )


@space_required("client")
def my_appointments(request: HttpRequest) -> HttpResponse:
    """The signed-in client's appointments, upcoming first, then the past ones."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    mine = Appointment.objects.filter(client__user=request.user).select_related("master", "service")
    now = timezone.now()
    return render(
        request,
        "booking/my_appointments.html",
        {
            "upcoming": mine.filter(start_at__gte=now).order_by("start_at"),
            "past": mine.filter(start_at__lt=now).order_by("-start_at")[:20],
        },
    )
