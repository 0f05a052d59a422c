"""The sort keys and ranks behind ``data_table``'s client-side sorting (numeric-aware, stable)."""

from __future__ import annotations

import datetime
from decimal import Decimal

import pytest

from codex_django.cabinet.tables.sort_keys import column_ranks, parse_number, sort_key


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("3 500 ₽", Decimal(3500)),
        ("3\u00a0500\u00a0₽", Decimal(3500)),
        ("1,200.50", Decimal("1200.50")),
        ("12,5 %", Decimal("12.5")),
        ("$1,200", Decimal(1200)),
        ("−3", Decimal(-3)),
        ("-0.5", Decimal("-0.5")),
        ("42", Decimal(42)),
        ("45 min", Decimal(45)),
    ],
)
def test_number_like_strings(text: str, value: Decimal) -> None:
    assert parse_number(text) == value


@pytest.mark.parametrize("text", ["01.04.2026", "Room 9", "", "abc", "1 2 3 4", "10:30"])
def test_not_numbers(text: str) -> None:
    assert parse_number(text) is None


def test_numbers_sort_by_value_not_by_text() -> None:
    assert column_ranks(["10 ₽", "9 ₽", "1 200 ₽", "950 ₽"]) == [1, 0, 3, 2]
    assert column_ranks([10, 9.5, Decimal("9.75"), True]) == [3, 1, 2, 0]


def test_empty_cells_first_then_numbers_then_times_then_text() -> None:
    values = ["text", datetime.date(2026, 4, 1), 5, None, ""]
    assert column_ranks(values) == [3, 2, 1, 0, 0]


def test_text_is_case_insensitive_and_natural() -> None:
    assert column_ranks(["Room 10", "room 9", "Anna", "anna"]) == [2, 1, 0, 0]
    assert column_ranks(["Иван", "анна", "Борис"]) == [2, 0, 1]


def test_dates_and_aware_or_naive_datetimes_sort_in_time_order() -> None:
    aware = datetime.datetime(2026, 4, 1, 9, 0, tzinfo=datetime.UTC)
    naive = datetime.datetime(2026, 3, 31, 18, 0)
    assert column_ranks([aware, naive, datetime.date(2026, 3, 1)]) == [2, 1, 0]
    assert column_ranks([datetime.time(10, 30), datetime.time(9, 5)]) == [1, 0]


def test_equal_keys_share_a_rank() -> None:
    assert column_ranks(["b", "a", "b", "B"]) == [1, 0, 1, 1]
    assert sort_key("B") == sort_key("b")
