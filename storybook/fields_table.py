"""The contract's fields table: name, type, default and description of each field.

Types and defaults come from the JSON schema; descriptions from the schema
when a field declares one, else from the ``Attributes:`` section of the
contract's docstring (where the library documents its fields).
"""

from __future__ import annotations

import dataclasses
import inspect
import re
from typing import Any

from codex_django.cabinet.types.contract import is_contract, json_schema

from .kwargs_types import hint_schema, kwargs_class
from .schema import properties, type_label

_ATTRIBUTE = re.compile(r"^(\s+)(\w+):\s*(.*)$")


def field_descriptions(contract: type[Any]) -> dict[str, str]:
    """``{field: description}`` from the ``Attributes:`` section of the docstring."""
    doc = inspect.getdoc(contract) or ""
    found: dict[str, str] = {}
    in_section = False
    current = ""
    indent = -1
    for line in doc.splitlines():
        if line.strip() == "Attributes:":
            in_section = True
            continue
        if not in_section:
            continue
        if line and not line.startswith(" "):
            break  # the next section (Example::, Derived:, ...)
        match = _ATTRIBUTE.match(line)
        if match and (indent < 0 or len(match.group(1)) == indent):
            indent = len(match.group(1))
            current = match.group(2)
            found[current] = match.group(3).strip()
        elif current and line.strip():
            found[current] = f"{found[current]} {line.strip()}".strip()
    return {name: _plain_rst(text) for name, text in found.items()}


def _plain_rst(text: str) -> str:
    text = re.sub(r":\w+:`~?([^`]+)`", lambda m: m.group(1).rsplit(".", 1)[-1], text)
    return text.replace("``", "")


def _plain_rows(component: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """Rows for kwargs that are not contracts, typed from the component's ``Kwargs`` class."""
    declared = kwargs_class(component)
    defaults = {}
    if declared is not None and dataclasses.is_dataclass(declared):
        defaults = {field.name: field.default for field in dataclasses.fields(declared)}
    rows = []
    for kwarg, value in kwargs.items():
        if is_contract(value):
            continue
        schema = hint_schema(component, kwarg)
        default = defaults.get(kwarg, dataclasses.MISSING)
        rows.append(
            {
                "name": kwarg,
                "type": type_label(schema, schema) if schema else type(value).__name__,
                "required": default is dataclasses.MISSING,
                "default": "" if default is dataclasses.MISSING else repr(default),
                "description": "",
            }
        )
    return rows


def fields_table(component: str, kwargs: dict[str, Any]) -> list[dict[str, Any]]:
    """One table per contract kwarg, plus one for the plain kwargs: ``[{"kwarg", "contract", "fields"}]``."""
    tables: list[dict[str, Any]] = []
    plain = _plain_rows(component, kwargs)
    if plain:
        tables.append({"kwarg": component, "contract": "kwargs", "fields": plain, "doc": ""})
    for kwarg, value in kwargs.items():
        if not is_contract(value):
            continue
        contract = type(value)
        schema = json_schema(contract)
        descriptions = field_descriptions(contract)
        required = set(schema.get("required", []))
        rows = []
        for name, field_schema in properties(schema).items():
            description = field_schema.get("description") or descriptions.get(name, "")
            rows.append(
                {
                    "name": name,
                    "type": type_label(field_schema, schema),
                    "required": name in required,
                    "default": "" if name in required else repr(field_schema.get("default")),
                    "description": description,
                }
            )
        summary = _plain_rst((inspect.getdoc(contract) or "").split("\n\n", 1)[0])
        tables.append({"kwarg": kwarg, "contract": contract.__name__, "fields": rows, "doc": summary})
    return tables
