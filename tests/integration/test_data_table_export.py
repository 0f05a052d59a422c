"""CSV export of a server-side table: the page's filter and sort, streamed, formula-safe.

``auth.User`` stands in for a feature model (``username`` the name column,
``last_name`` a team used as the status filters compare).
"""

from __future__ import annotations

import csv
import io
import time
import tracemalloc
from typing import Any

import pytest
from django.contrib.auth.models import User
from django.http import StreamingHttpResponse
from django.test import RequestFactory

from codex_django.cabinet.tables.export import csv_chunks, csv_response, export_csv, safe_cell
from codex_django.cabinet.types.data_table import TableFilter
from codex_django.cabinet.types.widgets import TableColumn

COLUMNS = [
    TableColumn(key="name", label="User", sortable=True),
    TableColumn(key="team", label="Team"),
]
QUERY: dict[str, Any] = {
    "filters": [
        TableFilter(key="red", label="Red", value="red"),
        TableFilter(key="blue", label="Blue", value="blue"),
    ],
    "search_fields": ["username"],
    "sort_fields": {"name": "username"},
    "status_field": "last_name",
}


def user_row(user: User) -> dict[str, Any]:
    return {"name": user.username, "team": user.last_name}


def export(query: str, **options: Any) -> StreamingHttpResponse:
    request = RequestFactory().get(f"/people/{query}")
    return export_csv(
        request,
        User.objects.all(),
        columns=COLUMNS,
        row=user_row,
        filename="people.csv",
        **{**QUERY, **options},
    )


def parsed(response: StreamingHttpResponse) -> list[list[str]]:
    text = b"".join(response.streaming_content).decode("utf-8")  # type: ignore[arg-type]
    assert text.startswith("\ufeff")
    return list(csv.reader(io.StringIO(text[1:])))


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("=1+2", "'=1+2"),
        ("+7 900", "'+7 900"),
        ("-12", "'-12"),
        ("@SUM(A1)", "'@SUM(A1)"),
        ("\tx", "'\tx"),
        ("\rx", "'\rx"),
        ("Anna", "Anna"),
        ("a=b", "a=b"),
        (None, ""),
        (42, "42"),
    ],
)
def test_safe_cell_quotes_formula_starts(value: Any, expected: str) -> None:
    assert safe_cell(value) == expected


def test_csv_response_is_a_streamed_attachment_with_an_encoded_filename() -> None:
    response = csv_response(["Name"], [["=cmd|' /C calc'!A0"], ['Ann, "Bo"']], filename="Записи 2026.csv")
    assert isinstance(response, StreamingHttpResponse)
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"] == (
        "attachment; filename*=utf-8''%D0%97%D0%B0%D0%BF%D0%B8%D1%81%D0%B8%202026.csv"
    )
    assert parsed(response) == [["Name"], ["'=cmd|' /C calc'!A0"], ['Ann, "Bo"']]


def test_csv_response_refuses_an_empty_filename() -> None:
    with pytest.raises(ValueError, match="csv_response: filename must not be empty"):
        csv_response(["Name"], [], filename="")


@pytest.mark.django_db
def test_export_follows_the_search_filter_and_sort_of_the_page() -> None:
    User.objects.bulk_create(
        [User(username=f"user{index:03d}", last_name=("red", "blue")[index % 2]) for index in range(1, 36)]
    )
    assert parsed(export("?q=user02&status=blue&sort=-name")) == [
        ["User", "Team"],
        ["user029", "blue"],
        ["user027", "blue"],
        ["user025", "blue"],
        ["user023", "blue"],
        ["user021", "blue"],
    ]
    everything = parsed(export("?status=nonsense&sort=bogus"))  # unknown values: the whole table
    assert len(everything) == 36 and everything[1] == ["user001", "blue"]
    labelled = parsed(export("?q=user001", choices={"team": {"blue": "Blue team"}}))
    assert labelled == [["User", "Team"], ["user001", "Blue team"]]


@pytest.mark.slow
@pytest.mark.django_db
def test_export_streams_100k_rows_in_chunks_without_holding_them(capsys: pytest.CaptureFixture[str]) -> None:
    total = 100_000
    User.objects.bulk_create(
        (User(username=f"u{index:06d}", last_name=("red", "blue")[index % 2]) for index in range(total)),
        batch_size=5_000,
    )
    built: list[int] = []

    def counting_row(user: User) -> dict[str, Any]:
        built.append(1)
        return user_row(user)

    request = RequestFactory().get("/people/?sort=name")
    tracemalloc.start()
    started = time.perf_counter()
    response = export_csv(
        request, User.objects.all(), columns=COLUMNS, row=counting_row, filename="people.csv", **QUERY
    )
    chunks = iter(response.streaming_content)
    first = next(chunks)
    # The first chunk is on its way after one database fetch, not after reading 100,000 rows.
    assert 0 < len(built) <= 2_000
    assert first.startswith("\ufeffUser,Team\r\n".encode())
    size = len(first)
    count = 1
    lines = first.count(b"\r\n")
    for chunk in chunks:
        size += len(chunk)
        count += 1
        lines += chunk.count(b"\r\n")
    elapsed = time.perf_counter() - started
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert lines == total + 1
    assert len(built) == total
    assert count >= total // 500
    # Streaming keeps memory bounded: the whole file is ~1.5 MB of text, 100,000 User
    # objects would be tens of MB; the peak stays far below the latter.
    assert peak < 8 * 1024 * 1024, f"peak {peak / 1e6:.1f} MB"
    with capsys.disabled():
        print(
            f"\nCSV export: {total} rows, {size / 1e6:.1f} MB in {count} chunks, {elapsed:.2f} s, peak {peak / 1e6:.1f} MB"
        )


def test_csv_chunks_yield_every_few_hundred_rows() -> None:
    chunks = list(csv_chunks(["n"], ([str(index)] for index in range(1_200)), rows_per_chunk=500))
    assert len(chunks) == 3
    assert "".join(chunks).count("\r\n") == 1_201
