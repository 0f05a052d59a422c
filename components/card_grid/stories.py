"""Stories of the ``card_grid`` component: grid and list modes, every badge style, empty, paged, long text."""

from __future__ import annotations

from codex_django.cabinet.types.collections import CardGridData, CardItem
from codex_django.cabinet.types.widgets import BadgeStyle
from codex_django.storybook.fixed import seeded_random
from codex_django.storybook.story import Story

# An image the storybook serves; any same-origin path works.
SAMPLE_IMAGE = "/static/storybook/fixtures/avatar.svg"
BADGE_STYLES: tuple[BadgeStyle, ...] = (
    "primary",
    "secondary",
    "success",
    "danger",
    "warning",
    "info",
    "light",
    "dark",
)
BADGE_WORDS = {
    "primary": "New",
    "secondary": "Regular",
    "success": "Active",
    "danger": "Blocked",
    "warning": "VIP",
    "info": "Trial",
    "light": "Archived",
    "dark": "Staff",
}
PEOPLE = (
    ("Anna Smith", "Colourist"),
    ("Boris Kim", "Regular client"),
    ("Chen Li", "Since 2024"),
    ("Dmitri Volkov", "Massage"),
    ("Elena Moreau", "Manicure"),
    ("Farid Aziz", "Barber"),
    ("Grace Okafor", "Skin care"),
    ("Hana Tanaka", "Stylist"),
)


def clients() -> list[CardItem]:
    return [
        CardItem(
            id="1",
            title="Anna Smith",
            subtitle="Regular client",
            avatar="AS",
            badge="VIP",
            badge_style="warning",
            url="/cabinet/clients/1/",
            meta=[("bi-telephone", "+7 999 123-45-67"), ("bi-calendar", "12 visits")],
        ),
        CardItem(
            id="2",
            title="Boris Kim",
            subtitle="New client",
            avatar=SAMPLE_IMAGE,
            badge="New",
            badge_style="primary",
            url="/cabinet/clients/2/",
            meta=[("bi-telephone", "+7 999 765-43-21"), ("bi-calendar", "1 visit")],
        ),
        CardItem(
            id="3",
            title="Chen Li",
            subtitle="Since 2024",
            avatar="CL",
            url="/cabinet/clients/3/",
            meta=[("bi-envelope", "chen@example.com")],
        ),
        CardItem(id="4", title="Dmitri Volkov", avatar="DV", badge="Blocked", badge_style="danger"),
    ]


def typical(view_mode: str = "grid") -> CardGridData:
    return CardGridData(
        items=clients(),
        view_mode=view_mode,  # type: ignore[arg-type]
        search_placeholder="Search clients…",
    )


# Long names and e-mails as a salon's client base has them: what broke mid-word at 1366 px.
LONG_NAMES = (
    ("Konstantin Konstantinopolsky", "konstantin.konstantinopolsky@example.com"),
    ("Aleksandra Vasilievna Rozhdestvenskaya", "a.rozhdestvenskaya@salon-clients.example.org"),
    ("Maximilian von Hohenberg-Wittelsbach", "maximilian.hohenberg@very-long-domain-name.example"),
    ("Anna Smith", "anna@example.com"),
    ("Nurlanbek Abdrakhmanovich Tokhtarbekov", "nurlanbek.tokhtarbekov@mail.example"),
    ("Chen Li", "chen.li@example.com"),
)


def long_names(view_mode: str = "grid") -> CardGridData:
    return CardGridData(
        items=[
            CardItem(
                id=str(index + 1),
                title=name,
                subtitle=email,
                avatar="".join(part[0] for part in name.split()[:2]),
                badge="Regular" if index % 2 else "",
                badge_style="success",
                url=f"/cabinet/clients/{index + 1}/",
                meta=[("bi-telephone", "+7 999 123-45-67"), ("bi-envelope", email)],
            )
            for index, (name, email) in enumerate(LONG_NAMES)
        ],
        view_mode=view_mode,  # type: ignore[arg-type]
        search_placeholder="Search clients…",
    )


def many_items(count: int = 130) -> CardGridData:
    rng = seeded_random("card_grid--many-items")
    items = []
    for index in range(count):
        name, role = PEOPLE[index % len(PEOPLE)]
        style = BADGE_STYLES[rng.randrange(len(BADGE_STYLES))]
        items.append(
            CardItem(
                id=str(index + 1),
                title=f"{name} {index + 1}",
                subtitle=role,
                avatar="" if index % 5 == 4 else "".join(part[0] for part in name.split()),
                badge=BADGE_WORDS[style] if index % 3 == 0 else "",
                badge_style=style,
                url=f"/cabinet/clients/{index + 1}/",
                meta=[("bi-calendar", f"{rng.randrange(1, 40)} visits")],
            )
        )
    return CardGridData(items=items, search_placeholder="Search clients…")


