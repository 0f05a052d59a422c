"""App config: discovers feature apps' ``cabinet.py`` and registers the components."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.module_loading import autodiscover_modules
from django.utils.translation import gettext_lazy as _


class CabinetConfig(AppConfig):
    name = "codex_django.cabinet"
    label = "cabinet"
    verbose_name = _("Cabinet")
    default_auto_field = "django.db.models.BigAutoField"

    def ready(self) -> None:
        from codex_django.cabinet.conf import checks  # noqa: F401  (registers the system checks)
        from codex_django.cabinet.rendering.components_loader import register_components
        from codex_django.cabinet.rendering.cotton_compat import install_cotton_compat
        from codex_django.cabinet.rendering.entry_templates import install_entry_loader

        from .theme import checks as _theme_checks  # noqa: F401  (registers cabinet.E020/W020/W021)

        install_cotton_compat()  # django-cotton + django-components lexer fix, only if cotton is installed

        register_components()
        install_entry_loader()  # serves cabinet/components/<name>.html and cotton/cabinet/<name>.html
        # Like admin.py: every installed app's cabinet.py runs once at start-up.
        autodiscover_modules("cabinet")
