"""``codex_django.cabinet.formatting``: one display form per kind of value, the active language's.

Every example of the module's docstring, in English and in Russian, the edge
cases (``None``, negative and fractional money, letter codes, bad input) and
the ``cabinet_format`` template filters.
"""

from __future__ import annotations

from datetime import UTC, date, datetime, time, timedelta
from decimal import Decimal
from zoneinfo import ZoneInfo

import pytest
from django.template import Context, Template, TemplateSyntaxError
from django.test import override_settings
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy

from codex_django.cabinet.formatting import (
    format_date,
    format_datetime,
    format_duration,
    format_money,
    format_month,
    format_number,
    format_time,
    format_value,
)

NBSP = "\u00a0"
DAY = date(2026, 11, 30)  # a Monday
# 11:00 UTC is 14:00 in Moscow, the test settings' TIME_ZONE.
MOMENT = datetime(2026, 11, 30, 11, 0, tzinfo=UTC)

EXAMPLES = [
    # call, English, Russian
    (lambda: format_date(DAY), "Nov. 30, 2026", "30 ноября 2026 г."),
    (lambda: format_date(DAY, weekday=True), "Monday, Nov. 30, 2026", "Понедельник, 30 ноября 2026 г."),
    (lambda: format_date(MOMENT), "Nov. 30, 2026", "30 ноября 2026 г."),
    (lambda: format_time(time(14, 30)), "2:30 p.m.", "14:30"),
    (lambda: format_time("09:00"), "9 a.m.", "9:00"),
    (lambda: format_time(MOMENT), "2 p.m.", "14:00"),
    (lambda: format_datetime(MOMENT), "Nov. 30, 2026, 2 p.m.", "30 ноября 2026 г. 14:00"),
    (lambda: format_month(DAY), "November 2026", "Ноябрь 2026 г."),
    (lambda: format_number(Decimal("1234.5")), "1,234.5", f"1{NBSP}234,5"),
    (lambda: format_number(1234567), "1,234,567", f"1{NBSP}234{NBSP}567"),
    (lambda: format_number(Decimal("2.5"), 2), "2.50", "2,50"),
    (lambda: format_money(2500, "₽"), "₽2,500", f"2{NBSP}500{NBSP}₽"),
    (lambda: format_money(Decimal("2500.00"), "₽"), "₽2,500", f"2{NBSP}500{NBSP}₽"),
    (lambda: format_money(Decimal("2499.5"), "€"), "€2,499.50", f"2{NBSP}499,50{NBSP}€"),
    (lambda: format_money(Decimal("2500"), "€", decimal_pos=2), "€2,500.00", f"2{NBSP}500,00{NBSP}€"),
    (lambda: format_money(-1200, "$"), "-$1,200", f"-1{NBSP}200{NBSP}$"),
    (lambda: format_money(2500, "USD"), f"USD{NBSP}2,500", f"2{NBSP}500{NBSP}USD"),
    (lambda: format_money("12.5", ""), "12.50", "12,50"),
    (lambda: format_duration(45), "45 min", "45 мин"),
    (lambda: format_duration(60), "1 h", "1 ч"),
    (lambda: format_duration(90), "1 h 30 min", "1 ч 30 мин"),
    (lambda: format_duration(timedelta(hours=2, seconds=59)), "2 h", "2 ч"),
]


@pytest.mark.parametrize(("call", "english", "russian"), EXAMPLES)
def test_each_kind_in_the_active_language(call, english: str, russian: str) -> None:
    with translation.override("en"):
        assert call() == english
    with translation.override("ru"):
        assert call() == russian


def test_none_prints_nothing() -> None:
    for function in (format_date, format_time, format_datetime, format_month, format_number, format_duration):
        assert function(None) == ""
    assert format_money(None, "₽") == "" and format_value(None) == ""


def test_money_uses_the_currency_setting_when_the_call_names_none() -> None:
    with translation.override("en"):
        assert format_money(2500) == "2,500"
        with override_settings(CODEX_CABINET={"CURRENCY": "€"}):
            assert format_money(2500) == "€2,500"
            assert format_money(2500, "₽") == "₽2,500"
            assert format_money(2500, "") == "2,500"


def test_money_rounding_to_zero_has_no_minus_sign() -> None:
    with translation.override("en"):
        assert format_money(Decimal("-0.001"), "€") == "€0.00"


