"""Every code example of the API reference's "Types — Widgets" and "Types — Page Components" runs.

The examples are pasted as written; model querysets and model instances are
replaced by literal data (``Appointment.objects.values(...)`` becomes a list
of dicts, ``client`` a namespace with the same attributes), and ``render`` is
a stand-in that hands back the context so the payload can be checked.
"""

from __future__ import annotations

from datetime import datetime
from types import SimpleNamespace
from typing import Any

from codex_django.cabinet.types.contract import from_payload, to_payload
from codex_django.cabinet.types.widgets import (
    ListItem,
    ListWidgetData,
    MetricWidgetData,
    TableColumn,
    TableWidgetData,
)

request = SimpleNamespace(method="GET")


def render(request: Any, template_name: str, context: dict[str, Any]) -> dict[str, Any]:
    """Stand-in for ``django.shortcuts.render``: the examples' last line returns the context."""
    return context


def round_trips(payload: Any) -> bool:
    return to_payload(from_payload(type(payload), to_payload(payload))) == to_payload(payload)


# --------------------------------------------------------------------------- Types — Widgets


def test_table_column_examples() -> None:
    columns = [
        TableColumn(key="status", label="Статус", badge_key="status_color_map"),
        TableColumn(key="name", label="Клиент", bold=True),
        TableColumn(key="amount", label="Сумма", align="right"),
    ]
    assert [column.align for column in columns] == ["left", "left", "right"]
    assert columns[0].badge_key == "status_color_map" and columns[1].bold


def test_list_item_example() -> None:
    item = ListItem(label="Иван Петров", value="5 сеансов", avatar="ИП", sublabel="Постоянный клиент")
    assert item.initials == "ИП" and not item.avatar_is_image


def test_metric_widget_example() -> None:
    metric = MetricWidgetData(
        label="Новые клиенты",
        value="142",
        trend_value="+12%",
        trend_label="за неделю",
        trend_direction="up",
        icon="bi-people",
    )
    assert metric.trend_icon == "bi-arrow-up-right" and round_trips(metric)


def test_table_widget_example() -> None:
    table = TableWidgetData(
        columns=[
            TableColumn(key="name", label="Клиент", bold=True),
            TableColumn(key="date", label="Дата"),
            TableColumn(key="amount", label="Сумма", align="right"),
        ],
        rows=[
            {"name": "Иван П.", "date": "01.04.2026", "amount": "3 500 ₽"},
            {"name": "Анна С.", "date": "31.03.2026", "amount": "1 200 ₽"},
        ],
    )
    assert table.display_rows[1] == ["Анна С.", "31.03.2026", "1 200 ₽"] and round_trips(table)


def test_list_widget_example() -> None:
    widget = ListWidgetData(
        title="Топ клиенты",
        items=[
            ListItem(label="Иван Петров", value="12 000 ₽", avatar="ИП"),
            ListItem(label="Анна Смирнова", value="8 500 ₽", avatar="АС"),
        ],
    )
    assert [item.initials for item in widget.items] == ["ИП", "АС"] and round_trips(widget)


# --------------------------------------------------------------------------- Types — Page Components


def test_table_filter_and_action_examples() -> None:
    from codex_django.cabinet.types.components import TableAction, TableFilter

    assert TableFilter(key="pending", label="Ожидают", value="pending").value == "pending"
    TableAction(label="Открыть", url_key="detail_url", icon="bi-eye")
    delete = TableAction(label="Удалить", url_key="delete_url", icon="bi-trash", style="btn-danger")
    assert delete.style == "btn-danger"


APPOINTMENTS = [
    {"name": "Иван П.", "date": "01.04.2026", "status": "pending", "detail_url": "/booking/1/"},
    {"name": "Анна С.", "date": "31.03.2026", "status": "confirmed", "detail_url": "/booking/2/"},
    {"name": "Пётр К.", "date": "31.03.2026", "status": "pending", "detail_url": "/booking/3/"},
]


def test_data_table_example() -> None:
    from codex_django.cabinet import DataTableData, TableAction, TableColumn, TableFilter
    from codex_django.cabinet.components.data_table.presenter import present_table

    def view(request: Any) -> Any:
        table = DataTableData(
            columns=[
                TableColumn(key="name", label="Клиент", bold=True),
                TableColumn(key="date", label="Дата"),
                TableColumn(key="status", label="Статус", badge_key="status_colors"),
            ],
            rows=list(APPOINTMENTS),  # Appointment.objects.values("name", "date", "status", "detail_url")
            filters=[
                TableFilter(key="pending", label="Ожидают", value="pending"),
                TableFilter(key="confirmed", label="Подтверждены", value="confirmed"),
            ],
            actions=[TableAction(label="Открыть", url_key="detail_url", icon="bi-eye")],
            search_placeholder="Поиск клиентов...",
        )
        return render(request, "booking/appointments.html", {"table": table})

    table = view(request)["table"]
    shown = present_table(table)
    # The reference's table has no "all" filter: the component puts one first.
    assert [(item.key, item.count_label) for item in shown.filters] == [
        ("all", "3"),
        ("pending", "2"),
        ("confirmed", "1"),
    ]
    assert shown.rows[1]["actions"][0].url == "/booking/2/"
    assert round_trips(table)


def test_calendar_slot_example() -> None:
    from codex_django.cabinet.types.components import CalendarSlot

    # 60-minute appointment starting at 9:00 with 30-min slots (row index 2)
    slot = CalendarSlot(
        col=0,  # first master
        row=2,  # 9:00 slot (rows: ["8:00","8:30","9:00",...])
        span=2,  # 60 min / 30 min = 2
        title="Иван П.",
        subtitle="Стрижка",
        color="#6366f1",
        url="/booking/42/",
    )
    assert slot.end_row == 4


