"""Dates, times, numbers, money and durations as display strings in the active language.

One place for every value a cabinet shows, so a page shows each kind of value
in one form. The functions are thin wrappers around Django's l10n
(:mod:`django.utils.formats`): each reads the *active* language's format, so
the same code prints, under English and Russian:

=====================================  =========================  ===========================
call                                   ``en``                     ``ru``
=====================================  =========================  ===========================
``format_date(date(2026, 11, 30))``    ``Nov. 30, 2026``          ``30 ноября 2026 г.``
``format_date(day, weekday=True)``     ``Monday, Nov. 30, 2026``  ``Понедельник, 30 ноября 2026 г.``
``format_time(time(14, 30))``          ``2:30 p.m.``              ``14:30``
``format_datetime(start_at)``          ``Nov. 30, 2026, 2 p.m.``  ``30 ноября 2026 г. 14:00``
``format_month(day)``                  ``November 2026``          ``Ноябрь 2026 г.``
``format_number(Decimal("1234.5"))``   ``1,234.5``                ``1 234,5``
``format_money(2500, "₽")``            ``₽2,500``                 ``2 500 ₽``
``format_duration(90)``                ``1 h 30 min``             ``1 ч 30 мин``
=====================================  =========================  ===========================

Each kind uses the format Django itself prints for an unformatted value in a
template (``{{ value|date }}`` is ``DATE_FORMAT``, ``{{ value|time }}`` is
``TIME_FORMAT``), so the library's components, your own templates and Django's
admin agree. Dates use ``DATE_FORMAT``, not ``SHORT_DATE_FORMAT``: a month
name cannot be misread, ``11/12/2026`` can. To change a kind for a language,
override that format the Django way (a format module named in
``FORMAT_MODULE_PATH``); every component follows.

Why Python and not ``|date`` in templates: contracts carry display strings
(``ListRow.meta``, ``CardItem.meta``, ``ServiceItem.price``,
``BookingSummaryData.date_label``), and Django's localisation in a long
template loop costs more than the rest of the render. Format once, in the view
or the dashboard provider, while the request's language is active::

    from codex_django.cabinet import ListRow
    from codex_django.cabinet.formatting import format_datetime, format_money

    rows = [
        ListRow(
            id=str(visit.pk),
            primary=visit.client.name,
            secondary=format_money(visit.price, "₽"),
            meta=format_datetime(visit.start_at),
        )
        for visit in visits
    ]

Table rows (``DataTableData``, ``TableWidgetData``) may also hold the typed
values themselves (``date``, ``datetime``, ``time``, ``Decimal``, ``int``,
``timedelta``): the presenters print them with :func:`format_value` and sort
them by value. Money is the exception: a ``Decimal`` does not know its
currency, so format prices with :func:`format_money` in the row builder.

For small templates the same functions are filters::

    {% load cabinet_format %}
    {{ appointment.start_at|format_datetime }}–{{ appointment.end_at|format_time }}
    {{ appointment.price|format_money }}        {# CODEX_CABINET["CURRENCY"] #}
    {{ appointment.price|format_money:"€" }}

``None`` is printed as ``""`` by every function, so optional values need no
``if``. Aware datetimes are shown in the current time zone, as Django's
template filters do.
"""

from __future__ import annotations

import datetime
import functools
from decimal import Decimal
from typing import Any

from django.core.signals import setting_changed
from django.dispatch import receiver
from django.utils import formats, timezone
from django.utils.dates import WEEKDAYS
from django.utils.functional import Promise
from django.utils.text import capfirst
from django.utils.translation import get_language, gettext, ngettext, pgettext

from codex_django.cabinet.conf import cabinet_setting

__all__ = [
    "format_date",
    "format_datetime",
    "format_duration",
    "format_money",
    "format_month",
    "format_number",
    "format_time",
    "format_value",
    "with_weekday",
]

NBSP = "\u00a0"
Number = int | float | Decimal


def _local(value: datetime.datetime) -> datetime.datetime:
    """An aware datetime in the current time zone; a naive one unchanged (what ``|date`` does)."""
    return timezone.localtime(value) if timezone.is_aware(value) else value


