"""Stories of the ``page_header`` component: title only, subtitle, breadcrumbs, icon, long text."""

from __future__ import annotations

from codex_django.storybook.story import Story

STORIES = [
    Story(
        component="page_header",
        name="Typical",
        kwargs={
            "title": "Clients",
            "subtitle": "Everyone who booked in the last 12 months",
            "icon": "bi-people",
            "breadcrumbs": [("Cabinet", "/cabinet/"), ("Clients", "")],
        },
    ),
    Story(component="page_header", name="Title only", kwargs={"title": "Dashboard"}),
    Story(
        component="page_header",
        name="Deep breadcrumbs",
        screenshots=("light--mobile",),
        kwargs={
            "title": "Invoice 2026-0412",
            "breadcrumbs": [
                ("Cabinet", "/cabinet/"),
                ("Finance", "/cabinet/finance/"),
                ("Invoices", "/cabinet/finance/invoices/"),
                ("Invoice 2026-0412", ""),
            ],
        },
    ),
    Story(
        component="page_header",
        name="Long text",
        kwargs={
            "title": "Quarterly revenue and attendance report for all branches, partners and online services",
            "subtitle": (
                "Figures include cancelled appointments that were charged a fee, gift certificates redeemed "
                "in the period and corrections made after the period closed."
            ),
        },
    ),
    Story(
        component="page_header",
        name="Non-Latin text",
        kwargs={
            "title": "Клиенты",
            "subtitle": "Все, кто записывался за последний год",
            "breadcrumbs": [("Кабинет", "/cabinet/"), ("Клиенты", "")],
        },
    ),
]
