"""Numeric-aware sort keys for table cells, and the ranks the browser sorts by.

The ``data_table`` component sorts client-side rows without parsing anything
in JavaScript: for every sortable column Python ranks the rows once
(:func:`column_ranks`) and each ``<tr>`` carries its ranks in ``data-sort``.
The browser then compares small integers, which is fast and keeps the
ordering rules here, in one tested place:

* empty cells (``None``, ``""``) first;
* numbers (``int``, ``float``, ``Decimal``) and number-like strings
  (``"3 500 ₽"``, ``"1,200.50"``, ``"-12%"``) by value;
* dates, datetimes and times in time order;
* other text case-insensitively, digit runs compared as numbers
  (``"Room 9"`` before ``"Room 10"``).

Equal keys get equal ranks, so a stable sort keeps their original order.
"""

from __future__ import annotations

import datetime
import re
from collections.abc import Sequence
from decimal import Decimal, InvalidOperation
from typing import Any

# An optional short prefix (currency), a sign, digits with optional thousands
# groups (space, no-break/thin space, comma, apostrophe), an optional decimal
# part, an optional short suffix (unit, currency, %).
_NUMBER = re.compile(
    r"^[^\d+\-−]{0,3}?\s*([+\-−]?)\s*(\d{1,3}(?:[ \u00a0\u202f,']\d{3})+|\d+)(?:[.,](\d+))?\s*[^\d]{0,6}$"
)
_DIGITS = re.compile(r"(\d+)")
_GROUP_MARKS = str.maketrans("", "", " \u00a0\u202f,'")

EMPTY, NUMBER, TIME, TEXT = 0, 1, 2, 3


def parse_number(text: str) -> Decimal | None:
    """The value of a number-like display string, or ``None`` when it is not one.

    ``"3 500 ₽"`` -> 3500, ``"1,200.50"`` -> 1200.50, ``"12,5 %"`` -> 12.5,
    ``"−3"`` -> -3; ``"01.04.2026"`` and ``"Room 9"`` are not numbers.
    """
    match = _NUMBER.match(text.strip())
    if not match:
        return None
    sign, whole, fraction = match.groups()
    try:
        value = Decimal(whole.translate(_GROUP_MARKS) + ("." + fraction if fraction else ""))
    except InvalidOperation:  # pragma: no cover - the pattern only lets digits through
        return None
    return -value if sign in ("-", "−") else value


def _natural(text: str) -> tuple[Any, ...]:
    parts = _DIGITS.split(text.casefold())
    return tuple(int(part) if index % 2 else part for index, part in enumerate(parts))


def sort_key(value: Any) -> tuple[int, Any]:
    """A key ordering ``value`` among the cells of one column (see the module docstring)."""
    if value is None or value == "":
        return (EMPTY, 0)
    if isinstance(value, bool):
        return (NUMBER, int(value))
    if isinstance(value, int | float | Decimal):
        return (NUMBER, value)
    if isinstance(value, datetime.datetime):
        # Aware and naive datetimes cannot be compared; the wall-clock ISO text can.
        return (TIME, value.isoformat())
    if isinstance(value, datetime.date | datetime.time):
        return (TIME, value.isoformat())
    text = str(value)
    number = parse_number(text)
    if number is not None:
        return (NUMBER, number)
    return (TEXT, _natural(text))


def column_ranks(values: Sequence[Any]) -> list[int]:
    """Dense ranks of ``values`` in ascending order: equal keys share a rank.

    >>> column_ranks(["10 ₽", "9 ₽", None, "9 ₽"])
    [2, 1, 0, 1]
    """
    keys = [sort_key(value) for value in values]
    order = sorted(range(len(keys)), key=keys.__getitem__)
    ranks = [0] * len(keys)
    rank = -1
    previous: object = object()
    for index in order:
        key = keys[index]
        if key != previous:
            rank += 1
            previous = key
        ranks[index] = rank
    return ranks
