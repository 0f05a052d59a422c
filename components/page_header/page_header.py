"""``page_header``: a page's title, subtitle, breadcrumbs and action buttons.

::

    {% component "page_header" title=_("Bookings") subtitle=_("All appointments") breadcrumbs=crumbs %}
      {% fill "actions" %}<a class="btn btn-primary btn-sm" href="...">New</a>{% endfill %}
    {% endcomponent %}

* ``title`` - the page's ``<h1>`` (required).
* ``subtitle`` - optional muted line under the title.
* ``icon`` - optional Bootstrap Icons class before the title (decorative).
* ``breadcrumbs`` - optional list of ``(label, url)`` pairs, outermost first;
  the last one is the current page (its url may be ``""``). URLs are paths,
  http(s) URLs or route names, resolved server-side.
* slot ``actions`` - buttons on the right (cotton: ``<c-slot name="actions">``).
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs, template_beside
from codex_django.cabinet.types.fields import IconName, check_url


def breadcrumb_links(pairs: Sequence[Any]) -> list[dict[str, Any]]:
    """``(label, url)`` pairs as ``{"label", "href", "current"}``; the last one is the current page."""
    from codex_django.cabinet.rendering.links import resolve_link

    crumbs = []
    for index, pair in enumerate(pairs):
        if not isinstance(pair, list | tuple) or len(pair) != 2:
            raise TypeError(
                f"page_header: breadcrumbs[{index}] must be a (label, url) pair, got {type(pair).__name__}"
            )
        label, url = pair
        try:
            check_url(str(url))
        except ValueError as error:
            raise ValueError(f"page_header: breadcrumbs[{index}]: {error} (got {url!r})") from None
        current = index == len(pairs) - 1
        crumbs.append({"label": label, "href": "" if current else resolve_link(str(url)), "current": current})
    return crumbs


@register("page_header")
class PageHeader(CabinetComponent):
    """Title block at the top of a cabinet page."""

    template = template_beside(__file__, "page_header.html")
    block_slot = (
        "actions"  # <c-slot name="actions">, slippers' block; not from an include (see CabinetComponent)
    )

    class Kwargs(ComponentKwargs):
        title: str
        subtitle: str = ""
        icon: IconName = ""
        breadcrumbs: list[Any] | tuple[Any, ...] = ()

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        data = super().get_template_data(args, kwargs, slots, context)
        data["crumbs"] = breadcrumb_links(kwargs.breadcrumbs)
        data["has_actions"] = "actions" in slots
        return data
