"""Data contracts for the booking blocks inside a modal: quick create, slot picker, chain preview.

They fill the modal sections of :mod:`~codex_django.cabinet.types.modal`
(``QuickCreateSection``, ``SlotPickerSection``, ``ChainPreviewSection``). The
API reference documents them under ``codex_django.cabinet.types.components``;
they are re-exported there. Dates are ISO strings and times ``"HH:MM"``, as in
:mod:`~codex_django.cabinet.types.booking`.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any

from django.utils.translation import gettext_lazy as _
from pydantic import Field, ValidationInfo, field_validator, model_validator

from .contract import contract
from .fields import IsoDate, ItemId, SafeUrl, Text, TimeOfDay, check_choice
from .widgets import check_unique

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = [
    "BookingChainPreviewData",
    "BookingChainPreviewItem",
    "BookingQuickCreateClientOption",
    "BookingQuickCreateData",
    "BookingQuickCreateServiceOption",
    "BookingSlotPickerData",
    "BookingSlotPickerOption",
]

# --------------------------------------------------------------------------- quick create


@contract
class BookingQuickCreateServiceOption:
    """Service option shown inside a quick-create booking modal.

    Attributes:
        value: The submitted value (the service's primary key).
        label: Service name.
        price_label: Formatted price (``"45 €"``). Defaults to ``""``.
        duration_label: Formatted duration (``"90 min"``). Defaults to ``""``.
    """

    value: ItemId
    label: Text
    price_label: Text = ""
    duration_label: Text = ""


@contract
class BookingQuickCreateClientOption:
    """Client option shown inside a quick-create booking modal.

    Attributes:
        value: The submitted value (the client's primary key).
        label: Client name.
        subtitle: Secondary line (phone). Defaults to ``""``.
        email: Email address. Defaults to ``""``.
        search_text: Extra text the client-side search matches (phone digits,
            nicknames). Defaults to ``""``; :attr:`haystack` adds label,
            subtitle and email.
    """

    value: ItemId
    label: Text
    subtitle: Text = ""
    email: str = ""
    search_text: str = ""

    @property
    def haystack(self) -> str:
        """Lower-cased text the client search filters on."""
        parts = (str(self.label), str(self.subtitle), self.email, self.search_text)
        return " ".join(part for part in parts if part).lower()


@contract
class BookingQuickCreateData:
    """Payload for the quick-create block: one appointment from a calendar slot.

    The block renders a form: hidden ``resource_id`` / ``booking_date`` /
    ``selected_time``, a service select, a client search over
    ``client_options`` and, when allowed, fields for a new client. It is
    submitted by the modal's POST action (:class:`~codex_django.cabinet.types.modal.ModalAction`).

    Attributes:
        resource_label: Who or what is booked (master, room), shown as text.
        date_label: The date as shown to the user (``"Tue, 1 April"``).
        time_label: The time as shown to the user (``"09:30"``).
        resource_id: Submitted resource key. Defaults to ``""``.
        booking_date: Submitted date, ``"YYYY-MM-DD"``. Defaults to ``""``.
        selected_time: Submitted time, ``"HH:MM"``. Defaults to ``""``.
        service_options: :class:`BookingQuickCreateServiceOption` choices (unique values).
        client_options: :class:`BookingQuickCreateClientOption` choices (unique values).
        selected_service_id: Pre-selected service (one of the option values) or ``""``.
        selected_client_id: Pre-selected client (one of the option values) or ``""``.
        client_search_query: Initial text of the client search. Defaults to ``""``.
        client_search_min_chars: Characters typed before client results show
            (>= 0). Defaults to ``3``.
        new_client_first_name, new_client_last_name, new_client_phone,
        new_client_email: Initial values of the new-client fields.
        allow_new_client: Show the new-client fields. Defaults to ``True``.
        errors: Messages by submitted field name (``"service_id"``,
            ``"client_id"``, ``"new_client_phone"``, ...); the key ``""``
            holds errors about the whole booking. Defaults to none.
    """

    resource_label: Text
    date_label: Text
    time_label: Text
    resource_id: str = ""
    booking_date: IsoDate = ""
    selected_time: TimeOfDay = ""
    service_options: list[BookingQuickCreateServiceOption] = dataclasses.field(default_factory=list)
    client_options: list[BookingQuickCreateClientOption] = dataclasses.field(default_factory=list)
    selected_service_id: str = ""
    selected_client_id: str = ""
    client_search_query: str = ""
    client_search_min_chars: Annotated[int, Field(ge=0, le=100)] = 3
    new_client_first_name: str = ""
    new_client_last_name: str = ""
    new_client_phone: str = ""
    new_client_email: str = ""
    allow_new_client: bool = True
    errors: dict[str, list[Text]] = dataclasses.field(default_factory=dict)

    @field_validator("service_options", "client_options")
    @classmethod
    def _unique_values(cls, options: list[Any]) -> list[Any]:
        check_unique([option.value for option in options], "option value")
        return options

    @field_validator("selected_service_id")
    @classmethod
    def _service_offered(cls, value: str, info: ValidationInfo) -> str:
        check_choice(value, info.data.get("service_options", []), "service_options")
        return value

    @field_validator("selected_client_id")
    @classmethod
    def _client_offered(cls, value: str, info: ValidationInfo) -> str:
        check_choice(value, info.data.get("client_options", []), "client_options")
        return value


# --------------------------------------------------------------------------- slot picker


@contract
class BookingSlotPickerOption:
    """Single slot option in a booking slot-picker block.

    Attributes:
        value: Submitted time, ``"HH:MM"``.
        label: Text on the slot button (``"09:30"``).
        available: False renders the slot disabled. Defaults to ``True``.
    """

    value: Annotated[TimeOfDay, Field(min_length=1)]
    label: Text
    available: bool = True


@contract
class BookingSlotPickerData:
    """Payload for the booking slot picker: day navigation and slot selection.

    Attributes:
        selected_date: The day shown, ``"YYYY-MM-DD"``.
        selected_date_label: The day as shown to the user (``"Tue, 1 April"``).
        selected_time: The selected slot (one of the slot values) or ``""``.
        prev_url, next_url, today_url: HTMX URLs loading the previous day,
            the next day and today into the modal. ``""`` hides the button.
        calendar_url: URL of a month calendar to pick another day; ``""`` hides it.
        slots: :class:`BookingSlotPickerOption` instances in display order
            (unique values).

    Derived: :attr:`has_available`.
    """

    selected_date: IsoDate
    selected_date_label: Text
    selected_time: TimeOfDay = ""
    prev_url: SafeUrl = ""
    next_url: SafeUrl = ""
    today_url: SafeUrl = ""
    calendar_url: SafeUrl = ""
    slots: list[BookingSlotPickerOption] = dataclasses.field(default_factory=list)

    @field_validator("slots")
    @classmethod
    def _unique_slots(cls, slots: list[BookingSlotPickerOption]) -> list[BookingSlotPickerOption]:
        check_unique([slot.value for slot in slots], "slot")
        return slots

    @model_validator(mode="after")
    def _selected_is_slot(self) -> BookingSlotPickerData:
        try:
            check_choice(self.selected_time, self.slots, "slot")
        except ValueError as error:
            raise ValueError(f"selected_time: {error}") from None
        return self

    @property
    def has_available(self) -> bool:
        """True when at least one slot can be booked (else the template shows a notice)."""
        return any(slot.available for slot in self.slots)


# --------------------------------------------------------------------------- chain preview


@contract
class BookingChainPreviewItem:
    """Single row in a booking chain preview (one appointment of a chain).

    Attributes:
        title: Main text (service and time, ``"Стрижка 09:00-10:00"``).
        subtitle: Secondary text (master). Defaults to ``""``.
        meta: Short right-hand text (price, duration). Defaults to ``""``.
    """

    title: Text
    subtitle: Text = ""
    meta: Text = ""


@contract
class BookingChainPreviewData:
    """Payload for a booking chain preview block: the appointments a multi-service booking creates.

    Attributes:
        title: Block heading. Defaults to ``"Chain preview"`` (translated).
        items: :class:`BookingChainPreviewItem` rows in order. Defaults to none.
    """

    title: Text = _("Chain preview")
    items: list[BookingChainPreviewItem] = dataclasses.field(default_factory=list)
