"""Changed control values: how they travel in a URL and how they become kwargs again.

The front end sends the kwargs it changed as base64url-encoded JSON in the
``values`` query parameter (``{"metric": {...payload...}}``): short enough for
a deep link, and free of characters that need escaping. The preview rebuilds
each changed contract with ``from_payload``; validation problems come back as
:class:`ValueProblem` records the UI shows next to the control they belong to.
"""

from __future__ import annotations

import base64
import binascii
import dataclasses
import json
from typing import Any

from pydantic import ValidationError

from codex_django.cabinet.types.contract import from_payload, is_contract


@dataclasses.dataclass(frozen=True)
class ValueProblem:
    """One invalid value: the kwarg, its top-level field (``""`` for the whole kwarg) and the message."""

    kwarg: str
    field: str
    path: str
    message: str

    def as_dict(self) -> dict[str, str]:
        return dataclasses.asdict(self)


class ValuesError(ValueError):
    """The ``values`` parameter is not base64url JSON of an object."""


def encode_values(values: dict[str, Any]) -> str:
    """``{"metric": {...}}`` -> the ``values`` query parameter."""
    raw = json.dumps(values, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    return base64.urlsafe_b64encode(raw).decode("ascii").rstrip("=")


def decode_values(text: str) -> dict[str, Any]:
    """The inverse of :func:`encode_values`; :class:`ValuesError` when it is not one."""
    if not text:
        return {}
    try:
        raw = base64.urlsafe_b64decode(text + "=" * (-len(text) % 4))
        data = json.loads(raw.decode("utf-8"))
    except (binascii.Error, ValueError) as error:
        raise ValuesError(f"the values parameter is not base64url-encoded JSON ({error})") from error
    if not isinstance(data, dict):
        raise ValuesError("the values parameter must encode a JSON object of kwargs")
    return data


def apply_values(kwargs: dict[str, Any], values: dict[str, Any]) -> tuple[dict[str, Any], list[ValueProblem]]:
    """The story's kwargs with ``values`` applied, and the problems found.

    When any value is invalid, the original kwargs come back unchanged with the problems.
    """
    result = dict(kwargs)
    problems: list[ValueProblem] = []
    for name, data in values.items():
        if name not in kwargs:
            problems.append(
                ValueProblem(name, "", name, f"the component has no kwarg {name!r} in this story")
            )
            continue
        original = kwargs[name]
        if not is_contract(original):
            result[name] = data
            continue
        try:
            result[name] = from_payload(type(original), data)
        except ValidationError as error:
            problems.extend(_problems(name, error))
    if problems:
        return dict(kwargs), problems
    return result, []


def _problems(kwarg: str, error: ValidationError) -> list[ValueProblem]:
    found = []
    for item in error.errors(include_url=False):
        location = [str(part) for part in item["loc"]]
        message = item["msg"].removeprefix("Value error, ")
        found.append(
            ValueProblem(
                kwarg=kwarg,
                field=location[0] if location else "",
                path=".".join([kwarg, *location]),
                message=f"{message} (got {item.get('input')!r})",
            )
        )
    return found
