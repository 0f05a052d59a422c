"""The modal system: the host, ``generic_modal`` and the view helpers, as HTML a user (and a screen reader) gets.

Rendered through the real template loaders and, for the view helpers, through
real requests to ``tests/modal_urls.py``.
"""

from __future__ import annotations

import json
import re
from typing import Any

import pytest
from django.http import HttpRequest
from django.template import engines
from django.template.loader import render_to_string
from django.test import Client, RequestFactory

from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.http.modal_responses import modal_close_response, render_modal
from codex_django.cabinet.types.modal import (
    ActionSection,
    FormField,
    FormSection,
    ModalAction,
    ModalContentData,
    SummarySection,
)
from tests import modal_urls
from tests.html_tree import Element as Node
from tests.html_tree import parse

DJC_ID = re.compile(r' data-djc-id-\w+=""')


def render(source: str, request: HttpRequest | None = None, **context: Any) -> str:
    return engines["django"].from_string(source).render(context, request)


def modal_html(modal: ModalContentData, request: HttpRequest | None = None) -> Node:
    return parse(render('{% component "generic_modal" modal=modal / %}', request, modal=modal))


# --------------------------------------------------------------------------- host


def test_host_is_a_labelled_dialog_with_close_button_and_hidden_states() -> None:
    document = parse(render_to_string("cabinet/includes/_modal_base.html"))
    host = document.by_id("cab-modal-host")
    assert host.attrs["x-data"] == "cabModalHost"
    dialog = host.find("dialog")
    assert "cab-modal--md" in dialog.classes
    assert dialog.attrs["aria-labelledby"] == "cab-modal-label"
    assert document.by_id("cab-modal-label").text == "Dialog"
    assert dialog.find("button", cls="cab-modal__close").attrs["aria-label"] == "Close dialog"
    loading = dialog.find(cls="cab-modal__loading")
    assert "hidden" in loading.attrs and loading.text == "Loading…"
    assert loading.parent is not None and loading.parent.attrs["role"] == "status"
    error = dialog.find(cls="cab-modal__error")
    assert error.attrs["role"] == "alert" and "hidden" in error.attrs
    assert error.text == "This dialog could not be loaded. Server answer:"
    assert document.by_id("cab-modal-body").children == []
    assert host.attrs["data-network-error"] == "no answer (network error)"


def test_host_renders_once_per_request_whatever_includes_it() -> None:
    request = RequestFactory().get("/")
    html = render(
        '{% include "cabinet/includes/_modal_base.html" %}{% component "modal_host" / %}'
        '<c-cabinet.modal-host />{% include "cabinet/includes/_modal_base.html" %}',
        request,
    )
    assert len(parse(html).find_all(id="cab-modal-host")) == 1


def test_host_open_url_is_resolved_and_checked() -> None:
    host = parse(render('{% component "modal_host" open_url="/x/?a=1&b=2" open_size="xl" / %}')).by_id(
        "cab-modal-host"
    )
    assert (host.attrs["data-open-url"], host.attrs["data-open-size"]) == ("/x/?a=1&b=2", "xl")
    with pytest.raises(ValueError, match="modal_host: kwarg 'open_url'"):
        render('{% component "modal_host" open_url="javascript:alert(1)" / %}')
    with pytest.raises(ValueError, match=r"modal_host: kwarg 'open_size' must be one of 'sm' \| 'md'"):
        render('{% component "modal_host" open_size="huge" / %}')


def test_modal_trigger_is_a_button_the_host_picks_up() -> None:
    button = parse(
        render(
            '{% component "modal_trigger" url="/cabinet/x/" label="Open <b>" size="lg" icon="bi-plus" / %}'
        )
    ).find("button")
    assert button.attrs["data-cab-modal-url"] == "/cabinet/x/"
    assert button.attrs["data-cab-modal-size"] == "lg"
    assert button.attrs["aria-haspopup"] == "dialog"
    assert button.attrs["type"] == "button"
    assert button.text == "Open <b>"
    with pytest.raises(ValueError, match="may not be empty"):
        render('{% component "modal_trigger" url="" label="x" / %}')


