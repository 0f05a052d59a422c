"""Source text shown in the storybook: a component's template and a story's definition."""

from __future__ import annotations

import ast
import importlib
import inspect
from pathlib import Path

from django.template import TemplateDoesNotExist
from django.template.loader import get_template
from django_components import registry

from .story import Story


def template_source(component: str) -> str:
    """The template text of a registered component (inline ``template`` or ``template_file``)."""
    cls = registry.get(component)
    inline = getattr(cls, "template", None)
    if isinstance(inline, str) and inline.strip():
        return inline
    name = getattr(cls, "template_file", None) or getattr(cls, "template_name", None)
    if not isinstance(name, str):
        return ""
    beside = Path(inspect.getfile(cls)).parent / name
    if beside.is_file():
        return beside.read_text(encoding="utf-8")
    try:
        origin = get_template(name).origin  # type: ignore[attr-defined]
    except TemplateDoesNotExist:
        return ""
    return Path(origin.name).read_text(encoding="utf-8") if origin and origin.name else ""


def story_source(story: Story, module: str) -> str:
    """The ``Story(...)`` call that defines ``story`` in ``module`` (the module when not found)."""
    try:
        text = inspect.getsource(importlib.import_module(module))
    except (ImportError, OSError, TypeError):
        return ""
    try:
        tree = ast.parse(text)
    except SyntaxError:
        return text
    for node in ast.walk(tree):
        if isinstance(node, ast.Call) and _called_name(node.func) == "Story":
            for keyword in node.keywords:
                value = keyword.value
                if keyword.arg == "name" and isinstance(value, ast.Constant) and value.value == story.name:
                    segment = ast.get_source_segment(text, node)
                    if segment:
                        return _dedent(segment, node.col_offset)
    return text


def _called_name(func: ast.expr) -> str:
    if isinstance(func, ast.Name):
        return func.id
    if isinstance(func, ast.Attribute):
        return func.attr
    return ""


def _dedent(segment: str, column: int) -> str:
    lines = segment.splitlines()
    pad = " " * column
    return "\n".join([lines[0], *(line.removeprefix(pad) for line in lines[1:])])