STORIES = [
    Story(
        component="card_grid",
        name="Typical",
        kwargs=lambda: {"cards": typical()},
        notes=(
            "Grid mode with search, initials and image avatars, badges and meta. Each card with a url is one "
            "link (the title's link covers the card); the last card has none."
        ),
    ),
    Story(
        component="card_grid",
        name="List mode",
        screenshots=("light--mobile",),
        kwargs=lambda: {"cards": typical("list")},
        notes="view_mode='list': the same markup as compact rows; the toggle's choice is remembered.",
    ),
    Story(
        component="card_grid",
        name="Badge styles",
        screenshots=("dark--desktop",),
        kwargs=lambda: {
            "cards": CardGridData(
                items=[
                    CardItem(
                        id=style,
                        title=f"Badge {style}",
                        subtitle=f"badge_style='{style}'",
                        avatar=style[:2].upper(),
                        badge=BADGE_WORDS[style],
                        badge_style=style,
                    )
                    for style in BADGE_STYLES
                ]
            )
        },
        notes="Every badge_style; the badge always carries its word, the colour only repeats it.",
    ),
    Story(
        component="card_grid",
        name="Empty",
        kwargs=lambda: {"cards": CardGridData(items=[], search_placeholder="Search clients…")},
        notes="No items: the empty state replaces toolbar and cards.",
    ),
    Story(
        component="card_grid",
        name="Empty with message",
        kwargs=lambda: {"cards": CardGridData(items=[], empty_message="No clients yet. Add the first one.")},
    ),
    Story(
        component="card_grid",
        name="Many items",
        kwargs=lambda: {"cards": many_items()},
        notes=(
            "130 cards, page_size 24 (the default): one page at a time and a pager below (previous/next, "
            "'Cards 1–24 of 130', 'Page 1 of 6'). Paging applies after the search: a search starts on page 1 "
            "of its matches."
        ),
    ),
    Story(
        component="card_grid",
        name="One page",
        kwargs=lambda: {"cards": CardGridData(items=many_items(12).items, page_size=0)},
        notes="page_size=0: every card on one page, no pager.",
    ),
    Story(
        component="card_grid",
        name="Long names",
        kwargs=lambda: {"cards": long_names()},
        notes=(
            "Long names and e-mails stay on one line with an ellipsis, never broken mid-word. The full text is "
            "in the markup and in title attributes (the link's title holds name and e-mail); while a card has "
            "keyboard focus its lines unfold."
        ),
    ),
    Story(
        component="card_grid",
        name="Long names as a list",
        kwargs=lambda: {"cards": long_names("list")},
        notes="The same long names in list mode: one line each, with an ellipsis.",
    ),
    Story(
        component="card_grid",
        name="Long text",
        kwargs=lambda: {
            "cards": CardGridData(
                items=[
                    CardItem(
                        id="1",
                        title="Maximilian Alexander von Hohenberg-Wittelsbach-Sachsen-Coburg",
                        subtitle="Prefers appointments after 18:00 on weekdays, never on Saturday mornings",
                        avatar="MH",
                        badge="Waiting for the rescheduled appointment to be confirmed",
                        badge_style="info",
                        url="/cabinet/clients/1/",
                        meta=[
                            (
                                "bi-envelope",
                                "maximilian.alexander.von.hohenberg@very-long-domain-name.example",
                            ),
                            ("bi-geo-alt", "Schloss Hohenberg, Hauptstraße 123, 80331 München, Deutschland"),
                        ],
                    ),
                    CardItem(id="2", title="Anna Smith", avatar="AS", url="/cabinet/clients/2/"),
                ],
                view_mode="grid",
            )
        },
    ),
    Story(
        component="card_grid",
        name="Non-Latin text",
        kwargs=lambda: {
            "cards": CardGridData(
                items=[
                    CardItem(
                        id="1",
                        title="Иван Петров",
                        subtitle="Постоянный клиент",
                        avatar="ИП",
                        badge="VIP",
                        badge_style="warning",
                        url="/cabinet/clients/1/",
                        meta=[("bi-telephone", "+7 999 123-45-67"), ("bi-calendar", "12 визитов")],
                    ),
                    CardItem(id="2", title="王小明", subtitle="新客户", badge="新", badge_style="primary"),
                    CardItem(id="3", title="محمد علي", subtitle="عميل دائم", avatar="مع"),
                ],
                search_placeholder="Поиск клиентов…",
            )
        },
    ),
]
