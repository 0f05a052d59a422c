"""The booking contracts' additions for the widgets: selections, errors, server URLs (all optional)."""

from __future__ import annotations

import dataclasses

import pytest
from pydantic import ValidationError

from codex_django.cabinet.types.booking import (
    BookingSummaryData,
    ClientSelectorData,
    DateTimePickerData,
    ServiceItem,
    ServiceSelectorData,
)
from codex_django.cabinet.types.booking_modal import BookingQuickCreateData
from codex_django.cabinet.types.contract import from_payload, to_payload


def names(cls: type) -> list[str]:
    return [field.name for field in dataclasses.fields(cls)]


def error_of(call) -> str:  # type: ignore[no-untyped-def]
    with pytest.raises(ValidationError) as caught:
        call()
    return str(caught.value)


def test_additions_come_after_the_reference_fields_with_defaults() -> None:
    assert names(ServiceSelectorData) == [
        "items",
        "categories",
        "search_placeholder",
        "selected_id",
        "errors",
    ]
    assert names(ClientSelectorData) == [
        "clients", "search_placeholder", "search_url", "selected_id", "selected_label",
        "allow_create", "create_new", "new_client_name", "new_client_phone", "errors",
    ]  # fmt: skip
    assert names(DateTimePickerData) == [
        "available_days", "time_slots", "busy_slots", "current_month",
        "selected_date", "selected_time", "slots_url", "errors",
    ]  # fmt: skip
    assert names(BookingSummaryData) == [
        "confirm_url", "reset_url", "masters", "service_label", "client_label",
        "date_label", "time_label", "selected_master_id", "errors",
    ]  # fmt: skip
    assert names(BookingQuickCreateData)[-1] == "errors"
    # The reference's calls still work unchanged.
    client = ClientSelectorData(clients=[{"id": 1, "name": "Anna"}])
    assert (client.search_url, client.selected_id, client.allow_create, client.errors) == ("", "", True, [])
    assert BookingSummaryData(confirm_url="/b/").errors == []


def test_selections_must_be_offered() -> None:
    items = [ServiceItem("1", "Cut", "10", 30)]
    assert ServiceSelectorData(items=items, selected_id="1").selected_id == "1"
    text = error_of(lambda: ServiceSelectorData(items=items, selected_id="9"))
    assert "ServiceSelectorData" in text and "selected_id: '9' is not one of the item ids ['1']" in text
    days = [{"date": "2026-04-01"}]
    picker = DateTimePickerData(
        available_days=days, time_slots=["09:00"], selected_date="2026-04-01", selected_time="09:00"
    )
    assert (picker.selected_date, picker.selected_time) == ("2026-04-01", "09:00")
    text = error_of(
        lambda: DateTimePickerData(available_days=days, time_slots=["09:00"], selected_date="2026-04-02")
    )
    assert "selected_date: '2026-04-02' is not one of the available_days" in text
    text = error_of(
        lambda: DateTimePickerData(available_days=days, time_slots=["09:00"], selected_time="10:00")
    )
    assert "selected_time: '10:00' is not in time_slots" in text
    text = error_of(
        lambda: DateTimePickerData(available_days=days, time_slots=["09:00"], selected_time="9:00")
    )
    assert "a time is written 'HH:MM'" in text


def test_urls_are_checked() -> None:
    text = error_of(lambda: ClientSelectorData(search_url="javascript:alert(1)"))
    assert "search_url" in text
    text = error_of(
        lambda: DateTimePickerData(available_days=[], time_slots=[], slots_url="data:text/html,x")
    )
    assert "slots_url" in text


def test_quick_create_errors_by_field_round_trip() -> None:
    data = BookingQuickCreateData(
        resource_label="Anna", date_label="1 April", time_label="09:00",
        errors={"service_id": ["Choose a service."], "": ["Busy."]},
    )  # fmt: skip
    again = from_payload(BookingQuickCreateData, to_payload(data))
    assert again.errors == {"service_id": ["Choose a service."], "": ["Busy."]}
    summary = BookingSummaryData(confirm_url="/b/", service_label="Cut", errors=["Choose a client."])
    assert from_payload(BookingSummaryData, to_payload(summary)) == summary
