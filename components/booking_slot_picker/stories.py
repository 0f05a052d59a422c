"""Stories of ``booking_slot_picker``: typical with taken times, none free, no navigation, empty day."""

from __future__ import annotations

from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.types.booking_modal import BookingSlotPickerData, BookingSlotPickerOption
from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="booking_slot_picker",
        name="Typical",
        kwargs=lambda: {"picker": samples.slot_picker_data()},
        notes="A radio group of times; taken ones are disabled and say 'taken' to screen readers.",
    ),
    Story(
        component="booking_slot_picker",
        name="Fully booked",
        kwargs=lambda: {"picker": samples.slot_picker_data(available=False)},
        notes="Every time taken: a notice says there is no free time.",
    ),
    Story(
        component="booking_slot_picker",
        name="Empty day",
        kwargs=lambda: {
            "picker": BookingSlotPickerData(selected_date="2026-04-05", selected_date_label="Sunday, 5 April")
        },
        notes="No slots and no navigation URLs: just the day and the notice.",
    ),
    Story(
        component="booking_slot_picker",
        name="Many slots, long label",
        kwargs=lambda: {
            "picker": BookingSlotPickerData(
                selected_date="2026-04-01",
                selected_date_label="Среда, 1 апреля 2026 года — предпраздничный сокращённый день",
                next_url="/booking/slots/?date=2026-04-02",
                slots=[
                    BookingSlotPickerOption(
                        f"{hour:02d}:{minute:02d}",
                        f"{hour:02d}:{minute:02d}",
                        available=(hour + minute) % 3 != 0,
                    )
                    for hour in range(8, 21)
                    for minute in (0, 15, 30, 45)
                ],
            )
        },
    ),
]
