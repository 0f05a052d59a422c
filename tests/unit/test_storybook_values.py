"""Changed control values: URL encoding and re-validation against the contract."""

from __future__ import annotations

import pytest

from codex_django.cabinet.types.widgets import MetricWidgetData
from codex_django.storybook.values import (
    ValueProblem,
    ValuesError,
    apply_values,
    decode_values,
    encode_values,
)


def test_values_round_trip_through_base64url() -> None:
    values = {"metric": {"label": "Новые клиенты", "value": "142"}}
    encoded = encode_values(values)
    assert set(encoded) <= set("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_")
    assert decode_values(encoded) == values
    assert decode_values("") == {}


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("%%%", "the values parameter is not base64url-encoded JSON"),
        (encode_values([1]), "the values parameter must encode a JSON object of kwargs"),  # type: ignore[arg-type]
    ],
)
def test_bad_values_parameter(text: str, message: str) -> None:
    with pytest.raises(ValuesError, match=message):
        decode_values(text)


def test_apply_values_rebuilds_contracts() -> None:
    kwargs = {"metric": MetricWidgetData(label="A", value="1")}
    result, problems = apply_values(
        kwargs, {"metric": {"label": "B", "value": "2", "trend_direction": "down"}}
    )
    assert problems == []
    assert result["metric"] == MetricWidgetData(label="B", value="2", trend_direction="down")


def test_invalid_values_come_back_as_problems_per_field() -> None:
    kwargs = {"metric": MetricWidgetData(label="A", value="1")}
    result, problems = apply_values(
        kwargs, {"metric": {"label": "A", "value": "1", "icon": "fa-user"}, "other": 1}
    )
    assert result == kwargs
    assert problems == [
        ValueProblem(
            "metric",
            "icon",
            "metric.icon",
            "an icon is a Bootstrap Icons class such as 'bi-calendar' (letters, digits, '-') (got 'fa-user')",
        ),
        ValueProblem("other", "", "other", "the component has no kwarg 'other' in this story"),
    ]
