"""``client_selector``: pick a client in an ARIA combobox, or create a new one.

::

    {% component "client_selector" selector=selector / %}
    <c-cabinet.client-selector :selector="selector" />
    {% include "cabinet/components/client_selector.html" with selector=selector %}

``selector`` is a :class:`~codex_django.cabinet.types.booking.ClientSelectorData`.
The widget renders form fields only (no ``<form>``), so it joins the form
around it: ``client_id`` (the chosen client), and with "Create new client"
``new_client_name`` and ``new_client_phone``.

Keyboard (WAI-ARIA combobox with a listbox popup): typing filters, Down/Up
move the active option (``aria-activedescendant``), Enter chooses it, Esc
closes the list. With ``search_url`` the input sends ``q`` (plus ``create``
and ``prefix``) there 250 ms after typing stops; the view answers with
:func:`render_client_options` and the options are replaced. Without it the
payload's clients are filtered in the browser.

Choosing a client dispatches ``cab-booking-change`` (``{name: "client_id",
value, label}``) so a summary elsewhere on the page can follow; nothing
depends on a parent's Alpine state.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping
from typing import Any

from django.http import HttpRequest, HttpResponse
from django.template import Context, engines
from django.utils.safestring import SafeString
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.booking import ClientSelectorData

DEFAULT_PREFIX = "cab-client"
_PREFIX = re.compile(r"^[A-Za-z][\w-]{0,40}$")
_OPTIONS_TEMPLATE = template_beside(__file__, "client_selector_options.html")


def client_option(client: Mapping[str, Any]) -> dict[str, str]:
    """One client dict as an option: value, label, the secondary line and the text search matches."""
    name = str(client["name"])
    details = [str(client.get(key) or "") for key in ("phone", "email")]
    subtitle = " · ".join(item for item in details if item)
    return {
        "value": str(client["id"]),
        "label": name,
        "subtitle": subtitle,
        "search": " ".join([name, *details, "".join(ch for ch in details[0] if ch.isdigit())]).lower(),
    }


def options_html(
    clients: Iterable[Mapping[str, Any]], *, prefix: str = DEFAULT_PREFIX, create: bool
) -> SafeString:
    """The ``<li role="option">`` elements for ``clients`` (and "Create new client" when ``create``).

    Rendered by the Django template engine with autoescaping, so the result is safe HTML.
    """
    if not _PREFIX.match(prefix):
        prefix = DEFAULT_PREFIX
    template = engines["django"].from_string(_OPTIONS_TEMPLATE)
    html = template.render(
        {"options": [client_option(item) for item in clients], "prefix": prefix, "create": create}
    )
    return SafeString(html.strip())


def render_client_options(request: HttpRequest, clients: Iterable[Mapping[str, Any]]) -> HttpResponse:
    """The answer of a ``search_url`` view: the options for ``clients`` (already filtered by ``q``).

    Reads ``create`` and ``prefix`` from the query the widget sends::

        def client_search(request):
            q = request.GET.get("q", "").strip()
            found = Client.objects.filter(name__icontains=q)[:20] if len(q) >= 2 else []
            return render_client_options(request, [{"id": c.pk, "name": c.name, "phone": c.phone} for c in found])
    """
    create = request.GET.get("create") == "1"
    prefix = request.GET.get("prefix", DEFAULT_PREFIX)
    response = HttpResponse(options_html(clients, prefix=prefix, create=create))
    response["Vary"] = "HX-Request"
    return response


def selector_prefix(selector: ClientSelectorData) -> str:
    """Element ids of one selector: ``cab-client`` plus a stable suffix from its search URL."""
    return DEFAULT_PREFIX + (
        "-" + re.sub(r"[^A-Za-z0-9]+", "-", selector.search_url).strip("-")[:24]
        if selector.search_url
        else ""
    )


@register("client_selector")
class ClientSelector(CabinetComponent):
    """Combobox input, listbox of clients, hidden ``client_id`` and the new-client fields."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "client_selector.html")

    class Kwargs(ComponentKwargs):
        selector: ClientSelectorData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        selector: ClientSelectorData = kwargs.selector
        data = super().get_template_data(args, kwargs, slots, context)
        prefix = selector_prefix(selector)
        selected_label = selector.selected_label
        if selector.selected_id and not selected_label:
            match = [client for client in selector.clients if str(client["id"]) == selector.selected_id]
            selected_label = str(match[0]["name"]) if match else ""
        data.update(
            prefix=prefix,
            search_href=resolve_link(selector.search_url),
            options=options_html(selector.clients, prefix=prefix, create=selector.allow_create),
            selected_label=selected_label,
        )
        return data
