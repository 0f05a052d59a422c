"""Stories of ``client_selector``: local filter, server search, chosen client, new client with errors, empty."""

from __future__ import annotations

from codex_django.cabinet.components.client_selector.client_selector import options_html
from codex_django.cabinet.components.generic_modal.samples import RenderedStubs
from codex_django.cabinet.types.booking import ClientSelectorData
from codex_django.storybook.story import Story

CLIENTS = [
    {"id": 10, "name": "Иван Петров", "phone": "+7 999 123-45-67", "email": "ivan@example.com"},
    {"id": 11, "name": "Anna Smith", "phone": "+44 20 7946 0018"},
    {"id": 12, "name": "Мария Иванова", "email": "maria@example.com"},
    {"id": 13, "name": "Sophie Bennett"},
]


# The server search's answer, rendered on first read (after Django has started).
SEARCH_STUB = RenderedStubs(
    {
        "/stories/clients/search/": lambda: str(
            options_html(CLIENTS[:2], prefix="cab-client-stories-clients-search", create=True)
        )
    }
)


STORIES = [
    Story(
        component="client_selector",
        name="Typical",
        kwargs=lambda: {"selector": ClientSelectorData(clients=CLIENTS)},
        notes="A combobox filtering the payload's clients; Down opens the list, Enter chooses, Esc closes.",
    ),
    Story(
        component="client_selector",
        name="Server search",
        kwargs=lambda: {"selector": ClientSelectorData(search_url="/stories/clients/search/")},
        htmx=SEARCH_STUB,
        notes="Typing sends `q` to `search_url` (250 ms after the last key); the answer replaces the options.",
    ),
    Story(
        component="client_selector",
        name="Chosen",
        screenshots=("dark--desktop",),
        kwargs=lambda: {"selector": ClientSelectorData(clients=CLIENTS, selected_id="11")},
        notes="The chosen client's name is in the input, its id in `client_id`.",
    ),
    Story(
        component="client_selector",
        name="New client with errors",
        kwargs=lambda: {
            "selector": ClientSelectorData(
                clients=CLIENTS,
                create_new=True,
                new_client_name="Ольга Кузнецова-Тихомирова",
                new_client_phone="12",
                errors=["Choose a client or enter a new client's name and phone."],
            )
        },
    ),
    Story(
        component="client_selector",
        name="Empty, no create",
        kwargs=lambda: {
            "selector": ClientSelectorData(allow_create=False, search_placeholder="Имя или телефон…")
        },
    ),
]
