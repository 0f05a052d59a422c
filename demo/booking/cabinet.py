"""Booking's navigation in both cabinet spaces and its dashboard widgets and their data providers.

Read at start-up by ``codex_django.cabinet``, like admin.py.
"""

from datetime import datetime, timedelta

from django.db.models import QuerySet, Sum
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import DashboardWidget, Shortcut, SidebarItem, TopbarEntry, declare
from codex_django.cabinet.formatting import format_datetime, format_money, format_number, format_time
from codex_django.cabinet.selector import MetricAdapter, TableAdapter
from codex_django.cabinet.selector.dashboard import DashboardSelector
from codex_django.cabinet.types.widgets import MetricWidgetData, TableColumn, TableWidgetData

from .models import Appointment

declare(
    space="staff",
    module="booking",
    topbar=TopbarEntry(
        group="services", label=_("Booking"), icon="bi-calendar-check", url="booking:schedule", order=10
    ),
    sidebar=[
        SidebarItem(label=_("Schedule"), url="booking:schedule", icon="bi-calendar3", order=1),
        SidebarItem(
            label=_("Appointments"),
            url="booking:appointments",
            icon="bi-list-check",
            badge_key="pending_count",
            order=2,
        ),
        SidebarItem(label=_("New booking"), url="new_booking:page", icon="bi-plus-circle", order=3),
        SidebarItem(
            label=_("All appointments"), url="salon_appointment_table:page", icon="bi-table", order=4
        ),
    ],
    shortcuts=[Shortcut(label=_("Appointments"), url="booking:appointments", icon="bi-list-check")],
    dashboard_widgets=[
        DashboardWidget(template="booking/widgets/today.html", col="col-md-6 col-xl-4", order=1),
        DashboardWidget(template="booking/widgets/revenue.html", col="col-md-6 col-xl-4", order=2),
        DashboardWidget(template="booking/widgets/upcoming.html", col="col-lg-7", order=10),
        DashboardWidget(
            template="booking/widgets/pending.html", col="col-md-6 col-xl-4", nav_group="services", order=1
        ),
    ],
)

declare(
    space="client",
    module="booking",
    sidebar=[
        SidebarItem(
            label=_("My appointments"), url="my_booking:appointments", icon="bi-calendar2-check", order=1
        ),
    ],
)


# -- Dashboard: KPIs and the upcoming appointments (computed live without Redis, cached with it) --


def _active_appointments() -> QuerySet[Appointment]:
    return Appointment.objects.exclude(status=Appointment.Status.CANCELLED)


@DashboardSelector.extend(cache_key="booking_today", cache_ttl=60)
class AppointmentsToday(MetricAdapter):
    """How many (not cancelled) appointments start today."""

    def get_payload(self, request: HttpRequest) -> MetricWidgetData:
        count = _active_appointments().filter(start_at__date=timezone.localdate()).count()
        return MetricWidgetData(
            label=_("Appointments today"),
            value=format_number(count),
            icon="bi-calendar-check",
            url="booking:schedule",
        )


@DashboardSelector.extend(cache_key="booking_revenue_week", cache_ttl=300)
class RevenueThisWeek(MetricAdapter):
    """The price of this calendar week's (Monday to Sunday) appointments that are not cancelled."""

    def get_payload(self, request: HttpRequest) -> MetricWidgetData:
        today = timezone.localdate()
        monday = today - timedelta(days=today.weekday())
        week = _active_appointments().filter(
            start_at__date__gte=monday, start_at__date__lt=monday + timedelta(days=7)
        )
        total = week.aggregate(total=Sum("price"))["total"] or 0
        return MetricWidgetData(
            label=_("Revenue this week"),
            value=format_money(total),  # "₽12,500" / "12 500 ₽", like every price in the demo
            icon="bi-cash-stack",
        )


@DashboardSelector.extend(cache_key="booking_pending", cache_ttl=60)
class AwaitingConfirmation(MetricAdapter):
    """Upcoming appointments still waiting for the salon's confirmation."""

    def get_payload(self, request: HttpRequest) -> MetricWidgetData:
        count = Appointment.objects.filter(
            status=Appointment.Status.PENDING, start_at__gte=timezone.now()
        ).count()
        return MetricWidgetData(
            label=_("Awaiting confirmation"),
            value=format_number(count),
            icon="bi-hourglass-split",
            url="booking:appointments",
        )


UPCOMING_LIMIT = 8


def upcoming_when(start_at: datetime) -> str:
    """An upcoming appointment's time; its date too when it is not today ("10:30 a.m.", "April 2, 2026, 9 a.m.").

    Most upcoming appointments are today's, and a date on each of them would wrap the
    column on a phone. The payload is cached for a minute, so "today" is at most a
    minute stale around midnight.
    """
    if timezone.localdate(start_at) == timezone.localdate():
        return format_time(start_at)
    return format_datetime(start_at)


@DashboardSelector.extend(cache_key="booking_upcoming", cache_ttl=60)
class UpcomingAppointments(TableAdapter):
    """The next appointments from now on, soonest first."""

    def get_payload(self, request: HttpRequest) -> TableWidgetData:
        upcoming = (
            _active_appointments()
            .filter(start_at__gte=timezone.now())
            .select_related("client", "master", "service")
            .order_by("start_at")[:UPCOMING_LIMIT]
        )
        return TableWidgetData(
            columns=[
                TableColumn(key="when", label=_("Time"), bold=True),
                TableColumn(key="client", label=_("Client")),
                TableColumn(key="service", label=_("Service"), muted=True),
                TableColumn(key="master", label=_("Master"), muted=True),
            ],
            rows=[
                {
                    "when": upcoming_when(a.start_at),
                    "client": a.client.name,
                    "service": a.service.name,
                    "master": a.master.name,
                }
                for a in upcoming
            ],
        )
