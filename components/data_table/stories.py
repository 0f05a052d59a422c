"""Stories of the ``data_table`` component.

Typical appointments (filters, badges, actions, sortable columns), every
alignment, action style and badge colour, no search bar, empty, long and
non-Latin text, many rows (the client-side search works over all of them),
escaping, and server-side mode (a page of a larger result with its pager).
"""

from __future__ import annotations

from typing import Any

from codex_django.cabinet.types.data_table import DataTableData, DataTablePage, TableAction, TableFilter
from codex_django.cabinet.types.data_table_actions import BulkAction, TableExport
from codex_django.cabinet.types.widgets import BadgeStyle, TableColumn
from codex_django.storybook.fixed import FROZEN_TODAY, seeded_random
from codex_django.storybook.story import Story

CLIENTS = (
    "Anna Smith",
    "Boris Kim",
    "Chen Li",
    "Dmitri Volkov",
    "Elena Moroz",
    "Farid Aliyev",
    "Grace Obi",
    "Hana Tanaka",
)
SERVICES = ("Haircut", "Colouring", "Manicure", "Massage", "Consultation")
STATUSES = ("pending", "confirmed", "completed", "cancelled")
STATUS_LABELS = {
    "pending": "Pending",
    "confirmed": "Confirmed",
    "completed": "Completed",
    "cancelled": "Cancelled",
}
STATUS_COLOURS: dict[str, BadgeStyle] = {
    "pending": "warning",
    "confirmed": "info",
    "completed": "success",
    "cancelled": "danger",
}
COLOURS: tuple[BadgeStyle, ...] = (
    "primary",
    "secondary",
    "success",
    "danger",
    "warning",
    "info",
    "light",
    "dark",
)


def appointment_columns() -> list[TableColumn]:
    return [
        TableColumn(key="client", label="Client", bold=True, sortable=True),
        TableColumn(key="service", label="Service", muted=True, sortable=True),
        TableColumn(key="date", label="Date", sortable=True),
        TableColumn(key="status", label="Status", badge_key="status_colours"),
        TableColumn(key="price", label="Price", align="right", sortable=True),
    ]


def appointment_rows(count: int, name: str) -> list[dict[str, Any]]:
    rng = seeded_random(name)
    rows = []
    for index in range(count):
        day = FROZEN_TODAY.toordinal() + rng.randint(-20, 40)
        date = FROZEN_TODAY.fromordinal(day)
        rows.append(
            {
                "client": CLIENTS[(index * 3 + rng.randrange(len(CLIENTS))) % len(CLIENTS)],
                "service": SERVICES[rng.randrange(len(SERVICES))],
                "date": f"{date:%d.%m.%Y}",
                "starts": date.isoformat(),
                "status": STATUSES[rng.randrange(len(STATUSES))],
                "price": f"{rng.randint(8, 120) * 100:,} ₽".replace(",", " "),
                "detail_url": f"/cabinet/booking/appointments/{index + 1}/",
                "id": index + 1,
            }
        )
    return rows


def appointments(count: int = 8, name: str = "data_table--typical", **extra: Any) -> DataTableData:
    fields: dict[str, Any] = {
        "columns": appointment_columns(),
        "rows": appointment_rows(count, name),
        "filters": [TableFilter(key=value, label=STATUS_LABELS[value], value=value) for value in STATUSES],
        "actions": [TableAction(label="Open", url_key="detail_url", icon="bi-eye")],
        "search_placeholder": "Search clients, services, dates…",
        "badge_maps": {"status_colours": STATUS_COLOURS},
        "choices": {"status": STATUS_LABELS},
        "sort_values": {"date": "starts"},
    }
    fields.update(extra)
    return DataTableData(**fields)


