"""Contracts refuse keyword arguments they do not have (issue 13).

The reference documents each contract's fields; a misspelt one (``lable=``,
``trend_directon=``) used to be dropped without a word, so the page showed a
default instead of what the code asked for. Every contract, exported or not,
now raises an error naming the contract and the unknown argument.
"""

from __future__ import annotations

import importlib
import pkgutil
from typing import Any

import pytest
from django.core.exceptions import ImproperlyConfigured
from pydantic import ValidationError

import codex_django.cabinet.types as types_package
from codex_django.cabinet.types.contract import from_payload, is_contract
from codex_django.cabinet.types.nav import TopbarEntry
from codex_django.cabinet.types.widgets import MetricWidgetData, TableColumn, TableWidgetData


def every_contract() -> list[type[Any]]:
    """Each ``@contract`` class defined in a module of ``codex_django.cabinet.types``."""
    found: dict[str, type[Any]] = {}
    for info in pkgutil.iter_modules(types_package.__path__):
        module = importlib.import_module(f"{types_package.__name__}.{info.name}")
        for value in vars(module).values():
            if isinstance(value, type) and is_contract(value) and value.__module__ == module.__name__:
                found[f"{value.__module__}.{value.__qualname__}"] = value
    return [found[name] for name in sorted(found)]


CONTRACTS = every_contract()


def test_the_walk_finds_the_exported_contracts() -> None:
    exported = {
        name
        for name in types_package.__all__
        if isinstance(getattr(types_package, name), type) and is_contract(getattr(types_package, name))
    }
    assert len(exported) >= 40
    assert exported <= {cls.__name__ for cls in CONTRACTS}


@pytest.mark.parametrize("cls", CONTRACTS, ids=lambda cls: cls.__name__)
def test_an_unknown_keyword_is_an_error_naming_the_contract_and_the_argument(cls: type[Any]) -> None:
    with pytest.raises((ValidationError, ImproperlyConfigured)) as raised:
        cls(no_such_field_xyz="typo")
    message = str(raised.value)
    assert cls.__name__ in message
    assert "no_such_field_xyz" in message
    assert "Unexpected keyword argument" in message


def test_a_misspelt_field_of_a_valid_metric_is_not_dropped() -> None:
    with pytest.raises(ValidationError) as raised:
        MetricWidgetData(label="Revenue", value="12 500", trend_directon="up")
    assert "MetricWidgetData" in str(raised.value)
    assert [(error["loc"], error["type"]) for error in raised.value.errors()] == [
        (("trend_directon",), "unexpected_keyword_argument")
    ]


def test_configuration_contracts_say_it_in_one_line() -> None:
    with pytest.raises(ImproperlyConfigured) as raised:
        TopbarEntry(group="services", label="Booking", icon="bi-calendar", url="/b/", ordr=1)
    assert str(raised.value) == "TopbarEntry: ordr: Unexpected keyword argument (got 1)"


def test_nested_payloads_refuse_unknown_keys_too() -> None:
    with pytest.raises(ValidationError) as raised:
        from_payload(
            TableWidgetData,
            {"columns": [{"key": "name", "label": "Name", "algn": "right"}], "rows": []},
        )
    assert ("columns", 0, "algn") in [error["loc"] for error in raised.value.errors()]


def test_known_fields_still_work() -> None:
    column = TableColumn(key="amount", label="Amount", align="right")
    assert column.align == "right"
