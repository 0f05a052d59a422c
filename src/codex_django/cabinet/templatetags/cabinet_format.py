"""The ``cabinet_format`` template filter library: ``{% load cabinet_format %}``.

The functions of :mod:`codex_django.cabinet.formatting` as filters, for small
templates that print model fields (a detail card, a short list); long tables
should get display strings from the view (see that module)::

    {% load cabinet_format %}
    {{ visit.start_at|format_date }}             Nov. 30, 2026 / 30 ноября 2026 г.
    {{ visit.start_at|format_date:"weekday" }}   Monday, Nov. 30, 2026
    {{ visit.start_at|format_time }}             2 p.m. / 14:00
    {{ visit.start_at|format_datetime }}         Nov. 30, 2026, 2 p.m.
    {{ visit.price|format_money }}               ₽2,500 (the CODEX_CABINET["CURRENCY"] symbol)
    {{ visit.price|format_money:"€" }}           €2,500 / 2 500 €
    {{ visit.duration|format_duration }}         1 h 30 min
    {{ count|format_number }}                    1,234 / 1 234

Every filter prints ``""`` for ``None``.
"""

from __future__ import annotations

import datetime
from typing import Any

from django import template

from codex_django.cabinet import formatting

register = template.Library()


@register.filter
def format_date(value: datetime.date | None, option: str = "") -> str:
    """:func:`~codex_django.cabinet.formatting.format_date`; ``"weekday"`` adds the day's name."""
    if option not in ("", "weekday"):
        raise template.TemplateSyntaxError(f'format_date takes no option or "weekday", not {option!r}')
    return formatting.format_date(value, weekday=option == "weekday")


@register.filter
def format_time(value: Any) -> str:
    """:func:`~codex_django.cabinet.formatting.format_time`."""
    return formatting.format_time(value)


@register.filter
def format_datetime(value: datetime.datetime | None) -> str:
    """:func:`~codex_django.cabinet.formatting.format_datetime`."""
    return formatting.format_datetime(value)


@register.filter
def format_month(value: datetime.date | None) -> str:
    """:func:`~codex_django.cabinet.formatting.format_month`."""
    return formatting.format_month(value)


@register.filter
def format_number(value: Any) -> str:
    """:func:`~codex_django.cabinet.formatting.format_number`."""
    return formatting.format_number(value)


@register.filter
def format_money(value: Any, currency: str | None = None) -> str:
    """:func:`~codex_django.cabinet.formatting.format_money`; the argument is the currency symbol."""
    return formatting.format_money(value, currency)


@register.filter
def format_duration(value: Any) -> str:
    """:func:`~codex_django.cabinet.formatting.format_duration`."""
    return formatting.format_duration(value)
