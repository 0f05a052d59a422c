"""The base class of every cabinet component.

A component is a folder under ``components/``: ``<name>.py`` (this class's
subclass, registered under the name users type), ``<name>.html``, ``<name>.css``,
``<name>.js`` and ``stories.py``. The template is read from beside the module
with :func:`template_beside`, so it is found the same way in an editable
install (``components/...``) and in a wheel (``site-packages/codex_django/cabinet/components/...``).

CSS and JS are not attached per component: the npm build bundles every
component's ``.css`` and ``.js`` into ``cabinet/dist/cabinet.{css,js}``, which
the shell links once (a strict Content-Security-Policy forbids the inline
``<style>``/``<script>`` django-components would otherwise emit).
"""

from __future__ import annotations

from pathlib import Path

from django_components import Component


def template_beside(module_file: str, name: str) -> str:
    """The text of the template ``name`` in the folder of ``module_file``."""
    return (Path(module_file).parent / name).read_text(encoding="utf-8")


class CabinetComponent(Component):
    """Base for cabinet components: no per-component JS/CSS (the bundle carries them)."""

    js = None
    css = None
