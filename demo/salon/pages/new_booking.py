"""New booking: a page built from the four booking widgets, and the calendar's quick-create modal.

Mounted at ``/cabinet/booking/new/`` (namespace ``new_booking``):

* ``new_booking:page`` - a direct visit gets the page (service selector,
  client combobox with server search, date/time picker, summary) in one
  ``<form>``: a normal POST, validated by :class:`BookingForm`, errors shown in
  place, success creates the appointment and returns to the schedule. An htmx
  GET (a free calendar slot: ``?day=&col_id=<master>&time=HH:MM``) gets the
  quick-create modal; its POST re-renders the modal with errors, or creates the
  appointment and answers ``modal_close_response(trigger="refresh-calendar")``.
* ``new_booking:clients`` - the client combobox's server search;
* ``new_booking:slots`` - the date/time picker for another day.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from booking.models import Appointment, Master, Service
from clients.models import Client
from django.contrib import messages
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, QueryDict
from django.shortcuts import redirect, render
from django.urls import path, reverse
from django.utils import timezone
from django.utils.dateparse import parse_date
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_GET, require_http_methods

from codex_django.cabinet.components.client_selector.client_selector import render_client_options
from codex_django.cabinet.formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_money,
    format_month,
    format_time,
)
from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.http.modal_responses import is_htmx, modal_close_response, render_modal
from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)
from codex_django.cabinet.types.booking_modal import (
    BookingQuickCreateClientOption,
    BookingQuickCreateData,
    BookingQuickCreateServiceOption,
)
from codex_django.cabinet.types.modal import ActionSection, ModalAction, ModalContentData, QuickCreateSection

from .new_booking_form import BookingForm, does, errors_by_field, parse_time, slot_times

BOOKABLE_DAYS = 21
SEARCH_LIMIT = 20


def _price(service: Service) -> str:
    return format_money(service.price)  # the CODEX_CABINET["CURRENCY"] symbol


def _day_label(day: date) -> str:
    return format_date(day, weekday=True)


def _master(value: str | None) -> Master | None:
    return Master.objects.filter(is_active=True, pk=value).first() if value and value.isdigit() else None


# --------------------------------------------------------------------------- page payloads


def service_selector(values: QueryDict, errors: dict[str, list[str]]) -> ServiceSelectorData:
    services = list(Service.objects.filter(is_active=True))
    categories = sorted({service.category for service in services})
    chosen = values.get("service_id", "")
    return ServiceSelectorData(
        items=[ServiceItem(str(s.pk), s.name, _price(s), s.duration, s.category.lower()) for s in services],
        categories=[(category.lower(), category) for category in categories],
        selected_id=chosen if chosen in {str(s.pk) for s in services} else "",
        errors=errors.get("service_id", []),
    )


def client_selector(values: QueryDict, errors: dict[str, list[str]]) -> ClientSelectorData:
    chosen = Client.objects.filter(pk=values.get("client_id") or 0).first()
    new_name, new_phone = values.get("new_client_name", ""), values.get("new_client_phone", "")
    return ClientSelectorData(
        search_url=reverse("new_booking:clients"),
        selected_id=str(chosen.pk) if chosen else "",
        selected_label=chosen.name if chosen else "",
        create_new=not chosen and bool(new_name or new_phone or errors.get("new_client_phone")),
        new_client_name=new_name,
        new_client_phone=new_phone,
        errors=errors.get("client_id", [])
        + errors.get("new_client_phone", [])
        + errors.get("new_client_name", []),
    )


def busy_times(day: date) -> list[str]:
    """Times at which no active master is free for half an hour (one query for the day)."""
    masters = list(Master.objects.filter(is_active=True).values_list("pk", flat=True))
    taken: dict[int, list[tuple[datetime, datetime]]] = {pk: [] for pk in masters}
    for item in Appointment.objects.filter(start_at__date=day, master__in=masters).exclude(
        status=Appointment.Status.CANCELLED
    ):
        taken[item.master_id].append((item.start_at, item.end_at))
    busy = []
    for value in slot_times():
        start = timezone.make_aware(datetime.combine(day, parse_time(value) or datetime.min.time()))
        end = start + timedelta(minutes=30)
        if all(any(s < end and start < e for s, e in taken[pk]) for pk in masters):
            busy.append(value)
    return busy


def date_time_picker(values: QueryDict, errors: dict[str, list[str]]) -> DateTimePickerData:
    today = timezone.localdate()
    days = [today + timedelta(days=offset) for offset in range(BOOKABLE_DAYS)]
    chosen = parse_date(values.get("booking_date", "") or "")
    chosen = chosen if chosen in days else None
    times = slot_times()
    busy = busy_times(chosen) if chosen else []
    wanted = values.get("selected_time", "")
    return DateTimePickerData(
        # No "label": the picker reads each day out as format_date(day, weekday=True), like the summary.
        available_days=[{"date": day.isoformat()} for day in days],
        time_slots=times,
        busy_slots=busy,
        current_month=format_month(chosen or today),
        selected_date=chosen.isoformat() if chosen else "",
        selected_time=wanted if wanted in times and wanted not in busy else "",
        slots_url=reverse("new_booking:slots"),
        errors=errors.get("booking_date", []) + errors.get("selected_time", []),
    )


def summary(values: QueryDict, errors: dict[str, list[str]]) -> BookingSummaryData:
    service = Service.objects.filter(pk=values.get("service_id") or 0).first()
    client = Client.objects.filter(pk=values.get("client_id") or 0).first()
    day = parse_date(values.get("booking_date", "") or "")
    master = _master(values.get("master_id"))
    return BookingSummaryData(
        confirm_url=reverse("new_booking:page"),
        reset_url=reverse("new_booking:page"),
        masters=[{"id": m.pk, "name": m.name} for m in Master.objects.filter(is_active=True)],
        service_label=service.name if service else "",
        client_label=client.name if client else values.get("new_client_name", ""),
        date_label=_day_label(day) if day else "",
        time_label=format_time(parse_time(values.get("selected_time", "") or "")),
        selected_master_id=str(master.pk) if master else "",
        errors=errors.get("", []) + errors.get("master_id", []),
    )


def page_context(values: QueryDict, errors: dict[str, list[str]]) -> dict[str, Any]:
    return {
        "services": service_selector(values, errors),
        "clients": client_selector(values, errors),
        "picker": date_time_picker(values, errors),
        "summary": summary(values, errors),
        "has_errors": bool(errors),
        "page_title": _("New booking"),
        "page_subtitle": _("Service, client, day and time: the summary follows your choices."),
    }


# --------------------------------------------------------------------------- quick-create modal


def quick_create_modal(values: QueryDict, errors: dict[str, list[str]]) -> ModalContentData:
    """The modal a free calendar slot opens: the slot, a service of the master's, a client."""
    master = _master(values.get("resource_id") or values.get("col_id"))
    day = parse_date(values.get("booking_date") or values.get("day") or "") or timezone.localdate()
    start = parse_time(values.get("selected_time") or values.get("time") or "")
    time_text = start.strftime("%H:%M") if start else ""  # the submitted value, not a display string
    services = [s for s in Service.objects.filter(is_active=True) if master is None or does(master, s)]
    chosen_service = values.get("service_id", "")
    clients = Client.objects.order_by("name")
    chosen_client = values.get("client_id", "")
    if errors and not master:
        errors = {
            **errors,
            "": [*errors.get("", []), str(_("This slot has no master; open it from the schedule."))],
        }
    data = BookingQuickCreateData(
        resource_label=master.name if master else str(_("Any master")),
        date_label=_day_label(day),
        time_label=format_time(start) or "—",
        resource_id=str(master.pk) if master else "",
        booking_date=day.isoformat(),
        selected_time=time_text,
        service_options=[
            BookingQuickCreateServiceOption(str(s.pk), s.name, _price(s), format_duration(s.duration))
            for s in services
        ],
        client_options=[
            BookingQuickCreateClientOption(
                str(c.pk), c.name, c.phone, c.email, "".join(filter(str.isdigit, c.phone))
            )
            for c in clients
        ],
        selected_service_id=chosen_service if chosen_service in {str(s.pk) for s in services} else "",
        selected_client_id=chosen_client if chosen_client in {str(c.pk) for c in clients} else "",
        new_client_first_name=values.get("new_client_first_name", ""),
        new_client_last_name=values.get("new_client_last_name", ""),
        new_client_phone=values.get("new_client_phone", ""),
        new_client_email=values.get("new_client_email", ""),
        errors=errors,
    )
    return ModalContentData(
        title=_("New appointment"),
        size="lg",
        sections=[
            QuickCreateSection(data),
            ActionSection(
                actions=[
                    ModalAction(_("Cancel"), method="CLOSE", style="btn-outline-secondary"),
                    ModalAction(_("Book"), url=reverse("new_booking:page"), method="POST", icon="bi-check2"),
                ]
            ),
        ],
    )