# --------------------------------------------------------------------------- generic_modal


def test_title_labels_the_content_and_sections_keep_their_order() -> None:
    document = modal_html(samples.appointment_modal(size="lg"))
    section = document.find("section", cls="cab-modal-content")
    title = document.find("h2")
    assert title.text == "Запись #42"
    assert section.attrs["aria-labelledby"] == title.attrs["id"]
    assert "data-cab-modal-title" in title.attrs
    assert section.attrs["data-cab-modal-size"] == "lg"
    order = [
        child.attrs.get("class", "").split()[0]
        for child in section.children
        if child.attrs.get("class", "").startswith("cab-modal-")
    ]
    assert order == [
        "cab-modal-content__title",
        "cab-modal-profile",
        "cab-modal-summary",
        "cab-modal-actions",
        "cab-modal-confirm",
    ]


def test_profile_and_summary() -> None:
    document = modal_html(samples.appointment_modal())
    profile = document.find(cls="cab-modal-profile")
    assert profile.find("a").attrs["href"] == "/cabinet/clients/7/"
    assert profile.find(cls="cab-modal-profile__name").text == "Иван Петров"
    assert profile.find(cls="cab-modal-profile__subtitle").text == "+7 999 123-45-67"
    assert [badge.text for badge in profile.find_all(cls="cab-status-badge")] == ["VIP", "Постоянный"]
    assert profile.find(cls="cab-avatar").attrs["aria-hidden"] == "true"
    rows = document.find("dl").find_all(cls="cab-modal-summary__row")
    assert [(row.find("dt").text, row.find("dd").text) for row in rows] == [
        ("Услуга", "Стрижка"),
        ("Мастер", "Анна Смирнова"),
        ("Время", "1 апреля, 09:00–10:00"),
        ("Цена", "2 500 ₽"),
    ]


def test_form_fields_are_labelled_and_errors_described() -> None:
    request = RequestFactory().get("/")
    document = modal_html(samples.every_field_modal(), request)
    form = document.find("form")
    assert form.attrs["method"] == "post" and "novalidate" in form.attrs
    assert form.find("input", type="hidden", name="csrfmiddlewaretoken").attrs["value"]
    controls = [node for node in form.iter() if node.tag in ("input", "select", "textarea")]
    for control in controls:
        if control.attrs.get("type") == "hidden":
            continue
        labels = form.find_all("label", **{"for": control.attrs["id"]})
        assert len(labels) == 1, control.attrs
    number = form.find(name="f_number")
    assert number.attrs["aria-invalid"] == "true"
    error_id = number.attrs["aria-describedby"]
    assert document.by_id(error_id).text == "Must be 5 or less. Must be odd."
    email = form.find(name="f_email")
    assert "aria-invalid" not in email.attrs
    assert document.by_id(email.attrs["aria-describedby"]).text == "We never share it."
    assert form.find("select", name="f_select").find("option", value="b").attrs.get("selected") == ""
    assert form.find("textarea", name="f_textarea").text == "Two lines"
    assert "checked" not in form.find(name="f_checkbox").attrs
    assert form.find(name="f_hidden").attrs == {"type": "hidden", "name": "f_hidden", "value": "42"}
    assert form.find(name="f_password").attrs["required"] == ""
    types = {
        node.attrs["name"]: node.attrs.get("type", node.tag) for node in controls if "name" in node.attrs
    }
    assert types["f_datetime"] == "datetime-local" and types["f_search"] == "search"


def test_field_ids_are_stable_and_differ_between_modals() -> None:
    first = modal_html(samples.comment_form_modal()).find(name="client_name").attrs["id"]
    again = modal_html(samples.comment_form_modal(errors=True)).find(name="client_name").attrs["id"]
    other = (
        modal_html(
            ModalContentData(title="Other", sections=[FormSection(fields=[FormField("client_name", "Name")])])
        )
        .find(name="client_name")
        .attrs["id"]
    )
    assert first == again and first != other and first.startswith("cabm-")


