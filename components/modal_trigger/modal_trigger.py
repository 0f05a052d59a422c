"""``modal_trigger``: a button that loads a URL into the page's modal host.

::

    {% component "modal_trigger" url="booking:quick_create" label=_("New booking") size="lg" icon="bi-plus" / %}
    <c-cabinet.modal-trigger url="/cabinet/booking/42/" label="Open" />
    {% include "cabinet/components/modal_trigger.html" with url=url label=label %}

It needs no script of its own: the ``modal_host`` listens for clicks on
``[data-cab-modal-url]`` and remembers the button, so focus comes back to it
when the modal closes. Any element can do the same with those attributes, or
dispatch ``open-modal`` on ``window`` with ``{url, size}``.

* ``url`` - what to load (path, http(s) URL or route name; required).
* ``label`` - the button text (required).
* ``size`` - ``"sm"``, ``"md"`` (default), ``"lg"`` or ``"xl"``.
* ``style`` - Bootstrap button class, ``"btn-primary"`` by default.
* ``icon`` - Bootstrap Icons class before the label (decorative).
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.fields import IconName, SafeUrl
from codex_django.cabinet.types.modal import ButtonStyle, ModalSize


@register("modal_trigger")
class ModalTrigger(CabinetComponent):
    """A ``<button>`` carrying ``data-cab-modal-url`` / ``data-cab-modal-size``."""

    template = template_beside(__file__, "modal_trigger.html")

    class Kwargs(ComponentKwargs):
        url: SafeUrl
        label: str
        size: ModalSize = "md"
        style: ButtonStyle = "btn-primary"
        icon: IconName = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        if not kwargs.url:
            raise ValueError("modal_trigger: kwarg 'url' may not be empty (what should the modal load?)")
        data = super().get_template_data(args, kwargs, slots, context)
        data["href"] = resolve_link(kwargs.url)
        return data
