"""Stories of the ``empty_state`` component: message only, with title, with action, long text."""

from __future__ import annotations

from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="empty_state",
        name="Typical",
        kwargs={
            "title": "No bookings yet",
            "message": "Bookings you create appear here.",
            "icon": "bi-calendar-x",
            "action_label": "New booking",
            "action_url": "/cabinet/booking/new/",
        },
    ),
    Story(component="empty_state", name="Message only", kwargs={"message": "Nothing to show yet."}),
    Story(
        component="empty_state",
        name="No icon",
        kwargs={"message": "No results match your search.", "icon": ""},
    ),
    Story(
        component="empty_state",
        name="Long text",
        kwargs={
            "title": "There are no invoices for the selected period, branch and payment method",
            "message": (
                "Try a wider date range, choose another branch, or clear the payment method filter to see "
                "every invoice issued by your organisation."
            ),
            "action_label": "Clear all filters and show every invoice",
            "action_url": "?",
        },
    ),
    Story(
        component="empty_state",
        name="Non-Latin text",
        kwargs={"title": "Записей пока нет", "message": "Здесь появятся ваши записи.", "icon": "bi-inbox"},
    ),
]
