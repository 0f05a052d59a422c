"""The receiving end of a ``data_table`` bulk action: permission, selection, redirect back.

The table's bulk bar POSTs (with the CSRF token, checked by Django's
middleware as for any form) ``action=<key>``, the selected rows' ``ids`` or,
after "select all matching", ``all=1`` with the table's ``q``/``status``/``sort``,
and ``next`` (the page to go back to). :func:`bulk_selection` turns that into
the action and a queryset:

* the action must be one of the view's :class:`BulkAction` (else 400);
* the user must have its ``permission`` (else 403, :class:`PermissionDenied`);
* ``ids`` are looked up inside the view's queryset only (a forged id outside
  it selects nothing) and must parse as its primary key (else 400);
* at most 10,000 ``ids``; Django itself refuses a request of more than
  ``DATA_UPLOAD_MAX_NUMBER_FIELDS`` (1,000 by default) fields, so raise that
  setting for pages of more than ~990 rows;
* ``all=1`` selects through :func:`~codex_django.cabinet.tables.query.table_query`
  with the same options as the page, so "all matching" is exactly the rows the
  user was paging through.

:class:`BulkActionView` wraps it in a class-based view::

    class AppointmentBulk(BulkActionView):
        actions = BULK_ACTIONS            # the same list the table shows
        query = QUERY                     # the same options the table's page uses

        def get_queryset(self):
            return Appointment.objects.all()

        def perform(self, action, selected):
            done = selected.update(status=action.key)
            return ngettext("%(count)d visit updated.", "%(count)d visits updated.", done) % {"count": done}
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from typing import Any, ClassVar, NamedTuple

from django.contrib import messages
from django.core.exceptions import BadRequest, PermissionDenied, ValidationError
from django.db.models import QuerySet
from django.http import HttpRequest, HttpResponse, HttpResponseRedirect
from django.utils.http import url_has_allowed_host_and_scheme
from django.views import View

from codex_django.cabinet.tables.query import table_query
from codex_django.cabinet.types.data_table import TableFilter
from codex_django.cabinet.types.data_table_actions import MAX_SELECTED, BulkAction
from codex_django.cabinet.types.widgets import TableColumn


class BulkSelection(NamedTuple):
    """The requested action and the rows it applies to (``all_matching``: chosen by the filter)."""

    action: BulkAction
    queryset: QuerySet[Any]
    all_matching: bool


def bulk_selection(
    request: HttpRequest,
    queryset: QuerySet[Any],
    *,
    actions: Sequence[BulkAction],
    columns: Sequence[TableColumn] = (),
    filters: Iterable[TableFilter] = (),
    search_fields: Sequence[str] = (),
    sort_fields: Mapping[str, str] | None = None,
    status_field: str = "status",
) -> BulkSelection:
    """The action and rows of a bulk request (see the module docstring for the checks)."""
    if request.method != "POST":
        raise BadRequest(f"bulk_selection: a bulk action is a POST (got {request.method})")
    key = request.POST.get("action", "")
    action = next((item for item in actions if item.key == key), None)
    if action is None:
        raise BadRequest(f"bulk_selection: unknown action {key!r}; known: {[item.key for item in actions]!r}")
    if action.permission and not request.user.has_perm(action.permission):
        raise PermissionDenied(f"bulk action {action.key!r} needs the permission {action.permission!r}")
    if request.POST.get("all") == "1":
        selected = table_query(
            request.POST,
            queryset,
            columns=columns,
            filters=filters,
            search_fields=search_fields,
            sort_fields=sort_fields,
            status_field=status_field,
        ).shown
        return BulkSelection(action, selected, True)
    ids = request.POST.getlist("ids")
    if len(ids) > MAX_SELECTED:
        raise BadRequest(f"bulk_selection: at most {MAX_SELECTED} ids per request (got {len(ids)})")
    primary_key = queryset.model._meta.pk
    try:
        keys = [primary_key.to_python(value) for value in ids]
    except ValidationError:
        raise BadRequest(
            f"bulk_selection: the ids are not {queryset.model.__name__} keys: {ids[:5]!r}"
        ) from None
    return BulkSelection(action, queryset.filter(pk__in=keys), False)


def back_url(request: HttpRequest, default: str = "") -> str:
    """The posted ``next`` if it is a URL of this site, else ``default`` (or the current path)."""
    target = request.POST.get("next", "")
    if target and url_has_allowed_host_and_scheme(
        target, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return target
    return default or request.path


class BulkActionView(View):
    """A view receiving a table's bulk actions: ``POST`` only, checked by :func:`bulk_selection`.

    Set :attr:`actions` (the table's ``bulk_actions``) and :attr:`query` (the
    keyword arguments the page gives ``server_side_table``: ``columns``,
    ``filters``, ``search_fields``, ``sort_fields``, ``status_field``), define
    :meth:`get_queryset` and :meth:`perform`. The message :meth:`perform`
    returns is shown on the page the user is sent back to.
    """

    http_method_names: ClassVar[list[str]] = ["post"]  # type: ignore[misc]
    actions: ClassVar[Sequence[BulkAction]] = ()
    query: ClassVar[Mapping[str, Any]] = {}
    success_url: ClassVar[str] = ""

    def get_queryset(self) -> QuerySet[Any]:
        raise NotImplementedError(f"{type(self).__name__}: define get_queryset()")

    def perform(self, action: BulkAction, selected: QuerySet[Any]) -> str:
        """Apply ``action`` to ``selected``; return the message to show ("3 visits cancelled.")."""
        raise NotImplementedError(f"{type(self).__name__}: define perform(action, selected)")

    def post(self, request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        selection = bulk_selection(request, self.get_queryset(), actions=self.actions, **self.query)
        message = self.perform(selection.action, selection.queryset)
        if message:
            messages.success(request, message)
        return HttpResponseRedirect(back_url(request, self.success_url))