def test_actions_by_method_and_the_confirm_step() -> None:
    document = modal_html(samples.comment_form_modal())
    cancel, save = document.find(cls="cab-modal-actions").find_all("button")
    assert (cancel.text, cancel.attrs["type"], cancel.attrs["x-bind"]) == ("Cancel", "button", "closer")
    assert "hx-post" not in cancel.attrs
    assert save.attrs["type"] == "submit"
    assert save.attrs["hx-post"] == save.attrs["formaction"] == "/booking/42/edit/"
    assert (save.attrs["hx-target"], save.attrs["hx-swap"]) == ("closest .cab-modal-content", "outerHTML")
    assert document.find("form").attrs["action"] == "/booking/42/edit/"

    details = modal_html(samples.appointment_modal())
    assert details.find_all("form") == []
    ask, move, confirm = details.find(cls="cab-modal-actions").find_all("button")
    assert move.attrs["hx-get"] == "/booking/42/move/" and move.attrs["type"] == "button"
    assert confirm.attrs["type"] == "button" and confirm.attrs["hx-post"] == "/booking/42/confirm/"
    assert "hx-post" not in ask.attrs and ask.attrs["x-bind"] == "asker"
    panel = details.by_id(ask.attrs["aria-controls"])
    assert ask.attrs["aria-expanded"] == "false"
    assert "hidden" in panel.attrs and panel.attrs["role"] == "group"
    assert details.by_id(panel.attrs["aria-labelledby"]).text == "Отменить запись #42?"
    yes, back = panel.find_all("button")
    assert yes.text == "Yes: Отменить запись" and "disabled" in yes.attrs
    assert yes.attrs["hx-post"] == "/booking/42/cancel/" and yes.attrs["type"] == "button"
    assert back.text == "No, go back"


def test_every_style_and_close_action() -> None:
    buttons = modal_html(samples.every_action_modal()).find_all("button")
    styles = [action.style for action in samples.every_action_modal().sections[0].actions]  # type: ignore[union-attr]
    assert [next(c for c in button.classes if c.startswith("btn-")) for button in buttons] == styles
    assert len(set(styles)) == 9
    assert all(button.attrs["hx-get"].startswith("/demo/btn-") for button in buttons[:-1])
    assert buttons[-1].attrs["x-bind"] == "closer" and buttons[-1].text == "Close"


def test_booking_sections_render_their_components() -> None:
    document = modal_html(samples.booking_modal())
    assert document.find(cls="cab-quick-create")
    assert document.find(cls="cab-chain-preview")
    assert document.find("form").find("select", name="service_id")
    slots = modal_html(samples.reschedule_modal())
    assert slots.find(cls="cab-slot-picker").find("input", name="booking_date").attrs["value"] == "2026-04-01"


def test_payload_markup_is_escaped() -> None:
    html = render(
        '{% component "generic_modal" modal=modal / %}',
        modal=ModalContentData(
            title="<script>alert(1)</script>",
            sections=[SummarySection(items=[samples.KeyValueItem("<b>", '"><img src=x>')])],
        ),
    )
    assert "<script>" not in html and "&lt;script&gt;" in html
    assert "<img" not in html and "&quot;&gt;&lt;img src=x&gt;" in html


# --------------------------------------------------------------------------- view helpers


