"""Reading contract JSON schemas: references, nullable fields, enums.

Pydantic writes nested contracts as ``{"$ref": "#/$defs/Name"}``, optional
fields as ``{"anyOf": [X, {"type": "null"}]}`` and ``Literal`` options as
``{"enum": [...]}`` (one option: ``{"const": ...}``). The controls, the fields
table and the coverage listing all need the same three answers, given here.
"""

from __future__ import annotations

from typing import Any

Schema = dict[str, Any]


def resolve(schema: Schema, root: Schema) -> Schema:
    """Follow a ``$ref`` into ``root["$defs"]`` (once; contracts do not nest refs to refs)."""
    ref = schema.get("$ref")
    if isinstance(ref, str) and ref.startswith("#/$defs/"):
        return dict(root.get("$defs", {}).get(ref.removeprefix("#/$defs/"), {}))
    return schema


def unwrap_nullable(schema: Schema, root: Schema) -> tuple[Schema, bool]:
    """The non-null branch of ``X | None`` and whether ``None`` is allowed."""
    schema = resolve(schema, root)
    options = schema.get("anyOf")
    if isinstance(options, list):
        rest = [option for option in options if option.get("type") != "null"]
        nullable = len(rest) != len(options)
        if len(rest) == 1:
            inner = resolve(rest[0], root)
            return inner, nullable
        return {"anyOf": rest}, nullable
    return schema, schema.get("type") == "null"


def enum_values(schema: Schema, root: Schema) -> list[Any] | None:
    """The options of an enum field (``Literal`` or ``Enum``), else None."""
    schema, _ = unwrap_nullable(schema, root)
    if "enum" in schema:
        return list(schema["enum"])
    if "const" in schema:
        return [schema["const"]]
    options = schema.get("anyOf")
    if isinstance(options, list) and options and all("const" in option for option in options):
        return [option["const"] for option in options]
    return None


def type_label(schema: Schema, root: Schema) -> str:
    """A short human type for the fields table: ``str``, ``list[TableColumn]``, ``'up' | 'down'``."""
    inner, nullable = unwrap_nullable(schema, root)
    options = enum_values(inner, root)
    if options is not None:
        label = " | ".join(repr(option) for option in options)
    elif "$ref" in schema or ("title" in inner and inner.get("type") == "object" and "properties" in inner):
        label = str(inner.get("title", "object"))
    else:
        label = _plain_type(inner, root)
    return f"{label} | None" if nullable else label


def _plain_type(schema: Schema, root: Schema) -> str:
    kind = schema.get("type")
    names = {"string": "str", "integer": "int", "number": "float", "boolean": "bool", "null": "None"}
    if kind == "array":
        items = schema.get("items")
        return f"list[{type_label(items, root)}]" if isinstance(items, dict) and items else "list"
    if kind == "object":
        if "properties" in schema:
            return str(schema.get("title", "object"))
        return "dict"
    if isinstance(kind, str):
        return names.get(kind, kind)
    options = schema.get("anyOf")
    if isinstance(options, list):
        return " | ".join(type_label(option, root) for option in options)
    return "any"


def properties(schema: Schema) -> dict[str, Schema]:
    """The top-level fields of a contract schema, in declaration order."""
    found = schema.get("properties", {})
    return dict(found) if isinstance(found, dict) else {}
