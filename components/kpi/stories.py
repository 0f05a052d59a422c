"""Stories of the ``kpi`` component: each trend direction, unit, link, long and non-Latin text."""

from __future__ import annotations

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="kpi",
        name="Typical",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="New clients",
                value="142",
                trend_value="+12%",
                trend_label="this week",
                trend_direction="up",
                icon="bi-people",
            )
        },
        notes="A KPI with an upward trend: arrow, colour and the hidden word 'up'.",
    ),
    Story(
        component="kpi",
        name="Trend down",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="Cancellations",
                value="7",
                trend_value="−3",
                trend_label="vs last week",
                trend_direction="down",
                icon="bi-x-circle",
            )
        },
    ),
    Story(
        component="kpi",
        name="Trend neutral",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="Average check",
                value="2 450",
                unit="₽",
                trend_value="0%",
                trend_label="no change",
                trend_direction="neutral",
                icon="bi-receipt",
            )
        },
    ),
    Story(
        component="kpi",
        name="With unit",
        kwargs=lambda: {
            "metric": MetricWidgetData(label="Occupancy", value="86", unit="%", icon="bi-pie-chart")
        },
        notes="No trend: the trend line is left out.",
    ),
    Story(
        component="kpi",
        name="Minimal",
        kwargs=lambda: {"metric": MetricWidgetData(label="Open tickets", value="0")},
        notes="Only a label and a value: no icon, unit or trend.",
    ),
    Story(
        component="kpi",
        name="Link",
        screenshots=("dark--desktop",),
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="Unpaid invoices",
                value="12",
                trend_value="+2",
                trend_label="today",
                trend_direction="up",
                icon="bi-file-earmark-text",
                url="/cabinet/invoices/?status=unpaid",
            )
        },
        notes="With metric.url the whole card is a link (keyboard: the label link, focus ring on the card).",
    ),
    Story(
        component="kpi",
        name="Long text",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="Revenue from recurring subscriptions across all branches and partner locations",
                value="1 284 639 210",
                unit="₽",
                trend_value="+1 204 320 ₽",
                trend_label="compared with the same period of the previous financial year",
                trend_direction="up",
                icon="bi-graph-up-arrow",
            )
        },
        notes="Long label, value and trend text wrap inside the card.",
    ),
    Story(
        component="kpi",
        name="Non-Latin text",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label="Новые клиенты",
                value="1 420",
                trend_value="+12%",
                trend_label="за неделю",
                trend_direction="up",
                icon="bi-people",
            )
        },
    ),
    Story(
        component="kpi",
        name="Escaping",
        kwargs=lambda: {
            "metric": MetricWidgetData(
                label='<script>alert("x")</script> clients',
                value="<b>42</b>",
                trend_value="&amp;",
                trend_direction="down",
            )
        },
        notes="Markup in the payload is printed as text.",
        tags=("security",),
    ),
]
