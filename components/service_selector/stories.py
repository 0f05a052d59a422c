"""Stories of ``service_selector``: typical with categories, chosen with error, no categories, empty, long."""

from __future__ import annotations

from typing import Any

from codex_django.cabinet.types.booking import ServiceItem, ServiceSelectorData
from codex_django.storybook.story import Story

CATEGORIES: list[tuple[str, Any]] = [("hair", "Hair"), ("nails", "Nails"), ("face", "Face")]


def services() -> list[ServiceItem]:
    return [
        ServiceItem("1", "Women's haircut", "2 500 ₽", 60, "hair", "Wash, cut and blow-dry."),
        ServiceItem("2", "Colouring", "6 000 ₽", 120, "hair"),
        ServiceItem("3", "Manicure", "1 800 ₽", 60, "nails"),
        ServiceItem("4", "Gel polish", "2 500 ₽", 90, "nails", "Lasts up to three weeks."),
        ServiceItem("5", "Brow shaping", "1 200 ₽", 30, "face"),
        ServiceItem("6", "Gift card", "5 000 ₽", 1, "all"),
    ]


STORIES = [
    Story(
        component="service_selector",
        name="Typical",
        kwargs=lambda: {"selector": ServiceSelectorData(items=services(), categories=CATEGORIES)},
        notes="Category buttons (`aria-pressed`) and search filter in the browser; the radios post `service_id`.",
    ),
    Story(
        component="service_selector",
        name="Chosen with error",
        kwargs=lambda: {
            "selector": ServiceSelectorData(
                items=services(),
                categories=CATEGORIES,
                selected_id="4",
                errors=["Gel polish is not available with this master."],
            )
        },
    ),
    Story(
        component="service_selector",
        name="No categories",
        kwargs=lambda: {
            "selector": ServiceSelectorData(items=services()[:3], search_placeholder="Find a service")
        },
    ),
    Story(
        component="service_selector", name="Empty", kwargs=lambda: {"selector": ServiceSelectorData(items=[])}
    ),
    Story(
        component="service_selector",
        name="Long text",
        screenshots=("light--mobile",),
        kwargs=lambda: {
            "selector": ServiceSelectorData(
                items=[
                    ServiceItem(
                        "1",
                        "Комплексный уход за волосами с восстановлением, ламинированием и укладкой",
                        "12 500 ₽",
                        210,
                        "hair",
                        "Процедура включает диагностику, мытьё, восстановление кератином и вечернюю укладку.",
                    ),
                    ServiceItem("2", "Маникюр + Гель-лак", "45 €", 90, "nails"),
                ],
                categories=[("hair", "Волосы и укладка на любой случай"), ("nails", "Ногти")],
                search_placeholder="Поиск услуг...",
            )
        },
    ),
]