# --------------------------------------------------------------------------- views


@space_required("staff")
@require_http_methods(["GET", "POST"])
def page(request: HttpRequest) -> HttpResponse:
    """The new-booking page, or (over htmx) the calendar's quick-create modal."""
    request.cabinet_module = "booking"  # type: ignore[attr-defined]
    if request.method == "POST":
        form = BookingForm(request.POST)
        if form.is_valid():
            appointment = form.save()
            when = timezone.localtime(appointment.start_at)
            if is_htmx(request):
                return modal_close_response(
                    request, trigger={"refresh-calendar": {"appointment": appointment.pk}}
                )
            messages.success(
                request,
                _("Booked: %(service)s for %(client)s, %(when)s with %(master)s.")
                % {
                    "service": appointment.service,
                    "client": appointment.client,
                    "when": format_datetime(when),
                    "master": appointment.master,
                },
            )
            return redirect(f"{reverse('salon_schedule:page')}?day={when.date().isoformat()}")
        errors = errors_by_field(form)
        if is_htmx(request):
            return render_modal(request, quick_create_modal(request.POST, errors))
        return render(request, "salon/pages/new_booking.html", page_context(request.POST, errors), status=200)
    if is_htmx(request):
        return render_modal(request, quick_create_modal(request.GET, {}))
    response = render(request, "salon/pages/new_booking.html", page_context(request.GET, {}))
    response["Vary"] = "HX-Request"
    return response