def test_render_modal_answers_a_partial_for_htmx_and_a_page_otherwise(rf: RequestFactory) -> None:
    modal = samples.comment_form_modal()
    partial = render_modal(rf.get("/x/", headers={"HX-Request": "true"}), modal)
    assert partial.status_code == 200 and partial["Vary"] == "HX-Request"
    text = partial.content.decode()
    assert text.lstrip().startswith('<section class="cab-modal-content"') and "<html" not in text
    page = render_modal(rf.get("/x/"), modal, status=422)
    assert page.status_code == 422
    document = parse(page.content.decode())
    assert document.find("title").text == "Edit appointment"
    assert document.find("main").find(cls="cab-modal-page").find("h2").text == "Edit appointment"
    with pytest.raises(TypeError, match="render_modal: modal must be ModalContentData, got dict"):
        render_modal(rf.get("/x/"), {"title": "x"})  # type: ignore[arg-type]


def test_modal_close_response_names_the_refresh_events_then_close(rf: RequestFactory) -> None:
    response = modal_close_response(trigger="refresh-calendar")
    assert response.status_code == 204 and response.content == b""
    assert response["HX-Trigger"] == '{"refresh-calendar":null,"close-modal":null}'
    several = modal_close_response(trigger=["a", "close-modal", "b"])
    assert list(json.loads(several["HX-Trigger"])) == ["a", "b", "close-modal"]
    detailed = modal_close_response(trigger={"booking-created": {"id": 42, "title": "Стрижка"}})
    assert json.loads(detailed["HX-Trigger"]) == {
        "booking-created": {"id": 42, "title": "Стрижка"},
        "close-modal": None,
    }
    assert "\\u0421" in detailed["HX-Trigger"]  # header values stay ASCII
    assert modal_close_response()["HX-Trigger"] == '{"close-modal":null}'
    with pytest.raises(ValueError, match="'refresh calendar' is not an event name"):
        modal_close_response(trigger="refresh calendar")
    plain = modal_close_response(rf.post("/x/"), trigger="refresh-calendar", redirect_to="/cabinet/")
    assert (plain.status_code, plain["Location"]) == (302, "/cabinet/")
    htmx = modal_close_response(rf.post("/x/", headers={"HX-Request": "true"}), redirect_to="/cabinet/")
    assert htmx.status_code == 204 and htmx["Vary"] == "HX-Request"


@pytest.mark.urls("tests.modal_urls")
def test_form_round_trip_re_renders_with_errors_then_closes(client: Client) -> None:
    modal_urls.SAVED.clear()
    htmx = {"HX-Request": "true"}
    first = client.get("/modal-tests/form/", headers=htmx)
    assert parse(first.content.decode()).find("h2").text == "Edit note"
    invalid = client.post("/modal-tests/form/", {"note": "  ", "kind": "a"}, headers=htmx)
    assert invalid.status_code == 200
    document = parse(invalid.content.decode())
    note = document.find("input", name="note")
    assert note.attrs["aria-invalid"] == "true"
    assert document.by_id(note.attrs["aria-describedby"]).text == "Write a note first."
    saved = client.post("/modal-tests/form/", {"note": "Call back", "kind": "b"}, headers=htmx)
    assert saved.status_code == 204
    assert json.loads(saved["HX-Trigger"]) == {"refresh-counter": None, "close-modal": None}
    assert modal_urls.SAVED == ["Call back"]
    assert client.get("/modal-tests/counter/").content == b"1"
    # The same URL opened directly is a page, and its form works without htmx too.
    direct = client.post("/modal-tests/form/", {"note": "Again"})
    assert (direct.status_code, direct["Location"]) == (302, "/modal-tests/page/")


@pytest.mark.urls("tests.modal_urls")
def test_test_page_has_one_host_and_the_openers(client: Client) -> None:
    document = parse(client.get("/modal-tests/page/").content.decode())
    assert len(document.find_all(id="cab-modal-host")) == 1
    assert document.by_id("open-form").attrs["data-cab-modal-url"] == "/modal-tests/form/"


def test_action_section_without_post_has_no_form_action() -> None:
    document = modal_html(
        ModalContentData(
            title="t",
            sections=[
                FormSection(fields=[FormField("a", "A")]),
                ActionSection(actions=[ModalAction("Next", url="/next/")]),
            ],
        )
    )
    assert "action" not in document.find("form").attrs
