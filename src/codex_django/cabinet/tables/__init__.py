"""Helpers behind the ``data_table`` component (sort keys, server-side mode) and the collections' server-side mode.

* :mod:`~codex_django.cabinet.tables.sort_keys` - numeric-aware sort keys and
  the per-column ranks the browser sorts by (computed in Python, once).
* :mod:`~codex_django.cabinet.tables.server_side` - builds a
  :class:`~codex_django.cabinet.types.data_table.DataTableData` page from a
  queryset and the request's ``?q=&status=&sort=&page=`` parameters.
* :mod:`~codex_django.cabinet.tables.collection_page` - one page of a
  queryset for ``card_grid``/``list_view`` in server-side mode (``?q=&page=``).
"""
