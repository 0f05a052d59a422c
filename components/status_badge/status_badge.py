"""``status_badge``: a short status word in a tinted pill.

The badge always carries its text: colour only repeats what the words say,
so the status reads the same without colour (WCAG 1.4.1)::

    {% component "status_badge" text=row.status_label style="success" / %}

* ``text`` - the status as shown (required, non-empty).
* ``style`` - a Bootstrap colour name: ``primary``, ``secondary`` (default),
  ``success``, ``danger``, ``warning``, ``info``, ``light`` or ``dark``; the
  names the contracts' ``badge_style`` fields use.
* ``icon`` - optional Bootstrap Icons class shown before the text (decorative).
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.types.fields import IconName
from codex_django.cabinet.types.widgets import BadgeStyle


@register("status_badge")
class StatusBadge(CabinetComponent):
    """A status pill: text plus a colour from Bootstrap's palette."""

    template = template_beside(__file__, "status_badge.html")

    class Kwargs(ComponentKwargs):
        text: str
        style: BadgeStyle = "secondary"
        icon: IconName = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        if not str(kwargs.text).strip():
            raise ValueError("status_badge: kwarg 'text' may not be empty (a badge is never colour alone)")
        return super().get_template_data(args, kwargs, slots, context)
