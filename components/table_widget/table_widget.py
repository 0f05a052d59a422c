"""``table_widget``: a compact table inside a dashboard card.

::

    {% component "table_widget" table=table title=_("Recent payments") / %}
    <c-cabinet.table-widget :table="table" title="Recent payments" />
    {% include "cabinet/widgets/table.html" with table=table title="Recent payments" %}

* ``table`` - a :class:`~codex_django.cabinet.types.widgets.TableWidgetData`.
* ``title`` - optional card title, also the table's ``<caption>`` (its accessible name).
* ``empty_message`` - shown instead of the table when there are no rows
  (default: "Nothing to show yet.").

Columns set the alignment (``text-start``/``text-center``/``text-end``, so
right-to-left languages mirror), bold and muted cells. Cells arrive as the
display strings :attr:`TableWidgetData.display_rows` computes; the template
only prints them. ``badge_key``/``icon_key`` are not rendered here (they name
context variables, which a widget does not read): use ``data_table``.
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
from codex_django.cabinet.types.widgets import TableColumn, TableWidgetData

ALIGN_CLASSES = {"left": "text-start", "center": "text-center", "right": "text-end"}


def column_classes(column: TableColumn) -> str:
    """The CSS classes of a column's cells: alignment, bold, muted (headers take the alignment only)."""
    classes = [ALIGN_CLASSES[column.align]]
    if column.bold:
        classes.append("cab-table-widget__cell--bold")
    if column.muted:
        classes.append("cab-table-widget__cell--muted")
    return " ".join(classes)


@register("table_widget")
class TableWidget(CabinetComponent):
    """A dashboard card with a compact table of a :class:`TableWidgetData`."""

    Media = own_stylesheet(__file__)

    template = template_beside(__file__, "table_widget.html")

    class Kwargs(ComponentKwargs):
        table: TableWidgetData
        title: str = ""
        empty_message: str = ""

    def get_template_data(self, args: Any, kwargs: Any, slots: Any, context: Context) -> Any:
        table: TableWidgetData = kwargs.table
        classes = [column_classes(column) for column in table.columns]
        data = super().get_template_data(args, kwargs, slots, context)
        data.update(
            headers=[(column, ALIGN_CLASSES[column.align]) for column in table.columns],
            rows=[list(zip(texts, classes, strict=True)) for texts in table.display_rows],
            empty_message=kwargs.empty_message or _("Nothing to show yet."),
        )
        return data
