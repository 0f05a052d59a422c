"""The booking widgets and modal blocks as a user gets them: fields, labels, states, errors, search."""

from __future__ import annotations

import dataclasses

import pytest
from django.test import Client, RequestFactory

from codex_django.cabinet.components.client_selector.client_selector import (
    client_option,
    options_html,
    render_client_options,
)
from codex_django.cabinet.components.date_time_picker.date_time_picker import day_cells
from codex_django.cabinet.components.generic_modal import samples
from codex_django.cabinet.components.service_selector.service_selector import duration_label
from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)
from codex_django.cabinet.types.booking_modal import BookingChainPreviewData, BookingSlotPickerData
from tests.integration.test_modal_system import Node, parse, render

CLIENTS = [
    {"id": 1, "name": "Anna Smith", "phone": "+44 20 7946-0018", "email": "anna@example.com"},
    {"id": 2, "name": "Иван <Петров>"},
]


def widget(name: str, kwarg: str, value: object) -> Node:
    return parse(render(f'{{% component "{name}" {kwarg}=v / %}}', v=value))


# --------------------------------------------------------------------------- service_selector


def test_service_selector_is_a_radio_group_with_filters() -> None:
    selector = ServiceSelectorData(
        items=[
            ServiceItem("1", "Haircut", "2 500 ₽", 60, "hair", "Wash and cut"),
            ServiceItem("2", "Colouring", "6 000 ₽", 150, "hair"),
            ServiceItem("3", "Gift card", "5 000 ₽", 1, "all"),
        ],
        categories=[("hair", "Hair")],
        selected_id="2",
        errors=["Choose another service."],
    )
    document = widget("service_selector", "selector", selector)
    fieldset = document.find("fieldset")
    assert fieldset.find("legend").text == "Service"
    radios = fieldset.find_all("input", type="radio")
    assert [(radio.attrs["name"], radio.attrs["value"]) for radio in radios] == [
        ("service_id", "1"),
        ("service_id", "2"),
        ("service_id", "3"),
    ]
    assert [("checked" in radio.attrs) for radio in radios] == [False, True, False]
    labels = [document.find("label", **{"for": radio.attrs["id"]}).text for radio in radios]
    assert labels[0] == "Haircut Wash and cut 1 h 2 500 ₽"
    assert labels[1] == "Colouring 2 h 30 min 6 000 ₽"
    assert labels[2] == "Gift card 1 min 5 000 ₽"
    chips = document.find(cls="cab-service-selector__filters").find_all("button")
    assert [(chip.text, chip.attrs["aria-pressed"]) for chip in chips] == [("All", "true"), ("Hair", "false")]
    assert document.find(cls="cab-service-selector__filters").attrs["aria-label"] == "Categories"
    search = document.find("input", type="search")
    assert "name" not in search.attrs  # filtering only, never submitted
    assert document.find("label", **{"for": search.attrs["id"]}).text == "Search services"
    assert document.by_id(fieldset.attrs["aria-describedby"]).text == "Choose another service."
    assert [item.attrs["data-category"] for item in document.find_all(cls="cab-service-selector__item")] == [
        "hair",
        "hair",
        "all",
    ]


def test_service_selector_empty_and_duration_labels() -> None:
    document = widget("service_selector", "selector", ServiceSelectorData(items=[]))
    assert document.find(cls="cab-empty-state").text.endswith("No services to choose from.")
    assert document.find_all("input", type="radio") == []
    assert [duration_label(m) for m in (1, 45, 60, 90, 120)] == [
        "1 min",
        "45 min",
        "1 h",
        "1 h 30 min",
        "2 h",
    ]


# --------------------------------------------------------------------------- client_selector


def test_client_selector_is_an_aria_combobox() -> None:
    document = widget("client_selector", "selector", ClientSelectorData(clients=CLIENTS, selected_id="2"))
    combo = document.find("input", role="combobox")
    assert document.find("label", **{"for": combo.attrs["id"]}).text == "Client"
    assert combo.attrs["aria-autocomplete"] == "list" and combo.attrs["aria-expanded"] == "false"
    listbox = document.by_id(combo.attrs["aria-controls"])
    assert listbox.attrs["role"] == "listbox" and "hidden" in listbox.attrs
    options = listbox.find_all("li", role="option")
    assert [option.text for option in options] == [
        "Anna Smith +44 20 7946-0018 · anna@example.com",
        "Иван <Петров>",
        "Create new client",
    ]
    assert options[0].attrs["data-search"] == "anna smith +44 20 7946-0018 anna@example.com 442079460018"
    assert combo.attrs["value"] == "Иван <Петров>"
    assert document.find("input", type="hidden", name="client_id").attrs["value"] == "2"
    assert "hx-get" not in combo.attrs and "name" not in combo.attrs
    new = document.find("fieldset", cls="cab-combobox__new")
    assert "hidden" in new.attrs and new.find("legend").text == "New client"
    assert [field.attrs["name"] for field in new.find_all("input")] == ["new_client_name", "new_client_phone"]


