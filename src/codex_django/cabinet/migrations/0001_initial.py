"""The CabinetSettings singleton."""

import django.core.validators
from django.db import migrations, models

import codex_django.cabinet.models.settings


class Migration(migrations.Migration):
    initial = True

    dependencies = []

    operations = [
        migrations.CreateModel(
            name="CabinetSettings",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                (
                    "cabinet_name",
                    models.CharField(blank=True, default="", max_length=120, verbose_name="cabinet name"),
                ),
                (
                    "logo",
                    models.FileField(
                        blank=True,
                        default="",
                        help_text="PNG, JPEG, GIF or WebP.",
                        upload_to="cabinet/",
                        validators=[
                            django.core.validators.FileExtensionValidator(
                                ["png", "jpg", "jpeg", "gif", "webp"]
                            )
                        ],
                        verbose_name="logo",
                    ),
                ),
                (
                    "theme_overrides",
                    models.JSONField(
                        blank=True,
                        default=dict,
                        help_text="Design tokens to override, as a JSON object.",
                        validators=[codex_django.cabinet.models.settings.validate_theme_overrides],
                        verbose_name="theme overrides",
                    ),
                ),
                ("updated_at", models.DateTimeField(auto_now=True, verbose_name="updated")),
            ],
            options={
                "verbose_name": "cabinet settings",
                "verbose_name_plural": "cabinet settings",
            },
        ),
    ]
