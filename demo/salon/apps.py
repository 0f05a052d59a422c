"""App config of the demo's project app (it holds the space branding in ``cabinet.py``)."""

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class SalonConfig(AppConfig):
    name = "salon"
    verbose_name = _("Salon")
    default_auto_field = "django.db.models.BigAutoField"
