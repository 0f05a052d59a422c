"""Stories of the ``calendar_grid`` component.

The reference example, a master's day with dict columns and a now-indicator,
overlaps in lanes, a dense grid (10 columns x 48 slots x 200 events), long and
non-Latin text, every colour and any CSS colour value, read-only, days as columns, empty and escaping.
Event and new-event URLs have HTMX stubs, so the page modal (when the preview
hosts one) shows something on a click.
"""

from __future__ import annotations

from datetime import time
from typing import Any

from codex_django.cabinet.types.calendar import CalendarGridData, CalendarSlot
from codex_django.cabinet.types.fields import BOOTSTRAP_COLOURS
from codex_django.storybook.fixed import seeded_random
from codex_django.storybook.story import Story

REFERENCE_ROWS: list[Any] = [f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)]
NEW_URL = "/booking/new/"
NAMES = ("Anna S.", "Boris K.", "Chen L.", "Dmitri V.", "Elena M.", "Farid A.", "Grace O.", "Hana T.")
SERVICES = ("Haircut", "Colouring", "Manicure", "Massage", "Consultation", "Styling")
HEX = ("#6366f1", "#0ea5e9", "#10b981", "#f59e0b", "#ef4444", "#8b5cf6")


def time_rows(start: time, end: time, step_minutes: int) -> list[Any]:
    """``CalendarGridData.row_times`` typed for the ``rows`` field (``list`` is invariant for mypy).

    Times, not labels: the grid shows them in the preview's language and a free slot sends ``HH:MM``.
    """
    return list(CalendarGridData.row_times(start, end, step_minutes))


def stub(title: str, text: str) -> str:
    """A modal body for the storybook's HTMX stubs (developer-written HTML)."""
    return f'<div class="p-4"><h2 class="h5">{title}</h2><p class="mb-0">{text}</p></div>'


REFRESH_URL = "/booking/schedule/"
REFRESH_STUB = {
    REFRESH_URL: '<section class="cab-cal" aria-label="Schedule"><p class="p-3 mb-0">Reloaded calendar</p></section>'
}
NEW_STUB = {NEW_URL: stub("New appointment", "The create form opens here with the slot's column and time.")}


def reference() -> CalendarGridData:
    """The reference's example, as written."""
    return CalendarGridData(
        cols=["Мастер 1", "Мастер 2", "Мастер 3"],
        rows=REFERENCE_ROWS,
        events=[
            CalendarSlot(
                col=0, row=2, span=2, title="Иван П.", subtitle="Стрижка", color="#6366f1", url="/booking/42/"
            ),
        ],
        slot_height_px=40,
        new_event_url=NEW_URL,
    )


def masters() -> list[dict[str, Any]]:
    return [
        {"id": 1, "label": "Anna Smith", "subtitle": "Hair stylist", "avatar": "AS"},
        {"id": 2, "label": "Boris Kim", "subtitle": "Colourist", "avatar": "BK"},
        {"id": 3, "label": "Chen Li", "subtitle": "Nail artist"},
        {"id": 4, "label": "Dana Ross", "subtitle": "Massage"},
    ]


def master_day(*, new_event_url: str = NEW_URL) -> CalendarGridData:
    rows = time_rows(time(9), time(18), 30)

    def at(
        hour: int, minute: int, minutes: int, col: int, title: str, subtitle: str, color: str
    ) -> CalendarSlot:
        return CalendarSlot.from_datetime(
            time(hour, minute),
            minutes,
            col=col,
            grid_start=time(9),
            step_minutes=30,
            title=title,
            subtitle=subtitle,
            color=color,
            url=f"/booking/{col}{hour}{minute:02d}/",
        )

    return CalendarGridData(
        cols=masters(),  # type: ignore[arg-type]
        rows=rows,
        events=[
            at(9, 0, 60, 0, "Ivan Petrov", "Haircut", "primary"),
            at(10, 30, 90, 0, "Maria Lopez", "Colouring", "#8b5cf6"),
            at(11, 0, 30, 0, "Walk-in", "Fringe trim", "warning"),
            at(9, 30, 120, 1, "Olga Ivanova", "Balayage", "success"),
            at(13, 0, 45, 1, "Tom Baker", "Beard", "info"),
            at(10, 0, 60, 2, "Sara Cohen", "Gel manicure", "danger"),
            at(14, 0, 60, 2, "Li Wei", "Pedicure", "secondary"),
            at(12, 0, 90, 3, "Peter Novak", "Deep tissue", "dark"),
        ],
        slot_height_px=36,
        new_event_url=new_event_url,
        now_row=CalendarGridData.now_row_at(
            time(10, 45), grid_start=time(9), step_minutes=30, rows=len(rows)
        ),
    )


