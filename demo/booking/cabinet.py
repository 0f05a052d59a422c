"""Booking's navigation in both cabinet spaces (read at start-up by ``codex_django.cabinet``)."""

from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import Shortcut, SidebarItem, TopbarEntry, declare

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
