"""Where a story's payload holds values, and how to build the story with some of them replaced.

:func:`story_leaves` walks a story's kwargs: every contract (its dataclass
fields, with the type hints of the contract class), nested lists, tuples and
dicts, and the component's own ``Kwargs`` fields. Each scalar it finds is a
:class:`Leaf` with a *kind* read from the type hint:

* ``url`` - ``SafeUrl``-like fields (their validator accepts a path and
  rejects ``javascript:``: ``SafeUrl``, ``Avatar``), and untyped values that
  hold a URL in the story (breadcrumb pairs);
* ``text`` - ``Text``, ``str`` and untyped strings (table cells);
* ``constrained`` - strings with their own validator (icons, colours, ids);
* ``enum`` (``Literal``), ``int``, ``float``, ``bool`` - for the contract pass.

``None`` in an optional string field is a leaf too, so fields no story fills
are still tested. Only the first occurrence of each field in a list is used
(``items.0.label`` stands for ``items.*.label``): the templates loop.

:func:`replace_value` returns a kwarg's value with leaves replaced, rebuilt
through the contracts (``to_payload`` -> change -> ``from_payload``), so every
validator runs as it would for a view building the payload.
:func:`compact_story` cuts long lists to the items that show a new field.
"""

from __future__ import annotations

import dataclasses
import functools
import types
import typing
from collections.abc import Iterator, Sequence
from typing import Annotated, Any, Literal, Union, get_args, get_origin

from django.utils.functional import Promise
from pydantic import AfterValidator, PlainValidator

from codex_django.cabinet.types.contract import from_payload, is_contract, to_payload
from codex_django.storybook.discovery import CollectedStory
from codex_django.storybook.kwargs_types import kwargs_class

Path = tuple[str | int, ...]
LeafKind = typing.Literal["text", "url", "constrained", "enum", "int", "float", "bool"]
STRING_KINDS = ("text", "url", "constrained")
_URL_START = ("/", "http://", "https://", "?", "#")


@dataclasses.dataclass(frozen=True)
class Leaf:
    """One value inside a story's kwargs: ``kwarg`` plus the ``path`` inside its value."""

    kwarg: str
    path: Path
    kind: LeafKind
    owner: str  # the contract class holding the field, or "<component> kwargs"
    original: Any = dataclasses.field(compare=False)
    hint: Any = dataclasses.field(compare=False, repr=False)

    @property
    def label(self) -> str:
        """``metric.label``, ``list.items.0.avatar``: the field as messages name it."""
        return ".".join(str(part) for part in (self.kwarg, *self.path))

    @property
    def field(self) -> str:
        """The innermost field name (``avatar`` for ``list.items.0.avatar``)."""
        names = [part for part in (self.kwarg, *self.path) if isinstance(part, str)]
        return names[-1]

    @property
    def pattern(self) -> str:
        """The label with list positions as ``*`` (``list.items.*.avatar``)."""
        return ".".join("*" if isinstance(part, int) else str(part) for part in (self.kwarg, *self.path))


# ---------------------------------------------------------------- type hints


def _arms(hint: Any) -> list[Any]:
    """The non-None members of a union (or the hint itself)."""
    if get_origin(hint) in (Union, types.UnionType):
        return [arm for arm in get_args(hint) if arm is not type(None)]
    return [hint]


def _annotated_parts(hint: Any) -> tuple[Any, tuple[Any, ...]]:
    if get_origin(hint) is Annotated:
        args = get_args(hint)
        return args[0], tuple(hint.__metadata__)
    return hint, ()


@functools.cache
def _validator_guards_urls(func: Any) -> bool:
    """A validator that accepts a path but rejects ``javascript:`` guards a URL field."""
    try:
        func("/hostile/check/")
    except (ValueError, TypeError):
        return False
    try:
        func("javascript:void(0)")
    except (ValueError, TypeError):
        return True
    return False


def _is_stringy(hint: Any) -> bool:
    base, metadata = _annotated_parts(hint)
    if any(isinstance(meta, PlainValidator) for meta in metadata):
        return True  # Text
    if get_origin(base) in (Union, types.UnionType):
        return any(_is_stringy(arm) for arm in get_args(base) if arm is not type(None))
    return base is str or base is Promise


