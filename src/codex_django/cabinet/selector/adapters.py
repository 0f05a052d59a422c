"""Dashboard adapters: providers that return one widget payload.

The reference's adapters wrap a widget payload under the name its widget
template reads: :class:`MetricAdapter` under ``metric`` (``cabinet/widgets/kpi.html``),
:class:`TableAdapter` under ``table`` (``table.html``), :class:`ListAdapter`
under ``list`` (``list.html``). Three ways to write one, all registered with
``DashboardSelector.extend``::

    # 1. wrap a function that returns the payload (the reference's constructor)
    def revenue(request):
        return MetricWidgetData(label=_("Revenue"), value=format_money(total(), "₽"))

    DashboardSelector.extend(MetricAdapter(revenue), cache_key="revenue", cache_ttl=300)

    # 2. subclass and implement get_payload (the payload type is checked)
    @DashboardSelector.extend(cache_key="new_clients", cache_ttl=300)
    class NewClients(MetricAdapter):
        def get_payload(self, request):
            return MetricWidgetData(label=_("New clients"), value=str(count_new_clients()))

    # 3. subclass and override get_data, returning the wrapped dict yourself
    @DashboardSelector.extend(cache_key="top_clients")
    class TopClients(ListAdapter):
        def get_data(self, request):
            return {"list": ListWidgetData(items=[...])}

The selector merges an adapter's data into the template context (so
``{% include "cabinet/widgets/kpi.html" %}`` finds ``metric``) and also keeps it
under the adapter's ``cache_key``, for dashboards with several widgets of one
kind: ``{% include "cabinet/widgets/kpi.html" with metric=new_clients.metric %}``
(see :mod:`.context`).
"""

from __future__ import annotations

from abc import ABC, abstractmethod
from collections.abc import Callable
from typing import Any, ClassVar

from django.http import HttpRequest

from ..types.widgets import ListWidgetData, MetricWidgetData, TableWidgetData

__all__ = ["DashboardAdapter", "ListAdapter", "MetricAdapter", "PayloadAdapter", "TableAdapter"]


class DashboardAdapter(ABC):
    """Base class for dashboard data adapters.

    Adapters fetch and format the data of one widget type before the selector
    merges it into the template context. Instances are created once, at
    registration, and must not keep per-request state.
    """

    @abstractmethod
    def get_data(self, request: HttpRequest) -> dict[str, Any]:
        """Fetch and return widget data as a dictionary payload."""


class PayloadAdapter(DashboardAdapter):
    """An adapter whose data is one contract, wrapped under :attr:`payload_key`.

    The payload comes from the function given to the constructor, or from
    :meth:`get_payload` in a subclass; a subclass may also override
    :meth:`get_data` altogether.
    """

    payload_key: ClassVar[str] = ""
    payload_type: ClassVar[type[Any]] = object

    def __init__(self, provider_fn: Callable[[HttpRequest], Any] | None = None) -> None:
        if provider_fn is not None and not callable(provider_fn):
            raise TypeError(
                f"{type(self).__name__}(provider_fn): a function (request) -> "
                f"{self.payload_type.__name__} (got {provider_fn!r})"
            )
        self.provider_fn = provider_fn

    def has_data(self) -> bool:
        """Whether this adapter can produce data: a function, or its own get_payload/get_data."""
        kind = type(self)
        return (
            self.provider_fn is not None
            or kind.get_payload is not PayloadAdapter.get_payload
            or kind.get_data is not PayloadAdapter.get_data
        )

    def get_payload(self, request: HttpRequest) -> Any:
        """Return the widget payload (an instance of :attr:`payload_type`)."""
        if self.provider_fn is None:
            raise NotImplementedError(
                f"{type(self).__name__} has no provider function and does not implement get_payload()"
            )
        return self.provider_fn(request)

    def get_data(self, request: HttpRequest) -> dict[str, Any]:
        """The payload wrapped under :attr:`payload_key`; ``TypeError`` when it is not a :attr:`payload_type`."""
        payload = self.get_payload(request)
        if not isinstance(payload, self.payload_type):
            raise TypeError(
                f"{self.source_name()} must return a {self.payload_type.__name__}, got {type(payload).__name__}"
            )
        return {self.payload_key: payload}

    def source_name(self) -> str:
        """Who produces the payload, for error messages: the function or ``Class.get_payload()``."""
        if self.provider_fn is not None and type(self).get_payload is PayloadAdapter.get_payload:
            name = getattr(self.provider_fn, "__qualname__", repr(self.provider_fn))
            return f"{type(self).__name__}({name})"
        return f"{type(self).__name__}.get_payload()"


class MetricAdapter(PayloadAdapter):
    """Generic adapter for metric widgets: wraps a :class:`MetricWidgetData` under ``metric``."""

    payload_key = "metric"
    payload_type = MetricWidgetData


class TableAdapter(PayloadAdapter):
    """Generic adapter for table widgets: wraps a :class:`TableWidgetData` under ``table``."""

    payload_key = "table"
    payload_type = TableWidgetData


class ListAdapter(PayloadAdapter):
    """Generic adapter for list widgets: wraps a :class:`ListWidgetData` under ``list``."""

    payload_key = "list"
    payload_type = ListWidgetData
