"""Stories of the ``list_widget`` component: initials and image avatars, empty, many items, long text."""

from __future__ import annotations

from codex_django.cabinet.types.widgets import ListItem, ListWidgetData
from codex_django.storybook.fixed import seeded_random
from codex_django.storybook.story import Story

# An image the storybook serves (see the report: storybook fixtures); any same-origin path works.
SAMPLE_IMAGE = "/static/storybook/fixtures/avatar.svg"
PEOPLE = (
    "Anna Smith",
    "Boris Kim",
    "Chen Li",
    "Dmitri Volkov",
    "Elena Moreau",
    "Farid Aziz",
    "Grace Okafor",
    "Hana Tanaka",
)


def top_clients() -> ListWidgetData:
    return ListWidgetData(
        title="Top clients",
        subtitle="By revenue this month",
        icon="bi-trophy",
        items=[
            ListItem(
                label="Anna Smith", value="12 000 ₽", avatar="AS", sublabel="Regular", subvalue="8 visits"
            ),
            ListItem(
                label="Boris Kim", value="8 500 ₽", avatar="BK", sublabel="Since 2024", subvalue="5 visits"
            ),
            ListItem(label="Chen Li", value="6 200 ₽", avatar="CL", subvalue="3 visits"),
            ListItem(label="Dmitri Volkov", value="4 900 ₽", sublabel="New client"),
        ],
    )


def many_items() -> ListWidgetData:
    rng = seeded_random("list_widget--many-items")
    return ListWidgetData(
        title="Upcoming appointments",
        items=[
            ListItem(
                label=PEOPLE[index % len(PEOPLE)],
                value=f"{9 + index // 2:02d}:{30 * (index % 2):02d}",
                avatar="",
                sublabel=("Haircut", "Massage", "Manicure")[rng.randrange(3)],
            )
            for index in range(20)
        ],
    )


STORIES = [
    Story(
        component="list_widget",
        name="Typical",
        kwargs=lambda: {"list": top_clients()},
        notes="Initials avatars, sublabels and subvalues; the last item has no avatar.",
    ),
    Story(
        component="list_widget",
        name="Image avatars",
        kwargs=lambda: {
            "list": ListWidgetData(
                title="Staff on duty",
                items=[
                    ListItem(label="Anna Smith", value="Reception", avatar=SAMPLE_IMAGE),
                    ListItem(label="Boris Kim", value="Massage", avatar="BK"),
                ],
            )
        },
        notes="An image URL renders <img>; initials render a tinted circle.",
    ),
    Story(
        component="list_widget",
        name="Without title",
        kwargs=lambda: {"list": ListWidgetData(items=top_clients().items[:2])},
    ),
    Story(
        component="list_widget",
        name="Empty",
        kwargs=lambda: {"list": ListWidgetData(title="Top clients", items=[])},
        notes="No items: the empty state replaces the list.",
    ),
    Story(
        component="list_widget",
        name="Many items",
        kwargs=lambda: {"list": many_items()},
    ),
    Story(
        component="list_widget",
        name="Long text",
        kwargs=lambda: {
            "list": ListWidgetData(
                title="Clients who need a follow-up call after their last appointment was cancelled",
                subtitle="Sorted by the date of the cancelled appointment, oldest first",
                items=[
                    ListItem(
                        label="Maximilian Alexander von Hohenberg-Wittelsbach",
                        value="1 284 639 ₽",
                        avatar="MH",
                        sublabel="Cancelled twice; prefers to be called after 18:00 on weekdays",
                        subvalue="owed since 12.01.2026",
                    ),
                    ListItem(label="Anna Smith", value="950 ₽", avatar="AS"),
                ],
            )
        },
    ),
    Story(
        component="list_widget",
        name="Non-Latin text",
        kwargs=lambda: {
            "list": ListWidgetData(
                title="Топ клиенты",
                items=[
                    ListItem(
                        label="Иван Петров", value="12 000 ₽", avatar="ИП", sublabel="Постоянный клиент"
                    ),
                    ListItem(label="Анна Смирнова", value="8 500 ₽", avatar="АС"),
                    ListItem(label="王小明", value="3 000 ₽", sublabel="新客户"),
                ],
            )
        },
    ),
]
