"""Booking and modal contracts: shape, validation, the discriminated section union, payloads."""

from __future__ import annotations

import dataclasses

import pytest
from django.utils.translation import gettext_lazy as _
from django.utils.translation import override
from pydantic import ValidationError

from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
    TimeSlotState,
)
from codex_django.cabinet.types.booking_modal import (
    BookingChainPreviewData,
    BookingChainPreviewItem,
    BookingQuickCreateClientOption,
    BookingQuickCreateData,
    BookingQuickCreateServiceOption,
    BookingSlotPickerData,
    BookingSlotPickerOption,
)
from codex_django.cabinet.types.contract import from_payload, json_schema, to_payload
from codex_django.cabinet.types.modal import (
    ActionSection,
    ChainPreviewSection,
    FormField,
    FormSection,
    KeyValueItem,
    ModalAction,
    ModalContentData,
    ModalSection,
    ProfileBadge,
    ProfileSection,
    QuickCreateSection,
    SlotPickerSection,
    SummarySection,
)


def names(cls: type) -> list[str]:
    return [item.name for item in dataclasses.fields(cls)]


def error_of(call) -> str:
    with pytest.raises(ValidationError) as caught:
        call()
    return str(caught.value)


SLOTS = BookingSlotPickerData(
    selected_date="2026-04-01",
    selected_date_label="Ср, 1 апреля",
    selected_time="09:30",
    prev_url="/booking/slots/?date=2026-03-31",
    next_url="booking:slots",
    slots=[BookingSlotPickerOption("09:00", "09:00", False), BookingSlotPickerOption("09:30", "09:30")],
)
QUICK = BookingQuickCreateData(
    resource_label="Мастер 1",
    date_label="1 апреля",
    time_label="09:30",
    resource_id="7",
    booking_date="2026-04-01",
    selected_time="09:30",
    service_options=[BookingQuickCreateServiceOption("1", "Стрижка", "1 500 ₽", "60 мин")],
    client_options=[BookingQuickCreateClientOption("5", "Иван Петров", "+7 999", "ivan@example.com", "ваня")],
    selected_service_id="1",
)
MODAL = ModalContentData(
    title="Запись #42",
    sections=[
        ProfileSection("Иван Петров", "+7 999 123-45-67", badges=[ProfileBadge("VIP", "warning")]),
        SummarySection([KeyValueItem("Услуга", "Стрижка"), KeyValueItem("Время", "09:30")], title="Детали"),
        FormSection(
            [
                FormField("comment", "Комментарий", "textarea"),
                FormField(
                    "master", "Мастер", "select", "1", True, options=[("1", "Мастер 1"), ("2", "Мастер 2")]
                ),
                FormField("notify", "Уведомить", "checkbox", "1"),
            ]
        ),
        SlotPickerSection(SLOTS),
        QuickCreateSection(QUICK),
        ChainPreviewSection(BookingChainPreviewData(items=[BookingChainPreviewItem("Стрижка", "Мастер 1")])),
        ActionSection(
            [
                ModalAction("Сохранить", "/booking/42/", "POST", confirm="Сохранить?"),
                ModalAction("Закрыть", method="CLOSE", style="btn-secondary", icon="bi-x"),
            ]
        ),
    ],
    size="lg",
)


# --------------------------------------------------------------------------- shape


def test_booking_fields_in_reference_order() -> None:
    assert names(ServiceItem)[:5] == ["id", "title", "price", "duration", "category"]
    # The reference's fields first, in its order; fields the components added come after them.
    assert names(ServiceSelectorData)[:3] == ["items", "categories", "search_placeholder"]
    assert names(ClientSelectorData)[:2] == ["clients", "search_placeholder"]
    assert names(DateTimePickerData)[:4] == ["available_days", "time_slots", "busy_slots", "current_month"]
    assert names(BookingSummaryData)[:3] == ["confirm_url", "reset_url", "masters"]
    assert names(BookingSlotPickerData)[:3] == ["selected_date", "selected_date_label", "selected_time"]
    assert names(BookingQuickCreateData)[:3] == ["resource_label", "date_label", "time_label"]


