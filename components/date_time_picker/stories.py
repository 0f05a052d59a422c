"""Stories of ``date_time_picker``: a month with closed days and busy times, chosen with error, empty, gaps."""

from __future__ import annotations

from typing import Any

from codex_django.cabinet.types.booking import DateTimePickerData
from codex_django.storybook.story import Story

TIMES = ["09:00", "09:30", "10:00", "10:30", "11:00", "11:30", "14:00", "14:30", "15:00", "15:30", "16:00"]


def april(closed: tuple[int, ...] = (5, 12, 19, 26)) -> list[dict[str, Any]]:
    return [{"date": f"2026-04-{day:02d}", "available": day not in closed} for day in range(1, 31)]


STORIES = [
    Story(
        component="date_time_picker",
        name="Typical",
        kwargs=lambda: {
            "picker": DateTimePickerData(
                available_days=april(),
                time_slots=TIMES,
                busy_slots=["09:30", "11:00", "15:00"],
                current_month="April 2026",
            )
        },
        notes="April 2026 starts on a Wednesday: two blank cells first. Sundays are closed; busy times are disabled.",
    ),
    Story(
        component="date_time_picker",
        name="Chosen with error",
        kwargs=lambda: {
            "picker": DateTimePickerData(
                available_days=april(),
                time_slots=TIMES,
                busy_slots=["09:30"],
                current_month="April 2026",
                selected_date="2026-04-14",
                selected_time="10:30",
                slots_url="/stories/booking/slots/",
                errors=["10:30 was taken a moment ago; choose another time."],
            )
        },
    ),
    Story(
        component="date_time_picker",
        name="Empty",
        kwargs=lambda: {"picker": DateTimePickerData(available_days=[], time_slots=[])},
        notes="No days and no times: two notices.",
    ),
    Story(
        component="date_time_picker",
        name="Two weeks with gaps",
        kwargs=lambda: {
            "picker": DateTimePickerData(
                available_days=[
                    {"date": "2026-03-30", "label": "30 March"},
                    {"date": "2026-04-01", "label": "1 April"},
                    {"date": "2026-04-02", "label": "2 April", "available": False},
                    {"date": "2026-04-07", "label": "7 April"},
                    {"date": "2026-04-12", "label": "12 April"},
                ],
                time_slots=["10:00", "12:00", "18:00"],
                busy_slots=["10:00", "12:00", "18:00"],
                current_month="Март — апрель 2026",
            )
        },
        notes="Dates missing from the payload are blank cells; all times busy.",
    ),
]