def every_enum() -> DataTableData:
    return DataTableData(
        columns=[
            TableColumn(key="left", label="Left", sortable=True),
            TableColumn(key="center", label="Center", align="center", bold=True),
            TableColumn(key="right", label="Right", align="right", muted=True, sortable=True),
            TableColumn(key="colour", label="Badge", badge_key="colours"),
            TableColumn(key="kind", label="Icon", icon_key="kinds"),
        ],
        rows=[
            {
                "left": f"Row {index + 1}",
                "center": str(index * 7 % 10),
                "right": f"{(index + 1) * 150} ₽",
                "colour": colour,
                "kind": "call" if index % 2 else "visit",
                "view_url": f"/cabinet/items/{index + 1}/",
                "edit_url": f"/cabinet/items/{index + 1}/edit/",
                "delete_url": f"/cabinet/items/{index + 1}/delete/",
            }
            for index, colour in enumerate(COLOURS)
        ],
        actions=[
            TableAction(label="View", url_key="view_url", icon="bi-eye", style="link"),
            TableAction(label="Edit", url_key="edit_url", icon="bi-pencil", style="btn-primary"),
            TableAction(label="Delete", url_key="delete_url", icon="bi-trash", style="btn-danger"),
        ],
        badge_maps={"colours": {colour: colour for colour in COLOURS}},
        icon_maps={"kinds": {"call": "bi-telephone", "visit": "bi-shop"}},
    )


BULK_ACTIONS = [
    BulkAction(key="confirm", label="Confirm", url="/cabinet/booking/appointments/bulk/", icon="bi-check2"),
    BulkAction(
        key="cancel",
        label="Cancel",
        url="/cabinet/booking/appointments/bulk/",
        style="btn-danger",
        icon="bi-x-lg",
        confirm="Cancel the selected appointments?",
    ),
]
EXPORT = TableExport(url="/cabinet/booking/appointments/export/")


def server_side(**extra: Any) -> DataTableData:
    return appointments(
        count=10,
        name="data_table--server-side",
        **extra,
        page=DataTablePage(
            number=2,
            size=10,
            total=1_204,
            url="/cabinet/booking/appointments/",
            status="",
            sort="-date",
            counts={"pending": 311, "confirmed": 402, "completed": 390, "cancelled": 101, "all": 1_204},
        ),
    )


