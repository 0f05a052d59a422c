"""Every appointment as a server-side ``data_table``: search, status filters, sorting, pages.

Mounted at ``/cabinet/booking/table/``. The table pages through the whole
appointment history in the database (25 rows a page): search, the status
filter buttons (with counts), the sortable headers and the pager request this
view again over HTMX, with the state in the URL (``?q=&status=&sort=&page=``),
so reload, shared links and the back button show the same page. The status
badges take their colours from ``status_colours`` in the template context (the
v1 way a column's ``badge_key`` works); the partial HTMX answers are rendered
with the same context. "Details" opens the visit card in the page modal,
"Client file" goes to the client's ``split_panel`` page.

The power features: a "Columns" menu (the choice is remembered in the
browser), bulk actions ("Confirm" and "Cancel" the selected visits, or every
visit matching the search and filter; posted to ``bulk/`` and checked against
the ``booking.change_appointment`` permission) and "Export CSV" of the current
view (``?export=csv``, streamed). The page, the export and the bulk view share
one set of query options (``QUERY``, from ``booking.tables``, whose list of
upcoming appointments uses it too), so they always agree on which rows the user
is looking at.
"""

from __future__ import annotations

from typing import Any

from booking.models import Appointment
from booking.tables import CHOICES, QUERY, SEARCH_PLACEHOLDER, STATUS_COLOURS, appointment_query
from booking.tables import appointment_row as booking_row
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse
from django.urls import path, reverse
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from codex_django.cabinet import TableAction
from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.tables.bulk import BulkActionView
from codex_django.cabinet.tables.export import export_csv
from codex_django.cabinet.tables.server_side import render_table, server_side_table
from codex_django.cabinet.types.data_table_actions import BulkAction, TableExport

PAGE_SIZE = 25
TABLE_ID = "salon-appointments"

PERMISSION = "booking.change_appointment"
BULK_ACTIONS = [
    BulkAction(
        key=Appointment.Status.CONFIRMED,
        label=_("Confirm"),
        url="salon_appointment_table:bulk",
        style="btn-primary",
        icon="bi-check2",
        permission=PERMISSION,
    ),
    BulkAction(
        key=Appointment.Status.CANCELLED,
        label=_("Cancel"),
        url="salon_appointment_table:bulk",
        style="btn-danger",
        icon="bi-x-lg",
        confirm=_("Cancel the selected appointments?"),
        permission=PERMISSION,
    ),
]


def appointment_row(appointment: Appointment) -> dict[str, Any]:
    """booking's row of an appointment, with the URLs of the two row actions."""
    return {
        **booking_row(appointment),
        "details_url": reverse("salon_visits:visit", args=[appointment.pk]),
        "client_url": reverse("salon_client_files:detail", args=[appointment.client_id]),
    }


@space_required("staff")
def page(request: HttpRequest) -> HttpResponse:
    """All appointments, one page at a time."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    if request.GET.get("export") == "csv":
        return export_csv(
            request,
            appointment_query(),
            row=appointment_row,
            filename="appointments.csv",
            choices=CHOICES,
            **QUERY,
        )
    table = server_side_table(
        request,
        appointment_query(),
        row=appointment_row,
        actions=[
            TableAction(label=_("Details"), url_key="details_url", icon="bi-eye"),
            TableAction(label=_("Client file"), url_key="client_url", icon="bi-person", style="btn-primary"),
        ],
        page_size=PAGE_SIZE,
        search_placeholder=SEARCH_PLACEHOLDER,
        empty_message=_("No appointments yet."),
        choices=CHOICES,
        column_menu=True,
        hidden_columns=["time"],
        locked_columns=["client"],
        bulk_actions=BULK_ACTIONS,
        export=TableExport(url="?export=csv"),
        **QUERY,
    )
    context = {"table": table, "table_id": TABLE_ID, "status_colours": STATUS_COLOURS}
    return render_table(
        request, table, "salon/pages/data_table.html", context, label=str(_("Appointments")), id=TABLE_ID
    )


@method_decorator(space_required("staff"), name="dispatch")
class BulkStatus(BulkActionView):
    """Set the selected appointments' status to the action's key (``confirmed``, ``cancelled``)."""

    actions = BULK_ACTIONS
    query = QUERY

    def get_queryset(self) -> QuerySet[Appointment]:
        return Appointment.objects.all()

    def perform(self, action: BulkAction, selected: QuerySet[Any]) -> str:
        count = selected.update(status=action.key)
        return ngettext(
            "%(count)d appointment set to “%(status)s”.", "%(count)d appointments set to “%(status)s”.", count
        ) % {"count": count, "status": Appointment.Status(action.key).label}


app_name = "salon_appointment_table"
urlpatterns = [
    path("", page, name="page"),
    path("bulk/", BulkStatus.as_view(), name="bulk"),
]
