"""The ``cabinet_slippers`` template tag library: every component as a slippers tag.

The fourth call syntax, next to ``{% component %}``, django-cotton and
``{% include %}``, for projects that use `slippers <https://github.com/mixxorz/slippers>`_
0.7 (``pip install codex-django-cabinet[slippers]``)::

    {% load cabinet_slippers %}
    {% CabKpi metric=metric %}
    {% #CabDataTable table=table %}{% /CabDataTable %}
    {% #CabPageHeader title="Clients" %}<a href="/new/">New</a>{% /CabPageHeader %}

Each component ``<name>`` is the tag ``Cab`` + its CamelCase name (``data_table``
-> ``CabDataTable``), inline (``{% CabKpi ... %}``) or block (``{% #CabKpi ... %}
... {% /CabKpi %}``). The tags are registered into this library with slippers'
own ``register_components``, so the project's ``components.yaml`` (if any) is
neither needed nor touched and its names cannot clash with these.

A tag renders the component's include template
(``cabinet/components/<name>.html``), so the HTML is the same as the other
three syntaxes. slippers renders that template in a fresh context holding only
the tag's attributes, ``children`` and ``request``; these tags also forward,
from the caller's context, what components read from it:

* ``csrf_token`` (``generic_modal``'s form, ``color_mode_switch``): without it
  ``{% csrf_token %}`` renders nothing and the POST gets a 403;
* for ``CabDataTable``, the context variables a column's ``badge_key`` /
  ``icon_key`` names when the payload's ``badge_maps`` / ``icon_maps`` lack them;
* django-components' dependency markers, as its patched ``{% include %}`` does:
  without them the page loses the component's stylesheet link in ``<head>``.

An attribute given on the tag wins over a forwarded variable. Anything else a
project's own template around the component relies on (context processors'
variables) must be passed as an attribute.

Block content (``children``) fills the component's slot: ``actions`` of
``page_header``, ``detail`` of ``split_panel``. Components without a slot
refuse block content (a :class:`~django.template.TemplateSyntaxError`) rather
than dropping it.

Without slippers installed the library still loads (Django imports every tag
library when the template engine starts) and each tag fails with an error
naming the missing package.
"""

from __future__ import annotations

import copy
import dataclasses
import pkgutil
from collections.abc import Callable, Iterable
from typing import Any

from django import template
from django.template.base import NodeList, Parser, TextNode, Token
from django_components.context import _STRATEGY_CONTEXT_KEY, COMPONENT_IS_NESTED_KEY

import codex_django.cabinet.components as components_package

__all__ = ["TAG_PREFIX", "block_slot", "component_names", "register", "tag_name", "template_path"]

register = template.Library()


class _Value:
    """A forwarded value in place of a parsed attribute (slippers calls ``resolve(context)`` on each)."""

    def __init__(self, value: Any) -> None:
        self.value = value

    def resolve(self, context: Any) -> Any:
        return self.value


TAG_PREFIX = "Cab"
#: Variables of the caller's context every tag forwards (when present and not given as attributes).
FORWARDED = ("csrf_token",)
#: What django-components' patched ``{% include %}`` sets: the inner render leaves the component's
#: CSS/JS markers for the page to turn into ``<head>`` links (without it they are lost).
INCLUDE_LIKE = {_STRATEGY_CONTEXT_KEY: _Value("ignore"), COMPONENT_IS_NESTED_KEY: _Value(False)}
MISSING = (
    "{{% {tag} %}} needs the slippers package (0.7.x), which is not installed: "
    "pip install 'codex-django-cabinet[slippers]'"
)


def component_names() -> list[str]:
    """Every component folder of the library (``kpi``, ``data_table``, ...), sorted."""
    return sorted(info.name for info in pkgutil.iter_modules(components_package.__path__) if info.ispkg)


def tag_name(component: str) -> str:
    """``data_table`` -> ``CabDataTable``."""
    return TAG_PREFIX + "".join(part.capitalize() for part in component.split("_"))


def block_slot(component: str) -> str:
    """The slot block content fills (``actions`` of ``page_header``); ``""`` for none.

    Declared on the component (``CabinetComponent.block_slot``), like the slot the
    cotton entry template fills.
    """
    from django_components import registry

    return str(getattr(registry.get(component), "block_slot", ""))


def template_path(component: str) -> str:
    """The template a tag renders: the include entry point, or a slot wrapper for slotted components.

    Both are generated from the component (:mod:`codex_django.cabinet.rendering.entry_templates`).
    """
    folder = "slippers" if block_slot(component) else "components"
    return f"cabinet/{folder}/{component}.html"