def test_client_selector_server_search_and_errors() -> None:
    selector = ClientSelectorData(
        search_url="/clients/search/", create_new=True, new_client_name="Olga", errors=["Choose a client."]
    )
    document = widget("client_selector", "selector", selector)
    combo = document.find("input", role="combobox")
    assert combo.attrs["hx-get"] == "/clients/search/"
    assert combo.attrs["hx-trigger"] == "input changed delay:250ms"
    assert combo.attrs["hx-target"] == "#" + combo.attrs["aria-controls"]
    assert combo.attrs["name"] == "q"
    assert combo.attrs["hx-vals"] == '{"create": "1", "prefix": "cab-client-clients-search"}'
    assert combo.attrs["aria-invalid"] == "true"
    assert document.by_id(combo.attrs["aria-describedby"]).text == "Choose a client."
    new = document.find("fieldset", cls="cab-combobox__new")
    assert "hidden" not in new.attrs
    assert new.find("input", name="new_client_name").attrs["value"] == "Olga"
    no_create = widget("client_selector", "selector", ClientSelectorData(allow_create=False))
    assert no_create.find_all("fieldset") == [] and no_create.find_all("li") == []


def test_render_client_options_answers_the_search(rf: RequestFactory) -> None:
    response = render_client_options(rf.get("/s/", {"q": "an", "create": "1", "prefix": "p-1"}), CLIENTS[:1])
    options = parse(response.content.decode()).find_all("li")
    assert [(o.attrs["id"], o.attrs.get("data-value", "")) for o in options] == [
        ("p-1-opt-1", "1"),
        ("p-1-opt-new", ""),
    ]
    bad_prefix = render_client_options(rf.get("/s/", {"prefix": '"><script>'}), CLIENTS[1:])
    assert "<script>" not in bad_prefix.content.decode()
    assert parse(bad_prefix.content.decode()).find("li").attrs["id"] == "cab-client-opt-1"
    assert parse(bad_prefix.content.decode()).find("li").text == "Иван <Петров>"
    assert client_option({"id": 7, "name": "X", "email": "x@y"}) == {
        "value": "7",
        "label": "X",
        "subtitle": "x@y",
        "search": "x  x@y ",
    }
    assert str(options_html([], create=False)) == ""


@pytest.mark.urls("tests.modal_urls")
def test_search_view_through_the_client(client: Client) -> None:
    response = client.get("/modal-tests/clients/", {"q": "ann", "create": "1", "prefix": "cab-x"})
    labels = [option.text for option in parse(response.content.decode()).find_all("li")]
    assert labels == ["Anna Smith +44 20 7946 0018", "Annette Blake +44 20 7946 0999", "Create new client"]


# --------------------------------------------------------------------------- date_time_picker


def test_date_time_picker_grid_and_time_radios() -> None:
    picker = DateTimePickerData(
        available_days=[
            {"date": "2026-04-01"},
            {"date": "2026-04-02", "available": False},
            {"date": "2026-04-04", "label": "4 April"},
        ],
        time_slots=["09:00", "09:30", "10:00"],
        busy_slots=["09:30"],
        current_month="April 2026",
        selected_date="2026-04-01",
        selected_time="10:00",
        slots_url="/booking/slots/",
        errors=["Pick another time."],
    )
    document = widget("date_time_picker", "picker", picker)
    days, times = document.find_all("fieldset")
    assert days.find("legend").text == "April 2026"
    assert [w.text for w in days.find_all(cls="cab-dtp__weekday")] == [
        "Mon",
        "Tue",
        "Wed",
        "Thu",
        "Fri",
        "Sat",
        "Sun",
    ]
    grid = days.find(cls="cab-dtp__grid")
    cells = [child for child in grid.children if "cab-dtp__weekday" not in child.classes]
    kinds = [
        "blank" if "cab-dtp__blank" in cell.classes else cell.find("input").attrs["value"] for cell in cells
    ]
    assert kinds == ["blank", "blank", "2026-04-01", "2026-04-02", "blank", "2026-04-04"]
    first = days.find("input", value="2026-04-01")
    assert "checked" in first.attrs and first.attrs["name"] == "booking_date"
    assert first.attrs["hx-get"] == "/booking/slots/" and first.attrs["hx-include"] == "closest .cab-dtp"
    assert days.find("label", **{"for": first.attrs["id"]}).text == "1 Wednesday, April 1, 2026"
    closed = days.find("input", value="2026-04-02")
    assert "disabled" in closed.attrs
    assert days.find("label", **{"for": closed.attrs["id"]}).text == "2 Thursday, April 2, 2026 (unavailable)"
    assert (
        days.find("label", **{"for": days.find("input", value="2026-04-04").attrs["id"]}).text
        == "4 Saturday, 4 April"
    )
    radios = times.find_all("input", type="radio")
    assert [(r.attrs["value"], "disabled" in r.attrs, "checked" in r.attrs) for r in radios] == [
        ("09:00", False, False),
        ("09:30", True, False),
        ("10:00", False, True),
    ]
    # Times are shown in the active language's format; the submitted value stays "HH:MM".
    assert times.find("label", **{"for": radios[1].attrs["id"]}).text == "9:30 a.m. (taken)"
    assert [r.attrs["data-label"] for r in radios] == ["9 a.m.", "9:30 a.m.", "10 a.m."]
    assert document.find(cls="cab-dtp__errors").text == "Pick another time."