def test_sections_share_one_hierarchy_with_a_kind() -> None:
    kinds = {type(section).__name__: section.kind for section in MODAL.sections}
    assert kinds == {
        "ProfileSection": "profile",
        "SummarySection": "summary",
        "FormSection": "form",
        "SlotPickerSection": "slot_picker",
        "QuickCreateSection": "quick_create",
        "ChainPreviewSection": "chain_preview",
        "ActionSection": "actions",
    }
    assert all(isinstance(section, ModalSection) for section in MODAL.sections)
    assert names(ProfileSection) == ["kind", "name", "subtitle", "avatar", "badges", "url"]


def test_kind_is_keyword_only_and_fixed() -> None:
    text = error_of(lambda: ProfileSection(name="x", kind="summary"))
    assert "ProfileSection" in text and "kind" in text and "Input should be 'profile'" in text
    with pytest.raises(TypeError, match=r"SummarySection\(\) takes 2 positional arguments but 3 were given"):
        SummarySection([], "t", "summary")


# --------------------------------------------------------------------------- validation


@pytest.mark.parametrize(
    ("build", "expected"),
    [
        (lambda: ServiceItem(id="1", title="x", price="5", duration=0), ["ServiceItem", "duration", "0"]),
        (
            lambda: ServiceSelectorData(
                items=[ServiceItem("1", "a", "5", 30, "hair")], categories=[("nails", "Ногти")]
            ),
            [
                "ServiceSelectorData",
                "categories",
                "items.0: ServiceItem 'a' has category 'hair'",
                "['nails']",
            ],
        ),
        (
            lambda: ServiceSelectorData(
                items=[ServiceItem("1", "a", "5", 30), ServiceItem("1", "b", "5", 30)]
            ),
            ["ServiceSelectorData", "items", "id '1' appears twice"],
        ),
        (
            lambda: ClientSelectorData(clients=[{"id": 1}]),
            ["ClientSelectorData", "clients", "clients.0: missing key(s) ['name']"],
        ),
        (
            lambda: DateTimePickerData(available_days=[], time_slots=["9:00"]),
            ["DateTimePickerData", "time_slots.0", "'HH:MM'", "'9:00'"],
        ),
        (
            lambda: DateTimePickerData(available_days=[], time_slots=["09:00"], busy_slots=["10:00"]),
            ["DateTimePickerData", "busy_slots", "busy slots ['10:00'] are not in time_slots"],
        ),
        (
            lambda: DateTimePickerData(available_days=[{"date": "01.04.2026"}], time_slots=[]),
            ["DateTimePickerData", "available_days.0.date", "'YYYY-MM-DD'", "'01.04.2026'"],
        ),
        (
            lambda: BookingSummaryData(confirm_url=""),
            ["BookingSummaryData", "confirm_url", "may not be empty"],
        ),
        (
            lambda: BookingSummaryData(confirm_url="/ok/", reset_url="javascript:void(0)"),
            ["BookingSummaryData", "reset_url", "javascript"],
        ),
        (
            lambda: BookingQuickCreateData("M", "D", "T", selected_service_id="9", service_options=[]),
            [
                "BookingQuickCreateData",
                "selected_service_id",
                "'9' is not one of the service_options values []",
            ],
        ),
        (
            lambda: BookingQuickCreateData("M", "D", "T", booking_date="2026-02-30"),
            ["BookingQuickCreateData", "booking_date", "'2026-02-30'"],
        ),
        (
            lambda: BookingQuickCreateData("M", "D", "T", client_search_min_chars=-1),
            ["BookingQuickCreateData", "client_search_min_chars", "-1"],
        ),
        (
            lambda: BookingSlotPickerData("2026-04-01", "1", selected_time="10:00", slots=SLOTS.slots),
            [
                "BookingSlotPickerData",
                "selected_time: '10:00' is not one of the slot values ['09:00', '09:30']",
            ],
        ),
        (
            lambda: BookingSlotPickerData("2026-04-01", "1", calendar_url="data:text/html,x"),
            ["BookingSlotPickerData", "calendar_url", "scheme 'data'"],
        ),
        (lambda: FormField(name="1st", label="x"), ["FormField", "name", "'1st'"]),
        (lambda: FormField(name="a", label="x", type="color"), ["FormField", "type", "'color'"]),
        (
            lambda: FormField(name="a", label="x", type="select"),
            ["FormField", "options: the select field 'a' needs options"],
        ),
        (
            lambda: FormField(name="a", label="x", options=[("1", "One")]),
            ["FormField", "options: only select fields take options (field 'a' has type 'text')"],
        ),
        (
            lambda: FormSection(fields=[FormField("a", "A"), FormField("a", "B")]),
            ["FormSection", "fields", "field name 'a' appears twice"],
        ),
        (
            lambda: ModalAction(label="Закрыть", url="/x/", method="CLOSE"),
            ["ModalAction", "url: a CLOSE action takes no url (got '/x/')"],
        ),
        (
            lambda: ModalAction(label="Сохранить", method="POST"),
            ["ModalAction", "url: the POST action 'Сохранить' needs a url"],
        ),
        (lambda: ModalAction(label="Открыть"), ["ModalAction", "url: the GET action 'Открыть' needs a url"]),
        (
            lambda: BookingSlotPickerData("2026-04-01", "1", selected_time="10:00"),
            ["BookingSlotPickerData", "selected_time: '10:00' is not one of the slot values []"],
        ),
        (lambda: ModalAction(label="x", url="/x/", method="PUT"), ["ModalAction", "method", "'PUT'"]),
        (
            lambda: ModalAction(label="x", url="/x/", style="btn-fancy"),
            ["ModalAction", "style", "'btn-fancy'"],
        ),
        (lambda: ProfileBadge("VIP", "gold"), ["ProfileBadge", "gold"]),
        (lambda: ModalContentData(title="x", size="huge"), ["ModalContentData", "size", "'huge'"]),
        (
            lambda: ModalContentData(title="x", sections=[{"kind": "video", "url": "/v/"}]),
            ["ModalContentData", "sections.0", "'video'", "does not match any of the expected tags"],
        ),
        (
            lambda: ModalContentData(
                title="x", sections=[FormSection([FormField("a", "A")]), FormSection([FormField("a", "B")])]
            ),
            ["ModalContentData", "sections", "form field name 'a' appears twice"],
        ),
    ],
)
def test_invalid_booking_and_modal_payloads(build, expected: list[str]) -> None:
    text = error_of(build)
    for part in expected:
        assert part in text, f"{part!r} not in:\n{text}"


