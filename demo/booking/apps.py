"""App config of the booking feature app."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class BookingConfig(AppConfig):
    name = "booking"
    verbose_name = _("Booking")
    default_auto_field = "django.db.models.BigAutoField"
