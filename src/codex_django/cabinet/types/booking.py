"""Data contracts for the booking wizard widgets.

The service and client selectors, the date/time picker and the summary panel
make up the booking wizard. The quick-create form, the slot picker and the
chain preview, blocks inside a booking modal, live in
:mod:`~codex_django.cabinet.types.booking_modal` (still importable from here).

The API reference documents these types under
``codex_django.cabinet.types.components``; they are re-exported there.
Dates are ISO strings (``"2026-04-01"``) and times ``"HH:MM"`` strings, so the
payloads survive a JSON round trip (cache, storybook) unchanged.
"""

from __future__ import annotations

import dataclasses
from typing import Annotated, Any, NamedTuple

from django.utils.translation import gettext_lazy as _
from pydantic import Field, ValidationInfo, field_validator, model_validator

from codex_django.cabinet.formatting import format_time

from .contract import contract
from .fields import IsoDate, ItemId, SafeUrl, Text, TimeOfDay, check_date
from .widgets import check_unique

# The public contracts of this module: codex_django.cabinet exports exactly these (its
# _EXPORTS_BY_MODULE, checked against this list by tests/unit/test_public_api.py).
__all__ = [
    "BookingSummaryData",
    "ClientSelectorData",
    "DateTimePickerData",
    "ServiceItem",
    "ServiceSelectorData",
]


def ids_and_names(cls: type, items: list[dict[str, Any]], info: ValidationInfo) -> list[dict[str, Any]]:
    """A validator of a list of dicts (clients, masters): each has an ``id`` and a ``name``."""
    for index, item in enumerate(items):
        missing = [key for key in ("id", "name") if key not in item]
        if missing:
            raise ValueError(
                f"{info.field_name}.{index}: missing key(s) {missing!r}; the dict has {sorted(item)!r}"
            )
    return items


# --------------------------------------------------------------------------- booking wizard


@contract
class ServiceItem:
    """A single service or product in a selector.

    Attributes:
        id: Unique, non-empty ID (e.g. the primary key).
        title: Display name (e.g. ``"Маникюр + Гель-лак"``).
        price: Formatted price (e.g. ``"45"`` or ``"45 €"``).
        duration: Duration in minutes (1 to 10,080, a week; e.g. ``90``).
        category: Category key for the filter buttons (e.g. ``"nails"``).
            Defaults to ``"all"``.
        description: Optional short description. Defaults to ``""``.
    """

    id: ItemId
    title: Text
    price: Text
    duration: Annotated[int, Field(ge=1, le=7 * 24 * 60)]  # a week in minutes at most
    category: str = "all"
    description: Text = ""


@contract
class ServiceSelectorData:
    """Payload for the service selector of the booking wizard.

    Attributes:
        items: :class:`ServiceItem` instances (unique ids).
        categories: Ordered ``(key, label)`` pairs for the category filter;
            every item's category must be one of the keys (or ``"all"``).
            Defaults to none (no filter).
        search_placeholder: Placeholder of the search input.
            Defaults to ``"Search services..."`` (translated).
        selected_id: The chosen service (one of the item ids) or ``""``;
            submitted as the form field ``service_id``. Defaults to ``""``.
        errors: Messages shown under the selector (a bound form's
            ``service_id`` errors). Defaults to none.
    """

    items: list[ServiceItem]
    categories: list[tuple[str, Text]] = dataclasses.field(default_factory=list)
    search_placeholder: Text = _("Search services...")
    selected_id: str = ""
    errors: list[Text] = dataclasses.field(default_factory=list)

    @field_validator("items")
    @classmethod
    def _unique_ids(cls, items: list[ServiceItem]) -> list[ServiceItem]:
        check_unique([item.id for item in items], "id")
        return items

    @field_validator("categories")
    @classmethod
    def _known_categories(
        cls, categories: list[tuple[str, Any]], info: ValidationInfo
    ) -> list[tuple[str, Any]]:
        keys = [key for key, _label in categories]
        check_unique(keys, "category")
        if categories:
            for index, item in enumerate(info.data.get("items", [])):
                if item.category != "all" and item.category not in keys:
                    raise ValueError(
                        f"items.{index}: ServiceItem {str(item.title)!r} has category {item.category!r}, "
                        f"which is not in categories {keys!r}"
                    )
        return categories

    @model_validator(mode="after")
    def _selected_is_item(self) -> ServiceSelectorData:
        ids = [item.id for item in self.items]
        if self.selected_id and self.selected_id not in ids:
            raise ValueError(f"selected_id: {self.selected_id!r} is not one of the item ids {ids[:10]!r}")
        return self


@contract
class ClientSelectorData:
    """Payload for the client selector of the booking wizard.

    Attributes:
        clients: Existing clients for search and selection; dicts with at
            least ``"id"`` and ``"name"`` (``"phone"``, ``"email"`` optional).
        search_placeholder: Placeholder of the search input.
            Defaults to ``"Search by name or phone..."`` (translated).
        search_url: Server search endpoint: the input sends ``q=<text>``
            there (``hx-get``, 250 ms after typing stops) and the answer
            replaces the options (see ``client_selector.render_client_options``).
            Defaults to ``""``: ``clients`` are filtered in the browser.
        selected_id: The chosen client's id or ``""``; submitted as
            ``client_id``. Defaults to ``""``.
        selected_label: The chosen client's name shown in the input.
            Defaults to ``""``.
        allow_create: Offer "Create new client" (fields ``new_client_name``
            and ``new_client_phone``). Defaults to ``True``.
        create_new: Start with the new-client fields open (a re-rendered
            form whose new client had errors). Defaults to ``False``.
        new_client_name, new_client_phone: Initial values of the new-client
            fields. Default to ``""``.
        errors: Messages shown under the selector. Defaults to none.
    """

    clients: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    search_placeholder: Text = _("Search by name or phone...")
    search_url: SafeUrl = ""
    selected_id: str = ""
    selected_label: Text = ""
    allow_create: bool = True
    create_new: bool = False
    new_client_name: str = ""
    new_client_phone: str = ""
    errors: list[Text] = dataclasses.field(default_factory=list)

    _clients_named = field_validator("clients")(ids_and_names)


