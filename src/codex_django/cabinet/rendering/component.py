"""The base class of every cabinet component.

A component is a folder under ``components/``: ``<name>.py`` (this class's
subclass, registered under the name users type), ``<name>.html``, ``<name>.css``,
``<name>.js`` and ``stories.py``. The template is read from beside the module
with :func:`template_beside`, so it is found the same way in an editable
install (``components/...``) and in a wheel (``site-packages/codex_django/cabinet/components/...``).

Kwargs are declared as ``class Kwargs(ComponentKwargs)`` on the component: a
frozen dataclass checked by pydantic when django-components builds it, so a wrong call
fails with a message naming the component, the kwarg and the value's type
(``kpi: kwarg 'metric' must be MetricWidgetData, got dict``). Templates then
read the kwargs by name (:meth:`CabinetComponent.get_template_data`).

JS is not attached per component: the npm build bundles every component's
``.js`` into ``cabinet/dist/cabinet.js``, which the shell loads once (a strict
Content-Security-Policy forbids the inline ``<script>`` django-components would
emit for ``js_file``). CSS: the shell's and the atoms' is in ``cabinet.css``;
every other component declares its built file as ``Media`` with
:func:`own_stylesheet`, so a page links only the CSS of what it renders.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from types import UnionType
from typing import (
    Annotated,
    Any,
    ClassVar,
    Literal,
    Union,
    dataclass_transform,
    get_args,
    get_origin,
    get_type_hints,
)

from django.conf import settings
from django.template import Context
from django.utils.functional import Promise
from django_components import Component
from pydantic import BaseModel, ConfigDict, InstanceOf, TypeAdapter, ValidationError, with_config
from typing_extensions import TypedDict


def template_beside(module_file: str, name: str) -> str:
    """The text of the template ``name`` in the folder of ``module_file``."""
    return (Path(module_file).parent / name).read_text(encoding="utf-8")


def own_stylesheet(module_file: str, *uses: str) -> type:
    """The ``Media`` of a component whose CSS is built to its own file.

    ``npm run build`` writes every component's CSS that is not in ``cabinet.css``
    (the shell's and the atoms', see ``CORE_COMPONENTS`` in ``frontend/build.mjs``)
    to ``cabinet/dist/components/<folder>.css``. Declared as the component's
    ``Media``, django-components links it in the ``<head>`` of the pages that
    render the component (``{% component_css_dependencies %}`` in
    ``cabinet/base.html``); HTMX fragments get it from ``shell.js``::

        class CalendarGrid(CabinetComponent):
            Media = own_stylesheet(__file__)

    ``uses`` names other components whose markup (and so CSS) this one renders
    (``booking_quick_create`` has ``client_selector``'s combobox): their
    stylesheets are linked before its own.
    """
    folders = [*uses, Path(module_file).parent.name]
    return type("Media", (), {"css": [f"cabinet/dist/components/{folder}.css" for folder in folders]})


class CabinetComponent(Component):
    """Base for cabinet components: JS in the bundle, CSS in the bundle or in ``own_stylesheet``."""

    js = None
    css = None
    #: The slot a call's block content fills (page_header's ``actions``): cotton's
    #: ``<c-slot name="actions">``, slippers' ``{% #CabPageHeader %}...{% /CabPageHeader %}``;
    #: see :mod:`codex_django.cabinet.rendering.entry_templates`.
    block_slot: ClassVar[str] = ""
    #: The slot the include entry template fills from the variable of that name (split_panel's
    #: ``detail``). Not page_header's ``actions``: an include sees the caller's whole context,
    #: where ``actions`` is a common name.
    include_slot: ClassVar[str] = ""

    # Subclasses declare ``class Kwargs(ComponentKwargs)`` (see below): validated kwargs.

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        kwargs_cls = cls.__dict__.get("Kwargs")
        if isinstance(kwargs_cls, type) and issubclass(kwargs_cls, ComponentKwargs):
            kwargs_cls.component_class = cls  # lets its errors name the registered component

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        """The validated kwargs by name; override (and call super) to add derived values."""
        return kwargs.as_dict() if isinstance(kwargs, ComponentKwargs) else dict(kwargs)


def _type_name(hint: Any) -> str:
    """A readable name for a type hint: ``MetricWidgetData``, ``str | None``, ``'sm' | 'md'``."""
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        return " | ".join(_type_name(arg) for arg in get_args(hint))
    if origin is Literal:
        return " | ".join(repr(arg) for arg in get_args(hint))
    if origin is Annotated:
        return _type_name(get_args(hint)[0])
    if hint is type(None):
        return "None"
    if origin is not None:
        return getattr(origin, "__name__", str(origin))
    return getattr(hint, "__name__", str(hint))


# Strict: no coercion (a dict is not a MetricWidgetData, "1" is not an int, 1 is not a str);
# arbitrary classes are checked with isinstance. Contract instances are not validated again
# (pydantic's default ``revalidate_instances="never"``): they were when they were built.
_STRICT = ConfigDict(strict=True, arbitrary_types_allowed=True)


@dataclasses.dataclass(frozen=True)
class _Validator:
    """The pydantic validator of one ``Kwargs`` class and the hints it was built from."""

    adapter: TypeAdapter[Any]
    hints: dict[str, Any]


_VALIDATORS: dict[type, _Validator] = {}


def _instances_only(hint: Any) -> Any:
    """``hint`` with every dataclass or model type wrapped in ``InstanceOf``.

    Strict pydantic still builds a dataclass from a dict; a component takes the
    contract object itself (``kpi(metric={...})`` is a mistake to report).
    """
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        return Union[tuple(_instances_only(arm) for arm in get_args(hint))]  # noqa: UP007
    if origin is Annotated:
        inner, *metadata = get_args(hint)
        return Annotated[(_instances_only(inner), *metadata)]
    if origin in (list, tuple, set, frozenset, dict):
        return origin[tuple(arg if arg is Ellipsis else _instances_only(arg) for arg in get_args(hint))]
    if isinstance(hint, type) and (dataclasses.is_dataclass(hint) or issubclass(hint, BaseModel)):
        instance_of: Any = InstanceOf  # subscripted with a runtime class
        return instance_of[hint]
    return hint


def _validator(cls: type) -> _Validator:
    """The cached validator of a ``Kwargs`` class: a strict ``TypedDict`` of its fields, built once."""
    found = _VALIDATORS.get(cls)
    if found is None:
        resolved = get_type_hints(cls, include_extras=True)
        hints = {field.name: resolved[field.name] for field in dataclasses.fields(cls)}
        checked = {name: _instances_only(hint) for name, hint in hints.items()}
        shape = with_config(_STRICT)(TypedDict(f"{cls.__qualname__}Check", checked))  # type: ignore[operator]
        found = _VALIDATORS[cls] = _Validator(TypeAdapter(shape), hints)
    return found


def _checked_value(value: Any) -> Any:
    """What pydantic checks in place of ``value``: lazy translations are text (checked as ``str``)."""
    return str(value) if isinstance(value, Promise) else value


def _kwarg_error(component: str, name: str, hint: Any, value: Any, errors: list[Any]) -> Exception:
    """The error for kwarg ``name`` from pydantic's ``errors`` about it, in the cabinet's words.

    A check of the field type (``IconName``, ``SafeUrl``) that refused the value is a
    ``ValueError`` with its message; a value outside a ``Literal`` is a ``ValueError``
    listing the allowed values; a value of the wrong type is a ``TypeError`` naming the
    expected and the given type; a wrong item inside a container names its position.
    """
    refused = [error for error in errors if error["type"] == "value_error"]
    if refused:
        reason = refused[0].get("ctx", {}).get("error", refused[0]["msg"])
        return ValueError(f"{component}: kwarg {name!r}: {reason} (got {value!r})")
    if get_origin(hint) is Literal:
        return ValueError(f"{component}: kwarg {name!r} must be one of {_type_name(hint)}, got {value!r}")
    nested = [error for error in errors if any(isinstance(part, int) for part in error["loc"][1:])]
    if nested:
        first = nested[0]
        where = "".join(f"[{part}]" for part in first["loc"][1:] if isinstance(part, int))
        return TypeError(f"{component}: kwarg {name!r}{where}: {first['msg']} (got {first['input']!r})")
    return TypeError(f"{component}: kwarg {name!r} must be {_type_name(hint)}, got {type(value).__name__}")


def _registered_name(component_cls: type) -> str:
    from django_components import registry

    names = [name for name, cls in registry.all().items() if cls is component_cls]
    return names[0] if names else component_cls.__name__


@dataclass_transform(kw_only_default=True, frozen_default=True)
class ComponentKwargs:
    """Typed, validated keyword arguments of a cabinet component.

    Declare them as the component's ``Kwargs`` (each subclass becomes a frozen,
    keyword-only dataclass)::

        @register("kpi")
        class Kpi(CabinetComponent):
            class Kwargs(ComponentKwargs):
                metric: MetricWidgetData

    django-components builds ``Kwargs(**kwargs)`` before rendering, so a missing
    or unknown kwarg raises Python's ``TypeError``. The values are then checked by
    pydantic in strict mode against the field hints (one cached ``TypeAdapter`` per
    class, see :func:`_validator`); a value of the wrong type raises a ``TypeError``
    naming the component, the kwarg, the expected and the given type::

        TypeError: kpi: kwarg 'metric' must be MetricWidgetData, got dict

    A ``Literal`` hint (``size: Literal["sm", "md", "lg"]``) raises ``ValueError``
    listing the allowed values. ``str`` accepts lazy translations. ``Annotated``
    field types from :mod:`codex_django.cabinet.types.fields` run their checks
    (``icon: IconName = ""`` rejects ``"fa-user"``, ``url: SafeUrl`` rejects
    ``javascript:``) and raise ``ValueError`` naming the component and kwarg.
    The kwargs keep the values as given (a lazy translation stays lazy): pydantic
    only checks them.
    """

    component_class: ClassVar[type | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)

    def __post_init__(self) -> None:
        checker = _validator(type(self))
        values = self.as_dict()
        try:
            checker.adapter.validate_python({name: _checked_value(value) for name, value in values.items()})
        except ValidationError as invalid:
            errors = invalid.errors(include_url=False)
            name = str(errors[0]["loc"][0])
            about = [error for error in errors if error["loc"][0] == name]
            raise _kwarg_error(
                self._component_name(), name, checker.hints[name], values[name], about
            ) from None
        if settings.DEBUG:
            # Every component's kwargs pass here: with DEBUG on, icons no stylesheet on the page
            # has a rule for are logged (codex_django.cabinet.assets.icons.warn_unstyled_icons). Not in
            # production: the walk of the payload would cost every render for a development hint.
            from codex_django.cabinet.assets.icons import warn_unstyled_icons

            warn_unstyled_icons(self._component_name(), values)

    @classmethod
    def _component_name(cls) -> str:
        owner = cls.component_class
        return _registered_name(owner) if owner else cls.__qualname__

    def as_dict(self) -> dict[str, Any]:
        """The kwargs by name (not deep-copied, unlike ``dataclasses.asdict``)."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}  # type: ignore[arg-type]
