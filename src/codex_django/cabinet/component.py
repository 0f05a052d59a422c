"""The base class of every cabinet component.

A component is a folder under ``components/``: ``<name>.py`` (this class's
subclass, registered under the name users type), ``<name>.html``, ``<name>.css``,
``<name>.js`` and ``stories.py``. The template is read from beside the module
with :func:`template_beside`, so it is found the same way in an editable
install (``components/...``) and in a wheel (``site-packages/codex_django/cabinet/components/...``).

Kwargs are declared as ``class Kwargs(ComponentKwargs)`` on the component: a
frozen dataclass checked when django-components builds it, so a wrong call
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

from django.template import Context
from django.utils.functional import Promise
from django_components import Component
from pydantic import AfterValidator


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


def _matches(value: Any, hint: Any) -> bool:
    """Whether ``value`` fits ``hint``; containers are checked by their own type only."""
    if hint is Any:
        return True
    if hint is type(None) or hint is None:
        return value is None
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        return any(_matches(value, arg) for arg in get_args(hint))
    if origin is Literal:
        return any(value == arg and isinstance(value, type(arg)) for arg in get_args(hint))
    if origin is Annotated:
        return _matches(value, get_args(hint)[0])
    if origin is not None:
        return isinstance(value, origin)
    if hint is str:
        return isinstance(value, str | Promise)  # lazy translations are text too
    if hint is int:
        return isinstance(value, int) and not isinstance(value, bool)
    return isinstance(value, hint)


def _run_validators(value: Any, hint: Any) -> Any:
    """Apply the ``AfterValidator`` functions of an ``Annotated`` hint (``IconName``, ``SafeUrl``)."""
    origin = get_origin(hint)
    if origin in (Union, UnionType):
        for arm in get_args(hint):
            if _matches(value, arm):
                return _run_validators(value, arm)
        return value
    if origin is Annotated:
        for meta in hint.__metadata__:
            if isinstance(meta, AfterValidator):
                value = meta.func(value)  # type: ignore[call-arg]
    return value


_HINTS: dict[type, dict[str, Any]] = {}


def _kwargs_hints(cls: type) -> dict[str, Any]:
    """The resolved type hints of a ``Kwargs`` class, computed once per class."""
    if cls not in _HINTS:
        _HINTS[cls] = get_type_hints(cls, include_extras=True)
    return _HINTS[cls]


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
    or unknown kwarg raises Python's ``TypeError`` and a value of the wrong type
    raises one naming the component, the kwarg, the expected and the given type::

        TypeError: kpi: kwarg 'metric' must be MetricWidgetData, got dict

    A ``Literal`` hint (``size: Literal["sm", "md", "lg"]``) raises ``ValueError``
    listing the allowed values. ``str`` accepts lazy translations. ``Annotated``
    field types from :mod:`codex_django.cabinet.types.fields` run their checks
    (``icon: IconName = ""`` rejects ``"fa-user"``, ``url: SafeUrl`` rejects
    ``javascript:``) and raise ``ValueError`` naming the component and kwarg.
    """

    component_class: ClassVar[type | None] = None

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        dataclasses.dataclass(frozen=True, kw_only=True)(cls)

    def __post_init__(self) -> None:
        hints = _kwargs_hints(type(self))
        for field in dataclasses.fields(self):  # type: ignore[arg-type]
            hint = hints[field.name]
            value = getattr(self, field.name)
            if _matches(value, hint):
                try:
                    _run_validators(value, hint)
                except ValueError as error:
                    raise ValueError(
                        f"{self._component_name()}: kwarg {field.name!r}: {error} (got {value!r})"
                    ) from None
                continue
            component = self._component_name()
            if get_origin(hint) is Literal:
                raise ValueError(
                    f"{component}: kwarg {field.name!r} must be one of {_type_name(hint)}, got {value!r}"
                )
            raise TypeError(
                f"{component}: kwarg {field.name!r} must be {_type_name(hint)}, got {type(value).__name__}"
            )
        # Every component's kwargs pass here: icons no stylesheet on the page has a rule for are
        # logged (see codex_django.cabinet.icons.warn_unstyled_icons).
        from codex_django.cabinet.icons import warn_unstyled_icons

        warn_unstyled_icons(self._component_name(), self.as_dict())

    @classmethod
    def _component_name(cls) -> str:
        owner = cls.component_class
        return _registered_name(owner) if owner else cls.__qualname__

    def as_dict(self) -> dict[str, Any]:
        """The kwargs by name (not deep-copied, unlike ``dataclasses.asdict``)."""
        return {field.name: getattr(self, field.name) for field in dataclasses.fields(self)}  # type: ignore[arg-type]
