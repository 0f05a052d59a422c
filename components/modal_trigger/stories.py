"""Stories of ``modal_trigger``: a button per size and style.

Each opens the preview's modal host on the stubbed appointment (its ``htmx`` map).
"""

from __future__ import annotations

from codex_django.cabinet.components.generic_modal import samples
from codex_django.storybook.story import Story

STUBS = samples.RenderedStubs(
    {"/stories/modal/appointment/": lambda: samples.render_modal_html(samples.appointment_modal())}
)

STORIES = [
    Story(
        component="modal_trigger",
        name="Typical",
        kwargs={
            "url": "/stories/modal/appointment/",
            "label": "Open appointment",
            "size": "md",
            "style": "btn-primary",
            "icon": "bi-calendar-event",
        },
        htmx=STUBS,
        notes="A button with `data-cab-modal-url`; the page's modal host opens it and returns focus here.",
    ),
    Story(
        component="modal_trigger",
        name="Small secondary",
        kwargs={
            "url": "/stories/modal/appointment/",
            "label": "Details",
            "size": "sm",
            "style": "btn-outline-secondary",
        },
        htmx=STUBS,
    ),
    Story(
        component="modal_trigger",
        name="Large",
        kwargs={
            "url": "/stories/modal/appointment/",
            "label": "New booking",
            "size": "lg",
            "style": "btn-success",
            "icon": "bi-plus-lg",
        },
        htmx=STUBS,
    ),
    Story(
        component="modal_trigger",
        name="Extra large link style",
        kwargs={
            "url": "/stories/modal/appointment/",
            "label": "Показать все записи клиента за последний год",
            "size": "xl",
            "style": "btn-link",
        },
        htmx=STUBS,
    ),
]
