"""Stories of the ``table_widget`` component: alignments, bold/muted, empty, many rows, long text."""

from __future__ import annotations

from typing import Any

from codex_django.cabinet.types.widgets import TableColumn, TableWidgetData
from codex_django.storybook.fixed import seeded_random
from codex_django.storybook.story import Story

NAMES = ("Anna S.", "Boris K.", "Chen L.", "Dmitri V.", "Elena M.", "Farid A.", "Grace O.", "Hana T.")
SERVICES = ("Haircut", "Colouring", "Manicure", "Massage", "Consultation")


def payments() -> TableWidgetData:
    return TableWidgetData(
        columns=[
            TableColumn(key="client", label="Client", bold=True),
            TableColumn(key="date", label="Date", muted=True),
            TableColumn(key="amount", label="Amount", align="right"),
        ],
        rows=[
            {"client": "Anna Smith", "date": "01.04.2026", "amount": "3 500 ₽"},
            {"client": "Boris Kim", "date": "31.03.2026", "amount": "1 200 ₽"},
            {"client": "Chen Li", "date": "31.03.2026", "amount": "12 800 ₽"},
            {"client": "Dmitri Volkov", "date": "30.03.2026", "amount": "950 ₽"},
        ],
    )


def many_rows() -> TableWidgetData:
    rng = seeded_random("table_widget--many-rows")
    rows: list[dict[str, Any]] = [
        {
            "client": NAMES[index % len(NAMES)],
            "service": SERVICES[rng.randrange(len(SERVICES))],
            "visits": rng.randint(1, 40),
            "amount": f"{rng.randint(5, 250) * 100:,} ₽".replace(",", " "),
        }
        for index in range(30)
    ]
    return TableWidgetData(
        columns=[
            TableColumn(key="client", label="Client", bold=True),
            TableColumn(key="service", label="Service", muted=True),
            TableColumn(key="visits", label="Visits", align="center"),
            TableColumn(key="amount", label="Amount", align="right"),
        ],
        rows=rows,
    )


STORIES = [
    Story(
        component="table_widget",
        name="Typical",
        kwargs=lambda: {"table": payments(), "title": "Recent payments"},
        notes="Bold first column, muted date, right-aligned amounts.",
    ),
    Story(
        component="table_widget",
        name="Aligns",
        kwargs=lambda: {
            "table": TableWidgetData(
                columns=[
                    TableColumn(key="left", label="Left"),
                    TableColumn(key="center", label="Center", align="center"),
                    TableColumn(key="right", label="Right", align="right"),
                ],
                rows=[
                    {"left": "Text", "center": "12", "right": "1 200 ₽"},
                    {"left": "Longer text", "center": "3", "right": "80 ₽"},
                ],
            ),
            "title": "Every alignment",
        },
    ),
    Story(
        component="table_widget",
        name="Without title",
        kwargs=lambda: {"table": payments()},
    ),
    Story(
        component="table_widget",
        name="Empty",
        kwargs=lambda: {
            "table": TableWidgetData(columns=payments().columns, rows=[]),
            "title": "Recent payments",
        },
        notes="No rows: the empty state replaces the table.",
    ),
    Story(
        component="table_widget",
        name="Many rows",
        kwargs=lambda: {"table": many_rows(), "title": "Top clients this quarter"},
    ),
    Story(
        component="table_widget",
        name="Long text",
        kwargs=lambda: {
            "table": TableWidgetData(
                columns=[
                    TableColumn(key="client", label="Client and legal entity", bold=True),
                    TableColumn(key="note", label="Note from the administrator", muted=True),
                    TableColumn(key="amount", label="Amount including VAT", align="right"),
                ],
                rows=[
                    {
                        "client": "Limited Liability Company “Northern Lights Wellness and Beauty Studios”",
                        "note": (
                            "Paid by bank transfer after the second reminder; the invoice was re-issued."
                        ),
                        "amount": "1 284 639 ₽",
                    },
                    {"client": "Anna Smith", "note": None, "amount": "950 ₽"},
                ],
            ),
            "title": "Payments that need a closer look before the end of the financial year",
        },
    ),
    Story(
        component="table_widget",
        name="Non-Latin text",
        kwargs=lambda: {
            "table": TableWidgetData(
                columns=[
                    TableColumn(key="name", label="Клиент", bold=True),
                    TableColumn(key="date", label="Дата"),
                    TableColumn(key="amount", label="Сумма", align="right"),
                ],
                rows=[
                    {"name": "Иван П.", "date": "01.04.2026", "amount": "3 500 ₽"},
                    {"name": "Анна С.", "date": "31.03.2026", "amount": "1 200 ₽"},
                    {"name": "王小明", "date": "30.03.2026", "amount": "800 ₽"},
                ],
            ),
            "title": "Последние платежи",
        },
    ),
    Story(
        component="table_widget",
        name="Escaping",
        kwargs=lambda: {
            "table": TableWidgetData(
                columns=[TableColumn(key="name", label="<i>Name</i>")],
                rows=[{"name": '<script>alert("x")</script>'}],
            ),
            "title": "<b>Title</b>",
        },
        notes="Markup in headers, cells and the title is printed as text.",
        tags=("security",),
    ),
]