def classify(hint: Any, value: Any) -> LeafKind | None:
    """The kind of a scalar leaf with type ``hint`` (``None``: not a leaf the pass changes)."""
    if hint is Any or hint is None or hint is object:
        return _untyped_kind(value)
    arms = _arms(hint)
    for arm in arms:
        base, metadata = _annotated_parts(arm)
        if get_origin(base) is Literal:
            return "enum"
        for meta in metadata:
            if isinstance(meta, AfterValidator) and _validator_guards_urls(meta.func):
                return "url"
    for arm in arms:
        base, metadata = _annotated_parts(arm)
        if any(isinstance(meta, PlainValidator) for meta in metadata):
            return "text"
        if base is bool:
            return "bool"
        if base is int:
            return "int"
        if base is float:
            return "float"
        if base is str or base is Promise:
            return "constrained" if metadata else "text"
    if isinstance(value, str | Promise) and any(arm is Any for arm in arms):
        return _untyped_kind(value)
    return None


def _untyped_kind(value: Any) -> LeafKind | None:
    if isinstance(value, bool):
        return None  # untyped flags: the contract pass only changes typed fields
    if isinstance(value, str | Promise):
        return "url" if str(value).startswith(_URL_START) else "text"
    return None


def _element_hint(hint: Any, index: int) -> Any:
    """The type of item ``index`` of a list/tuple hint (``Any`` when unknown)."""
    for arm in _arms(hint):
        base, _ = _annotated_parts(arm)
        origin = get_origin(base)
        args = get_args(base)
        if origin in (list, Sequence, set, frozenset) or origin is getattr(typing, "Sequence", None):
            return args[0] if args else Any
        if origin is tuple:
            if len(args) == 2 and args[1] is Ellipsis:
                return args[0]
            if index < len(args):
                return args[index]
            return Any
    return Any


def _dict_value_hint(hint: Any) -> Any:
    for arm in _arms(hint):
        base, _ = _annotated_parts(arm)
        if get_origin(base) is dict:
            args = get_args(base)
            return args[1] if len(args) == 2 else Any
    return Any


@functools.cache
def _contract_hints(cls: type[Any]) -> dict[str, Any]:
    return typing.get_type_hints(cls, include_extras=True)


# ---------------------------------------------------------------- walking


def _walk(value: Any, hint: Any, kwarg: str, path: Path, owner: str) -> Iterator[Leaf]:
    if is_contract(value) and not isinstance(value, type):
        hints = _contract_hints(type(value))
        for field in dataclasses.fields(value):
            yield from _walk(
                getattr(value, field.name),
                hints.get(field.name, Any),
                kwarg,
                (*path, field.name),
                type(value).__name__,
            )
        return
    if isinstance(value, list | tuple):
        seen: set[str] = set()
        for index, item in enumerate(value):
            for leaf in _walk(item, _element_hint(hint, index), kwarg, (*path, index), owner):
                # The first occurrence of each field stands for the whole list.
                key = leaf.pattern
                if key in seen:
                    continue
                seen.add(key)
                yield leaf
        return
    if isinstance(value, dict):
        value_hint = _dict_value_hint(hint)
        for key, item in value.items():
            if isinstance(key, str):
                yield from _walk(item, value_hint, kwarg, (*path, key), owner)
        return
    if value is None:
        if any(_is_stringy(arm) for arm in _arms(hint)):
            kind = classify(hint, "")
            if kind in STRING_KINDS:
                yield Leaf(kwarg, path, kind, owner, None, hint)
        return
    if isinstance(value, str | Promise | bool | int | float):
        kind = classify(hint, value)
        if kind is not None:
            yield Leaf(kwarg, path, kind, owner, value, hint)


def story_leaves(collected: CollectedStory) -> list[Leaf]:
    """Every leaf of the story's kwargs, including string kwargs the story leaves at their default."""
    declared = kwargs_class(collected.component)
    hints = typing.get_type_hints(declared, include_extras=True) if declared else {}
    hints.pop("component_class", None)
    owner = f"{collected.component} kwargs"
    leaves: list[Leaf] = []
    for name, value in collected.kwargs.items():
        leaves.extend(_walk(value, hints.get(name, Any), name, (), owner))
    for field in dataclasses.fields(declared) if declared else ():
        if field.name in collected.kwargs or not field.init:
            continue
        hint = hints.get(field.name, Any)
        default = field.default if field.default is not dataclasses.MISSING else None
        if any(_is_stringy(arm) for arm in _arms(hint)):
            kind = classify(hint, default if isinstance(default, str) else "")
            if kind in STRING_KINDS:
                leaves.append(Leaf(field.name, (), kind, owner, default, hint))
    return leaves


