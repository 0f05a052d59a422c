"""URLs of the full-page benchmark: the demo's, Django admin's changelist and a django-tables2 page.

The three pages list the same appointments (the demo's ``Appointment`` model,
start time order, 100 a page) with comparable columns, for the same signed-in
staff user:

* ``/cabinet/booking/table/``: the demo's server-side ``data_table`` page
  (``demo/salon/pages/data_table.py``); the benchmark sets its page size to 100;
* ``/admin/booking/appointment/``: Django admin's changelist
  (``list_per_page = 100``, the same columns, search fields and sortable
  columns, a status filter);
* ``/bench/tables2/``: a django-tables2 ``Table`` with ``RequestConfig``
  (sorting, ``?page=``, 100 a page) and its default template, in a bare page.

Bench-only: nothing here is part of the library.
"""

from __future__ import annotations

from typing import Any

import django_tables2 as tables
from booking.models import Appointment
from django.contrib import admin
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render
from django.urls import path, reverse
from salon.urls import urlpatterns as demo_urlpatterns

from codex_django.cabinet.formatting import format_date, format_money, format_time
from codex_django.cabinet.http.access import space_required

PER_PAGE = 100


class AppointmentAdmin(admin.ModelAdmin):
    """The changelist: the demo table's columns, search, sorting and status filter."""

    list_display = ("start_at", "client", "master", "service", "status", "price")
    list_select_related = ("client", "master", "service")
    list_filter = ("status",)
    search_fields = ("client__name", "master__name", "service__name")
    list_per_page = PER_PAGE


admin.site.register(Appointment, AppointmentAdmin)


class AppointmentTable(tables.Table):
    """The demo table's columns; cells formatted as the demo formats them, actions as links."""

    date = tables.Column(accessor="start_at", verbose_name="Date")
    time = tables.Column(accessor="start_at", verbose_name="Time", orderable=False)
    client = tables.Column(accessor="client__name", verbose_name="Client")
    master = tables.Column(accessor="master__name", verbose_name="Master")
    service = tables.Column(accessor="service__name", verbose_name="Service", orderable=False)
    status = tables.Column(verbose_name="Status", orderable=False)
    price = tables.Column(verbose_name="Price")
    actions = tables.Column(accessor="pk", verbose_name="", orderable=False)

    class Meta:
        model = Appointment
        fields = ("date", "time", "client", "master", "service", "status", "price", "actions")
        template_name = "django_tables2/table.html"

    def render_date(self, value: Any) -> str:
        return format_date(value)

    def render_time(self, value: Any) -> str:
        return format_time(value)

    def render_status(self, record: Appointment) -> str:
        return record.get_status_display()

    def render_price(self, value: Any) -> str:
        return format_money(value)

    def render_actions(self, record: Appointment) -> Any:
        from django.utils.html import format_html

        return format_html(
            '<a href="{}">Details</a> <a href="{}">Client file</a>',
            reverse("salon_visits:visit", args=[record.pk]),
            reverse("salon_client_files:detail", args=[record.client_id]),
        )


@space_required("staff")
def tables2_page(request: HttpRequest) -> HttpResponse:
    """The appointments as a django-tables2 table, 100 a page."""
    queryset = Appointment.objects.select_related("client", "master", "service")
    table = AppointmentTable(queryset)
    tables.RequestConfig(request, paginate={"per_page": PER_PAGE}).configure(table)
    return render(request, "bench/tables2_page.html", {"table": table})


urlpatterns = [
    path("admin/", admin.site.urls),
    path("bench/tables2/", tables2_page, name="bench_tables2"),
    *demo_urlpatterns,
]
