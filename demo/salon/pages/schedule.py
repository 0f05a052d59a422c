"""The masters' day schedule as a ``calendar_grid``, built from the salon's real appointments.

Mounted at ``/cabinet/booking/`` ahead of ``booking.urls`` (see ``salon/urls.py``),
so the sidebar's "Schedule" link (``booking:schedule``) opens it. ``?day=YYYY-MM-DD``
picks the day; on today the grid shows a now-indicator. An event opens the
appointment's card in the page modal; a free slot opens the new-booking form
(``new_booking:page``, ``salon/pages/new_booking.py``, when mounted) with the master and
time as query parameters, else the grid is read-only.
"""

from __future__ import annotations

from datetime import date, time, timedelta

from booking.models import Appointment, Master
from django.http import HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, render
from django.urls import NoReverseMatch, path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import CalendarGridData, CalendarSlot
from codex_django.cabinet.formatting import format_date
from codex_django.cabinet.http.access import space_required

OPENING, CLOSING = time(9), time(20)  # the salon's hours (booking.demo_data)
STEP_MINUTES = 30
STATUS_COLOURS = {
    Appointment.Status.PENDING: "warning",
    Appointment.Status.CONFIRMED: "primary",
    Appointment.Status.COMPLETED: "success",
    Appointment.Status.NO_SHOW: "secondary",
}


def new_booking_url(day: date) -> str:
    """The quick-create form for a free slot (``new_booking:page?day=...``), or ``""`` without one.

    The grid adds ``col``, ``row``, ``col_label``, ``col_id`` (the master's pk) and ``time``.
    """
    try:
        base = reverse("new_booking:page")
    except NoReverseMatch:
        return ""
    return f"{base}?{urlencode({'day': day.isoformat()})}"


def day_calendar(day: date) -> CalendarGridData:
    """Active masters as columns, 30-minute rows over opening hours, the day's appointments as events."""
    masters = list(Master.objects.filter(is_active=True))
    column = {master.pk: index for index, master in enumerate(masters)}
    rows = CalendarGridData.row_times(OPENING, CLOSING, STEP_MINUTES)
    appointments = (
        Appointment.objects.filter(start_at__date=day, master__in=masters)
        .exclude(status=Appointment.Status.CANCELLED)
        .select_related("client", "service")
    )
    events = []
    for appointment in appointments:
        start = timezone.localtime(appointment.start_at)
        minutes = min(appointment.duration, (CLOSING.hour - start.hour) * 60 - start.minute)
        if start.time() < OPENING or minutes <= 0:
            continue  # outside opening hours: not on this grid
        events.append(
            CalendarSlot.from_datetime(
                start.time(),
                minutes,
                col=column[appointment.master_id],
                grid_start=OPENING,
                step_minutes=STEP_MINUTES,
                title=appointment.client.name,
                subtitle=appointment.service.name,
                color=STATUS_COLOURS.get(appointment.status, ""),
                url=reverse("salon_schedule:appointment", args=[appointment.pk]),
            )
        )
    now = timezone.localtime()
    return CalendarGridData(
        cols=[{"label": master.name, "subtitle": master.specialty, "id": master.pk} for master in masters],
        rows=rows,
        events=events,
        slot_height_px=36,
        new_event_url=new_booking_url(day),
        now_row=(
            CalendarGridData.now_row_at(
                now.time(), grid_start=OPENING, step_minutes=STEP_MINUTES, rows=len(rows)
            )
            if day == now.date()
            else None
        ),
    )


@space_required("staff")
def schedule(request: HttpRequest) -> HttpResponse:
    """One day of every master's appointments on a calendar grid."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    day: date = parse_date(request.GET.get("day", "")) or timezone.localdate()
    return render(
        request,
        "salon/pages/schedule.html",
        {
            "day": day,
            "day_label": format_date(day, weekday=True),
            "previous_day": day - timedelta(days=1),
            "next_day": day + timedelta(days=1),
            "calendar": day_calendar(day),
            "calendar_label": _("Schedule"),
            "empty_message": _("No masters are active."),
            "pending_count": Appointment.objects.filter(
                status=Appointment.Status.PENDING, start_at__gte=timezone.now()
            ).count(),
        },
    )


@space_required("staff")
def appointment(request: HttpRequest, pk: int) -> HttpResponse:
    """An appointment's card: what the page modal shows when an event is clicked."""
    item = get_object_or_404(Appointment.objects.select_related("client", "master", "service"), pk=pk)
    response = render(request, "salon/pages/schedule_appointment.html", {"appointment": item})
    response["Vary"] = "HX-Request"
    return response


app_name = "salon_schedule"
urlpatterns = [
    path("", schedule, name="page"),
    path("schedule/appointments/<int:pk>/", appointment, name="appointment"),
]
