"""Data contracts for cabinet content-component templates.

Each contract is the one payload a component renders; the component kwarg
(and include variable) is named in each class::

    {% component "data_table" table=table / %}
    {% include "cabinet/components/data_table.html" with table=table %}

Design principles:

- **Backend computes, template renders.** Positions, lanes, counts and cell
  strings are computed in Python (the calendar's on its contract, the table's
  by its presenter); templates contain no business logic and no per-cell
  dictionary lookups.
- **One contract per component**, validated on construction: a wrong value
  fails in the view with the contract, the field and the value in the message.
- **Alpine.js for client-side state** (search text, active filter, grid/list
  toggle); **HTMX for server interactions** with URLs from the contract.
- **Modal dispatch.** Components do not embed modals; they dispatch
  ``open-modal`` with a URL and the page-level modal loads it.

Components: :class:`DataTableData` (``data_table``), :class:`CalendarGridData`
+ :class:`CalendarSlot` (``calendar_grid``), :class:`CardGridData` +
:class:`CardItem` (``card_grid``), :class:`ListViewData` + :class:`ListRow`
(``list_view``), :class:`SplitPanelData` + :class:`ListRow` (``split_panel``).

This module is the path the API reference documents for all of them; the
code lives in one module per family, whose ``__all__`` is re-exported here
(star imports: this module's names are exactly those, plus ``TableColumn``):
:mod:`~codex_django.cabinet.types.data_table` (table, filters, row actions),
:mod:`~codex_django.cabinet.types.calendar` (grid and events),
:mod:`~codex_django.cabinet.types.collections` (cards, lists, split panel),
:mod:`~codex_django.cabinet.types.booking` (booking wizard widgets),
:mod:`~codex_django.cabinet.types.booking_modal` (booking blocks of a modal) and
:mod:`~codex_django.cabinet.types.modal` (modal sections).
"""

# ruff: noqa: F403 (each family module's __all__: its public contracts)
from .booking import *
from .booking_modal import *
from .calendar import *
from .collections import *
from .data_table import *
from .data_table_actions import *
from .modal import *
from .widgets import TableColumn as TableColumn
