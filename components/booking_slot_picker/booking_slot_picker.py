"""``booking_slot_picker``: one day's times as a radio group, with day navigation.

::

    {% component "booking_slot_picker" picker=picker / %}
    <c-cabinet.booking-slot-picker :picker="picker" />
    {% include "cabinet/components/booking_slot_picker.html" with picker=picker %}

``picker`` is a :class:`~codex_django.cabinet.types.booking.BookingSlotPickerData`
(also the ``data`` of a modal's ``SlotPickerSection``). Form fields (no
``<form>`` of its own): ``booking_date`` (hidden) and ``selected_time``
(the radios; taken times are disabled and say "taken" to screen readers).

The previous/next/today/calendar buttons ``hx-get`` their URL and the answer
replaces the modal content around the picker (``closest .cab-modal-content``),
so their views answer with the whole modal (``render_modal``). Empty URLs hide
the buttons. With no free time a notice says so.
"""

from __future__ import annotations

from typing import Any

from django.template import Context
from django_components import register

from codex_django.cabinet.rendering.component import (
    CabinetComponent,
    ComponentKwargs,
    own_stylesheet,
    template_beside,
)
from codex_django.cabinet.rendering.links import resolve_link
from codex_django.cabinet.types.booking_modal import BookingSlotPickerData


@register("booking_slot_picker")
class BookingSlotPicker(CabinetComponent):
    """Navigation buttons, the day's label, the hidden date and the time radios."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "booking_slot_picker.html")

    class Kwargs(ComponentKwargs):
        picker: BookingSlotPickerData

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        picker: BookingSlotPickerData = kwargs.picker
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            prefix=f"cab-slots-{picker.selected_date}",
            prev_href=resolve_link(picker.prev_url),
            next_href=resolve_link(picker.next_url),
            today_href=resolve_link(picker.today_url),
            calendar_href=resolve_link(picker.calendar_url),
        )
        return data
