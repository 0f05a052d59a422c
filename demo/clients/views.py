"""Client pages: the staff client list and the signed-in client's profile."""

from typing import Any

from django.db.models import Count, Max
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet import TableColumn
from codex_django.cabinet.formatting import format_date, format_number
from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.tables.server_side import render_table, server_side_table

from .models import Client

TABLE_ID = "clients"
PAGE_SIZE = 25
COLUMNS = [
    TableColumn(key="name", label=_("Name"), bold=True, sortable=True),
    TableColumn(key="phone", label=_("Phone"), muted=True),
    TableColumn(key="email", label=_("Email"), muted=True),
    TableColumn(key="visits", label=_("Appointments"), align="right", sortable=True),
    TableColumn(key="latest", label=_("Latest"), sortable=True),
]


def client_row(client: Client) -> dict[str, Any]:
    """One client as display strings (the annotations of :func:`client_list`'s query)."""
    return {
        "id": client.pk,
        "name": client.name,
        "phone": client.phone,
        "email": client.email,
        "visits": format_number(client.visits),  # type: ignore[attr-defined]
        "latest": format_date(client.last_visit),  # type: ignore[attr-defined]
    }


@space_required("staff")
def client_list(request: HttpRequest) -> HttpResponse:
    """Every client with their number of appointments and latest visit, as a server-side ``data_table``.

    ``?q=`` searches names, phones and emails; the name, count and latest visit sort.
    """
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    clients = Client.objects.annotate(visits=Count("appointments"), last_visit=Max("appointments__start_at"))
    table = server_side_table(
        request,
        clients.order_by("name", "pk"),
        columns=COLUMNS,
        row=client_row,
        search_fields=["name", "phone", "email"],
        sort_fields={"name": "name", "visits": "visits", "latest": "last_visit"},
        page_size=PAGE_SIZE,
        search_placeholder=_("Search by name, phone or email…"),
        empty_message=_("No clients found."),
    )
    context = {"table_id": TABLE_ID, "client_count": Client.objects.count()}
    return render_table(request, table, "clients/list.html", context, label=str(_("Clients")), id=TABLE_ID)


@space_required("client")
def my_profile(request: HttpRequest) -> HttpResponse:
    """The signed-in client's contact details (none when the user is not linked to a client)."""
    request.cabinet_module = "clients"  # type: ignore[attr-defined]
    client = Client.objects.filter(user=request.user).first()
    return render(request, "clients/profile.html", {"client": client})
