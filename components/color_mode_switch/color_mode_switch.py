"""``color_mode_switch``: light, dark or follow the system, as a three-option radio group.

::

    {% component "color_mode_switch" / %}
    <c-cabinet.color-mode-switch />
    {% include "cabinet/components/color_mode_switch.html" %}

* ``mode`` - the selected option: ``"light"``, ``"dark"``, ``"system"``, or
  ``""`` (default) for the user's remembered choice (the ``cabinet_color_mode`` cookie),
  or before any choice the default mode: "system" (``CODEX_CABINET["COLOR_MODE"]``).

A native radio group: arrow keys move between the options, the choice applies
at once (``cabColorMode`` writes the cookie and ``data-bs-theme`` on ``<html>``,
so no reload and no flash on the next page, which the server renders in that mode).
Without JavaScript the form posts to ``cabinet:color_mode`` and comes back.
"""

from __future__ import annotations

from typing import Any, Literal

from django.template import Context
from django.urls import NoReverseMatch, reverse
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.theme.color_mode import COLOR_MODES, color_mode

OPTIONS = (
    ("light", _("Light"), "bi-sun"),
    ("dark", _("Dark"), "bi-moon-stars"),
    ("system", _("Follow the system"), "bi-circle-half"),
)


def _action() -> str:
    try:
        return reverse("cabinet:color_mode")
    except NoReverseMatch:
        return ""


@register("color_mode_switch")
class ColorModeSwitch(CabinetComponent):
    """The colour-mode radio group (see the module docs)."""

    template = template_beside(__file__, "color_mode_switch.html")

    class Kwargs(ComponentKwargs):
        mode: Literal["light", "dark", "system", ""] = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        request = context.get("request")
        selected = kwargs.mode if kwargs.mode in COLOR_MODES else color_mode(request)
        data.update(
            options=[
                {"value": value, "label": label, "icon": icon, "checked": value == selected}
                for value, label, icon in OPTIONS
            ],
            action=_action(),
            next_url=request.get_full_path() if request is not None else "",
        )
        return data
