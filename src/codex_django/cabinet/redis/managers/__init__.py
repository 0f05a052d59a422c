"""Redis managers: the dashboard cache and the cabinet settings hash."""

from .base import BaseDjangoRedisManager
from .dashboard import CacheEntry, DashboardRedisManager
from .settings import CabinetSettingsRedisManager

__all__ = ["BaseDjangoRedisManager", "CabinetSettingsRedisManager", "CacheEntry", "DashboardRedisManager"]
