"""``empty_state``: what a list, table or panel shows when it has nothing to show.

::

    {% component "empty_state" message=_("No bookings yet.")
       action_label=_("New booking") action_url="booking:new" / %}

* ``message`` - the sentence shown (required).
* ``title`` - optional bold line above the message.
* ``icon`` - Bootstrap Icons class for the decorative icon (default ``bi-inbox``;
  ``""`` for none).
* ``action_label`` / ``action_url`` - optional call to action: a path, an http(s)
  URL or a route name (resolved server-side). Both or neither.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.types.fields import IconName, SafeUrl


@register("empty_state")
class EmptyState(CabinetComponent):
    """An icon, a message and an optional action link."""

    template = template_beside(__file__, "empty_state.html")

    class Kwargs(ComponentKwargs):
        message: str
        title: str = ""
        icon: IconName = "bi-inbox"
        action_label: str = ""
        action_url: SafeUrl = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        from codex_django.cabinet.rendering.links import resolve_link

        if bool(kwargs.action_label) != bool(kwargs.action_url):
            raise ValueError(
                "empty_state: give both 'action_label' and 'action_url' or neither "
                f"(got action_label={kwargs.action_label!r}, action_url={kwargs.action_url!r})"
            )
        data = super().get_template_data(args, kwargs, slots, context)
        data["action_href"] = resolve_link(kwargs.action_url)
        return data
