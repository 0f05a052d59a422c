"""Redis support for the cabinet: one pooled client, a tagged-JSON codec and the managers.

* :mod:`.urls`: the URL forms: one server (``redis://``), a Redis Cluster
  (``redis+cluster://``) or a Sentinel-watched master (``redis+sentinel://``);
* :mod:`.connection`: the process-wide client (sync) and short-lived async clients,
  redis-py's ``Redis``, ``RedisCluster`` or ``Sentinel`` master as the URL says;
* :mod:`.codec`: JSON that brings ``Decimal``, dates and contracts back as themselves;
* :mod:`.health`: fail-open bookkeeping (one warning per outage);
* :mod:`.managers`: :class:`DashboardRedisManager`, :class:`CabinetSettingsRedisManager`.

Redis is optional: without a configured URL (or in DEBUG without
``CODEX_REDIS_ENABLED = True``) every manager answers "not cached" and the
cabinet computes everything live.
"""

from .managers.dashboard import DashboardRedisManager
from .managers.settings import CabinetSettingsRedisManager

__all__ = ["CabinetSettingsRedisManager", "DashboardRedisManager"]
