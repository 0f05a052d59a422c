"""App config of the storybook (``codex_django.storybook``)."""

from __future__ import annotations

from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class StorybookConfig(AppConfig):
    name = "codex_django.storybook"
    label = "storybook"
    verbose_name = _("Component storybook")
