"""Masters, services and appointments of the demo salon.

Plain models for now; the fields follow what the library's
``AppointmentFieldsMixin`` / ``ServiceFieldsMixin`` describe, so switching to
the mixins later is a small migration.
"""

from datetime import datetime, timedelta

from django.db import models
from django.utils.translation import gettext_lazy as _
from django.utils.translation import pgettext_lazy


class Master(models.Model):
    """A specialist who takes appointments."""

    name = models.CharField(_("Name"), max_length=200)
    specialty = models.CharField(_("Specialty"), max_length=100, blank=True)
    # Bootstrap colour name or hex: the master's column colour in the schedule.
    colour = models.CharField(_("Colour"), max_length=20, default="primary")
    is_active = models.BooleanField(_("Active"), default=True)

    class Meta:
        ordering = ["name"]
        verbose_name = _("Master")
        verbose_name_plural = _("Masters")

    def __str__(self) -> str:
        return self.name


class Service(models.Model):
    """Something the salon sells, with its usual duration and price."""

    name = models.CharField(_("Name"), max_length=200)
    category = models.CharField(_("Category"), max_length=100)
    duration = models.PositiveIntegerField(_("Duration (minutes)"))
    price = models.DecimalField(_("Price"), max_digits=10, decimal_places=2)
    is_active = models.BooleanField(_("Active"), default=True)

    class Meta:
        ordering = ["category", "name"]
        verbose_name = _("Service")
        verbose_name_plural = pgettext_lazy("salon services", "Services")

    def __str__(self) -> str:
        return self.name


class Appointment(models.Model):
    """A client's booking of one service with one master."""

    class Status(models.TextChoices):
        PENDING = "pending", _("Pending")
        CONFIRMED = "confirmed", _("Confirmed")
        COMPLETED = "completed", _("Completed")
        CANCELLED = "cancelled", _("Cancelled")
        NO_SHOW = "no_show", _("No-show")

    client = models.ForeignKey(
        "clients.Client", on_delete=models.CASCADE, related_name="appointments", verbose_name=_("Client")
    )
    master = models.ForeignKey(
        Master, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("Master")
    )
    service = models.ForeignKey(
        Service, on_delete=models.PROTECT, related_name="appointments", verbose_name=_("Service")
    )
    start_at = models.DateTimeField(_("Start"), db_index=True)
    duration = models.PositiveIntegerField(_("Duration (minutes)"))
    status = models.CharField(_("Status"), max_length=20, choices=Status.choices, default=Status.PENDING)
    price = models.DecimalField(_("Price"), max_digits=10, decimal_places=2)
    notes = models.TextField(_("Notes"), blank=True)
    created_at = models.DateTimeField(_("Created"), auto_now_add=True)

    class Meta:
        ordering = ["start_at"]
        verbose_name = _("Appointment")
        verbose_name_plural = _("Appointments")

    def __str__(self) -> str:
        return f"{self.service} — {self.client} ({self.start_at:%Y-%m-%d %H:%M})"

    @property
    def end_at(self) -> datetime:
        return self.start_at + timedelta(minutes=self.duration)