# Django's l10n costs 30-80 us a call (``date_format`` builds a DateFormat and looks up the
# translated month names each time), and a page repeats values: the dates and times of a
# 100-row table are a few dozen. Each text is kept per value, format and active language (for
# a datetime also its zone, since equal instants in two zones print differently), and
# forgotten whenever a setting changes (FORMAT_MODULE_PATH, DATE_FORMAT, ... in tests).
@functools.lru_cache(maxsize=4096)
def _formatted(kind: str, value: Any, zone: str, format_name: str, language: str | None) -> str:
    if kind == "time":
        return formats.time_format(value, format_name)
    if kind == "number":
        number, places = value
        return formats.number_format(number, places, force_grouping=True)
    return formats.date_format(value, format_name)


def _format(kind: str, value: Any, format_name: str = "") -> str:
    zone = str(value.tzinfo) if isinstance(value, datetime.datetime | datetime.time) and value.tzinfo else ""
    return _formatted(kind, value, zone, format_name, get_language())


@receiver(setting_changed)
def _forget_formatted(**kwargs: Any) -> None:
    _formatted.cache_clear()


def format_date(value: datetime.date | None, *, weekday: bool = False) -> str:
    """The date in the active language's ``DATE_FORMAT`` (``"Nov. 30, 2026"``, ``"30 ноября 2026 г."``).

    A datetime shows its (local) day. ``weekday=True`` puts the day's name in
    front (``"Monday, Nov. 30, 2026"``), for headings and the date picker.
    """
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    text = _format("date", value, "DATE_FORMAT")
    return with_weekday(value, text) if weekday else text


def with_weekday(day: datetime.date, text: str) -> str:
    """``text`` (a label of ``day``) with the day's name in front: ``"Monday, Nov. 30, 2026"``."""
    # Translators: a date with its weekday in front: "Monday, Nov. 30, 2026".
    return capfirst(gettext("%(weekday)s, %(date)s") % {"weekday": WEEKDAYS[day.weekday()], "date": text})


def format_time(value: datetime.time | datetime.datetime | str | None) -> str:
    """The time in the active language's ``TIME_FORMAT`` (``"2:30 p.m."``, ``"14:30"``).

    Accepts a ``time``, a ``datetime`` (its local time) or an ``"HH:MM"``
    string, the form the booking contracts carry.
    """
    if value is None or value == "":
        return ""
    if isinstance(value, str):
        try:
            value = datetime.time.fromisoformat(value)
        except ValueError:
            raise ValueError(f"format_time: {value!r} is not a time ('HH:MM', e.g. '09:30')") from None
    elif isinstance(value, datetime.datetime):
        value = _local(value)
    return _format("time", value, "TIME_FORMAT")


def format_datetime(value: datetime.datetime | None) -> str:
    """The moment in the active language's ``DATETIME_FORMAT`` (``"Nov. 30, 2026, 2 p.m."``)."""
    if value is None:
        return ""
    return _format("date", _local(value), "DATETIME_FORMAT")


def format_month(value: datetime.date | None) -> str:
    """The month and year in ``YEAR_MONTH_FORMAT`` (``"November 2026"``, ``"Ноябрь 2026 г."``)."""
    if value is None:
        return ""
    if isinstance(value, datetime.datetime):
        value = _local(value).date()
    return _format("date", value, "YEAR_MONTH_FORMAT")


def format_number(value: Number | None, decimal_pos: int | None = None) -> str:
    """The number with the language's separators and thousands grouping (``"1,234.5"``, ``"1 234,5"``).

    ``decimal_pos`` fixes the number of decimals; ``None`` keeps the value's own.
    """
    if value is None:
        return ""
    return formats.number_format(value, decimal_pos, force_grouping=True)