def test_date_time_picker_empty() -> None:
    document = widget("date_time_picker", "picker", DateTimePickerData(available_days=[], time_slots=[]))
    assert [p.text for p in document.find_all("p", cls="cab-dtp__none")] == [
        "No days are open for booking.",
        "No times on this day.",
    ]
    assert day_cells(DateTimePickerData(available_days=[], time_slots=[])) == []


# --------------------------------------------------------------------------- summary_panel


def test_summary_panel_lines_master_and_buttons() -> None:
    summary = BookingSummaryData(
        confirm_url="/booking/new/",
        reset_url="/booking/new/?reset=1",
        masters=[{"id": 1, "name": "Anna"}, {"id": 2, "name": "Emily"}],
        service_label="Haircut",
        selected_master_id="2",
        errors=["Choose a client."],
    )
    document = widget("summary_panel", "summary", summary)
    section = document.find("section")
    assert document.by_id(section.attrs["aria-labelledby"]).text == "Your booking"
    lines = {dd.attrs["data-summary-for"]: dd.text for dd in document.find_all("dd")}
    assert lines == {
        "service_id": "Haircut",
        "client_id": "Not chosen yet",
        "booking_date": "Not chosen yet",
        "selected_time": "Not chosen yet",
    }
    master = document.find("select", name="master_id")
    assert document.find("label", **{"for": master.attrs["id"]}).text == "Master"
    assert [(o.attrs["value"], "selected" in o.attrs) for o in master.find_all("option")] == [
        ("", False),
        ("1", False),
        ("2", True),
    ]
    confirm = document.find("button", type="submit")
    assert (confirm.attrs["formaction"], confirm.attrs["formmethod"], confirm.text) == (
        "/booking/new/",
        "post",
        "Confirm booking",
    )
    assert document.find("a", cls="btn").attrs["href"] == "/booking/new/?reset=1"
    assert document.find(cls="cab-summary__errors").attrs["role"] == "alert"
    bare = widget("summary_panel", "summary", BookingSummaryData(confirm_url="/b/"))
    assert bare.find_all("select") == [] and bare.find_all("a") == []


# --------------------------------------------------------------------------- modal blocks


def test_quick_create_fields_and_errors() -> None:
    document = widget("booking_quick_create", "quick_create", samples.quick_create_data(errors=True))
    hidden = {i.attrs["name"]: i.attrs["value"] for i in document.find_all("input", type="hidden")}
    assert hidden == {
        "resource_id": "1",
        "booking_date": "2026-04-01",
        "selected_time": "10:30",
        "client_id": "",
    }
    assert document.find(cls="cab-quick-create__slot").text == "Анна Смирнова Wednesday, 1 April, 10:30"
    assert document.find(role="alert").text == "The master is busy at 10:30."
    service = document.find("select", name="service_id")
    assert service.attrs["aria-invalid"] == "true"
    assert document.by_id(service.attrs["aria-describedby"]).text == "Choose a service."
    assert [o.text for o in service.find_all("option")] == [
        "Choose a service",
        "Women's haircut · 1 h · 2 500 ₽",
        "Colouring · 2 h · 6 000 ₽",
        "Blow-dry and styling · 45 min · 1 800 ₽",
    ]
    combo = document.find("input", role="combobox")
    assert document.by_id(combo.attrs["aria-describedby"]).text.startswith("Type at least 3 characters")
    options = document.by_id(combo.attrs["aria-controls"]).find_all("li")
    assert [("hidden" in o.attrs, o.attrs.get("data-value", "new")) for o in options] == [
        (True, "10"),
        (True, "11"),
        (True, "12"),
        (False, "new"),
    ]
    assert options[0].attrs["data-search"] == "иван петров +7 999 123-45-67 ivan@example.com"
    new = document.find("fieldset", cls="cab-combobox__new")
    assert "hidden" in new.attrs
    assert [i.attrs["name"] for i in new.find_all("input")] == [
        "new_client_first_name",
        "new_client_last_name",
        "new_client_phone",
        "new_client_email",
    ]


