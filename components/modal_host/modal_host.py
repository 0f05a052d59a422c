"""``modal_host``: the page's one modal dialog, filled over HTMX.

The shell renders it once per page (``cabinet/includes/_modal_base.html``);
a second call in the same request renders nothing, so pages written for the
v1 API that include ``_modal_base.html`` again still get one host. The
markup is ``cabinet/includes/_modal_host.html``, a plain include (the shell
uses it without django-components, so a page with no component gets no
django-components script); this component is the typed way to call it::

    {% component "modal_host" / %}
    {% include "cabinet/includes/_modal_base.html" %}

Anything on the page opens it by dispatching ``open-modal`` on ``window``
with ``{url, size}`` (``size``: ``"sm"``, ``"md"``, ``"lg"``, ``"xl"``), or
by a button carrying ``data-cab-modal-url`` (and optionally
``data-cab-modal-size``, see the ``modal_trigger`` component). The host
loads the URL into its body with ``htmx.ajax``; ``close-modal`` on
``window`` (or an ``HX-Trigger: close-modal`` response header, see
:mod:`codex_django.cabinet.http.modal_responses`) closes it.

It is a native ``<dialog>`` opened with ``showModal()``: the background is
inert and focus stays inside, Esc closes, focus moves to the loaded content
and returns to the opener on close, the page behind does not scroll
(``cab-modal-open`` on ``<html>``). Loading and error states are announced;
the body is cleared before every load, so reopening never shows stale content.

* ``open_url`` - load this URL as soon as the page starts (a deep link such
  as ``?booking=42``, or a storybook story). Defaults to ``""``.
* ``open_size`` - the size for ``open_url``. Defaults to ``"md"``.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.templatetags.cabinet import cabinet_once
from codex_django.cabinet.types.fields import SafeUrl
from codex_django.cabinet.types.modal import ModalSize


@register("modal_host")
class ModalHost(CabinetComponent):
    """The dialog element, its loading/error states and the ``cabModalHost`` behaviour."""

    template = template_beside(__file__, "modal_host.html")

    class Kwargs(ComponentKwargs):
        open_url: SafeUrl = ""
        open_size: ModalSize = "md"

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        # Decided here, on the caller's context: a render without a request (the storybook's
        # HTML tab) neither counts nor is counted as the page's host.
        data["modal_host_first"] = cabinet_once(context, "modal-host")
        data["modal_open_url"] = resolve_link(kwargs.open_url)
        data["modal_open_size"] = kwargs.open_size
        return data
