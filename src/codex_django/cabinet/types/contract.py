"""The ``contract`` decorator every payload dataclass is built with.

A contract is a pydantic dataclass: validated on construction, with a JSON
schema the storybook turns into controls. Nav and registry contracts raise
``ImproperlyConfigured`` (the reference says so: they are configuration);
every other contract raises pydantic's ``ValidationError``. Both messages name
the contract, the field and the offending value, e.g.::

    TopbarEntry: group: Input should be 'admin' or 'services' (got 'tools')

An argument the contract does not have is refused the same way, so a typo
cannot fall back to a default unnoticed::

    TopbarEntry: ordr: Unexpected keyword argument (got 1)
"""

from __future__ import annotations

import dataclasses
import functools
from collections.abc import Callable
from typing import Any, TypeVar, dataclass_transform, overload

import pydantic
from django.core.exceptions import ImproperlyConfigured
from django.utils.functional import Promise
from pydantic import ConfigDict, TypeAdapter, ValidationError
from pydantic.dataclasses import dataclass as pydantic_dataclass
from pydantic.json_schema import GenerateJsonSchema

T = TypeVar("T")

CONTRACT_CONFIG = ConfigDict(
    # Lazy translation strings (``gettext_lazy``) are accepted where the
    # reference types a field ``str | Promise``.
    arbitrary_types_allowed=True,
    str_strip_whitespace=False,
    validate_default=False,
    # A misspelt field (``lable=``) is an error naming it, never silently dropped.
    extra="forbid",
)


def format_validation_error(contract: str, error: ValidationError) -> str:
    """One line per problem: ``Contract: field.path: message (got value)``."""
    lines = []
    for item in error.errors(include_url=False):
        location = ".".join(str(part) for part in item["loc"]) or "(contract)"
        message = item["msg"].removeprefix("Value error, ")
        lines.append(f"{contract}: {location}: {message} (got {item.get('input')!r})")
    return "\n".join(lines)


def _name_positional_arguments(klass: type[Any], init: Callable[..., None]) -> Callable[..., None]:
    """Pass positional arguments by field name, so errors name the field, not its position."""
    names = [field.name for field in dataclasses.fields(klass) if field.init and not field.kw_only]

    @functools.wraps(init)
    def __init__(self: Any, *args: Any, **kwargs: Any) -> None:
        if len(args) > len(names):
            raise TypeError(
                f"{klass.__name__}() takes {len(names)} positional arguments but {len(args)} were given"
            )
        for name, value in zip(names, args, strict=False):
            if name in kwargs:
                raise TypeError(f"{klass.__name__}() got multiple values for argument {name!r}")
            kwargs[name] = value
        init(self, **kwargs)

    return __init__


@overload
def contract(cls: type[T], /) -> type[T]: ...


@overload
def contract(*, frozen: bool = False, configuration_error: bool = False) -> Callable[[type[T]], type[T]]: ...


@dataclass_transform(field_specifiers=(dataclasses.field, pydantic.Field))
def contract(
    cls: type[T] | None = None,
    /,
    *,
    frozen: bool = False,
    configuration_error: bool = False,
) -> type[T] | Callable[[type[T]], type[T]]:
    """Turn a class into a validated payload contract.

    ``frozen`` makes instances immutable (the nav and registry types);
    ``configuration_error`` re-raises validation problems as
    ``ImproperlyConfigured`` with the contract, field and value in the text.
    """

    def wrap(klass: type[T]) -> type[T]:
        built: Any = pydantic_dataclass(klass, frozen=frozen, config=CONTRACT_CONFIG)
        init = _name_positional_arguments(built, built.__init__)
        if configuration_error:
            validating_init = init

            @functools.wraps(validating_init)
            def init(self: Any, *args: Any, **kwargs: Any) -> None:
                try:
                    validating_init(self, *args, **kwargs)
                except ValidationError as error:
                    raise ImproperlyConfigured(format_validation_error(klass.__name__, error)) from None

        built.__init__ = init
        built.__cabinet_contract__ = True
        result: type[T] = built
        return result

    if cls is not None:
        return wrap(cls)
    return wrap


def is_contract(value: Any) -> bool:
    """True for contract classes and their instances."""
    return bool(getattr(value, "__cabinet_contract__", False))


_ADAPTERS: dict[type[Any], TypeAdapter[Any]] = {}


def _adapter(cls: type[Any]) -> TypeAdapter[Any]:
    adapter = _ADAPTERS.get(cls)
    if adapter is None:
        adapter = _ADAPTERS[cls] = TypeAdapter(cls)
    return adapter


class _ContractSchema(GenerateJsonSchema):
    """Writes lazy translations (``gettext_lazy`` defaults) as their text."""

    def encode_default(self, dft: Any) -> Any:
        if isinstance(dft, Promise):
            return str(dft)
        return super().encode_default(dft)


def json_schema(cls: type[Any]) -> dict[str, Any]:
    """The contract's JSON schema (what the storybook builds its controls from)."""
    return _adapter(cls).json_schema(schema_generator=_ContractSchema)


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
