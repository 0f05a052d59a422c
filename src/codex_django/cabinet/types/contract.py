"""The ``contract`` decorator every payload dataclass is built with.

A contract is a pydantic dataclass: validated on construction, with a JSON
schema the storybook turns into controls. Nav and registry contracts raise
``ImproperlyConfigured`` (the reference says so: they are configuration);
every other contract raises pydantic's ``ValidationError``. Both messages name
the contract, the field and the offending value, e.g.::

    TopbarEntry: group: Input should be 'admin' or 'services' (got 'tools')
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any, TypeVar

from django.core.exceptions import ImproperlyConfigured
from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass as pydantic_dataclass

T = TypeVar("T")

CONTRACT_CONFIG = ConfigDict(
    # Lazy translation strings (``gettext_lazy``) are accepted where the
    # reference types a field ``str | Promise``.
    arbitrary_types_allowed=True,
    str_strip_whitespace=False,
    validate_default=False,
)


def format_validation_error(contract: str, error: ValidationError) -> str:
    """One line per problem: ``Contract: field.path: message (got value)``."""
    lines = []
    for item in error.errors(include_url=False):
        location = ".".join(str(part) for part in item["loc"]) or "(contract)"
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{contract}: {location}: {message} (got {item.get('input')!r})")
    return "\n".join(lines)


def contract(
    cls: type[T] | None = None,
    *,
    frozen: bool = False,
    configuration_error: bool = False,
) -> Any:
    """Turn a class into a validated payload contract.

    ``frozen`` makes instances immutable (the nav and registry types);
    ``configuration_error`` re-raises validation problems as
    ``ImproperlyConfigured`` with the contract, field and value in the text.
    """

    def wrap(klass: type[T]) -> type[T]:
        built: Any = pydantic_dataclass(klass, frozen=frozen, config=CONTRACT_CONFIG)
        if configuration_error:
            original_init: Callable[..., None] = built.__init__

            @functools.wraps(original_init)
            def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
                try:
                    original_init(self, *args, **kwargs)
                except ValidationError as error:
                    raise ImproperlyConfigured(format_validation_error(klass.__name__, error)) from None

            built.__init__ = __init__
        built.__cabinet_contract__ = True
        return built  # type: ignore[no-any-return]

    if cls is not None:
        return wrap(cls)
    return wrap


def is_contract(value: Any) -> bool:
    """True for contract classes and their instances."""
    return bool(getattr(value, "__cabinet_contract__", False))


@functools.cache
def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    return TypeAdapter(cls)


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The contract's JSON schema (what the storybook builds its controls from)."""
    return _adapter(cls).json_schema()


def to_payload(instance: Any) -> Any:
    """The contract instance as plain JSON-compatible data (for stories, caches, Alpine)."""
    return _adapter(type(instance)).dump_python(instance, mode="json")


def from_payload(cls: type[T], data: Any) -> T:
    """Build a contract from plain data (the inverse of :func:`to_payload`)."""
    result: T = _adapter(cls).validate_python(data)
    return result


def replace(instance: T, **changes: Any) -> T:
    """``dataclasses.replace`` that validates the result like the constructor does."""
    return dataclasses.replace(instance, **changes)  # type: ignore[type-var]
