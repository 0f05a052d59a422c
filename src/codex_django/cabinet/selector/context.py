"""How the providers' data becomes the dashboard's template context.

The reference merges every provider's dict into one context: a function's
``{"dashboard_stats": ...}`` is ``dashboard_stats`` in the template, and a
``MetricAdapter``'s ``{"metric": ...}`` is ``metric``, the name
``cabinet/widgets/kpi.html`` reads. That holds here, with one addition and one
deliberate difference:

* an adapter's data is **also** kept under its ``cache_key``
  (``context["revenue"] == {"metric": ...}``), so a dashboard with several KPIs
  gives each widget its own: ``{% include "cabinet/widgets/kpi.html" with metric=revenue.metric %}``;
* when two or more adapters give the same name (two ``MetricAdapter``\\ s both
  give ``metric``), the reference lets the last one win and the others' widgets
  silently show its number. Here the bare name is an :class:`AmbiguousPayload`
  instead: a template that reads it raises ``ImproperlyConfigured`` naming the
  providers and the ``with metric=<cache_key>.metric`` fix. Templates that read
  the names by cache key are not affected.

Names a function provider sets, and adapters' cache keys, are explicit and
win over an adapter's payload name (``metric``/``table``/``list``).
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from django.core.exceptions import ImproperlyConfigured

from .provider import Provider

__all__ = ["WIDGET_TEMPLATES", "AmbiguousPayload", "merge_provider_data"]

# The built-in widget template that reads each adapter payload name (for the error's example).
WIDGET_TEMPLATES = {
    "metric": "cabinet/widgets/kpi.html",
    "table": "cabinet/widgets/table.html",
    "list": "cabinet/widgets/list.html",
}


class AmbiguousPayload:
    """Stands in the context for a payload name that several adapters give.

    Django's template engine calls a callable context value when a template
    reads it, so reading ``metric`` raises the explanation instead of
    rendering one of the providers' numbers under another widget's title.
    """

    def __init__(self, name: str, cache_keys: list[str]) -> None:
        self.name = name
        self.cache_keys = cache_keys

    @property
    def message(self) -> str:
        first = self.cache_keys[0]
        template = WIDGET_TEMPLATES.get(self.name)
        example = (
            f'{{% include "{template}" with {self.name}={first}.{self.name} %}}'
            if template
            else f"{{{{ {first}.{self.name} }}}}"
        )
        providers = ", ".join(repr(key) for key in self.cache_keys)
        return (
            f"The dashboard context has {len(self.cache_keys)} {self.name!r} payloads (providers "
            f"{providers}), so {self.name!r} alone names none of them. Read one by its cache key in "
            f"the widget's template: {example}."
        )

    def __call__(self) -> Any:
        raise ImproperlyConfigured(self.message)

    def __repr__(self) -> str:
        return f"<AmbiguousPayload {self.name!r} of {', '.join(self.cache_keys)}>"


def merge_provider_data(results: Iterable[tuple[Provider, dict[str, Any]]]) -> dict[str, Any]:
    """The template context from each provider's data, in registration order (see the module docstring)."""
    context: dict[str, Any] = {}
    payloads: dict[str, list[tuple[str, Any]]] = {}
    for provider, data in results:
        if provider.adapter:
            context[provider.cache_key] = data
            for name, value in data.items():
                payloads.setdefault(name, []).append((provider.cache_key, value))
        else:
            context.update(data)
    for name, given in payloads.items():
        if name in context:
            continue
        if len(given) == 1:
            context[name] = given[0][1]
        else:
            context[name] = AmbiguousPayload(name, [cache_key for cache_key, _ in given])
    return context
