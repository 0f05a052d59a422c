"""The demo's booking form: validation shared by the new-booking page and the calendar's quick-create modal.

Both post the same field names (the booking widgets' and the quick-create
block's): ``service_id``, ``client_id`` or a new client (``new_client_name``,
or ``new_client_first_name`` + ``new_client_last_name``; ``new_client_phone``,
``new_client_email``), ``booking_date``, ``selected_time`` and the master as
``master_id`` (page) or ``resource_id`` (calendar slot). A blank master means
"any master free then who does the service".
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from typing import Any

from booking.models import Appointment, Master, Service
from clients.models import Client
from django import forms
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.formatting import format_time

from .schedule import CLOSING, OPENING, STEP_MINUTES

# Which service categories a master performs, by specialty (the seed data's pairing).
SPECIALTY_CATEGORIES = {
    "Hair stylist": {"Hair"},
    "Hair colourist": {"Hair"},
    "Nail technician": {"Nails"},
    "Cosmetologist": {"Face"},
    "Massage therapist": {"Massage"},
    "Brow and lash artist": {"Face", "Nails"},
}


def does(master: Master, service: Service) -> bool:
    """Whether ``master`` performs ``service`` (masters with an unknown specialty do everything)."""
    categories = SPECIALTY_CATEGORIES.get(master.specialty)
    return categories is None or service.category in categories


def busy_between(master: Master, start: datetime, end: datetime) -> bool:
    """Whether ``master`` has a (not cancelled) appointment overlapping ``start``-``end``."""
    appointments = Appointment.objects.filter(
        master=master, start_at__lt=end, start_at__gte=start - timedelta(hours=12)
    ).exclude(status=Appointment.Status.CANCELLED)
    return any(item.end_at > start for item in appointments)


def slot_times() -> list[str]:
    """Every bookable start time of a day, ``"HH:MM"``."""
    times = []
    current = datetime.combine(date(2000, 1, 1), OPENING)
    closing = datetime.combine(date(2000, 1, 1), CLOSING)
    while current < closing:
        times.append(current.strftime("%H:%M"))
        current += timedelta(minutes=STEP_MINUTES)
    return times


class BookingForm(forms.Form):
    """One appointment: service, client (existing or new), day, time and (optionally) master."""

    service_id = forms.ModelChoiceField(
        queryset=Service.objects.filter(is_active=True),
        error_messages={"required": _("Choose a service."), "invalid_choice": _("Choose a service.")},
    )
    client_id = forms.ModelChoiceField(queryset=Client.objects.all(), required=False)
    new_client_name = forms.CharField(max_length=200, required=False)
    new_client_first_name = forms.CharField(max_length=100, required=False)
    new_client_last_name = forms.CharField(max_length=100, required=False)
    new_client_phone = forms.CharField(max_length=20, required=False)
    new_client_email = forms.EmailField(required=False)
    booking_date = forms.DateField(error_messages={"required": _("Choose a day.")})
    selected_time = forms.TimeField(error_messages={"required": _("Choose a time.")})
    master_id = forms.ModelChoiceField(queryset=Master.objects.filter(is_active=True), required=False)
    resource_id = forms.ModelChoiceField(queryset=Master.objects.filter(is_active=True), required=False)

    def new_client_full_name(self) -> str:
        data = self.cleaned_data
        joined = " ".join(
            part for part in (data.get("new_client_first_name"), data.get("new_client_last_name")) if part
        )
        return (data.get("new_client_name") or joined).strip()

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        if not data.get("client_id"):
            if not self.new_client_full_name():
                self.add_error("client_id", _("Choose a client or create a new one."))
            elif not data.get("new_client_phone"):
                self.add_error("new_client_phone", _("Enter the new client's phone number."))
        day, start_time, service = data.get("booking_date"), data.get("selected_time"), data.get("service_id")
        if day is None or start_time is None or service is None:
            return data
        if not OPENING <= start_time < CLOSING or start_time.minute % STEP_MINUTES:
            self.add_error("selected_time", _("Choose one of the offered times."))
            return data
        start = timezone.make_aware(datetime.combine(day, start_time))
        end = start + timedelta(minutes=service.duration)
        if end.time() > CLOSING or end.date() != day:
            self.add_error("selected_time", _("The service would end after closing time."))
            return data
        master = data.get("master_id") or data.get("resource_id")
        if master is not None:
            if not does(master, service):
                self.add_error(
                    None, _("%(master)s does not do %(service)s.") % {"master": master, "service": service}
                )
            elif busy_between(master, start, end):
                self.add_error(
                    None,
                    _("%(master)s is busy at %(time)s.")
                    % {"master": master, "time": format_time(start_time)},
                )
        else:
            free = [
                m
                for m in Master.objects.filter(is_active=True)
                if does(m, service) and not busy_between(m, start, end)
            ]
            if not free:
                self.add_error(None, _("No master is free for this service at that time."))
            else:
                data["master_id"] = free[0]
        data["start_at"] = start
        return data

    @transaction.atomic
    def save(self) -> Appointment:
        """Create the client when new, then the appointment (pending, at the service's price)."""
        data = self.cleaned_data
        client = data.get("client_id") or Client.objects.create(
            name=self.new_client_full_name(),
            phone=data.get("new_client_phone", ""),
            email=data.get("new_client_email", ""),
        )
        service: Service = data["service_id"]
        return Appointment.objects.create(
            client=client,
            master=data.get("master_id") or data["resource_id"],
            service=service,
            start_at=data["start_at"],
            duration=service.duration,
            price=service.price,
            status=Appointment.Status.PENDING,
        )


def errors_by_field(form: BookingForm) -> dict[str, list[str]]:
    """The form's errors keyed by field name; ``""`` holds the errors about the whole booking."""
    return {
        ("" if name == "__all__" else name): [str(e) for e in errors] for name, errors in form.errors.items()
    }


def parse_time(value: str) -> time | None:
    try:
        return datetime.strptime(value.strip(), "%H:%M").time()
    except ValueError:
        return None
