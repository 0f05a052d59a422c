"""Singleton-like cabinet settings model and its Redis synchronisation.

One row (``pk=1``) holds the cabinet's name, logo and theme overrides. Every
``save()`` schedules a copy into the Redis hash ``{PROJECT_NAME}:cabinet:settings``
with ``transaction.on_commit``, so Redis never holds a value the database rolled
back; the copy is one ``MULTI``/``EXEC`` transaction. Redis is skipped in DEBUG
unless ``CODEX_REDIS_ENABLED = True`` (see ``conf.redis_enabled``).

The logo is a ``FileField`` restricted to raster image extensions rather than
an ``ImageField``: ``ImageField`` needs Pillow, which the library does not
require at run time. SVG is refused on purpose: an SVG served from your media
domain can run script when opened directly.
"""

from __future__ import annotations

from typing import Any

from django.core.exceptions import ValidationError
from django.core.validators import FileExtensionValidator
from django.db import models, transaction
from django.utils.translation import gettext_lazy as _

__all__ = ["LOGO_EXTENSIONS", "CabinetSettings", "validate_theme_overrides"]

LOGO_EXTENSIONS = ("png", "jpg", "jpeg", "gif", "webp")


def validate_theme_overrides(value: Any) -> None:
    """Theme overrides are design tokens the theme model accepts; every bad token is named."""
    if not isinstance(value, dict):
        raise ValidationError(
            _('Theme overrides must be a JSON object such as {"light.brand": "#0f766e"}.'),
            code="invalid_theme_overrides",
        )
    from ..theme import DEFAULT_THEME, ThemeError, apply_overrides

    try:
        apply_overrides(DEFAULT_THEME, value, "theme overrides")
    except ThemeError as error:
        raise ValidationError(error.problems, code="invalid_theme_overrides") from None


class CabinetSettings(models.Model):
    """Cabinet settings — singleton (always one instance, ``pk=1``).

    Stores cabinet-level configuration: name, logo, theme overrides. Syncs
    to Redis after each committed save. ``delete()`` is refused.
    """

    SINGLETON_PK = 1

    cabinet_name = models.CharField(_("cabinet name"), max_length=120, blank=True, default="")
    logo = models.FileField(
        _("logo"),
        upload_to="cabinet/",
        blank=True,
        default="",
        validators=[FileExtensionValidator(list(LOGO_EXTENSIONS))],
        help_text=_("PNG, JPEG, GIF or WebP."),
    )
    theme_overrides = models.JSONField(
        _("theme overrides"),
        default=dict,
        blank=True,
        validators=[validate_theme_overrides],
        help_text=_("Design tokens to override, as a JSON object."),
    )
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        app_label = "cabinet"
        verbose_name = _("cabinet settings")
        verbose_name_plural = _("cabinet settings")

    def __str__(self) -> str:
        """Return the display name used in admin and debug output."""
        return self.cabinet_name or str(_("Cabinet settings"))

    def save(self, *args: Any, **kwargs: Any) -> None:
        """Persist the singleton row under primary key 1, then (after commit) copy it to Redis."""
        self.pk = self.SINGLETON_PK
        super().save(*args, **kwargs)
        transaction.on_commit(self.sync_to_redis, using=kwargs.get("using"))

    def delete(self, *args: Any, **kwargs: Any) -> tuple[int, dict[str, int]]:
        """Refuse deletion so the singleton settings row always remains: ``(0, {})``."""
        return 0, {}

    @classmethod
    def load(cls) -> CabinetSettings:
        """Load or create the singleton settings instance from the database."""
        instance, _created = cls.objects.get_or_create(pk=cls.SINGLETON_PK)
        return instance

    @classmethod
    def from_cabinet_dict(cls, values: dict[str, Any]) -> CabinetSettings:
        """An unsaved instance built from :meth:`to_cabinet_dict` output (the Redis copy)."""
        names = {field.attname for field in cls._meta.concrete_fields}
        instance = cls(**{name: value for name, value in values.items() if name in names})
        instance.pk = cls.SINGLETON_PK
        instance._state.adding = False
        return instance

    def to_cabinet_dict(self) -> dict[str, Any]:
        """Serialise the model to a Redis-friendly flat mapping (one entry per field)."""
        return {
            "cabinet_name": self.cabinet_name,
            "logo": self.logo.name or "",
            "theme_overrides": dict(self.theme_overrides or {}),
            "updated_at": self.updated_at,
        }

    def sync_to_redis(self) -> None:
        """Persist the latest cabinet settings payload to Redis (called after commit)."""
        from ..redis.managers.settings import CabinetSettingsRedisManager

        CabinetSettingsRedisManager().save_instance(self)