def test_calendar_grid_example() -> None:
    from codex_django.cabinet import CalendarGridData, CalendarSlot

    def view(request: Any) -> Any:
        # Build 30-min slots from 8:00 to 20:00
        rows = [f"{h}:{m:02d}" for h in range(8, 20) for m in (0, 30)]

        calendar = CalendarGridData(
            cols=["Мастер 1", "Мастер 2", "Мастер 3"],
            rows=rows,
            events=[
                CalendarSlot(
                    col=0,
                    row=2,
                    span=2,
                    title="Иван П.",
                    subtitle="Стрижка",
                    color="#6366f1",
                    url="/booking/42/",
                ),
            ],
            slot_height_px=40,
            new_event_url="/booking/new/",
        )
        return render(request, "booking/schedule.html", {"calendar": calendar})

    calendar = view(request)["calendar"]
    assert len(calendar.rows) == 24 and calendar.lanes == [(0, 1)] and round_trips(calendar)


CLIENT = SimpleNamespace(
    pk=17,
    full_name="Иван Петров",
    category="Постоянный",
    initials="ИП",
    phone="+7 999 123-45-67",
    visit_count=12,
)


def test_card_item_example() -> None:
    from codex_django.cabinet.types.components import CardItem

    client = CLIENT
    card = CardItem(
        id=str(client.pk),
        title=client.full_name,
        subtitle=client.category,
        avatar=client.initials,
        badge="VIP",
        badge_style="warning",
        url=f"/cabinet/clients/{client.pk}/",
        meta=[
            ("bi-telephone", client.phone),
            ("bi-calendar", f"{client.visit_count} визитов"),
        ],
    )
    assert card.meta[1] == ("bi-calendar", "12 визитов") and round_trips(card)


def test_card_grid_example() -> None:
    from codex_django.cabinet import CardGridData, CardItem

    clients = [
        CLIENT,
        SimpleNamespace(pk=18, full_name="Анна Смирнова", initials="АС"),
    ]  # Client.objects.all()

    def view(request: Any) -> Any:
        cards = CardGridData(
            items=[
                CardItem(
                    id=str(c.pk),
                    title=c.full_name,
                    avatar=c.initials,
                    url=f"/cabinet/clients/{c.pk}/",
                )
                for c in clients
            ],
            search_placeholder="Поиск клиентов...",
        )
        return render(request, "clients/index.html", {"cards": cards})

    cards = view(request)["cards"]
    assert [card.id for card in cards.items] == ["17", "18"] and cards.view_mode == "grid"


MESSAGES = [
    SimpleNamespace(
        pk=5,
        subject="Перенос записи",
        sender="Иван",
        channel="telegram",
        created_at=datetime(2026, 4, 1, 9, 30),
        sent_at=datetime(2026, 4, 1, 9, 30),
    ),
    SimpleNamespace(
        pk=6,
        subject="Напоминание",
        sender="Система",
        channel="email",
        created_at=datetime(2026, 3, 31, 18, 0),
        sent_at=datetime(2026, 3, 31, 18, 0),
    ),
]


def test_list_row_example() -> None:
    from codex_django.cabinet.types.components import ListRow

    msg = MESSAGES[0]
    row = ListRow(
        id=str(msg.pk),
        primary=msg.subject,
        secondary=msg.sender,
        meta=msg.created_at.strftime("%d.%m"),
        url=f"/cabinet/conversations/{msg.pk}/",
    )
    assert row.meta == "01.04"


def test_list_view_example() -> None:
    from codex_django.cabinet import ListRow, ListViewData

    notifications = MESSAGES  # Notification.objects.order_by("-sent_at")

    def view(request: Any) -> Any:
        list_data = ListViewData(
            rows=[
                ListRow(
                    id=str(n.pk),
                    primary=n.subject,
                    secondary=n.channel,
                    meta=n.sent_at.strftime("%d.%m %H:%M"),
                    url=f"/cabinet/notifications/{n.pk}/",
                )
                for n in notifications
            ],
            search_placeholder="Поиск уведомлений...",
        )
        return render(request, "notifications/log.html", {"list": list_data})

    list_data = view(request)["list"]
    assert [row.meta for row in list_data.rows] == ["01.04 09:30", "31.03 18:00"] and round_trips(list_data)


def test_split_panel_example() -> None:
    from codex_django.cabinet import ListRow, SplitPanelData

    conversations = [
        SimpleNamespace(
            pk=42,
            subject="Перенос записи",
            last_message="Можно перенести на пятницу?",
            updated_at=datetime(2026, 4, 1),
            client_initials="ИП",
        ),
        SimpleNamespace(
            pk=43,
            subject="Оплата",
            last_message="Спасибо!",
            updated_at=datetime(2026, 3, 30),
            client_initials="АС",
        ),
    ]

    def view(request: Any, active_conversation: Any) -> Any:
        panel = SplitPanelData(
            items=[
                ListRow(
                    id=str(conv.pk),
                    primary=conv.subject,
                    secondary=conv.last_message[:60],
                    meta=conv.updated_at.strftime("%d.%m"),
                    avatar=conv.client_initials,
                )
                for conv in conversations
            ],
            active_id=str(active_conversation.pk) if active_conversation else "",
            detail_url="/cabinet/conversations",
            empty_message="Выберите переписку",
        )
        return render(request, "conversations/index.html", {"panel": panel})

    panel = view(request, conversations[1])["panel"]
    assert [(entry.detail_url, entry.active) for entry in panel.entries] == [
        ("/cabinet/conversations/42", False),
        ("/cabinet/conversations/43", True),
    ]
    assert view(request, None)["panel"].active_id == ""