@space_required("staff")
@require_GET
def clients(request: HttpRequest) -> HttpResponse:
    """The client combobox's search: name, phone digits or email containing ``q`` (2+ characters)."""
    query = request.GET.get("q", "").strip()
    found: list[dict[str, Any]] = []
    if len(query) >= 2:
        digits = "".join(filter(str.isdigit, query))
        match = Q(name__icontains=query) | Q(email__icontains=query)
        if len(digits) >= 3:
            match |= Q(phone__contains=digits[-4:])
        found = [
            {"id": c.pk, "name": c.name, "phone": c.phone, "email": c.email}
            for c in Client.objects.filter(match).order_by("name")[:SEARCH_LIMIT]
        ]
    return render_client_options(request, found)


@space_required("staff")
@require_GET
def slots(request: HttpRequest) -> HttpResponse:
    """The date/time picker for the day in ``booking_date`` (what choosing a day swaps in)."""
    from django.template.loader import render_to_string

    picker = date_time_picker(request.GET, {})
    html = render_to_string("cabinet/components/date_time_picker.html", {"picker": picker}, request=request)
    response = HttpResponse(html)
    response["Vary"] = "HX-Request"
    return response


app_name = "new_booking"
urlpatterns = [
    path("", page, name="page"),
    path("clients/", clients, name="clients"),
    path("slots/", slots, name="slots"),
]