class TimeSlotState(NamedTuple):
    """A time slot of the picker: its ``"HH:MM"`` value, whether it is taken, and how it is shown.

    ``label`` is the time in the active language's format (``"9:30 a.m."``,
    ``"9:30"``; see :func:`~codex_django.cabinet.formatting.format_time`).
    """

    time: str
    busy: bool
    label: str = ""


@contract
class DateTimePickerData:
    """Payload for the date and time picker of the booking wizard.

    Attributes:
        available_days: Days shown in the mini-calendar: dicts with at least
            ``"date"`` (``"YYYY-MM-DD"``); ``"label"`` and ``"available"``
            optional. A day is read out as its weekday and ``"label"``, by
            default the date in the active language's format
            (:func:`~codex_django.cabinet.formatting.format_date`).
        time_slots: Time strings offered, ``"HH:MM"`` (e.g. ``"08:00"``);
            shown in the active language's time format (``"8 a.m."``, ``"8:00"``).
        busy_slots: Times (from ``time_slots``) that are taken. Defaults to none.
        current_month: Month label (e.g. ``"March 2026"``:
            ``format_month(day)``). Defaults to ``""``.
        selected_date: The chosen day (``"YYYY-MM-DD"``, one of
            ``available_days``) or ``""``; submitted as ``booking_date``.
        selected_time: The chosen time (one of ``time_slots``, not busy) or
            ``""``; submitted as ``selected_time``.
        slots_url: Endpoint answering this picker for another day: choosing
            a day sends ``booking_date`` there (``hx-get``) and the answer
            replaces the picker. Defaults to ``""`` (the slots stay as they are).
        errors: Messages shown under the picker. Defaults to none.

    Derived: :attr:`slot_states`.
    """

    available_days: list[dict[str, Any]]
    time_slots: list[TimeOfDay]
    busy_slots: list[TimeOfDay] = dataclasses.field(default_factory=list)
    current_month: Text = ""
    selected_date: IsoDate = ""
    selected_time: TimeOfDay = ""
    slots_url: SafeUrl = ""
    errors: list[Text] = dataclasses.field(default_factory=list)

    @field_validator("available_days")
    @classmethod
    def _days_dated(cls, days: list[dict[str, Any]]) -> list[dict[str, Any]]:
        for index, day in enumerate(days):
            try:
                check_date(str(day["date"]))
            except KeyError:
                raise ValueError(
                    f"available_days.{index}: missing key 'date'; the dict has {sorted(day)!r}"
                ) from None
            except ValueError as error:
                raise ValueError(f"available_days.{index}.date: {error} (got {day['date']!r})") from None
        return days

    @field_validator("busy_slots")
    @classmethod
    def _busy_are_slots(cls, busy: list[str], info: ValidationInfo) -> list[str]:
        offered = info.data.get("time_slots")
        if offered is not None:
            unknown = [value for value in busy if value not in offered]
            if unknown:
                raise ValueError(f"busy slots {unknown!r} are not in time_slots")
        return busy

    @model_validator(mode="after")
    def _selection_offered(self) -> DateTimePickerData:
        dates = [str(day["date"]) for day in self.available_days]
        if self.selected_date and self.selected_date not in dates:
            raise ValueError(f"selected_date: {self.selected_date!r} is not one of the available_days")
        if self.selected_time and self.selected_time not in self.time_slots:
            raise ValueError(f"selected_time: {self.selected_time!r} is not in time_slots")
        return self

    @property
    def slot_states(self) -> list[TimeSlotState]:
        """Every time slot in order with its busy flag and its label in the active language."""
        busy = set(self.busy_slots)
        return [TimeSlotState(value, value in busy, format_time(value)) for value in self.time_slots]


@contract
class BookingSummaryData:
    """Payload for the summary panel of the booking wizard.

    Attributes:
        confirm_url: Endpoint the booking is POSTed to.
        reset_url: URL that clears the selection. Defaults to ``""`` (no reset button).
        masters: Specialists for manual assignment: dicts with at least
            ``"id"`` and ``"name"``. Defaults to none.
        service_label, client_label, date_label, time_label: The current
            choice as shown (a re-rendered form); the panel updates them from
            the other widgets' ``cab-booking-change`` events. Default to ``""``.
        selected_master_id: The chosen master (submitted as ``master_id``)
            or ``""`` (any available). Defaults to ``""``.
        errors: Messages shown above the confirm button (the form's
            non-field errors). Defaults to none.
    """

    confirm_url: SafeUrl
    reset_url: SafeUrl = ""
    masters: list[dict[str, Any]] = dataclasses.field(default_factory=list)
    service_label: Text = ""
    client_label: Text = ""
    date_label: Text = ""
    time_label: Text = ""
    selected_master_id: str = ""
    errors: list[Text] = dataclasses.field(default_factory=list)

    @field_validator("confirm_url")
    @classmethod
    def _confirm_set(cls, value: str) -> str:
        if not value:
            raise ValueError("confirm_url may not be empty: the summary posts the booking there")
        return value

    _masters_named = field_validator("masters")(ids_and_names)


def __getattr__(name: str) -> Any:
    """The modal blocks under their earlier path (``types.booking.BookingQuickCreateData``)."""
    from . import booking_modal

    if name in booking_modal.__all__:
        return getattr(booking_modal, name)
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
