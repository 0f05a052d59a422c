"""The coverage listing: components without a story, enum values no story exercises.

For each component, every enum field reachable from its stories' contracts
(``metric.trend_direction``, ``table.columns[].align``) is listed with the
values no story of that component uses. The storybook shows the listing on
its coverage page; the test suite prints it and fails only on components
without any story.
"""

from __future__ import annotations

import dataclasses
from typing import Any

from codex_django.cabinet.types.contract import is_contract, json_schema, to_payload

from .discovery import StoryCollection, component_names
from .kwargs_types import hint_schema
from .schema import Schema, enum_values, properties, resolve, unwrap_nullable


@dataclasses.dataclass(frozen=True)
class EnumGap:
    component: str
    path: str
    missing: tuple[str, ...]
    options: tuple[str, ...]


@dataclasses.dataclass(frozen=True)
class Coverage:
    components: tuple[str, ...]
    story_counts: dict[str, int]
    without_stories: tuple[str, ...]
    enum_gaps: tuple[EnumGap, ...]

    def as_text(self) -> str:
        lines = ["Storybook coverage", "=================="]
        for name in self.components:
            lines.append(f"{name}: {self.story_counts.get(name, 0)} stories")
        lines.append("")
        if self.without_stories:
            lines.append("Components without a story: " + ", ".join(self.without_stories))
        else:
            lines.append("Every component has at least one story.")
        if self.enum_gaps:
            lines.append("Enum values no story exercises:")
            for gap in self.enum_gaps:
                lines.append(f"  {gap.component}: {gap.path}: {', '.join(gap.missing)}")
        else:
            lines.append("Every enum value is exercised by a story.")
        return "\n".join(lines)


def enum_paths(
    schema: Schema, root: Schema | None = None, prefix: str = "", depth: int = 0
) -> dict[str, list[Any]]:
    """``{"field.sub[].name": [options]}`` for every enum field reachable in ``schema``."""
    root = root or schema
    found: dict[str, list[Any]] = {}
    if depth > 6:
        return found
    for name, field in properties(resolve(schema, root)).items():
        path = f"{prefix}{name}"
        options = enum_values(field, root)
        if options is not None:
            found[path] = options
            continue
        inner, _ = unwrap_nullable(field, root)
        if inner.get("type") == "array" and isinstance(inner.get("items"), dict):
            item = resolve(inner["items"], root)
            item_options = enum_values(item, root)
            if item_options is not None:
                found[f"{path}[]"] = item_options
            elif "properties" in item:
                found.update(enum_paths(item, root, f"{path}[].", depth + 1))
        elif "properties" in inner:
            found.update(enum_paths(inner, root, f"{path}.", depth + 1))
    return found


def used_values(payload: Any, prefix: str = "") -> dict[str, set[str]]:
    """Every leaf value of a payload by the same path notation as :func:`enum_paths`."""
    found: dict[str, set[str]] = {}
    if isinstance(payload, dict):
        for key, value in payload.items():
            for path, values in used_values(value, f"{prefix}{key}.").items():
                found.setdefault(path, set()).update(values)
    elif isinstance(payload, list):
        for item in payload:
            for path, values in used_values(item, f"{prefix[:-1]}[].").items():
                found.setdefault(path, set()).update(values)
    else:
        found.setdefault(prefix[:-1], set()).add(repr(payload) if not isinstance(payload, str) else payload)
    return found


def compute_coverage(collection: StoryCollection, components: list[str] | None = None) -> Coverage:
    names = components if components is not None else component_names()
    grouped = collection.by_component()
    counts = {name: len(grouped.get(name, [])) for name in sorted(set(names) | set(grouped))}
    gaps: list[EnumGap] = []
    for component, stories in sorted(grouped.items()):
        options_by_path: dict[str, list[Any]] = {}
        used: dict[str, set[str]] = {}
        for collected in stories:
            for kwarg, value in collected.kwargs.items():
                if not is_contract(value):
                    schema = hint_schema(component, kwarg)
                    options = enum_values(schema, schema) if schema else None
                    if options is not None:
                        options_by_path.setdefault(kwarg, options)
                        used.setdefault(kwarg, set()).add(value if isinstance(value, str) else repr(value))
                    continue
                for path, options in enum_paths(json_schema(type(value)), prefix=f"{kwarg}.").items():
                    options_by_path.setdefault(path, options)
                for path, values in used_values(to_payload(value), f"{kwarg}.").items():
                    used.setdefault(path, set()).update(values)
        for path, options in sorted(options_by_path.items()):
            labels = [option if isinstance(option, str) else repr(option) for option in options]
            missing = tuple(label for label in labels if label not in used.get(path, set()))
            if missing:
                gaps.append(EnumGap(component, path, missing, tuple(labels)))
    return Coverage(
        components=tuple(counts),
        story_counts=counts,
        without_stories=tuple(name for name in names if not grouped.get(name)),
        enum_gaps=tuple(gaps),
    )
