"""Bootstrap classes for any Django form, so registered settings tabs need no markup of their own."""

from __future__ import annotations

from typing import TypeVar

from django import forms

__all__ = ["style_form"]

F = TypeVar("F", bound=forms.BaseForm)

_CHECKS = (forms.CheckboxInput, forms.CheckboxSelectMultiple, forms.RadioSelect)


def style_form(form: F) -> F:
    """Add ``form-control`` / ``form-select`` / ``form-check-input`` and ``is-invalid`` to the widgets."""
    for name, field in form.fields.items():
        widget = field.widget
        if isinstance(widget, _CHECKS):
            css = "form-check-input"
        elif isinstance(widget, forms.Select | forms.SelectMultiple):
            css = "form-select"
        else:
            css = "form-control"
        if form.is_bound and name in form.errors:
            css += " is-invalid"
        existing = widget.attrs.get("class", "")
        widget.attrs["class"] = f"{existing} {css}".strip()
    return form
