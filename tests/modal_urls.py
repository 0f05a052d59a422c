"""Test views for the modal system and the booking widgets (tests/integration/test_modal*.py,
tests/browser/test_modal_interactions.py, tests/browser/test_booking_interactions.py).

A URLconf of its own, used with ``pytest.mark.urls("tests.modal_urls")`` or
``settings.ROOT_URLCONF``; it brings django-components' and the storybook's
URLs too, so a live server on it serves the bundle, the pages and the stories.

* ``modal-tests/page/`` - a cabinet page with buttons opening the views below
  in the modal host and a counter that ``refresh-counter`` reloads;
* ``modal-tests/form/`` - a form modal: POST re-renders with errors, or
  closes with ``HX-Trigger: close-modal, refresh-counter``;
* ``modal-tests/details/`` - appointment details with a confirmed POST action;
* ``modal-tests/broken/`` - answers 500 (the host's error state);
* ``modal-tests/slow/`` - a modal body answered after ``SLOW_SECONDS``;
* ``modal-tests/counter/`` - the number of saved forms;
* ``modal-tests/clients/`` - client search for ``client_selector``;
* ``modal-tests/widgets/`` - the four booking widgets in one form.
"""

from __future__ import annotations

import time

from django.http import HttpRequest, HttpResponse, HttpResponseServerError
from django.template import engines
from django.urls import include, path
from django.views.decorators.http import require_http_methods

from codex_django.cabinet.components.client_selector.client_selector import render_client_options
from codex_django.cabinet.http.modal_responses import modal_close_response, render_modal
from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)
from codex_django.cabinet.types.modal import (
    ActionSection,
    FormField,
    FormSection,
    KeyValueItem,
    ModalAction,
    ModalContentData,
    SummarySection,
)

SAVED: list[str] = []
SLOW_SECONDS = 0.8
CLIENTS = [
    {"id": 1, "name": "Anna Smith", "phone": "+44 20 7946 0018"},
    {"id": 2, "name": "Annette Blake", "phone": "+44 20 7946 0999"},
    {"id": 3, "name": "Иван Петров", "phone": "+7 999 123-45-67"},
]

PAGE = """{% extends "cabinet/base.html" %}
{% block content %}
<h1>Modal tests</h1>
<p><button type="button" id="open-form" class="btn btn-primary" data-cab-modal-url="/modal-tests/form/">Edit note</button>
<button type="button" id="open-details" class="btn btn-secondary" data-cab-modal-url="/modal-tests/details/" data-cab-modal-size="lg">Details</button>
<button type="button" id="open-broken" class="btn btn-secondary" data-cab-modal-url="/modal-tests/broken/">Broken</button>
{% component "modal_trigger" url="/modal-tests/form/" label="Edit via trigger" size="sm" / %}</p>
<p>Saved: <span id="counter" hx-get="/modal-tests/counter/" hx-trigger="refresh-counter from:body">{{ saved }}</span></p>
<p><a href="#after">After</a></p>
{% endblock %}"""

WIDGETS = """{% extends "cabinet/base.html" %}
{% block content %}
<h1>Widgets</h1>
<form method="post" action="/modal-tests/widgets/">{% csrf_token %}
{% component "service_selector" selector=services / %}
{% component "client_selector" selector=clients / %}
{% component "date_time_picker" picker=picker / %}
{% component "summary_panel" summary=summary / %}
</form>
{% if posted %}<pre id="posted">{{ posted }}</pre>{% endif %}
{% endblock %}"""


def _render(source: str, request: HttpRequest, **context: object) -> HttpResponse:
    return HttpResponse(engines["django"].from_string(source).render(context, request))


def page(request: HttpRequest) -> HttpResponse:
    return _render(PAGE, request, saved=len(SAVED))


def form_modal(note: str = "", errors: list[str] | None = None) -> ModalContentData:
    return ModalContentData(
        title="Edit note",
        sections=[
            FormSection(
                fields=[
                    FormField("note", "Note", required=True, value=note, errors=list(errors or [])),
                    FormField("kind", "Kind", "select", "a", options=[("a", "Short"), ("b", "Long")]),
                ]
            ),
            ActionSection(
                actions=[
                    ModalAction("Cancel", method="CLOSE", style="btn-outline-secondary"),
                    ModalAction("Save", url="/modal-tests/form/", method="POST"),
                ]
            ),
        ],
    )


