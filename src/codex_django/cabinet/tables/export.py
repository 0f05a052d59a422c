"""CSV export of a server-side table's current search, filter and sort, streamed.

The table's "Export CSV" link (:class:`~codex_django.cabinet.types.data_table_actions.TableExport`)
carries ``?q=&status=&sort=``; the view answers with :func:`export_csv`, which
selects the rows through the same :func:`~codex_django.cabinet.tables.query.table_query`
as the page and streams them: the queryset is read with ``iterator()`` in
chunks and the response (a ``StreamingHttpResponse``) is written a few hundred
rows at a time, so 100,000 rows never sit in memory together::

    from codex_django.cabinet.tables.export import export_csv

    @space_required("staff")
    def appointments(request):
        if request.GET.get("export") == "csv":
            return export_csv(request, Appointment.objects.select_related("client"),
                              columns=COLUMNS, row=appointment_row, filename="appointments.csv", **QUERY)
        table = server_side_table(request, ..., export=TableExport(url="?export=csv"), **QUERY)
        ...

The file is UTF-8 with a byte order mark (spreadsheet programs then read it as
UTF-8), one header row of the column labels, then one line per row with each
column's value from ``row(obj)``, through ``choices`` when given (the labels the
table shows). Cells a spreadsheet would run as a formula (starting with ``=``,
``+``, ``-``, ``@``, a tab or a carriage return) get a leading ``'``: the
OWASP advice against CSV injection.
"""

from __future__ import annotations

import csv
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from typing import Any

from django.db.models import QuerySet
from django.http import HttpRequest, StreamingHttpResponse
from django.utils.http import content_disposition_header

from codex_django.cabinet.tables.query import table_query
from codex_django.cabinet.types.data_table import TableFilter
from codex_django.cabinet.types.widgets import TableColumn

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
ROWS_PER_CHUNK = 500
DEFAULT_ITERATOR_CHUNK = 2_000
BOM = "\ufeff"


def safe_cell(value: Any) -> str:
    """``value`` as CSV cell text: ``None`` is empty; a would-be formula gets a leading ``'``.

    >>> safe_cell("=HYPERLINK(\\"http://x\\")")
    '\\'=HYPERLINK("http://x")'
    """
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_STARTS) else text


class _Line:
    """A file-like target for ``csv.writer`` that hands back what it was given."""

    def write(self, value: str) -> str:
        return value


def csv_chunks(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], rows_per_chunk: int = ROWS_PER_CHUNK
) -> Iterator[str]:
    """The CSV text of ``header`` and ``rows``, ``rows_per_chunk`` lines at a time (BOM first)."""
    writer = csv.writer(_Line())
    chunk = [BOM, writer.writerow([safe_cell(value) for value in header])]
    for row in rows:
        chunk.append(writer.writerow([safe_cell(value) for value in row]))
        if len(chunk) >= rows_per_chunk:
            yield "".join(chunk)
            chunk = []
    if chunk:
        yield "".join(chunk)


def csv_response(
    header: Sequence[Any], rows: Iterable[Sequence[Any]], *, filename: str
) -> StreamingHttpResponse:
    """A streamed ``text/csv`` attachment named ``filename`` (any characters: the header is RFC 6266-encoded)."""
    if not filename:
        raise ValueError("csv_response: filename must not be empty (got '')")
    response = StreamingHttpResponse(csv_chunks(header, rows), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = content_disposition_header(True, filename)
    response["X-Content-Type-Options"] = "nosniff"
    return response


def export_csv(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    columns: Sequence[TableColumn],
    row: Callable[[Any], Mapping[str, Any]],
    filename: str,
    filters: Iterable[TableFilter] = (),
    search_fields: Sequence[str] = (),
    sort_fields: Mapping[str, str] | None = None,
    status_field: str = "status",
    choices: Mapping[str, Mapping[str, Any]] | None = None,
    chunk_size: int = DEFAULT_ITERATOR_CHUNK,
) -> StreamingHttpResponse:
    """Every row of ``queryset`` the request's ``q``/``status``/``sort`` select, as a streamed CSV file.

    ``columns`` and ``row`` are the table's (the CSV has the columns' labels
    and values in that order); ``filters``, ``search_fields``, ``sort_fields``
    and ``status_field`` are the page's own (see :mod:`codex_django.cabinet.tables.query`).
    ``chunk_size`` is how many objects each database fetch of ``iterator()`` reads.
    """
    selected = table_query(
        request.GET,
        queryset,
        columns=columns,
        filters=filters,
        search_fields=search_fields,
        sort_fields=sort_fields,
        status_field=status_field,
    ).shown
    keys = [column.key for column in columns]
    labels = [(choices or {}).get(key) for key in keys]

    def lines() -> Iterator[list[Any]]:
        for obj in selected.iterator(chunk_size=chunk_size):
            values = row(obj)
            line = []
            for key, label in zip(keys, labels, strict=True):
                value = values.get(key)
                if label is not None and value is not None:
                    value = label.get(str(value), value)
                line.append(value)
            yield line

    return csv_response([str(column.label) for column in columns], lines(), filename=filename)
