"""Dashboard adapters: providers that return one widget payload.

Subclass one and implement :meth:`DashboardAdapter.get_payload`; register it
with ``DashboardSelector.extend``. The selector puts an adapter's data under
its ``cache_key`` in the dashboard context, so two metric adapters never
overwrite each other::

    @DashboardSelector.extend(cache_key="new_clients", cache_ttl=300)
    class NewClients(MetricAdapter):
        def get_payload(self, request):
            return MetricWidgetData(label=_("New clients"), value=str(count_new_clients()))

    # template: {% include "cabinet/widgets/kpi.html" with metric=new_clients.metric %}
"""

from __future__ import annotations

from abc import ABC, abstractmethod
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
    """An adapter whose data is one contract, wrapped under :attr:`payload_key`."""

    payload_key: ClassVar[str] = ""
    payload_type: ClassVar[type[Any]] = object

    @abstractmethod
    def get_payload(self, request: HttpRequest) -> Any:
        """Return the widget payload (an instance of :attr:`payload_type`)."""

    def get_data(self, request: HttpRequest) -> dict[str, Any]:
        payload = self.get_payload(request)
        if not isinstance(payload, self.payload_type):
            raise TypeError(
                f"{type(self).__name__}.get_payload() must return a {self.payload_type.__name__}, "
                f"got {type(payload).__name__}"
            )
        return {self.payload_key: payload}


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
