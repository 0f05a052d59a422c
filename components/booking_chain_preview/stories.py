"""Stories of ``booking_chain_preview``: typical, empty, long text, one step."""

from __future__ import annotations

from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.types.booking_modal import BookingChainPreviewData, BookingChainPreviewItem
from codex_django.storybook.story import Story

STORIES = [
    Story(component="booking_chain_preview", name="Typical", kwargs=lambda: {"chain": samples.chain_data()}),
    Story(
        component="booking_chain_preview",
        name="Empty",
        kwargs=lambda: {"chain": BookingChainPreviewData()},
        notes="The default title and a notice instead of the list.",
    ),
    Story(
        component="booking_chain_preview",
        name="One step, no meta",
        kwargs=lambda: {
            "chain": BookingChainPreviewData(
                title="Your visit", items=[BookingChainPreviewItem("Manicure 14:00–15:00")]
            )
        },
    ),
    Story(
        component="booking_chain_preview",
        name="Long text",
        kwargs=lambda: {
            "chain": BookingChainPreviewData(
                title="Цепочка записей на комплексный уход в день свадьбы",
                items=[
                    BookingChainPreviewItem(
                        "Комплексный уход за волосами с восстановлением и укладкой 09:00–12:30",
                        "Анна Смирнова, ведущий стилист салона на Тверской",
                        "12 500 ₽ · 3 ч 30 мин",
                    ),
                    BookingChainPreviewItem("Макияж 12:30–13:30", "Мария Иванова", "4 000 ₽"),
                ],
            )
        },
    ),
]