def data_table_maps(attribute: Callable[[str], Any]) -> Iterable[str]:
    """The context variables ``data_table`` may look up: its columns' ``badge_key`` / ``icon_key``."""
    for column in getattr(attribute("table"), "columns", ()):
        yield from (key for key in (column.badge_key, column.icon_key) if key)


#: Per component: which further caller variables it reads, given its resolved attributes.
#: ``attribute(name)`` resolves one of the tag's attributes (``None`` when not given).
CONTEXT_READERS: dict[str, Callable[[Callable[[str], Any]], Iterable[str]]] = {"data_table": data_table_maps}


def accepted_attributes(component: str) -> frozenset[str]:
    """What a tag takes: the component's kwargs, ``request``, the forwarded names, the slot an include fills.

    (``detail`` for split_panel: its include entry fills the slot from that variable.)
    """
    from django_components import registry

    component_class = registry.get(component)
    kwargs = component_class.Kwargs
    fields = [field.name for field in dataclasses.fields(kwargs)] if kwargs is not None else []
    include_slot = str(getattr(component_class, "include_slot", ""))
    return frozenset([*fields, "request", *FORWARDED, *([include_slot] if include_slot else [])])


def check_attributes(name: str, component: str, given: Iterable[str], also: Iterable[str] = ()) -> None:
    """A clear error for an attribute the component does not take (the include would drop it silently)."""
    allowed = accepted_attributes(component) | set(also)
    unknown = sorted(set(given) - allowed)
    if unknown:
        raise template.TemplateSyntaxError(
            f"{{% {name} %}}: the component {component!r} takes no attribute {unknown[0]!r}; "
            f"it takes {', '.join(sorted(allowed - {'request', *FORWARDED}))}"
        )


def _has_content(nodelist: Iterable[Any]) -> bool:
    return any(not (isinstance(node, TextNode) and not node.s.strip()) for node in nodelist)


def _tag(component: str, compile_node: Callable[[Parser, Token], Any], node_class: type) -> Any:
    """The compile function of ``Cab<Name>`` / ``#Cab<Name>``: slippers' node, checked, as ``node_class``."""
    name = tag_name(component)

    def compile_tag(parser: Parser, token: Token) -> Any:
        node = compile_node(parser, token)
        if not _has_content(node.nodelist):
            node.nodelist = NodeList()  # only whitespace between the tags: no slot content
        elif not block_slot(component):
            raise template.TemplateSyntaxError(
                f"{{% #{name} %}}: the component {component!r} has no slot, so it takes no content between "
                f"{{% #{name} %}} and {{% /{name} %}} (line {token.lineno}); use the inline {{% {name} ... %}}"
            )
        node.__class__ = node_class  # same fields; only render() differs
        node.component = component
        node.name = name
        if node.target_var:  # ``... as html``: slippers keeps "as" and the name as True attributes
            for key in ("as", node.target_var):
                node.raw_attributes.pop(key, None)
        if component not in CONTEXT_READERS:
            check_attributes(name, component, node.raw_attributes)
        return node

    return compile_tag


def _build(library: template.Library) -> None:
    """Register ``Cab<Name>`` and ``#Cab<Name>`` for every component into ``library``."""
    try:
        from slippers.templatetags.slippers import ComponentNode, create_component_tag
    except ImportError:
        for component in component_names():
            for name in (tag_name(component), f"#{tag_name(component)}"):
                library.tag(name, _missing(name))
        return

    class CabinetComponentNode(ComponentNode):
        """slippers' node, plus the caller's variables the component reads (see the module doc)."""

        component: str
        name: str

        def render(self, context: Any) -> Any:
            given = self.raw_attributes

            def attribute(key: str) -> Any:
                return given[key].resolve(context) if key in given else None

            read = list(CONTEXT_READERS.get(self.component, lambda _: ())(attribute))
            if self.component in CONTEXT_READERS:
                check_attributes(self.name, self.component, given, read)
            wanted = [*FORWARDED, *read]
            extra = {key: _Value(context[key]) for key in wanted if key not in given and key in context}
            extra.update(INCLUDE_LIKE)
            node = copy.copy(self)
            node.raw_attributes = {**self.raw_attributes, **extra}
            return ComponentNode.render(node, context)

    for component in component_names():
        name = tag_name(component)
        compile_node = create_component_tag(template_path(component))
        compile_tag = _tag(component, compile_node, CabinetComponentNode)
        library.tag(name, compile_tag)
        library.tag(f"#{name}", compile_tag)


def _missing(name: str) -> Callable[[Parser, Token], Any]:
    def compile_tag(parser: Parser, token: Token) -> Any:
        raise template.TemplateSyntaxError(MISSING.format(tag=name))

    return compile_tag


_build(register)
