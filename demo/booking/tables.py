"""Appointments as the cabinet's ``data_table``: one set of columns, rows and query options.

The staff list pages through the upcoming appointments on the server
(:func:`upcoming_table`); a client's own few appointments and one day's list are
client-side tables (:func:`appointment_table`). The salon's "All appointments"
page (``salon/pages/data_table.py``) builds on the same columns, rows and
``QUERY``. On a phone each row becomes a card (the table's stacked layout), where a
plain table would squeeze seven columns into 390 px. The status is a coloured badge
whose colours travel on the table (``badge_maps``); the salon page shows the v1 way
too, the same map in the template context.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterable
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import DataTableData, TableColumn, TableFilter
from codex_django.cabinet.formatting import format_date, format_money, format_time
from codex_django.cabinet.tables.server_side import server_side_table
from codex_django.cabinet.types.widgets import BadgeStyle

from .models import Appointment

PAGE_SIZE = 25
STATUS_BADGES = "status_colours"  # the columns' badge_key
STATUS_COLOURS: dict[str, BadgeStyle] = {
    Appointment.Status.PENDING: "warning",
    Appointment.Status.CONFIRMED: "info",
    Appointment.Status.COMPLETED: "success",
    Appointment.Status.CANCELLED: "secondary",
    Appointment.Status.NO_SHOW: "danger",
}

COLUMNS = [
    TableColumn(key="date", label=_("Date"), sortable=True),
    TableColumn(key="time", label=_("Time"), muted=True),
    TableColumn(key="client", label=_("Client"), bold=True, sortable=True),
    TableColumn(key="master", label=_("Master"), sortable=True),
    TableColumn(key="service", label=_("Service"), muted=True),
    TableColumn(key="status", label=_("Status"), badge_key=STATUS_BADGES),
    TableColumn(key="price", label=_("Price"), align="right", sortable=True),
]
# A client's own list: no client column, the date leads, nothing to sort in a few rows.
CLIENT_COLUMNS = [
    dataclasses.replace(column, bold=column.key == "date", sortable=False)
    for column in COLUMNS
    if column.key != "client"
]
# What selects and orders the rows on the server: shared by every server-side appointment
# table and the salon page's CSV export and bulk actions.
QUERY: dict[str, Any] = {
    "columns": COLUMNS,
    "filters": [
        TableFilter(key=value, label=label, value=value) for value, label in Appointment.Status.choices
    ],
    "search_fields": ["client__name", "master__name", "service__name"],
    "sort_fields": {"date": "start_at", "client": "client__name", "master": "master__name", "price": "price"},
}
CHOICES = {
    "status": dict(Appointment.Status.choices)
}  # the status cells show the label, filters match the value
SEARCH_PLACEHOLDER = _("Search by client, master or service…")  # QUERY's search_fields
# What every appointment table shows the same way.
SHOWN: dict[str, Any] = {
    "empty_message": _("No appointments."),
    "badge_maps": {STATUS_BADGES: STATUS_COLOURS},
    "choices": CHOICES,
}


def appointment_query() -> QuerySet[Appointment]:
    return Appointment.objects.select_related("client", "master", "service")


def appointment_row(appointment: Appointment) -> dict[str, Any]:
    """One appointment as display strings in the active language (formatted here, not in the template)."""
    start = timezone.localtime(appointment.start_at)
    return {
        "id": appointment.pk,
        "date": format_date(start),
        "time": f"{format_time(start)}–{format_time(appointment.end_at)}",
        "start": start.isoformat(),  # what a client-side table sorts the date column by
        "client": appointment.client.name,
        "master": appointment.master.name,
        "service": appointment.service.name,
        "status": appointment.status,
        "price": format_money(appointment.price),
    }


def upcoming_table(request: HttpRequest) -> DataTableData:
    """The appointments from now on, soonest first, 25 a page: search, status filters, sorting on the server."""
    upcoming = appointment_query().filter(start_at__gte=timezone.now()).order_by("start_at", "master__name")
    return server_side_table(
        request,
        upcoming,
        row=appointment_row,
        page_size=PAGE_SIZE,
        search_placeholder=SEARCH_PLACEHOLDER,
        **QUERY,
        **SHOWN,
    )


def appointment_table(
    rows: Iterable[Appointment], *, columns: list[TableColumn] = COLUMNS, **fields: Any
) -> DataTableData:
    """A few appointments as a client-side table (every row in the page); ``fields`` go to :class:`DataTableData`."""
    return DataTableData(
        columns=columns,
        rows=[appointment_row(appointment) for appointment in rows],
        sort_values={"date": "start"},
        **{**SHOWN, **fields},
    )
