"""Sample modal payloads shared by the stories of ``generic_modal`` and ``modal_host`` and by tests.

Fixed data (no ``now()``), so screenshots stay the same from run to run.
:class:`RenderedStubs` answers a story's HTMX stubs with a component rendered
on first use (after Django has started), not at import.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from typing import get_args

from codex_django.cabinet.types.booking_modal import (
    BookingChainPreviewData,
    BookingChainPreviewItem,
    BookingQuickCreateClientOption,
    BookingQuickCreateData,
    BookingQuickCreateServiceOption,
    BookingSlotPickerData,
    BookingSlotPickerOption,
)
from codex_django.cabinet.types.modal import (
    ActionSection,
    ButtonStyle,
    ChainPreviewSection,
    FormField,
    FormSection,
    KeyValueItem,
    ModalAction,
    ModalContentData,
    ModalSize,
    ProfileBadge,
    ProfileSection,
    QuickCreateSection,
    SlotPickerSection,
    SummarySection,
)


class RenderedStubs(Mapping[str, str]):
    """``{url: html}`` whose HTML is built by a function when first read."""

    def __init__(self, builders: Mapping[str, Callable[[], str]]) -> None:
        self._builders = dict(builders)
        self._cache: dict[str, str] = {}

    def __getitem__(self, key: str) -> str:
        if key not in self._cache:
            self._cache[key] = self._builders[key]()
        return self._cache[key]

    def __iter__(self) -> Iterator[str]:
        return iter(self._builders)

    def __len__(self) -> int:
        return len(self._builders)


def render_modal_html(modal: ModalContentData) -> str:
    """The ``generic_modal`` component's HTML for ``modal`` (what a view's partial answers)."""
    from django.template.loader import render_to_string

    # A fixed stand-in token: a story's stub answers GET only and never reaches a CSRF check.
    context = {"modal": modal, "csrf_token": "storybook-stub"}
    return render_to_string("cabinet/components/generic_modal.html", context)


def appointment_modal(size: ModalSize = "md") -> ModalContentData:
    """An appointment's details: profile, summary and the usual actions (one confirmed)."""
    return ModalContentData(
        title="Запись #42",
        size=size,
        sections=[
            ProfileSection(
                name="Иван Петров",
                subtitle="+7 999 123-45-67",
                avatar="ИП",
                badges=[ProfileBadge("VIP", "warning"), ProfileBadge("Постоянный", "success")],
                url="/cabinet/clients/7/",
            ),
            SummarySection(
                items=[
                    KeyValueItem("Услуга", "Стрижка"),
                    KeyValueItem("Мастер", "Анна Смирнова"),
                    KeyValueItem("Время", "1 апреля, 09:00–10:00"),
                    KeyValueItem("Цена", "2 500 ₽"),
                ]
            ),
            ActionSection(
                actions=[
                    ModalAction(
                        "Отменить запись",
                        url="/booking/42/cancel/",
                        method="POST",
                        style="btn-outline-danger",
                        icon="bi-x-circle",
                        confirm="Отменить запись #42?",
                    ),
                    ModalAction(
                        "Перенести",
                        url="/booking/42/move/",
                        method="GET",
                        style="btn-outline-secondary",
                        icon="bi-arrow-left-right",
                    ),
                    ModalAction(
                        "Подтвердить",
                        url="/booking/42/confirm/",
                        method="POST",
                        style="btn-primary",
                        icon="bi-check2",
                    ),
                ]
            ),
        ],
    )


def comment_form_modal(errors: bool = False, size: ModalSize = "md") -> ModalContentData:
    """A small form: a required text field, a select, a textarea and a checkbox."""
    return ModalContentData(
        title="Edit appointment",
        size=size,
        sections=[
            FormSection(
                title="Details",
                fields=[
                    FormField(
                        "client_name",
                        "Client name",
                        required=True,
                        value="" if errors else "Anna Smith",
                        errors=["This field is required."] if errors else [],
                    ),
                    FormField(
                        "status",
                        "Status",
                        "select",
                        "confirmed",
                        options=[
                            ("pending", "Pending"),
                            ("confirmed", "Confirmed"),
                            ("cancelled", "Cancelled"),
                        ],
                    ),
                    FormField(
                        "comment",
                        "Comment",
                        "textarea",
                        "Prefers the window seat.",
                        help="Visible to staff only.",
                    ),
                    FormField("notify", "Send the client an SMS", "checkbox", "1"),
                ],
            ),
            ActionSection(
                actions=[
                    ModalAction("Cancel", method="CLOSE", style="btn-outline-secondary"),
                    ModalAction("Save", url="/booking/42/edit/", method="POST", icon="bi-check2"),
                ]
            ),
        ],
    )


