"""Dashboard data providers: :class:`DashboardSelector` and its adapters."""

from .adapters import DashboardAdapter, ListAdapter, MetricAdapter, TableAdapter
from .dashboard import DashboardSelector

__all__ = ["DashboardAdapter", "DashboardSelector", "ListAdapter", "MetricAdapter", "TableAdapter"]