def overlaps() -> CalendarGridData:
    rows = time_rows(time(9), time(14), 30)
    return CalendarGridData(
        cols=["Room A", "Room B"],
        rows=rows,
        events=[
            CalendarSlot(0, 0, 4, "Team meeting", "Long", "primary", "/booking/1/"),
            CalendarSlot(0, 1, 2, "Call", "Overlaps", "success", "/booking/2/"),
            CalendarSlot(0, 2, 1, "Check-in", "Third lane", "warning", "/booking/3/"),
            CalendarSlot(0, 3, 2, "Review", "Lane 1 again", "info", "/booking/4/"),
            CalendarSlot(0, 7, 2, "Alone", "Full width", "secondary", "/booking/5/"),
            CalendarSlot(1, 0, 2, "Workshop", "", "#0ea5e9", "/booking/6/"),
            CalendarSlot(1, 0, 2, "Workshop (same time)", "", "#ef4444", "/booking/7/"),
        ],
        new_event_url=NEW_URL,
    )


def dense() -> CalendarGridData:
    """10 columns x 48 slots (15 minutes, 8:00-20:00) x 200 events, overlapping."""
    rng = seeded_random("calendar_grid--dense")
    rows = time_rows(time(8), time(20), 15)
    events = []
    for index in range(200):
        col = index % 10
        span = rng.randint(1, 6)
        row = rng.randrange(0, len(rows) - span + 1)
        events.append(
            CalendarSlot(
                col=col,
                row=row,
                span=span,
                title=NAMES[rng.randrange(len(NAMES))],
                subtitle=SERVICES[rng.randrange(len(SERVICES))],
                color=(HEX + BOOTSTRAP_COLOURS[:6])[index % 12],
                url=f"/booking/{1000 + index}/",
            )
        )
    return CalendarGridData(
        cols=[f"Master {n}" for n in range(1, 11)],
        rows=rows,
        events=events,
        slot_height_px=24,
        new_event_url=NEW_URL,
    )


def every_colour() -> CalendarGridData:
    colours = ["", *BOOTSTRAP_COLOURS, "bg-primary", "#6366f1", "#0f0", "#f59e0b80"]
    return CalendarGridData(
        cols=["Bootstrap names", "Hex and bg-*"],
        rows=time_rows(time(9), time(15), 30),
        events=[
            CalendarSlot(
                0 if index < 9 else 1,
                index if index < 9 else index - 9,
                1,
                title=colour or "(default)",
                color=colour,
                url=f"/booking/c{index}/",
            )
            for index, colour in enumerate(colours)
        ],
        new_event_url=NEW_URL,
    )


# Any CSS colour the reference allows (CalendarSlot.color "CSS color value"), by kind.
CSS_COLOURS = {
    "Named": ["tomato", "rebeccapurple", "gold", "black", "white", "transparent"],
    "Functions": [
        "rgb(16 185 129)",
        "rgba(239, 68, 68, 0.5)",
        "hsl(262 83% 58%)",
        "hsla(200, 90%, 40%, 0.8)",
        "oklch(70% 0.15 200)",
        "hwb(30 10% 10%)",
    ],
    "Custom properties": [
        "var(--cab-brand)",
        "var(--cab-danger)",
        "var(--cab-success)",
        "var(--salon-spa, teal)",
        "var(--not-defined)",
        "#6366f1",
    ],
}