# ---------------------------------------------------------------- building


def _set_in(data: Any, path: Path, new: Any) -> Any:
    """A copy of JSON-like ``data`` with the value at ``path`` replaced."""
    if not path:
        return new
    head, rest = path[0], path[1:]
    if isinstance(data, dict):
        copy = dict(data)
        copy[head] = _set_in(data.get(head), rest, new)
        return copy
    if isinstance(data, list | tuple):
        items = list(data)
        assert isinstance(head, int), f"list index expected at {path!r}"
        items[head] = _set_in(items[head], rest, new)
        return type(data)(items) if isinstance(data, tuple) else items
    raise TypeError(f"cannot descend into {type(data).__name__} at {path!r}")


def replace_value(value: Any, changes: list[tuple[Path, Any]]) -> Any:
    if not changes:
        return value
    if any(not path for path, _ in changes):
        return next(new for path, new in changes if not path)
    if is_contract(value):
        payload = to_payload(value)
        for path, new in changes:
            payload = _set_in(payload, path, new)
        return from_payload(type(value), payload)
    if isinstance(value, list | tuple | dict):
        grouped: dict[Any, list[tuple[Path, Any]]] = {}
        for path, new in changes:
            grouped.setdefault(path[0], []).append((path[1:], new))
        if isinstance(value, dict):
            copy = dict(value)
            for key, inner in grouped.items():
                copy[key] = replace_value(value.get(key), inner)
            return copy
        items = list(value)
        for key, inner in grouped.items():
            items[key] = replace_value(items[key], inner)
        return tuple(items) if isinstance(value, tuple) else items
    raise TypeError(f"cannot replace inside a {type(value).__name__}")


# ---------------------------------------------------------------- compacting

COMPACT_ABOVE = 3


def _patterns(data: Any, prefix: str = "") -> set[str]:
    """The scalar positions in JSON-like ``data``, list positions written ``*``."""
    if isinstance(data, dict):
        found: set[str] = set()
        for key, item in data.items():
            found |= _patterns(item, f"{prefix}.{key}")
        return found
    if isinstance(data, list):
        found = set()
        for item in data:
            found |= _patterns(item, f"{prefix}.*")
        return found
    return {prefix}


def _list_paths(data: Any, path: Path = ()) -> list[Path]:
    """Paths of the lists longer than :data:`COMPACT_ABOVE` in ``data``, outermost first."""
    found: list[Path] = []
    if isinstance(data, dict):
        for key, item in data.items():
            found.extend(_list_paths(item, (*path, key)))
    elif isinstance(data, list):
        if len(data) > COMPACT_ABOVE:
            found.append(path)
        for index, item in enumerate(data):
            found.extend(_list_paths(item, (*path, index)))
    return found


def _get(data: Any, path: Path) -> Any:
    for part in path:
        data = data[part]
    return data


def _kept_items(items: list[Any]) -> list[Any]:
    """The items that show a field no earlier item showed (always the first)."""
    seen: set[str] = set()
    kept = []
    for index, item in enumerate(items):
        patterns = _patterns(item)
        if index == 0 or not patterns <= seen:
            kept.append(item)
            seen |= patterns
    return kept


def compact_kwarg(value: Any) -> Any:
    """A contract with its long lists cut to the items that show a new field.

    The hostile pass changes the first occurrence of each field, so the other
    rows of a 100-row story only cost render time. A cut that the contract
    refuses (events pointing at calendar columns) is left out.
    """
    if not is_contract(value):
        return value
    payload = to_payload(value)
    changed = False
    for path in _list_paths(payload):
        try:
            items = _get(payload, path)
        except (IndexError, KeyError, TypeError):
            continue  # inside a list that an earlier cut shortened
        kept = _kept_items(items)
        if len(kept) == len(items):
            continue
        candidate = _set_in(payload, path, kept)
        try:
            from_payload(type(value), candidate)
        except (ValueError, TypeError):
            continue
        payload, changed = candidate, True
    return from_payload(type(value), payload) if changed else value


def compact_story(collected: CollectedStory) -> CollectedStory:
    """The story with :func:`compact_kwarg` applied to every contract kwarg."""
    kwargs = {name: compact_kwarg(value) for name, value in collected.kwargs.items()}
    return dataclasses.replace(collected, kwargs=kwargs)
