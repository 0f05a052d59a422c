"""The usage snippet: the ``{% component %}`` call and the Python that builds its payload.

For the current values of a story it writes what a developer pastes::

    {% component "kpi" metric=metric / %}
    {# slippers: {% load cabinet_slippers %}{% CabKpi metric=metric %} #}

    # in the view
    from codex_django.cabinet.types.widgets import MetricWidgetData

    metric = MetricWidgetData(
        label="New clients",
        value="142",
    )

Only fields that differ from their defaults are written. The library's own
components also get their slippers tag, as a template comment (one call to paste).
"""

from __future__ import annotations

import dataclasses
from typing import Any

from django.utils.functional import Promise

from codex_django.cabinet.templatetags.cabinet_slippers import component_names, tag_name
from codex_django.cabinet.types.contract import is_contract

INDENT = "    "


def component_call(component: str, kwargs: dict[str, Any]) -> str:
    names = " ".join(f"{name}={name}" for name in kwargs)
    return f'{{% component "{component}" {names} / %}}'.replace("  ", " ")


def slippers_call(component: str, kwargs: dict[str, Any]) -> str:
    """The ``{% CabName ... %}`` alternative as a comment; ``""`` for a project's own components."""
    if component not in component_names():
        return ""
    call = " ".join([tag_name(component), *(f"{name}={name}" for name in kwargs)])
    return f"{{# slippers: {{% load cabinet_slippers %}}{{% {call} %}} #}}"


def python_literal(value: Any, depth: int = 0) -> str:
    """Python source that rebuilds ``value`` (contracts as constructor calls)."""
    pad = INDENT * (depth + 1)
    end = INDENT * depth
    if is_contract(value) and dataclasses.is_dataclass(value):
        parts = []
        for field in dataclasses.fields(value):
            current = getattr(value, field.name)
            if _is_default(field, current):
                continue
            parts.append(f"{pad}{field.name}={python_literal(current, depth + 1)},")
        if not parts:
            return f"{type(value).__name__}()"
        return f"{type(value).__name__}(\n" + "\n".join(parts) + f"\n{end})"
    if isinstance(value, Promise):
        return repr(str(value))
    if isinstance(value, list | tuple):
        if not value:
            return "[]"
        items = "\n".join(f"{pad}{python_literal(item, depth + 1)}," for item in value)
        return f"[\n{items}\n{end}]"
    if isinstance(value, dict):
        if not value:
            return "{}"
        items = "\n".join(f"{pad}{key!r}: {python_literal(item, depth + 1)}," for key, item in value.items())
        return f"{{\n{items}\n{end}}}"
    return repr(value)


def _is_default(field: dataclasses.Field[Any], current: Any) -> bool:
    if field.default is not dataclasses.MISSING:
        return bool(current == field.default)
    if field.default_factory is not dataclasses.MISSING:
        return bool(current == field.default_factory())
    return False


def _imports(kwargs: dict[str, Any]) -> list[str]:
    found: dict[str, set[str]] = {}

    def visit(value: Any) -> None:
        if is_contract(value):
            cls = type(value)
            found.setdefault(cls.__module__, set()).add(cls.__name__)
            if dataclasses.is_dataclass(value):
                for field in dataclasses.fields(value):
                    visit(getattr(value, field.name))
        elif isinstance(value, list | tuple):
            for item in value:
                visit(item)
        elif isinstance(value, dict):
            for item in value.values():
                visit(item)

    for value in kwargs.values():
        visit(value)
    return [f"from {module} import {', '.join(sorted(names))}" for module, names in sorted(found.items())]


def usage_snippet(component: str, kwargs: dict[str, Any]) -> str:
    """The template call plus the view code for ``kwargs``."""
    lines = [component_call(component, kwargs)]
    if slippers := slippers_call(component, kwargs):
        lines.append(slippers)
    lines += ["", "# in the view"]
    lines += _imports(kwargs)
    lines.append("")
    lines += [f"{name} = {python_literal(value)}" for name, value in kwargs.items()]
    return "\n".join(lines).rstrip() + "\n"
