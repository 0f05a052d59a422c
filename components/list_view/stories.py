"""Stories of the ``list_view`` component: modal and page rows, action styles, empty, paged, long text."""

from __future__ import annotations

from codex_django.cabinet.types.collections import ListRow, ListViewData
from codex_django.cabinet.types.data_table import ActionStyle, TableAction
from codex_django.storybook.fixed import seeded_random
from codex_django.storybook.story import Story

ACTION_STYLES: tuple[ActionStyle, ...] = ("link", "btn-primary", "btn-danger")
CHANNELS = ("Email", "SMS", "Telegram", "Push")
SUBJECTS = (
    "Appointment confirmed",
    "Reminder: visit tomorrow",
    "Payment received",
    "Appointment cancelled",
    "New review",
    "Birthday greeting",
)


def notifications() -> list[ListRow]:
    return [
        ListRow(
            id="1",
            primary="Appointment confirmed",
            secondary="Anna Smith · SMS",
            meta="01.04 09:12",
            avatar="AS",
            url="/cabinet/notifications/1/",
            actions=[TableAction("Open", "", icon="bi-eye")],
        ),
        ListRow(
            id="2",
            primary="Reminder: visit tomorrow",
            secondary="Boris Kim · Email",
            meta="31.03 18:00",
            avatar="BK",
            url="/cabinet/notifications/2/",
            actions=[TableAction("Open", "", icon="bi-eye")],
        ),
        ListRow(
            id="3",
            primary="Payment received",
            secondary="Chen Li · Telegram",
            meta="31.03 12:45",
            url="/cabinet/notifications/3/",
        ),
        ListRow(id="4", primary="Weekly report sent", secondary="System", meta="30.03 08:00"),
    ]


def many_rows() -> ListViewData:
    rng = seeded_random("list_view--many-rows")
    rows = [
        ListRow(
            id=str(index + 1),
            primary=SUBJECTS[rng.randrange(len(SUBJECTS))],
            secondary=f"Client {index + 1} · {CHANNELS[index % len(CHANNELS)]}",
            meta=f"{1 + index % 28:02d}.03 {8 + index % 12:02d}:{(index * 7) % 60:02d}",
            url=f"/cabinet/notifications/{index + 1}/",
        )
        for index in range(60)
    ]
    return ListViewData(rows=rows, search_placeholder="Search notifications…")


# Long names and e-mails in rows as narrow as a phone's: one line each, an ellipsis.
LONG_NAMES = (
    ("Aleksandra Vasilievna Rozhdestvenskaya", "a.rozhdestvenskaya@salon-clients.example.org", "Colouring"),
    ("Konstantin Konstantinopolsky", "konstantin.konstantinopolsky@example.com", "Men's haircut"),
    ("Nurlanbek Abdrakhmanovich Tokhtarbekov", "nurlanbek.tokhtarbekov@mail.example", "Beard trim"),
    ("Anna Smith", "anna@example.com", "Manicure"),
)


def long_names() -> ListViewData:
    return ListViewData(
        rows=[
            ListRow(
                id=str(index + 1),
                primary=name,
                secondary=f"{email} · {service}",
                meta="Tue 31 Mar 2026, 18:45",
                avatar="".join(part[0] for part in name.split()[:2]),
                url=f"/cabinet/notifications/{index + 1}/",
                actions=[TableAction("Open", "", icon="bi-eye")],
            )
            for index, (name, email, service) in enumerate(LONG_NAMES)
        ],
        search_placeholder="Search visits…",
    )


STORIES = [
    Story(
        component="list_view",
        name="Typical",
        kwargs=lambda: {
            "list": ListViewData(rows=notifications(), search_placeholder="Search notifications…")
        },
        notes=(
            "open_in='modal' (default): a click on a row dispatches open-modal {url}. Actions show on hover "
            "and on keyboard focus; Up/Down move between rows."
        ),
    ),
    Story(
        component="list_view",
        name="Open in page",
        kwargs=lambda: {"list": ListViewData(rows=notifications()[:3], open_in="page")},
        notes="open_in='page': the row's link navigates; no search bar without search_placeholder.",
    ),
    Story(
        component="list_view",
        name="Action styles",
        screenshots=("dark--desktop",),
        kwargs=lambda: {
            "list": ListViewData(
                rows=[
                    ListRow(
                        id=style,
                        primary=f"Action style {style}",
                        secondary="Focus the row (Tab) to see its actions",
                        url=f"/cabinet/items/{style}/",
                        actions=[
                            TableAction(label=style.replace("btn-", "").title(), url_key="", style=style)
                        ],
                    )
                    for style in ACTION_STYLES
                ]
            )
        },
        notes="'link' opens the modal; 'btn-primary' and 'btn-danger' are plain links.",
    ),
    Story(
        component="list_view",
        name="Empty",
        kwargs=lambda: {"list": ListViewData(rows=[], search_placeholder="Search notifications…")},
    ),
    Story(
        component="list_view",
        name="Empty with message",
        kwargs=lambda: {"list": ListViewData(rows=[], empty_message="No notifications were sent this week.")},
    ),
    Story(
        component="list_view",
        name="Many rows",
        kwargs=lambda: {"list": many_rows()},
        notes=(
            "60 rows, page_size 25 (the default): one page at a time and a pager below ('Rows 1–25 of 60', "
            "'Page 1 of 3'). Paging applies after the search; Up/Down/Home/End stay on the page shown."
        ),
    ),
    Story(
        component="list_view",
        name="Long names",
        kwargs=lambda: {"list": long_names()},
        notes=(
            "Long names and e-mails stay on one line with an ellipsis, never broken mid-word; the full text is "
            "in title attributes (the row link's holds both lines) and unfolds while the row has focus."
        ),
    ),
    Story(
        component="list_view",
        name="Long text",
        kwargs=lambda: {
            "list": ListViewData(
                rows=[
                    ListRow(
                        id="1",
                        primary=(
                            "Your appointment with Maximilian Alexander von Hohenberg-Wittelsbach has been "
                            "moved to a later time because the master is running late"
                        ),
                        secondary=(
                            "maximilian.alexander.von.hohenberg@very-long-domain-name.example · Email · "
                            "delivered after three attempts"
                        ),
                        meta="Tuesday, 31 March 2026, 18:45",
                        avatar="MH",
                        url="/cabinet/notifications/1/",
                        actions=[
                            TableAction("Open the full message", "", icon="bi-eye"),
                            TableAction(
                                "Resend", "", style="btn-primary", url="/cabinet/notifications/1/resend/"
                            ),
                        ],
                    ),
                    ListRow(id="2", primary="Short", url="/cabinet/notifications/2/"),
                ]
            )
        },
    ),
    Story(
        component="list_view",
        name="Non-Latin text",
        kwargs=lambda: {
            "list": ListViewData(
                rows=[
                    ListRow(
                        id="1",
                        primary="Запись подтверждена",
                        secondary="Иван Петров · SMS",
                        meta="01.04 09:12",
                        avatar="ИП",
                        url="/cabinet/notifications/1/",
                        actions=[TableAction("Открыть", "", icon="bi-eye")],
                    ),
                    ListRow(
                        id="2", primary="预约已确认", secondary="王小明 · 微信", meta="04-01", url="/n/2/"
                    ),
                    ListRow(id="3", primary="تم تأكيد الموعد", secondary="محمد علي", meta="01.04"),
                ],
                search_placeholder="Поиск уведомлений…",
            )
        },
    ),
]