def css_colours() -> CalendarGridData:
    """One event per CSS colour value of :data:`CSS_COLOURS`, a column per kind, titled with its value."""
    return CalendarGridData(
        cols=list(CSS_COLOURS),
        rows=time_rows(time(9), time(12), 30),
        events=[
            CalendarSlot(col, row, 1, title=colour, url=f"/booking/css{col}-{row}/", color=colour)
            for col, colours in enumerate(CSS_COLOURS.values())
            for row, colour in enumerate(colours)
        ],
        new_event_url=NEW_URL,
    )


def long_text() -> CalendarGridData:
    return CalendarGridData(
        cols=[
            {
                "label": "Alexandra Konstantinopolskaya-Vanderbilt",
                "subtitle": "Senior colourist and educator",
            },
            {"label": "Room with a very long name for the hydrotherapy suite"},
            "王小明",
        ],
        rows=time_rows(time(9), time(13), 30),
        events=[
            CalendarSlot(
                0,
                1,
                3,
                "Maximilian Alexander von Hohenzollern-Sigmaringen",
                "Full colour correction with toner, bond treatment and a blow-dry",
                "primary",
                "/booking/61/",
            ),
            CalendarSlot(
                1, 0, 1, "A title that is much longer than the slot is wide", "Short", "info", "/booking/62/"
            ),
            CalendarSlot(
                2, 2, 2, "Иван Петрович Сидоров", "Стрижка и укладка волос", "success", "/booking/63/"
            ),
        ],
        new_event_url=NEW_URL,
    )


DAY_IDS = ["2026-03-30", "2026-03-31", "2026-04-01", "2026-04-02", "2026-04-03", "2026-04-04", "2026-04-05"]


def week() -> CalendarGridData:
    days = ["Mon 30 Mar", "Tue 31 Mar", "Wed 1 Apr", "Thu 2 Apr", "Fri 3 Apr", "Sat 4 Apr", "Sun 5 Apr"]
    rows = time_rows(time(8), time(18), 60)
    return CalendarGridData(
        cols=[{"label": day, "id": day_id} for day, day_id in zip(days, DAY_IDS, strict=True)],
        rows=rows,
        events=[
            CalendarSlot(0, 1, 2, "Staff training", "", "secondary", "/booking/71/"),
            CalendarSlot(2, 2, 1, "Anna S.", "Haircut", "primary", "/booking/72/"),
            CalendarSlot(2, 2, 3, "Boris K.", "Colouring", "success", "/booking/73/"),
            CalendarSlot(4, 6, 2, "Chen L.", "Manicure", "danger", "/booking/74/"),
            CalendarSlot(5, 0, 10, "Closed for inventory", "", "light", ""),
        ],
        slot_height_px=48,
        new_event_url=NEW_URL,
        now_row=2.5,
    )


def event_stubs(calendar: CalendarGridData) -> dict[str, str]:
    stubs = {
        str(event.url): stub(str(event.title), f"{event.subtitle} — details of the appointment.")
        for event in calendar.events
        if event.url
    }
    return {**stubs, **NEW_STUB}


