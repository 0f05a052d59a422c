"""The forms of the built-in site-settings tabs ("General" and "Theme").

Each form lists exactly the fields its tab may change: the tab view saves
``form.cleaned_data`` fields only, so a POST cannot set anything else.
"""

from __future__ import annotations

import json
from typing import Any

from django import forms
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.models.settings import CabinetSettings

__all__ = ["GeneralSettingsForm", "ThemeSettingsForm"]


class GeneralSettingsForm(forms.ModelForm):
    """Cabinet name and logo."""

    class Meta:
        model = CabinetSettings
        fields = ("cabinet_name", "logo")
        widgets = {
            "logo": forms.ClearableFileInput(attrs={"accept": "image/png,image/jpeg,image/gif,image/webp"}),
        }


class _JSONObjectField(forms.JSONField):
    """A JSON text area that accepts only an object, shown indented."""

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, dict):
            return json.dumps(value, indent=2, ensure_ascii=False, sort_keys=True)
        return super().prepare_value(value)


class ThemeSettingsForm(forms.ModelForm):
    """Theme overrides as a JSON object of design tokens."""

    theme_overrides = _JSONObjectField(
        label=_("Theme overrides"),
        required=False,
        widget=forms.Textarea(attrs={"rows": 8, "spellcheck": "false"}),
        help_text=_('Design tokens to override, e.g. {"light.brand": "#0f766e"}.'),
    )

    class Meta:
        model = CabinetSettings
        fields = ("theme_overrides",)

    def clean_theme_overrides(self) -> dict[str, Any]:
        value = self.cleaned_data.get("theme_overrides")
        if value in (None, ""):
            return {}
        if not isinstance(value, dict):
            raise forms.ValidationError(
                _('Enter a JSON object such as {"light.brand": "#0f766e"}.'), code="invalid_theme_overrides"
            )
        return value
