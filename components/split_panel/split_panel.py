"""``split_panel``: a list of items on the left, the selected item's detail on the right.

::

    {% component "split_panel" panel=panel %}
      {% fill "detail" %}{% include "conversations/detail.html" %}{% endfill %}
    {% endcomponent %}
    <c-cabinet.split-panel :panel="panel"><c-slot name="detail">...</c-slot></c-cabinet.split-panel>
    {% include "cabinet/components/split_panel.html" with panel=panel detail=detail_html %}

``panel`` is a :class:`~codex_django.cabinet.types.collections.SplitPanelData`.

* **Selecting an item** (a link to its detail URL, ``<detail_url>/<id>`` or
  the row's ``url``) loads that URL over HTMX into the detail region
  (``#split-panel-detail``: one split panel per page), pushes it into the
  browser history (``hx-push-url``), so deep links and the back button work,
  marks the item ``aria-current="true"`` and moves focus to the first heading
  of the loaded detail (the region itself when it has none). Up/Down move
  between the items. Without JavaScript the links simply open the detail URL.
* **The detail URL answers two ways** (the page's view decides, see the demo's
  ``salon/pages/split_panel.py``): the detail partial for HTMX requests, the
  whole page (this component with ``active_id`` set and the ``detail`` slot
  filled) otherwise and for history-restore requests, with
  ``Vary: HX-Request``.
* **``active_id`` renders server-side:** the page fills the ``detail`` slot
  with the active item's detail (the same template its partial uses); the
  include entry point takes it as ``detail`` (rendered HTML, e.g. the
  ``SafeString`` from ``render_to_string``; a plain ``str`` is escaped like
  any variable). Without a filled slot the
  component falls back to loading the active detail with
  ``hx-trigger="load"`` (the storybook does this). Nothing selected shows
  ``empty_message``.
* Each item is one link, so a row's ``actions`` are not shown here (they
  would nest interactive elements): put the actions into the detail.
* **Below 768px** the panels stack: the list, or the detail with a "Back to
  list" button (it returns focus to the selected item).
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
from codex_django.cabinet.types.collections import PanelEntry, SplitPanelData

DETAIL_SLOT = "detail"


def active_entry(entries: list[PanelEntry]) -> PanelEntry | None:
    """The selected entry (the one whose id is ``active_id``), if any."""
    return next((entry for entry in entries if entry.active), None)


@register("split_panel")
class SplitPanel(CabinetComponent):
    """A :class:`SplitPanelData` as list + detail (see the module docstring)."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "split_panel.html")
    block_slot = include_slot = DETAIL_SLOT  # the entry templates fill it from ``detail``

    class Kwargs(ComponentKwargs):
        panel: SplitPanelData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        panel: SplitPanelData = kwargs.panel
        entries = panel.entries
        active = active_entry(entries)
        has_detail = DETAIL_SLOT in slots
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            entries=entries,
            active=active,
            has_detail=has_detail,
            load_url=active.detail_url if active and not has_detail else "",
            empty_list_message=_("Nothing here yet."),
        )
        return data