def every_field_modal(size: ModalSize = "lg") -> ModalContentData:
    """One field of every type, with help texts and errors on some."""
    return ModalContentData(
        title="Every field type",
        size=size,
        sections=[
            FormSection(
                fields=[
                    FormField("f_text", "Text", "text", "Anna", placeholder="Name"),
                    FormField("f_textarea", "Textarea", "textarea", "Two\nlines"),
                    FormField(
                        "f_select", "Select", "select", "b", options=[("a", "Option A"), ("b", "Option B")]
                    ),
                    FormField("f_email", "Email", "email", "anna@example.com", help="We never share it."),
                    FormField("f_tel", "Phone", "tel", "+7 999 000-00-00"),
                    FormField(
                        "f_number", "Number", "number", "3", errors=["Must be 5 or less.", "Must be odd."]
                    ),
                    FormField("f_date", "Date", "date", "2026-04-01"),
                    FormField("f_time", "Time", "time", "09:30"),
                    FormField("f_datetime", "Date and time", "datetime-local", "2026-04-01T09:30"),
                    FormField("f_password", "Password", "password", required=True),
                    FormField("f_url", "Website", "url", "https://example.com"),
                    FormField("f_search", "Search", "search", placeholder="Search…"),
                    FormField("f_checkbox", "Checkbox", "checkbox", "", help="Unchecked by default."),
                    FormField("f_hidden", "Hidden", "hidden", "42"),
                ]
            ),
        ],
    )


def every_action_modal() -> ModalContentData:
    """Every button style and method."""
    styles = get_args(ButtonStyle)
    return ModalContentData(
        title="Every action",
        size="sm",
        sections=[
            ActionSection(
                actions=[
                    ModalAction(style.removeprefix("btn-"), url=f"/demo/{style}/", method="GET", style=style)
                    for style in styles
                ]
                + [ModalAction("Close", method="CLOSE", style="btn-secondary", icon="bi-x")]
            ),
        ],
    )


def slot_picker_data(available: bool = True) -> BookingSlotPickerData:
    times = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "12:00", "14:00", "14:30", "15:00"]
    return BookingSlotPickerData(
        selected_date="2026-04-01",
        selected_date_label="Wednesday, 1 April",
        selected_time="10:00" if available else "",
        prev_url="/booking/slots/?date=2026-03-31",
        next_url="/booking/slots/?date=2026-04-02",
        today_url="/booking/slots/",
        calendar_url="/booking/calendar/",
        slots=[
            BookingSlotPickerOption(value, value, available=available and value not in ("09:30", "12:00"))
            for value in times
        ],
    )


def quick_create_data(errors: bool = False) -> BookingQuickCreateData:
    return BookingQuickCreateData(
        resource_label="Анна Смирнова",
        date_label="Wednesday, 1 April",
        time_label="10:30",
        resource_id="1",
        booking_date="2026-04-01",
        selected_time="10:30",
        service_options=[
            BookingQuickCreateServiceOption("1", "Women's haircut", "2 500 ₽", "1 h"),
            BookingQuickCreateServiceOption("2", "Colouring", "6 000 ₽", "2 h"),
            BookingQuickCreateServiceOption("3", "Blow-dry and styling", "1 800 ₽", "45 min"),
        ],
        client_options=[
            BookingQuickCreateClientOption("10", "Иван Петров", "+7 999 123-45-67", "ivan@example.com"),
            BookingQuickCreateClientOption("11", "Anna Smith", "+44 20 7946 0018", "anna@example.com"),
            BookingQuickCreateClientOption("12", "Мария Иванова", "+7 916 555-01-02"),
        ],
        selected_service_id="" if errors else "1",
        errors={"service_id": ["Choose a service."], "": ["The master is busy at 10:30."]} if errors else {},
    )


def chain_data() -> BookingChainPreviewData:
    return BookingChainPreviewData(
        items=[
            BookingChainPreviewItem("Стрижка 09:00–10:00", "Анна Смирнова", "2 500 ₽"),
            BookingChainPreviewItem("Окрашивание 10:00–12:00", "Emily Carter", "6 000 ₽"),
            BookingChainPreviewItem("Укладка 12:00–12:45", "Анна Смирнова", "1 800 ₽"),
        ]
    )


def booking_modal(size: ModalSize = "lg") -> ModalContentData:
    """A booking modal with the three booking blocks and a POST action."""
    return ModalContentData(
        title="New appointment",
        size=size,
        sections=[
            QuickCreateSection(quick_create_data()),
            ChainPreviewSection(chain_data()),
            ActionSection(
                actions=[
                    ModalAction("Cancel", method="CLOSE", style="btn-outline-secondary"),
                    ModalAction("Book", url="/booking/new/", method="POST", icon="bi-check2"),
                ]
            ),
        ],
    )


def reschedule_modal() -> ModalContentData:
    """Move an appointment: what it is, then another day's free times."""
    return ModalContentData(
        title="Move appointment #42",
        size="md",
        sections=[
            SummarySection(
                title="Appointment",
                items=[KeyValueItem("Service", "Women's haircut"), KeyValueItem("Now", "31 March, 15:00")],
            ),
            SlotPickerSection(slot_picker_data()),
            ActionSection(
                actions=[
                    ModalAction("Cancel", method="CLOSE", style="btn-outline-secondary"),
                    ModalAction("Move", url="/booking/42/move/", method="POST", icon="bi-arrow-left-right"),
                ]
            ),
        ],
    )