def test_quick_create_opens_new_client_fields_with_values_and_shows_chosen_client() -> None:
    data = dataclasses.replace(
        samples.quick_create_data(), new_client_phone="12", errors={"new_client_phone": ["Too short."]}
    )
    document = widget("booking_quick_create", "quick_create", data)
    new = document.find("fieldset", cls="cab-combobox__new")
    assert "hidden" not in new.attrs
    phone = new.find("input", name="new_client_phone")
    assert (
        phone.attrs["aria-invalid"] == "true"
        and document.by_id(phone.attrs["aria-describedby"]).text == "Too short."
    )
    chosen = dataclasses.replace(samples.quick_create_data(), selected_client_id="11", allow_new_client=False)
    document = widget("booking_quick_create", "quick_create", chosen)
    assert document.find("input", role="combobox").attrs["value"] == "Anna Smith"
    assert document.find_all("fieldset") == [] and len(document.find_all("li")) == 3


def test_slot_picker_radios_and_navigation() -> None:
    document = widget("booking_slot_picker", "picker", samples.slot_picker_data())
    nav = document.find(cls="cab-slot-picker__nav").find_all("button")
    assert [(b.attrs.get("aria-label", b.text), b.attrs["hx-get"]) for b in nav] == [
        ("Previous day", "/booking/slots/?date=2026-03-31"),
        ("Next day", "/booking/slots/?date=2026-04-02"),
        ("Today", "/booking/slots/"),
        ("Pick a day", "/booking/calendar/"),
    ]
    assert all(b.attrs["hx-target"] == "closest .cab-modal-content" for b in nav)
    fieldset = document.find("fieldset")
    assert fieldset.find("legend").text == "Times on Wednesday, 1 April"
    radios = fieldset.find_all("input")
    taken = [r.attrs["value"] for r in radios if "disabled" in r.attrs]
    assert taken == ["09:30", "12:00"]
    assert [r.attrs["value"] for r in radios if "checked" in r.attrs] == ["10:00"]
    assert fieldset.find("label", **{"for": radios[1].attrs["id"]}).text == "09:30 (taken)"
    assert document.find_all("p", cls="cab-slot-picker__none") == []
    full = widget("booking_slot_picker", "picker", samples.slot_picker_data(available=False))
    assert full.find("p", cls="cab-slot-picker__none").text == "No free times on this day."
    empty = widget(
        "booking_slot_picker",
        "picker",
        BookingSlotPickerData(selected_date="2026-04-05", selected_date_label="Sun"),
    )
    assert empty.find_all("button") == [] and empty.find_all("fieldset") == []


def test_chain_preview() -> None:
    document = widget("booking_chain_preview", "chain", samples.chain_data())
    assert document.find("h3").text == "Chain preview"
    rows = document.find("ol").find_all("li")
    assert [row.text for row in rows] == [
        "1 Стрижка 09:00–10:00 Анна Смирнова 2 500 ₽",
        "2 Окрашивание 10:00–12:00 Emily Carter 6 000 ₽",
        "3 Укладка 12:00–12:45 Анна Смирнова 1 800 ₽",
    ]
    assert rows[0].find(cls="cab-chain-preview__step").attrs["aria-hidden"] == "true"
    empty = widget("booking_chain_preview", "chain", BookingChainPreviewData(title="Визит"))
    assert empty.find("h3").text == "Визит"
    assert empty.find("p").text == "No appointments in this booking yet."


@pytest.mark.urls("tests.modal_urls")
def test_widgets_page_posts_every_field(client: Client) -> None:
    page = parse(client.get("/modal-tests/widgets/").content.decode())
    form = page.find("form")
    names = {node.attrs.get("name") for node in form.iter() if node.tag in ("input", "select")}
    assert {
        "service_id",
        "client_id",
        "new_client_name",
        "booking_date",
        "selected_time",
        "master_id",
    } <= names
    response = client.post(
        "/modal-tests/widgets/",
        {
            "service_id": "3",
            "client_id": "1",
            "booking_date": "2026-04-02",
            "selected_time": "09:00",
            "master_id": "6",
        },
    )
    assert parse(response.content.decode()).by_id("posted").text == (
        "service_id=3 client_id=1 new_client_name= booking_date=2026-04-02 selected_time=09:00 master_id=6"
    )
