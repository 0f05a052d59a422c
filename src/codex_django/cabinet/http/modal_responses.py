"""Answers for views that serve the modal: render content into it, or close it.

The page's modal host (``components/modal_host``) loads a URL with HTMX and
swaps the answer into its dialog. A view serving such a URL:

* renders its content with :func:`render_modal` (a ``generic_modal`` of a
  :class:`~codex_django.cabinet.types.modal.ModalContentData`): a partial for
  HTMX requests, a whole cabinet page for a direct visit to the same URL;
* on a form POST with errors, renders the same modal again with the errors
  (status 200, so HTMX swaps it into the dialog in place of the old content);
* on success, answers :func:`modal_close_response`: ``204 No Content`` with an
  ``HX-Trigger`` header naming the events that refresh
  the component that opened the modal (``refresh-calendar`` for a calendar
  listening with ``hx-trigger="refresh-calendar from:body"``) and then
  ``close-modal``::

    from codex_django.cabinet.http.modal_responses import modal_close_response, render_modal

    @space_required("staff")
    def quick_create(request):
        form = QuickCreateForm(request.POST or None)
        if request.method == "POST" and form.is_valid():
            form.save()
            return modal_close_response(request, trigger="refresh-calendar", redirect_to="booking:schedule")
        return render_modal(request, build_modal(form))

HTMX triggers the header's events on the element that sent the request (a
button inside the dialog); they bubble to ``document`` and ``window``, where
the host and the opener listen.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.template.loader import render_to_string
from django.utils.cache import patch_vary_headers

from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.modal import ModalContentData

__all__ = ["CLOSE_EVENT", "OPEN_EVENT", "is_htmx", "modal_close_response", "render_modal"]

# The window events the modal host listens for.
OPEN_EVENT = "open-modal"
CLOSE_EVENT = "close-modal"
MODAL_PAGE_TEMPLATE = "cabinet/modal_page.html"


def is_htmx(request: HttpRequest) -> bool:
    """True for a request sent by htmx (``HX-Request: true``), with or without django-htmx."""
    return request.headers.get("HX-Request") == "true"


def render_modal(
    request: HttpRequest,
    modal: ModalContentData,
    *,
    status: int = 200,
    page_template: str = MODAL_PAGE_TEMPLATE,
    context: Mapping[str, Any] | None = None,
) -> HttpResponse:
    """``modal`` rendered by the ``generic_modal`` component, for the modal host or as a page.

    An HTMX request gets the component's HTML alone (the host swaps it into
    its dialog); any other request gets ``page_template`` (by default the
    staff shell with the modal's content as the page), so the URL also works
    when opened directly. ``context`` adds variables to the page template.
    The answer varies on ``HX-Request``.
    """
    if not isinstance(modal, ModalContentData):
        raise TypeError(f"render_modal: modal must be ModalContentData, got {type(modal).__name__}")
    values = {"modal": modal, **(context or {})}
    if is_htmx(request):
        html = render_to_string("cabinet/components/generic_modal.html", values, request=request)
    else:
        html = render_to_string(page_template, values, request=request)
    response = HttpResponse(html, status=status)
    patch_vary_headers(response, ["HX-Request"])
    return response


def _events(trigger: str | Iterable[str] | Mapping[str, Any]) -> dict[str, Any]:
    if isinstance(trigger, str):
        names: Mapping[str, Any] = {trigger: None} if trigger else {}
    elif isinstance(trigger, Mapping):
        names = trigger
    else:
        names = dict.fromkeys(trigger)
    events: dict[str, Any] = {}
    for name, detail in names.items():
        if not isinstance(name, str) or not name or any(char.isspace() or char == "," for char in name):
            raise ValueError(f"modal_close_response: {name!r} is not an event name (no spaces or commas)")
        events[name] = detail
    # Last: the refresh events are dispatched while the button that asked is still in the page.
    events.pop(CLOSE_EVENT, None)
    events[CLOSE_EVENT] = None
    return events


def modal_close_response(
    request: HttpRequest | None = None,
    *,
    trigger: str | Iterable[str] | Mapping[str, Any] = (),
    redirect_to: str = "",
) -> HttpResponse:
    """``204 No Content`` with ``HX-Trigger: {<trigger>..., "close-modal": null}``.

    ``trigger`` names the events that refresh whatever opened the modal: one
    name, several, or a mapping of names to event details (sent as
    ``event.detail``). ``close-modal`` always comes last, so the refresh
    events reach the page before the modal empties itself.

    With a ``request`` that did not come from htmx (a form posted on the
    page-version of the modal) and ``redirect_to`` (a path or route name),
    the answer is a redirect there instead, since a browser would show
    nothing for a 204.

    Example::

        modal_close_response(trigger="refresh-calendar")
        # 204, HX-Trigger: {"refresh-calendar": null, "close-modal": null}
    """
    events = _events(trigger)
    if request is not None and redirect_to and not is_htmx(request):
        return HttpResponseRedirect(resolve_link(redirect_to))
    response = HttpResponse(status=204)
    response["HX-Trigger"] = json.dumps(events, ensure_ascii=True, separators=(",", ":"))
    if request is not None:
        patch_vary_headers(response, ["HX-Request"])
    return response
