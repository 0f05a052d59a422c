"""Stories of ``booking_quick_create``: typical, with errors, new client open, no new clients, empty."""

from __future__ import annotations

import dataclasses

from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.types.booking_modal import BookingQuickCreateData
from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="booking_quick_create",
        name="Typical",
        kwargs=lambda: {"quick_create": samples.quick_create_data()},
        notes="Hidden slot fields, a service select and a client combobox (3 characters to search).",
    ),
    Story(
        component="booking_quick_create",
        name="Errors",
        screenshots=("dark--desktop",),
        kwargs=lambda: {"quick_create": samples.quick_create_data(errors=True)},
        notes="A booking-wide error in an alert, the service error tied to its select.",
    ),
    Story(
        component="booking_quick_create",
        name="New client",
        kwargs=lambda: {
            "quick_create": dataclasses.replace(
                samples.quick_create_data(),
                new_client_first_name="Ольга",
                new_client_phone="+7 900",
                errors={"new_client_phone": ["Enter a valid phone number."]},
            )
        },
        notes="New-client values or errors open the new-client fields.",
    ),
    Story(
        component="booking_quick_create",
        name="Existing client only",
        kwargs=lambda: {
            "quick_create": dataclasses.replace(
                samples.quick_create_data(),
                selected_client_id="11",
                allow_new_client=False,
                client_search_min_chars=0,
            )
        },
        notes="A chosen client shows in the input; no 'Create new client'.",
    ),
    Story(
        component="booking_quick_create",
        name="Empty",
        kwargs=lambda: {
            "quick_create": BookingQuickCreateData(
                resource_label="Room 2", date_label="Friday, 3 April", time_label="18:00"
            )
        },
    ),
]