# --------------------------------------------------------------------------- derived values


def test_derived_values() -> None:
    picker = DateTimePickerData([{"date": "2026-04-01"}], ["09:00", "09:30"], ["09:30"], "Апрель 2026")
    with override("en"):  # the label is the time in the active language's format
        assert picker.slot_states == [
            TimeSlotState("09:00", False, "9 a.m."),
            TimeSlotState("09:30", True, "9:30 a.m."),
        ]
    with override("ru"):
        assert [state.label for state in picker.slot_states] == ["9:00", "9:30"]
    assert SLOTS.has_available
    assert not BookingSlotPickerData(
        "2026-04-01", "1", slots=[BookingSlotPickerOption("09:00", "9", False)]
    ).has_available
    assert QUICK.client_options[0].haystack == "иван петров +7 999 ivan@example.com ваня"
    profile = MODAL.sections[0]
    assert isinstance(profile, ProfileSection)
    assert (profile.initials, profile.avatar_is_image) == ("ИП", False)
    form = MODAL.sections[2]
    assert isinstance(form, FormSection)
    assert [item.checked for item in form.fields] == [False, True, True]
    assert not FormField("n", "N", "checkbox", "off").checked
    assert MODAL.has_form
    assert not ModalContentData("x", [SummarySection()]).has_form


def test_translated_defaults() -> None:
    with override("en"):
        assert str(BookingChainPreviewData().title) == "Chain preview"
        assert str(ServiceSelectorData(items=[]).search_placeholder) == "Search services..."
        assert str(ChainPreviewSection().data.title) == "Chain preview"


