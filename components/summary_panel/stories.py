"""Stories of ``summary_panel``: nothing chosen, all chosen with masters, errors, long text."""

from __future__ import annotations

from codex_django.cabinet.types.booking import BookingSummaryData
from codex_django.storybook.story import Story

MASTERS = [{"id": 1, "name": "Анна Смирнова"}, {"id": 2, "name": "Emily Carter"}]

STORIES = [
    Story(
        component="summary_panel",
        name="Nothing chosen",
        kwargs=lambda: {"summary": BookingSummaryData(confirm_url="/booking/new/")},
        notes="Lines follow the other widgets' `cab-booking-change` events.",
    ),
    Story(
        component="summary_panel",
        name="Chosen with masters",
        screenshots=("dark--desktop", "light--mobile"),
        kwargs=lambda: {
            "summary": BookingSummaryData(
                confirm_url="/booking/new/",
                reset_url="/booking/new/",
                masters=MASTERS,
                service_label="Women's haircut",
                client_label="Anna Smith",
                date_label="Wednesday, 1 April",
                time_label="10:30",
                selected_master_id="2",
            )
        },
        tags=("theme",),  # represents summary_panel in the example-theme screenshots
    ),
    Story(
        component="summary_panel",
        name="Errors",
        kwargs=lambda: {
            "summary": BookingSummaryData(
                confirm_url="/booking/new/",
                reset_url="/booking/new/",
                service_label="Colouring",
                errors=["Choose a client.", "Choose a time."],
            )
        },
    ),
    Story(
        component="summary_panel",
        name="Long text",
        kwargs=lambda: {
            "summary": BookingSummaryData(
                confirm_url="/booking/new/",
                masters=[{"id": 1, "name": "Александра Константиновна Архангельская-Преображенская"}],
                service_label="Комплексный уход за волосами с восстановлением, ламинированием и укладкой",
                client_label="Александра Константиновна Архангельская-Преображенская",
                date_label="Среда, 1 апреля 2026 года",
                time_label="10:30",
            )
        },
    ),
]
