"""Field mixins for cabinet domain models.

These mixins define the expected interface (which fields exist), not the
business logic (choices, validation): declare status choices etc. on the
concrete model. Every field has a default or is blank-able, so adding a mixin
to an existing model makes a migration without questions. Usage::

    from codex_django.cabinet.models import AppointmentFieldsMixin

    class Appointment(AppointmentFieldsMixin):
        STATUS_PENDING = "pending"
        STATUS_CONFIRMED = "confirmed"
        STATUS_CHOICES = [(STATUS_PENDING, "Pending"), (STATUS_CONFIRMED, "Confirmed")]
        status = models.CharField(max_length=20, choices=STATUS_CHOICES, default=STATUS_PENDING)
"""

from __future__ import annotations

import datetime as dt
from decimal import Decimal

from django.core.validators import MinValueValidator
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

__all__ = ["AppointmentFieldsMixin", "ClientFieldsMixin", "ServiceFieldsMixin"]


def _price() -> models.DecimalField:
    return models.DecimalField(
        _("price"),
        max_digits=10,
        decimal_places=2,
        default=Decimal("0.00"),
        validators=[MinValueValidator(0)],
    )


def _duration() -> models.PositiveIntegerField:
    return models.PositiveIntegerField(_("duration (minutes)"), default=60, validators=[MinValueValidator(1)])


class AppointmentFieldsMixin(models.Model):
    """Base fields for appointments/bookings. No choices — the developer defines them."""

    start_at = models.DateTimeField(_("starts at"), default=timezone.now, db_index=True)
    duration_minutes = _duration()
    price = _price()
    notes = models.TextField(_("notes"), blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        abstract = True

    @property
    def end_at(self) -> dt.datetime:
        """When the appointment ends: ``start_at + duration_minutes``."""
        return self.start_at + dt.timedelta(minutes=self.duration_minutes)


class ClientFieldsMixin(models.Model):
    """Base fields for client profiles."""

    first_name = models.CharField(_("first name"), max_length=150, default="")
    last_name = models.CharField(_("last name"), max_length=150, blank=True, default="")
    phone = models.CharField(_("phone"), max_length=32, blank=True, default="")
    email = models.EmailField(_("email"), blank=True, default="")
    notes = models.TextField(_("notes"), blank=True, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.full_name

    @property
    def full_name(self) -> str:
        """First and last name, joined by a space."""
        return " ".join(part for part in (self.first_name, self.last_name) if part)


class ServiceFieldsMixin(models.Model):
    """Base fields for services/offerings."""

    title = models.CharField(_("title"), max_length=200, default="")
    description = models.TextField(_("description"), blank=True, default="")
    category = models.CharField(_("category"), max_length=100, blank=True, default="")
    duration_minutes = _duration()
    price = _price()
    is_active = models.BooleanField(_("active"), default=True, db_index=True)

    class Meta:
        abstract = True

    def __str__(self) -> str:
        return self.title