STORIES = [
    Story(
        component="calendar_grid",
        name="Typical",
        kwargs=lambda: {"calendar": reference(), "label": "Schedule"},
        notes="The reference's example as written: three masters, 30-minute slots from 8:00, one event.",
        htmx=event_stubs(reference()),
    ),
    Story(
        component="calendar_grid",
        name="Dict columns with header data",
        kwargs=lambda: {"calendar": master_day(), "label": "Schedule, Wednesday 1 April"},
        notes=(
            "Columns as dicts (label, subtitle, avatar, id), events built with "
            "CalendarSlot.from_datetime, a now-indicator at 10:45 (now_row_at)."
        ),
        htmx=event_stubs(master_day()),
    ),
    Story(
        component="calendar_grid",
        name="Overlapping events",
        kwargs=lambda: {"calendar": overlaps(), "label": "Rooms"},
        notes="Overlapping events share their column in lanes computed by CalendarGridData.placed_events.",
        htmx=event_stubs(overlaps()),
    ),
    Story(
        component="calendar_grid",
        name="Dense",
        kwargs=lambda: {"calendar": dense(), "label": "Busy day"},
        notes="10 columns x 48 fifteen-minute slots x 200 events (the benchmark's size), 24px slots.",
        htmx=event_stubs(dense()),
    ),
    Story(
        component="calendar_grid",
        name="Every colour",
        screenshots=("dark--desktop",),
        kwargs=lambda: {"calendar": every_colour(), "label": "Colours"},
        notes="Default, every Bootstrap colour name, a bg-* class and hex colours (set through the CSSOM).",
        htmx=event_stubs(every_colour()),
    ),
    Story(
        component="calendar_grid",
        name="CSS colours",
        screenshots=("dark--desktop",),
        kwargs=lambda: {"calendar": css_colours(), "label": "CSS colours"},
        notes=(
            "CalendarSlot.color takes any CSS colour value: named, rgb()/hsl()/oklch()/hwb() (with alpha), "
            "var(--x) (with a fallback; an undefined one falls back to primary). It reaches the page in an "
            "escaped data-color and is applied through the CSSOM, so a strict CSP holds. The colour draws the "
            "accent bar and a light tint; the text keeps the theme's colours, readable on black or white."
        ),
        htmx=event_stubs(css_colours()),
    ),
    Story(
        component="calendar_grid",
        name="Long text",
        kwargs=lambda: {"calendar": long_text(), "label": "Long names"},
        notes="Long and non-Latin headers and events are cut with an ellipsis; the full text stays readable.",
        htmx=event_stubs(long_text()),
    ),
    Story(
        component="calendar_grid",
        name="Days as columns",
        screenshots=("light--mobile",),
        kwargs=lambda: {"calendar": week(), "label": "Week of 30 March"},
        notes="Columns are days (with the date as id), hourly rows, 48px slots, an event without a URL.",
        htmx=event_stubs(week()),
    ),
    Story(
        component="calendar_grid",
        name="Read-only",
        kwargs=lambda: {"calendar": master_day(new_event_url=""), "label": "Schedule (read-only)"},
        notes="Without new_event_url free cells are background only: no buttons, no false affordance.",
        htmx=event_stubs(master_day()),
    ),
    Story(
        component="calendar_grid",
        name="Refreshing",
        kwargs=lambda: {"calendar": reference(), "label": "Schedule", "refresh_url": REFRESH_URL},
        notes=(
            "With refresh_url the calendar reloads itself on the refresh-calendar event "
            "(sent by modal_close_response after a booking made in the modal)."
        ),
        htmx={**event_stubs(reference()), **REFRESH_STUB},
    ),
    Story(
        component="calendar_grid",
        name="Empty day",
        kwargs=lambda: {
            "calendar": CalendarGridData(
                cols=["Anna", "Boris"],
                rows=time_rows(time(10), time(13), 30),
                events=[],
                new_event_url=NEW_URL,
            ),
            "label": "Empty day",
        },
        notes='No events: every cell is a free slot button ("Anna, 10:30 a.m., free" in English).',
        htmx=NEW_STUB,
    ),
    Story(
        component="calendar_grid",
        name="No columns",
        kwargs=lambda: {
            "calendar": CalendarGridData(cols=[], rows=REFERENCE_ROWS, events=[]),
            "empty_message": "No masters work on this day.",
        },
        notes="Without columns (or rows) the empty state replaces the grid.",
    ),
    Story(
        component="calendar_grid",
        name="Escaping",
        kwargs=lambda: {
            "calendar": CalendarGridData(
                cols=["<b>Anna</b>", {"label": '"><script>x</script>', "subtitle": "<i>sub</i>", "id": '"x'}],
                rows=["<9:00>", "9:30"],
                events=[
                    CalendarSlot(0, 0, 1, "<script>alert(1)</script>", "<u>u</u>", "primary", "/booking/1/")
                ],
                new_event_url=NEW_URL,
            ),
            "label": "<em>label</em>",
        },
        notes="Markup in headers, rows, events and the label is printed as text.",
        tags=("security",),
    ),
]