def test_bad_values_name_the_function_and_the_value() -> None:
    with pytest.raises(ValueError, match=r"format_time: '9h30' is not a time \('HH:MM', e.g. '09:30'\)"):
        format_time("9h30")
    with pytest.raises(ValueError, match=r"format_duration: a duration may not be negative \(got -5\)"):
        format_duration(-5)
    with pytest.raises(ValueError, match=r"format_money: Decimal\('NaN'\) is not a finite amount"):
        format_money(Decimal("NaN"), "₽")


def test_format_value_picks_the_kind_by_type() -> None:
    with translation.override("ru"):
        assert [
            format_value(value)
            for value in (
                "as is",
                gettext_lazy("Search"),
                MOMENT,
                DAY,
                time(9, 30),
                timedelta(minutes=90),
                Decimal("1234.50"),
                1500,
                0.5,
                True,
            )
        ] == [
            "as is",
            "Поиск",
            "30 ноября 2026 г. 14:00",
            "30 ноября 2026 г.",
            "9:30",
            "1 ч 30 мин",
            f"1{NBSP}234,50",
            f"1{NBSP}500",
            "0,5",
            "True",
        ]


def test_template_filters_are_the_same_functions() -> None:
    template = Template(
        "{% load cabinet_format %}"
        "{{ day|format_date }}|{{ day|format_date:'weekday' }}|{{ moment|format_time }}|"
        "{{ moment|format_datetime }}|{{ day|format_month }}|{{ price|format_money:'₽' }}|"
        "{{ price|format_money }}|{{ count|format_number }}|{{ minutes|format_duration }}|{{ nothing|format_date }}"
    )
    context = Context(
        {
            "day": DAY,
            "moment": MOMENT,
            "price": Decimal("2500.00"),
            "count": 1234,
            "minutes": 90,
            "nothing": None,
        }
    )
    with translation.override("ru"), override_settings(CODEX_CABINET={"CURRENCY": "€"}):
        assert template.render(context).split("|") == [
            "30 ноября 2026 г.",
            "Понедельник, 30 ноября 2026 г.",
            "14:00",
            "30 ноября 2026 г. 14:00",
            "Ноябрь 2026 г.",
            f"2{NBSP}500{NBSP}₽",
            f"2{NBSP}500{NBSP}€",
            f"1{NBSP}234",
            "1 ч 30 мин",
            "",
        ]
    with pytest.raises(TemplateSyntaxError, match="format_date takes no option or \"weekday\", not 'short'"):
        Template("{% load cabinet_format %}{{ day|format_date:'short' }}").render(Context({"day": DAY}))


def test_filter_output_is_escaped() -> None:
    """A currency symbol is text, escaped like any other value (the filters never mark output safe)."""
    with translation.override("en"):
        html = Template("{% load cabinet_format %}{{ 5|format_money:'<b>' }}").render(Context())
    assert html == "&lt;b&gt;5"


# --- the texts kept per value (Django's l10n costs 30-80 us a call) -------------------------------


def test_a_kept_text_follows_the_language_the_settings_and_the_time_zone() -> None:
    with translation.override("en"):
        assert format_date(DAY) == "Nov. 30, 2026"
        assert format_time(MOMENT) == "2 p.m."
        assert format_money(2500, "₽") == "₽2,500"
    with translation.override("ru"):
        assert format_date(DAY) == "30 ноября 2026 г."
        assert format_money(2500, "₽") == f"2{NBSP}500{NBSP}₽"
    with translation.override(None):  # no language: the settings' DATE_FORMAT applies
        assert format_date(DAY) == "Nov. 30, 2026"
        with override_settings(DATE_FORMAT="Y-m-d"):
            assert format_date(DAY) == "2026-11-30"
        assert format_date(DAY) == "Nov. 30, 2026"
    with translation.override("en"):
        assert format_date(DAY) == "Nov. 30, 2026"
        with timezone.override(ZoneInfo("UTC")):
            assert format_time(MOMENT) == "11 a.m."
            assert format_datetime(MOMENT) == "Nov. 30, 2026, 11 a.m."
        assert format_time(MOMENT) == "2 p.m."  # Moscow again, the same instant
        assert format_datetime(MOMENT) == "Nov. 30, 2026, 2 p.m."
