"""Stories of ``generic_modal``: every section kind, field type, action style and size; empty and long text."""

from __future__ import annotations

from codex_django.cabinet.types.booking_modal import BookingChainPreviewData
from codex_django.cabinet.types.modal import (
    ActionSection,
    ChainPreviewSection,
    KeyValueItem,
    ModalAction,
    ModalContentData,
    ProfileBadge,
    ProfileSection,
    SlotPickerSection,
    SummarySection,
)
from codex_django.cabinet.types.widgets import BadgeStyle
from codex_django.storybook.story import Story

from . import samples

LONG = (
    "Очень длинное название услуги, которое не помещается в одну строку и должно переноситься "
    "аккуратно, не ломая раскладку модального окна"
)
BADGE_STYLES: list[BadgeStyle] = [
    "primary",
    "secondary",
    "success",
    "danger",
    "warning",
    "info",
    "light",
    "dark",
]

STORIES = [
    Story(
        component="generic_modal",
        name="Appointment details",
        kwargs=lambda: {"modal": samples.appointment_modal()},
        notes="Profile, summary `<dl>` and actions: GET, POST, and a POST with an in-modal confirm step.",
    ),
    Story(
        component="generic_modal",
        name="Form",
        kwargs=lambda: {"modal": samples.comment_form_modal()},
        notes="One `<form>` with the CSRF token; CLOSE and POST actions.",
    ),
    Story(
        component="generic_modal",
        name="Form with errors",
        kwargs=lambda: {"modal": samples.comment_form_modal(errors=True)},
        notes="Errors under the field, tied with `aria-describedby`; `aria-invalid` on the field.",
    ),
    Story(
        component="generic_modal",
        name="Every field type",
        screenshots=("dark--desktop", "light--mobile"),
        kwargs=lambda: {"modal": samples.every_field_modal()},
    ),
    Story(
        component="generic_modal",
        name="Every action",
        kwargs=lambda: {"modal": samples.every_action_modal()},
        notes="Every button style; GET actions load into the modal, CLOSE closes it.",
    ),
    Story(
        component="generic_modal",
        name="Booking blocks",
        screenshots=("light--mobile",),
        kwargs=lambda: {"modal": samples.booking_modal(size="xl")},
        notes="Quick-create and chain preview sections inside the modal's form.",
    ),
    Story(
        component="generic_modal",
        name="Slot picker",
        kwargs=lambda: {"modal": samples.reschedule_modal()},
    ),
    Story(
        component="generic_modal",
        name="Empty",
        kwargs=lambda: {
            "modal": ModalContentData(
                title="Nothing here",
                size="sm",
                sections=[
                    SummarySection(items=[]),
                    ChainPreviewSection(BookingChainPreviewData(items=[])),
                    ActionSection(actions=[]),
                ],
            )
        },
        notes="Sections without items render nothing broken.",
    ),
    Story(
        component="generic_modal",
        name="Long text",
        kwargs=lambda: {
            "modal": ModalContentData(
                title=LONG,
                size="md",
                sections=[
                    ProfileSection(
                        name="Александра Константиновна Архангельская-Преображенская",
                        subtitle="alexandra.konstantinovna.arkhangelskaya@very-long-domain.example.com",
                        badges=[ProfileBadge(style, style) for style in BADGE_STYLES],
                    ),
                    SummarySection(
                        title="Подробности",
                        items=[
                            KeyValueItem("Услуга", LONG),
                            KeyValueItem("Комментарий клиента", LONG + ". " + LONG),
                        ],
                    ),
                    ActionSection(
                        actions=[
                            ModalAction("Закрыть", method="CLOSE", style="btn-outline-secondary"),
                            ModalAction(LONG, url="/booking/42/", method="GET"),
                        ]
                    ),
                ],
            )
        },
        notes="Long names, values and labels wrap; every badge colour.",
    ),
    Story(
        component="generic_modal",
        name="Escaping",
        kwargs=lambda: {
            "modal": ModalContentData(
                title='<script>alert("x")</script>',
                sections=[
                    SummarySection(items=[KeyValueItem("<b>label</b>", "<img src=x onerror=alert(1)>")]),
                    SlotPickerSection(samples.slot_picker_data(available=False)),
                ],
            )
        },
        notes="Markup in the payload is printed as text. The slot picker has no free time.",
        tags=("security",),
    ),
]