STORIES = [
    Story(
        component="data_table",
        name="Typical",
        kwargs=lambda: {"table": appointments(), "label": "Appointments"},
        notes=(
            "Search, status filters with counts (an 'All' button is added when no filter has the "
            "empty value), sortable columns, status badges (text + colour) and an 'Open' action "
            "that opens the modal."
        ),
    ),
    Story(
        component="data_table",
        name="Every enum value",
        kwargs=lambda: {"table": every_enum(), "label": "Every option"},
        notes="Every alignment, bold and muted, every badge colour, icons, and the three action styles.",
    ),
    Story(
        component="data_table",
        name="Without search",
        kwargs=lambda: {
            "table": appointments(search_placeholder="", filters=[]),
            "label": "Appointments",
        },
        notes="An empty search_placeholder hides the search bar; no filters, no filter bar.",
    ),
    Story(
        component="data_table",
        name="Empty",
        kwargs=lambda: {
            "table": appointments(count=0, empty_message="No appointments yet."),
            "label": "Appointments",
        },
        notes="No rows: the empty state (different from the 'no results' state of a search).",
    ),
    Story(
        component="data_table",
        name="Many rows",
        kwargs=lambda: {
            "table": appointments(count=300, name="data_table--many-rows"),
            "label": "Appointments",
        },
        notes="300 rows in a scroll region with a sticky header; search, filters and sorting stay instant.",
    ),
    Story(
        component="data_table",
        name="Long text",
        kwargs=lambda: {
            "table": DataTableData(
                columns=[
                    TableColumn(key="client", label="Client and legal entity", bold=True, sortable=True),
                    TableColumn(key="note", label="Note from the administrator", muted=True),
                    TableColumn(key="amount", label="Amount including VAT", align="right"),
                ],
                rows=[
                    {
                        "client": "Limited Liability Company “Northern Lights Wellness and Beauty Studios”",
                        "note": "Paid by bank transfer after the second reminder; the invoice was re-issued.",
                        "amount": "1 284 639 ₽",
                        "detail_url": "/cabinet/clients/1/",
                    },
                    {
                        "client": "Anna Smith",
                        "note": None,
                        "amount": "950 ₽",
                        "detail_url": "/cabinet/clients/2/",
                    },
                ],
                actions=[TableAction(label="Open the client's card", url_key="detail_url")],
                search_placeholder="Search by client, legal entity or administrator note",
            ),
            "label": "Payments that need a closer look before the end of the financial year",
        },
    ),
    Story(
        component="data_table",
        name="Non-Latin text",
        kwargs=lambda: {
            "table": DataTableData(
                columns=[
                    TableColumn(key="name", label="Клиент", bold=True, sortable=True),
                    TableColumn(key="date", label="Дата"),
                    TableColumn(key="status", label="Статус", badge_key="status_colors"),
                    TableColumn(key="amount", label="Сумма", align="right", sortable=True),
                ],
                rows=[
                    {"name": "Иван Петров", "date": "01.04.2026", "status": "pending", "amount": "3 500 ₽"},
                    {
                        "name": "Анна Смирнова",
                        "date": "31.03.2026",
                        "status": "confirmed",
                        "amount": "1 200 ₽",
                    },
                    {"name": "王小明", "date": "30.03.2026", "status": "confirmed", "amount": "800 ₽"},
                ],
                filters=[
                    TableFilter(key="pending", label="Ожидают", value="pending"),
                    TableFilter(key="confirmed", label="Подтверждены", value="confirmed"),
                ],
                search_placeholder="Поиск клиентов...",
                badge_maps={"status_colors": {"pending": "warning", "confirmed": "success"}},
                choices={"status": {"pending": "Ожидает", "confirmed": "Подтверждена"}},
            ),
            "label": "Записи",
        },
    ),
    Story(
        component="data_table",
        name="Escaping",
        kwargs=lambda: {
            "table": DataTableData(
                columns=[TableColumn(key="name", label="<i>Name</i>", sortable=True)],
                rows=[{"name": '<script>alert("x")</script>', "status": '"><b>', "url": "/a/?x=<b>"}],
                filters=[TableFilter(key="odd", label="<b>Odd</b>", value='"><b>')],
                actions=[TableAction(label="<b>Open</b>", url_key="url")],
                search_placeholder='"><script>',
            ),
            "label": "<b>Label</b>",
        },
        notes="Markup in headers, cells, filters, actions, the placeholder and the label is printed as text.",
        tags=("security",),
    ),
    Story(
        component="data_table",
        name="Server-side",
        kwargs=lambda: {"table": server_side(), "label": "Appointments", "id": "appointments"},
        notes=(
            "Server-side mode (DataTableData.page): page 2 of 1,204 rows sorted by date, descending. "
            "Search, filters, sort headers and the pager request the page URL through HTMX and push "
            "the state to the address bar."
        ),
    ),
    Story(
        component="data_table",
        name="Column menu",
        kwargs=lambda: {
            "table": appointments(
                name="data_table--column-menu",
                column_menu=True,
                hidden_columns=["service"],
                locked_columns=["client"],
            ),
            "label": "Appointments",
            "id": "story-columns",
        },
        notes=(
            "column_menu=True: a 'Columns' button opens checkboxes that hide and show columns "
            "(Escape closes it and returns focus to the button); the choice is remembered in the "
            "browser under the table's id. 'Service' starts hidden (hidden_columns), 'Client' "
            "cannot be hidden (locked_columns)."
        ),
    ),
    Story(
        component="data_table",
        name="Bulk actions",
        screenshots=("light--mobile",),
        kwargs=lambda: {
            "table": appointments(name="data_table--bulk-actions", bulk_actions=BULK_ACTIONS, export=EXPORT),
            "label": "Appointments",
            "id": "story-bulk",
        },
        notes=(
            "bulk_actions: a checkbox per row (labelled with the row's name), 'select all on this "
            "page' in the header, and a bar announcing the count whose buttons POST the selected "
            "row ids with the CSRF token ('Cancel' asks first). export: an 'Export CSV' link "
            "carrying the current search, filter and sort."
        ),
    ),
    Story(
        component="data_table",
        name="Server-side with bulk actions",
        kwargs=lambda: {
            "table": server_side(bulk_actions=BULK_ACTIONS, export=EXPORT, column_menu=True),
            "label": "Appointments",
            "id": "appointments-bulk",
        },
        notes=(
            "Server-side mode with every tool: once the whole page is selected, 'Select all 1,204 "
            "matching rows' posts all=1 with the current q/status/sort instead of ids; the export "
            "link carries the same state."
        ),
    ),
]
