"""Tagged JSON: cache values that come back as the types that went in.

Plain JSON turns ``Decimal("12.50")`` into a float and a date into a string;
pickle would run code from whoever can write to Redis. This codec writes JSON
that stays readable in ``redis-cli`` and tags the values JSON has no type for::

    {"__cab__": "decimal", "v": "12.50"}
    {"__cab__": "datetime", "v": "2026-04-01T10:00:00+03:00"}
    {"__cab__": "contract", "c": "codex_django.cabinet.types.widgets:MetricWidgetData", "v": {...}}

Supported: ``None``, ``bool``, ``int``, ``float``, ``str`` (lazy translations
are stored as their text in the active language), ``list``, ``tuple``,
``dict`` with string keys, ``Decimal``, ``datetime``, ``date``, ``time``,
``timedelta``, ``UUID`` and cabinet contracts (``@contract`` classes, nested
ones included). A contract is rebuilt only from a module that is already
imported, so a forged cache entry cannot import code.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
import sys
import uuid
from decimal import Decimal, InvalidOperation
from typing import Any

from django.utils.functional import Promise

from ..types.contract import is_contract

__all__ = ["TAG", "CodecError", "decode", "dumps", "encode", "loads"]

TAG = "__cab__"


class CodecError(ValueError):
    """A cached value that is not valid tagged JSON (corrupt, foreign or from another version)."""


def encode(value: Any) -> Any:
    """``value`` as JSON-ready data with tags; ``TypeError`` for types the codec does not know."""
    if value is None or isinstance(value, bool | int | float | str):
        return value
    if isinstance(value, Promise):
        return str(value)
    if isinstance(value, list):
        return [encode(item) for item in value]
    if isinstance(value, dict):
        for key in value:
            if not isinstance(key, str):
                raise TypeError(f"cannot cache a dict with a non-string key {key!r}")
        encoded = {key: encode(item) for key, item in value.items()}
        return {TAG: "dict", "v": encoded} if TAG in value else encoded
    if isinstance(value, tuple):
        return {TAG: "tuple", "v": [encode(item) for item in value]}
    if isinstance(value, Decimal):
        return {TAG: "decimal", "v": str(value)}
    if isinstance(value, dt.datetime):  # before date: a datetime is a date
        return {TAG: "datetime", "v": value.isoformat()}
    if isinstance(value, dt.date):
        return {TAG: "date", "v": value.isoformat()}
    if isinstance(value, dt.time):
        return {TAG: "time", "v": value.isoformat()}
    if isinstance(value, dt.timedelta):
        return {TAG: "timedelta", "v": [value.days, value.seconds, value.microseconds]}
    if isinstance(value, uuid.UUID):
        return {TAG: "uuid", "v": str(value)}
    if is_contract(value) and not isinstance(value, type):
        return _encode_contract(value)
    raise TypeError(
        f"cannot cache a value of type {type(value).__name__}: use str, int, float, bool, None, "
        "list, tuple, dict, Decimal, date/datetime/time/timedelta, UUID or a cabinet contract"
    )


def _encode_contract(value: Any) -> dict[str, Any]:
    cls = type(value)
    fields = {f.name: encode(getattr(value, f.name)) for f in dataclasses.fields(value) if f.init}
    return {TAG: "contract", "c": f"{cls.__module__}:{cls.__qualname__}", "v": fields}


def _contract_class(path: Any) -> type[Any]:
    if not isinstance(path, str) or ":" not in path:
        raise CodecError(f"bad contract reference {path!r}")
    module_name, qualname = path.split(":", 1)
    target: Any = sys.modules.get(module_name)
    if target is None:
        raise CodecError(f"contract module {module_name!r} is not imported")
    for part in qualname.split("."):
        target = getattr(target, part, None)
    if not (isinstance(target, type) and is_contract(target)):
        raise CodecError(f"{path!r} is not a cabinet contract")
    return target


def _decode_tagged(tag: Any, data: dict[str, Any]) -> Any:
    raw = data.get("v")
    if tag == "dict" and isinstance(raw, dict):
        return {key: decode(item) for key, item in raw.items()}
    if tag == "tuple" and isinstance(raw, list):
        return tuple(decode(item) for item in raw)
    if tag == "contract" and isinstance(raw, dict):
        cls = _contract_class(data.get("c"))
        return cls(**{key: decode(item) for key, item in raw.items()})
    if tag == "timedelta" and isinstance(raw, list) and len(raw) == 3:
        return dt.timedelta(days=raw[0], seconds=raw[1], microseconds=raw[2])
    if not isinstance(raw, str):
        raise CodecError(f"bad value for tag {tag!r}: {raw!r}")
    parsers: dict[str, Any] = {
        "decimal": Decimal,
        "datetime": dt.datetime.fromisoformat,
        "date": dt.date.fromisoformat,
        "time": dt.time.fromisoformat,
        "uuid": uuid.UUID,
    }
    parser = parsers.get(tag)
    if parser is None:
        raise CodecError(f"unknown tag {tag!r}")
    try:
        return parser(raw)
    except (ValueError, InvalidOperation) as error:
        raise CodecError(f"bad {tag} value {raw!r}: {error}") from None


def decode(data: Any) -> Any:
    """The inverse of :func:`encode`; :class:`CodecError` for data it did not write."""
    if isinstance(data, list):
        return [decode(item) for item in data]
    if isinstance(data, dict):
        if TAG in data:
            return _decode_tagged(data[TAG], data)
        return {key: decode(item) for key, item in data.items()}
    return data


def dumps(value: Any) -> str:
    """Encode and serialise (compact, UTF-8 kept readable)."""
    return json.dumps(encode(value), ensure_ascii=False, separators=(",", ":"))


def loads(text: str | bytes) -> Any:
    """Parse and decode; :class:`CodecError` for anything that is not our tagged JSON."""
    try:
        data = json.loads(text)
    except (ValueError, TypeError) as error:
        raise CodecError(f"not JSON: {error}") from None
    try:
        return decode(data)
    except CodecError:
        raise
    except Exception as error:  # a contract that no longer validates, a bad argument, ...
        raise CodecError(f"cannot rebuild the cached value: {error}") from None
