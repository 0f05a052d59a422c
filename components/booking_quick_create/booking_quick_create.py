"""``booking_quick_create``: the fields that create one appointment from a calendar slot.

::

    {% component "booking_quick_create" quick_create=data / %}
    <c-cabinet.booking-quick-create :quick_create="data" />
    {% include "cabinet/components/booking_quick_create.html" with quick_create=data %}

``quick_create`` is a :class:`~codex_django.cabinet.types.booking.BookingQuickCreateData`
(also the ``data`` of a modal's ``QuickCreateSection``; the modal's POST
action submits it). Form fields only, no ``<form>``:

* ``resource_id``, ``booking_date``, ``selected_time`` - hidden, the slot;
* ``service_id`` - a labelled ``<select>`` (price and duration in each option);
* ``client_id`` - a combobox searching ``client_options`` in the browser once
  ``client_search_min_chars`` characters are typed (same keyboard as
  ``client_selector``), with "Create new client" when ``allow_new_client``;
* ``new_client_first_name``, ``new_client_last_name``, ``new_client_phone``,
  ``new_client_email`` - shown after "Create new client" (or when they have
  values or errors).

``errors`` (by field name; ``""`` for the whole booking) are shown in place,
tied to their fields with ``aria-describedby`` and ``aria-invalid``.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.booking_modal import BookingQuickCreateData

PREFIX = "cab-qc"
NEW_CLIENT_FIELDS = (
    ("new_client_first_name", _("First name"), "text", "given-name"),
    ("new_client_last_name", _("Last name"), "text", "family-name"),
    ("new_client_phone", _("Phone"), "tel", "tel"),
    ("new_client_email", _("Email"), "email", "email"),
)


@dataclasses.dataclass(frozen=True)
class NewClientField:
    """One new-client input with its value and errors."""

    name: str
    label: Any
    type: str
    autocomplete: str
    value: str
    errors: list[Any]

    @property
    def id(self) -> str:
        return f"{PREFIX}-{self.name}"


def present(data: BookingQuickCreateData) -> dict[str, Any]:
    """Errors by field, the chosen client's label, the new-client fields and whether they start open."""
    errors = data.errors
    selected = [option for option in data.client_options if str(option.value) == data.selected_client_id]
    new_fields = [
        NewClientField(name, label, kind, auto, str(getattr(data, name)), list(errors.get(name, [])))
        for name, label, kind, auto in NEW_CLIENT_FIELDS
    ]
    creating = data.allow_new_client and (
        not data.selected_client_id and any(field.value or field.errors for field in new_fields)
    )
    return {
        "prefix": PREFIX,
        "general_errors": list(errors.get("", [])),
        "service_errors": list(errors.get("service_id", [])),
        "client_errors": list(errors.get("client_id", [])),
        "client_text": str(selected[0].label) if selected else data.client_search_query,
        "new_fields": new_fields,
        "creating": creating,
    }


@register("booking_quick_create")
class BookingQuickCreate(CabinetComponent):
    """The slot line, hidden slot fields, service select, client combobox and new-client fields."""

    Media = own_stylesheet(__file__, "client_selector")  # its combobox

    template = template_beside(__file__, "booking_quick_create.html")

    class Kwargs(ComponentKwargs):
        quick_create: BookingQuickCreateData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(present(kwargs.quick_create))
        return data
