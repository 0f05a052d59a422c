"""What a component declares about its kwargs (its ``Kwargs`` class).

Cabinet components declare ``class Kwargs(ComponentKwargs)`` (a dataclass
whose construction validates the values). The storybook uses it to check a
story's kwargs at collection and after a control changed them, and to build
controls and coverage for kwargs that are not contracts (``size: Literal[...]``).
"""

from __future__ import annotations

import functools
import typing
from typing import Any

from django_components import registry
from pydantic import PydanticSchemaGenerationError, TypeAdapter

from .schema import Schema


def kwargs_class(component: str) -> type[Any] | None:
    declared = getattr(registry.get(component), "Kwargs", None)
    return declared if isinstance(declared, type) else None


def kwargs_hints(component: str) -> dict[str, Any]:
    """Type hints of the component's ``Kwargs`` class, ``{}`` when it declares none."""
    declared = kwargs_class(component)
    if declared is None:
        return {}
    try:
        return typing.get_type_hints(declared)
    except Exception:  # unresolvable annotations: no type information
        return {}


def check_kwargs(component: str, kwargs: dict[str, Any]) -> str | None:
    """The component's own complaint about ``kwargs`` (``Kwargs(**kwargs)``), or None."""
    declared = kwargs_class(component)
    if declared is None:
        return None
    try:
        declared(**kwargs)
    except (TypeError, ValueError) as error:
        return str(error)
    return None


@functools.cache
def _hint_schema(hint: Any) -> Schema | None:
    try:
        return TypeAdapter(hint).json_schema()
    except (PydanticSchemaGenerationError, TypeError, ValueError):
        return None


def hint_schema(component: str, kwarg: str) -> Schema | None:
    """The JSON schema of a plain kwarg's type hint (``Literal`` -> enum), if it has one."""
    hint = kwargs_hints(component).get(kwarg)
    if hint is None:
        return None
    try:
        return _hint_schema(hint)
    except TypeError:  # unhashable hint
        return None
