"""Views for the staff site-settings page and its tabs.

``site_settings_view`` shows every tab the user may see, each with its own
form; ``site_settings_tab_view`` saves one tab (POST) or sends a browser to the
tab's anchor on the page (GET). A POST writes only the fields of that tab's
form, under CSRF protection; invalid input is shown in place. Saving the
``CabinetSettings`` singleton rewrites its Redis copy after the commit, so the
next request sees the new values.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django import forms
from django.contrib import messages
from django.core.exceptions import PermissionDenied
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.shortcuts import render
from django.urls import reverse
from django.utils.cache import patch_vary_headers
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

from codex_django.cabinet.http.access import space_required
from codex_django.cabinet.navigation.menus import UserPermissions
from codex_django.cabinet.navigation.settings_tabs import SettingsTab, settings_tabs, tab_update_fields

from .form_styling import style_form

__all__ = ["site_settings_tab_view", "site_settings_view"]


@dataclasses.dataclass(frozen=True)
class TabEntry:
    """One tab as the page renders it."""

    tab: SettingsTab
    form: forms.ModelForm
    url: str
    saved: bool = False


def _page_url(tab: SettingsTab | None = None) -> str:
    url = reverse("cabinet:site_settings")
    return f"{url}#tab-{tab.slug}" if tab is not None else url


def _entry(request: HttpRequest, tab: SettingsTab, form: Any = None, *, saved: bool = False) -> TabEntry:
    form = form if form is not None else tab.build_form(request, bound=False)
    url = reverse("cabinet:site_settings_tab", args=[tab.slug])
    return TabEntry(tab=tab, form=style_form(form), url=url, saved=saved)


def _respond(request: HttpRequest, template: str, context: dict[str, Any]) -> HttpResponse:
    response = render(request, template, context)
    patch_vary_headers(response, ("HX-Request",))
    return response


def _render_page(request: HttpRequest, bound: TabEntry | None = None) -> HttpResponse:
    entries = [
        bound if bound is not None and bound.tab.slug == tab.slug else _entry(request, tab)
        for tab in settings_tabs.visible(request)
    ]
    return _respond(request, "cabinet/site_settings/index.html", {"cabinet_settings_tabs": entries})


def _save_tab(request: HttpRequest, tab: SettingsTab) -> HttpResponse:
    if not tab.allows(UserPermissions(request.user)):
        raise PermissionDenied("You may not change these settings.")
    form = tab.build_form(request, bound=True)
    htmx = bool(getattr(request, "htmx", False))
    if not form.is_valid():
        entry = _entry(request, tab, form)
        if htmx:
            return _respond(request, "cabinet/site_settings/_tab.html", {"entry": entry})
        return _render_page(request, entry)
    with transaction.atomic():
        instance = form.save(commit=False)
        if instance._state.adding:
            instance.save()
        else:
            # Only this tab's fields: nothing else in the POST can reach the row.
            instance.save(update_fields=tab_update_fields(form, instance))
        form.save_m2m()
    if htmx:
        return _respond(
            request, "cabinet/site_settings/_tab.html", {"entry": _entry(request, tab, saved=True)}
        )
    messages.success(request, _("%(tab)s settings saved.") % {"tab": tab.label})
    response = HttpResponseRedirect(_page_url(tab))
    response.status_code = 303
    return response


@require_http_methods(["GET", "POST"])
@space_required("staff")
def site_settings_view(request: HttpRequest) -> HttpResponse:
    """Show every settings tab the user may see; a POST with ``tab=<slug>`` saves that tab."""
    if not settings_tabs.visible(request):
        raise PermissionDenied("You may not change the site settings.")
    if request.method == "POST":
        tab = settings_tabs.get(request.POST.get("tab", ""))
        if tab is None:
            raise Http404("No such settings tab.")
        return _save_tab(request, tab)
    return _render_page(request)


@require_http_methods(["GET", "POST"])
@space_required("staff")
def site_settings_tab_view(request: HttpRequest, tab_slug: str) -> HttpResponse:
    """POST saves the tab's form; GET redirects to the tab's anchor on the settings page."""
    tab = settings_tabs.get(tab_slug)
    if tab is None:
        raise Http404("No such settings tab.")
    if not tab.allows(UserPermissions(request.user)):
        raise PermissionDenied("You may not change these settings.")
    if request.method == "GET":
        return HttpResponseRedirect(_page_url(tab))
    return _save_tab(request, tab)