@require_http_methods(["GET", "POST"])
def form(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        note = request.POST.get("note", "").strip()
        if not note:
            return render_modal(request, form_modal(errors=["Write a note first."]))
        SAVED.append(note)
        return modal_close_response(request, trigger="refresh-counter", redirect_to="/modal-tests/page/")
    return render_modal(request, form_modal())


@require_http_methods(["GET", "POST"])
def details(request: HttpRequest) -> HttpResponse:
    if request.method == "POST":
        SAVED.append("cancelled")
        return modal_close_response(request, trigger=["refresh-counter"])
    modal = ModalContentData(
        title="Appointment #42",
        size="lg",
        sections=[
            SummarySection(items=[KeyValueItem("Service", "Haircut"), KeyValueItem("Time", "09:00")]),
            ActionSection(
                actions=[
                    ModalAction("Close", method="CLOSE", style="btn-outline-secondary"),
                    ModalAction(
                        "Cancel appointment",
                        url="/modal-tests/details/",
                        method="POST",
                        style="btn-danger",
                        confirm="Cancel appointment #42?",
                    ),
                ]
            ),
        ],
    )
    return render_modal(request, modal)


def broken(request: HttpRequest) -> HttpResponse:
    return HttpResponseServerError("broken on purpose")


def slow(request: HttpRequest) -> HttpResponse:
    """A modal body that takes a while: the host must drop it when a newer load or a close came first."""
    time.sleep(SLOW_SECONDS)
    return render_modal(
        request,
        ModalContentData(
            title="Slow modal", sections=[SummarySection(items=[KeyValueItem(label="Loaded", value="late")])]
        ),
    )


def counter(request: HttpRequest) -> HttpResponse:
    return HttpResponse(str(len(SAVED)))


def clients(request: HttpRequest) -> HttpResponse:
    query = request.GET.get("q", "").strip().lower()
    found = [client for client in CLIENTS if query and query in str(client["name"]).lower()]
    return render_client_options(request, found)


@require_http_methods(["GET", "POST"])
def widgets(request: HttpRequest) -> HttpResponse:
    posted = ""
    if request.method == "POST":
        keys = ["service_id", "client_id", "new_client_name", "booking_date", "selected_time", "master_id"]
        posted = " ".join(f"{key}={request.POST.get(key, '')}" for key in keys)
    return _render(
        WIDGETS,
        request,
        posted=posted,
        services=ServiceSelectorData(
            items=[
                ServiceItem("1", "Haircut", "2 500 ₽", 60, "hair"),
                ServiceItem("2", "Manicure", "1 800 ₽", 60, "nails"),
                ServiceItem("3", "Hair colouring", "6 000 ₽", 120, "hair"),
            ],
            categories=[("hair", "Hair"), ("nails", "Nails")],
        ),
        clients=ClientSelectorData(search_url="/modal-tests/clients/"),
        picker=DateTimePickerData(
            available_days=[{"date": f"2026-04-{day:02d}"} for day in range(1, 8)],
            time_slots=["09:00", "10:00", "11:00"],
            busy_slots=["10:00"],
            current_month="April 2026",
        ),
        summary=BookingSummaryData(
            confirm_url="/modal-tests/widgets/",
            masters=[{"id": 5, "name": "Anna"}, {"id": 6, "name": "Emily"}],
        ),
    )


routes = [
    path("page/", page, name="page"),
    path("form/", form, name="form"),
    path("details/", details, name="details"),
    path("broken/", broken, name="broken"),
    path("counter/", counter, name="counter"),
    path("slow/", slow, name="slow"),
    path("clients/", clients, name="clients"),
    path("widgets/", widgets, name="widgets"),
]

urlpatterns = [
    path("", include("django_components.urls")),
    path("modal-tests/", include((routes, "modal_tests"))),
    path("storybook/", include("codex_django.storybook.urls")),
]