# --------------------------------------------------------------------------- payloads and schemas


def test_modal_round_trips_through_the_discriminated_union() -> None:
    payload = to_payload(MODAL)
    assert [section["kind"] for section in payload["sections"]] == [
        "profile",
        "summary",
        "form",
        "slot_picker",
        "quick_create",
        "chain_preview",
        "actions",
    ]
    rebuilt = from_payload(ModalContentData, payload)
    assert [type(section) for section in rebuilt.sections] == [type(section) for section in MODAL.sections]
    assert rebuilt == MODAL


def test_modal_payload_is_exact_for_a_small_modal() -> None:
    modal = ModalContentData(
        title=_("Confirm"),
        sections=[
            SummarySection([KeyValueItem("Время", "09:30")]),
            ActionSection([ModalAction("OK", "/ok/", "POST")]),
        ],
    )
    with override("en"):
        assert to_payload(modal) == {
            "title": "Confirm",
            "sections": [
                {"kind": "summary", "items": [{"label": "Время", "value": "09:30"}], "title": ""},
                {
                    "kind": "actions",
                    "actions": [
                        {
                            "label": "OK",
                            "url": "/ok/",
                            "method": "POST",
                            "style": "btn-primary",
                            "icon": "",
                            "confirm": "",
                        }
                    ],
                },
            ],
            "size": "md",
        }


BOOKING_EXAMPLES = [
    ServiceItem("1", "Маникюр + Гель-лак", "45", 90, "nails", "Описание"),
    ServiceSelectorData([ServiceItem("1", "a", "5", 30, "nails")], [("nails", "Ногти")]),
    ClientSelectorData([{"id": 1, "name": "Иван", "phone": "+7"}]),
    DateTimePickerData([{"date": "2026-04-01", "available": True}], ["08:00"], [], "Апрель"),
    BookingSummaryData("booking:confirm", "/reset/", [{"id": 1, "name": "Мастер"}]),
    QUICK,
    SLOTS,
    BookingChainPreviewData("Цепочка", [BookingChainPreviewItem("a", "b", "c")]),
    MODAL,
    FormField("master", "Мастер", "select", "1", options=[("1", "Мастер 1")]),
]


@pytest.mark.parametrize("instance", BOOKING_EXAMPLES, ids=lambda item: type(item).__name__)
def test_json_round_trip(instance) -> None:
    payload = to_payload(instance)
    rebuilt = from_payload(type(instance), payload)
    assert type(rebuilt) is type(instance)
    assert to_payload(rebuilt) == payload


ALL_TYPES = [
    ServiceItem,
    ServiceSelectorData,
    ClientSelectorData,
    DateTimePickerData,
    BookingSummaryData,
    BookingQuickCreateServiceOption,
    BookingQuickCreateClientOption,
    BookingQuickCreateData,
    BookingSlotPickerOption,
    BookingSlotPickerData,
    BookingChainPreviewItem,
    BookingChainPreviewData,
    ModalSection,
    ProfileBadge,
    ProfileSection,
    KeyValueItem,
    SummarySection,
    FormField,
    FormSection,
    ModalAction,
    ActionSection,
    SlotPickerSection,
    QuickCreateSection,
    ChainPreviewSection,
    ModalContentData,
]


@pytest.mark.parametrize("cls", ALL_TYPES, ids=lambda cls: cls.__name__)
def test_json_schema(cls) -> None:
    schema = json_schema(cls)
    assert schema["title"] == cls.__name__
    # Keyword-only fields (a section's ``kind``) come last in the schema.
    assert sorted(schema["properties"]) == sorted(names(cls))


def test_modal_schema_declares_the_discriminator() -> None:
    sections = json_schema(ModalContentData)["properties"]["sections"]["items"]
    assert sections["discriminator"]["propertyName"] == "kind"
    assert set(sections["discriminator"]["mapping"]) == {
        "profile",
        "summary",
        "form",
        "actions",
        "slot_picker",
        "quick_create",
        "chain_preview",
    }
