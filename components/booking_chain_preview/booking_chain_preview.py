"""``booking_chain_preview``: the appointments a multi-service booking will create, in order.

::

    {% component "booking_chain_preview" chain=chain / %}
    <c-cabinet.booking-chain-preview :chain="chain" />
    {% include "cabinet/components/booking_chain_preview.html" with chain=chain %}

``chain`` is a :class:`~codex_django.cabinet.types.booking.BookingChainPreviewData`
(also the ``data`` of a modal's ``ChainPreviewSection``). An ordered list:
each row's title, subtitle (master) and meta (price, duration); with no
items a short notice says so.
"""

from __future__ import annotations

from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.types.booking_modal import BookingChainPreviewData


@register("booking_chain_preview")
class BookingChainPreview(CabinetComponent):
    """A titled ``<ol>`` of :class:`BookingChainPreviewItem` rows."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "booking_chain_preview.html")

    class Kwargs(ComponentKwargs):
        chain: BookingChainPreviewData
