"""Controls for a story, generated from its contracts' JSON schemas.

Each kwarg that holds a contract gets one control per top-level field:

* enums (``Literal``) -> ``select``
* booleans -> ``toggle``
* integers and numbers -> ``number``
* strings -> ``text`` (for an optional string, an empty box means ``None``)
* lists, nested contracts, dicts and anything else -> ``json`` (a JSON editor)

A kwarg that is not a contract (a plain string or number) gets one control
of its own, with ``field`` set to ``""``. The front end edits the payload
(``to_payload``) and sends changed kwargs back to the preview, which rebuilds
the contracts with ``from_payload`` and shows validation errors in place.
"""

from __future__ import annotations

from typing import Any

from codex_django.cabinet.types.contract import is_contract, json_schema, to_payload

from .fields_table import field_descriptions
from .kwargs_types import hint_schema
from .schema import Schema, enum_values, properties, unwrap_nullable


def payload_of(value: Any) -> Any:
    """The JSON-compatible form of a kwarg (contracts through ``to_payload``)."""
    if is_contract(value):
        return to_payload(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    if isinstance(value, list | tuple | dict):
        return _plain(value)
    return str(value)


def _plain(value: Any) -> Any:
    if isinstance(value, dict):
        return {str(key): _plain(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [_plain(item) for item in value]
    if is_contract(value):
        return to_payload(value)
    if isinstance(value, str | int | float | bool) or value is None:
        return value
    return str(value)


def control_for(
    kwarg: str, field: str, schema: Schema, root: Schema, description: str = ""
) -> dict[str, Any]:
    """One control descriptor (plain data, handed to the front end through ``json_script``)."""
    inner, nullable = unwrap_nullable(schema, root)
    options = enum_values(inner, root)
    kind = inner.get("type")
    if options is not None:
        widget = "select"
    elif kind == "boolean":
        widget = "toggle"
    elif kind in ("integer", "number"):
        widget = "number"
    elif kind == "string":
        widget = "text"
    else:
        widget = "json"
    control: dict[str, Any] = {
        "kwarg": kwarg,
        "field": field,
        "label": field or kwarg,
        "widget": widget,
        "nullable": nullable,
        "description": description,
    }
    if options is not None:
        control["options"] = options
    if kind == "integer":
        control["step"] = 1
    return control


def controls_for(component: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """Every control of a story, kwarg by kwarg, field by field."""
    controls: list[dict[str, Any]] = []
    for kwarg, value in kwargs.items():
        if is_contract(value):
            schema = json_schema(type(value))
            descriptions = field_descriptions(type(value))
            for field, field_schema in properties(schema).items():
                controls.append(control_for(kwarg, field, field_schema, schema, descriptions.get(field, "")))
        else:
            hinted = hint_schema(component, kwarg)
            if hinted is not None:
                controls.append(control_for(kwarg, "", hinted, hinted))
            else:
                controls.append(_plain_control(kwarg, value))
    return controls


def _plain_control(kwarg: str, value: Any) -> dict[str, Any]:
    if isinstance(value, bool):
        widget = "toggle"
    elif isinstance(value, int | float):
        widget = "number"
    elif isinstance(value, str):
        widget = "text"
    else:
        widget = "json"
    return {
        "kwarg": kwarg,
        "field": "",
        "label": kwarg,
        "widget": widget,
        "nullable": value is None,
        "description": "",
    }
