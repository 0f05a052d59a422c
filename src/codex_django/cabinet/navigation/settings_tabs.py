"""Registered tabs of the staff site-settings page.

A tab is a slug, a label and a Django ``ModelForm``; the page shows every tab
the user may see, and each tab's form posts to its own URL, which saves only
that form's fields. Two tabs are built in: ``general`` (name, logo) and
``theme`` (theme overrides). Add your own from a feature app's ``cabinet.py``::

    from codex_django.cabinet.navigation.settings_tabs import SettingsTab, settings_tabs

    settings_tabs.register(SettingsTab(
        slug="booking",
        label=_("Booking"),
        form_class=BookingSettingsForm,          # a ModelForm
        get_instance=lambda request: BookingSettings.load(),
        permissions=("booking.change_bookingsettings",),
        order=30,
    ))

Registering a slug again replaces the tab (like ``declare()``), so a
re-imported ``cabinet.py`` never duplicates it.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Callable
from typing import Any

from django import forms
from django.core.exceptions import ImproperlyConfigured
from django.db import models
from django.http import HttpRequest
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.navigation.menus import UserPermissions

__all__ = ["SettingsTab", "SettingsTabRegistry", "settings_tabs"]

_SLUG = re.compile(r"[a-z0-9][a-z0-9-]*")


def _cabinet_settings(request: HttpRequest) -> models.Model:
    from codex_django.cabinet.models.settings import CabinetSettings

    return CabinetSettings.load()


@dataclasses.dataclass(frozen=True)
class SettingsTab:
    """One tab of the site-settings page.

    Attributes:
        slug: URL part and anchor, lowercase letters, digits and ``-``.
        label: The tab's title.
        form_class: A ``ModelForm``; its fields are all the tab may change.
        get_instance: ``(request) -> model instance`` the form edits
            (default: the ``CabinetSettings`` singleton).
        permissions: ``"app_label.codename"`` strings, OR semantics; ``()``
            means every staff user.
        order: Position on the page; lower first.
        icon: Optional Bootstrap Icons class.
    """

    slug: str
    label: str | Promise
    form_class: type[forms.ModelForm]
    get_instance: Callable[[HttpRequest], models.Model] = _cabinet_settings
    permissions: tuple[str, ...] = ("cabinet.change_cabinetsettings",)
    order: int = 99
    icon: str = ""

    def __post_init__(self) -> None:
        if not isinstance(self.slug, str) or not _SLUG.fullmatch(self.slug):
            raise ImproperlyConfigured(
                f"SettingsTab: slug must be lowercase letters, digits and '-' such as 'booking' "
                f"(got {self.slug!r})."
            )
        if not (isinstance(self.form_class, type) and issubclass(self.form_class, forms.ModelForm)):
            raise ImproperlyConfigured(
                f"SettingsTab {self.slug!r}: form_class must be a ModelForm subclass "
                f"(got {self.form_class!r})."
            )

    def allows(self, permissions: UserPermissions) -> bool:
        return permissions.allows(self.permissions)

    def build_form(self, request: HttpRequest, *, bound: bool) -> forms.ModelForm:
        """The tab's form for ``request``: bound to the POST (and files) or showing the instance."""
        instance = self.get_instance(request)
        if bound:
            return self.form_class(request.POST, request.FILES, instance=instance, prefix=self.slug)
        return self.form_class(instance=instance, prefix=self.slug)


class SettingsTabRegistry:
    """The registered tabs, by slug."""

    def __init__(self) -> None:
        self._tabs: dict[str, SettingsTab] = {}

    def register(self, tab: SettingsTab) -> SettingsTab:
        """Add ``tab`` (or replace the tab with the same slug)."""
        if not isinstance(tab, SettingsTab):
            raise ImproperlyConfigured(f"settings_tabs.register() takes a SettingsTab (got {tab!r}).")
        self._tabs[tab.slug] = tab
        return tab

    def unregister(self, slug: str) -> None:
        self._tabs.pop(slug, None)

    def get(self, slug: str) -> SettingsTab | None:
        return self._tabs.get(slug)

    def all(self) -> list[SettingsTab]:
        """Every tab, by ``order`` (equal orders keep registration order)."""
        return sorted(self._tabs.values(), key=lambda tab: tab.order)

    def visible(self, request: HttpRequest) -> list[SettingsTab]:
        """The tabs ``request.user`` may see."""
        permissions = UserPermissions(request.user)
        return [tab for tab in self.all() if tab.allows(permissions)]

    def snapshot(self) -> dict[str, SettingsTab]:
        return dict(self._tabs)

    def restore(self, state: dict[str, SettingsTab]) -> None:
        self._tabs = dict(state)


settings_tabs = SettingsTabRegistry()


def _register_builtin_tabs() -> None:
    from codex_django.cabinet.navigation.site_settings_forms import GeneralSettingsForm, ThemeSettingsForm

    settings_tabs.register(
        SettingsTab(
            slug="general", label=_("General"), form_class=GeneralSettingsForm, order=10, icon="bi-gear"
        )
    )
    settings_tabs.register(
        SettingsTab(slug="theme", label=_("Theme"), form_class=ThemeSettingsForm, order=20, icon="bi-palette")
    )


_register_builtin_tabs()


def tab_update_fields(form: forms.ModelForm, instance: Any) -> list[str]:
    """The model fields a tab's form may write (plus ``auto_now`` fields, which Django updates)."""
    names = set(form.fields)
    fields = []
    for field in instance._meta.concrete_fields:
        if field.primary_key:
            continue
        if field.name in names or getattr(field, "auto_now", False):
            fields.append(field.name)
    return fields