def format_money(
    amount: Number | str | None, currency: str | None = None, *, decimal_pos: int | None = None
) -> str:
    """An amount with its currency symbol where the active language puts it (``"₽2,500"``, ``"2 500 ₽"``).

    ``currency`` is the symbol or code as it should appear (``"₽"``, ``"€"``,
    ``"USD"``); ``None`` uses the ``CODEX_CABINET["CURRENCY"]`` setting, and an
    empty symbol prints the number alone. ``decimal_pos=None`` prints whole
    amounts without decimals and others with two (``"₽2,500"``,
    ``"₽2,499.50"``); pass ``2`` for accounting columns.

    Django has no currency format, so the symbol's place comes from the
    translation catalog: the message ``"%(currency)s%(amount)s"`` (context
    ``"money"``) is the pattern, ``"%(amount)s %(currency)s"`` in Russian. Add
    it to your project's catalog for other languages (English's order is the
    fallback). Spaces in the pattern become no-break spaces, a letter code gets
    one (``"USD 2,500"``), and a minus sign goes in front of everything.
    """
    if amount is None or amount == "":
        return ""
    value = amount if isinstance(amount, Decimal) else Decimal(str(amount))
    if not value.is_finite():
        raise ValueError(f"format_money: {amount!r} is not a finite amount")
    symbol = cabinet_setting("CURRENCY") if currency is None else currency
    places = decimal_pos if decimal_pos is not None else (0 if value == value.to_integral_value() else 2)
    number = _format("number", (abs(value), places))
    sign = "-" if value < 0 and any(digit in number for digit in "123456789") else ""  # no "-0"
    if not symbol:
        return sign + number
    # Translators: where the currency symbol goes: "%(currency)s%(amount)s" is "₽2,500",
    # "%(amount)s %(currency)s" is "2 500 ₽". Keep both placeholders.
    pattern = pgettext("money", "%(currency)s%(amount)s").replace(" ", NBSP)
    if symbol[-1].isalpha() and "%(currency)s%(amount)s" in pattern:
        pattern = pattern.replace("%(currency)s%(amount)s", "%(currency)s" + NBSP + "%(amount)s")
    if symbol[0].isalpha() and "%(amount)s%(currency)s" in pattern:
        pattern = pattern.replace("%(amount)s%(currency)s", "%(amount)s" + NBSP + "%(currency)s")
    return sign + pattern % {"currency": symbol, "amount": number}


def format_duration(value: int | datetime.timedelta | None) -> str:
    """A duration in minutes (or a ``timedelta``) as ``"45 min"``, ``"1 h"``, ``"1 h 30 min"`` (translated).

    Seconds are dropped; a negative duration is an error.
    """
    if value is None:
        return ""
    minutes = int(value.total_seconds() // 60) if isinstance(value, datetime.timedelta) else int(value)
    if minutes < 0:
        raise ValueError(f"format_duration: a duration may not be negative (got {value!r})")
    hours, rest = divmod(minutes, 60)
    if not hours:
        return ngettext("%(minutes)s min", "%(minutes)s min", rest) % {"minutes": rest}
    if not rest:
        return ngettext("%(hours)s h", "%(hours)s h", hours) % {"hours": hours}
    return gettext("%(hours)s h %(minutes)s min") % {"hours": hours, "minutes": rest}


def format_value(value: Any) -> str:
    """Any cell value as its display string, chosen by type (what the table presenters print).

    ``None`` -> ``""``; text as is; ``datetime`` -> :func:`format_datetime`;
    ``date`` -> :func:`format_date`; ``time`` -> :func:`format_time`;
    ``timedelta`` -> :func:`format_duration`; ``int``, ``float``, ``Decimal``
    -> :func:`format_number` (so pass identifiers such as years or codes as
    text); anything else through ``str()``.
    """
    if value is None:
        return ""
    if isinstance(value, str | Promise | bool):
        return str(value)
    if isinstance(value, datetime.datetime):
        return format_datetime(value)
    if isinstance(value, datetime.date):
        return format_date(value)
    if isinstance(value, datetime.time):
        return format_time(value)
    if isinstance(value, datetime.timedelta):
        return format_duration(value)
    if isinstance(value, int | float | Decimal):
        return format_number(value)
    return str(value)
