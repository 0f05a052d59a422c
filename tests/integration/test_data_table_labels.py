"""data_table: lazy (gettext_lazy) labels are translated once per render, not once per cell.

Column labels are printed in every cell (``data-label``, the stacked phone
layout) and action and row-checkbox labels in every row: a lazy label left
lazy is looked up in the catalog again for each of them (a tenth of a 100-row
page's render). The presenter hands the template plain strings in the active
language.
"""

from __future__ import annotations

from django.utils import translation
from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from codex_django.cabinet.components.data_table.presenter import present_table
from codex_django.cabinet.components.data_table.tools import present_tools
from codex_django.cabinet.types.data_table import DataTableData, TableAction
from codex_django.cabinet.types.data_table_actions import BulkAction
from codex_django.cabinet.types.widgets import TableColumn


def table() -> DataTableData:
    return DataTableData(
        columns=[TableColumn(key="name", label=_("Name")), TableColumn(key="status", label=_("Status"))],
        rows=[{"id": index, "name": f"Client {index}", "status": "new", "url": "/x/"} for index in range(3)],
        actions=[TableAction(label=_("Details"), url_key="url")],
        bulk_actions=[BulkAction(key="remove", label=_("Remove"), url="/bulk/")],
        row_key="id",
    )


def test_cell_and_action_labels_are_plain_strings_in_the_active_language() -> None:
    with translation.override("ru"):
        view = present_table(table())
        tools = present_tools(table(), "people", lambda base, **changes: base)
        select = translation.gettext("Select")
    actions = [action.label for row in view.rows for action in row["actions"]]
    assert not any(isinstance(label, Promise) for label in actions)
    assert actions[0] == "Подробности"
    # the cells are rendered once, in Python, with each column's label in the active language
    assert '<td class="text-start" data-label="Имя" role="cell">Client 0</td>' in view.rows[0]["cells"]
    assert tools.bulk is not None
    assert not isinstance(tools.bulk.select_row_label, Promise)
    assert tools.bulk.select_row_label == select
