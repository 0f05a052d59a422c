"""``list_widget``: a dashboard card with a vertical list of people or things.

::

    {% component "list_widget" list=top_clients / %}
    <c-cabinet.list-widget :list="top_clients" />
    {% include "cabinet/widgets/list.html" with list=top_clients %}

* ``list`` - a :class:`~codex_django.cabinet.types.widgets.ListWidgetData`:
  optional title, subtitle and icon; items with an avatar (image or initials,
  via the ``avatar`` component), label/sublabel on the left and value/subvalue
  on the right.
* ``empty_message`` - shown when there are no items (default: "Nothing to show yet.").

The list is a ``<ul>``; the avatar is decorative because the label next to it
already says who it is.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django.utils.translation import gettext_lazy as _
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.widgets import ListWidgetData


@register("list_widget")
class ListWidget(CabinetComponent):
    """A dashboard card listing the items of a :class:`ListWidgetData`."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "list_widget.html")

    class Kwargs(ComponentKwargs):
        list: ListWidgetData
        empty_message: str = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        data["empty_message"] = kwargs.empty_message or _("Nothing to show yet.")
        return data
