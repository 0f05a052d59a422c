"""The include and cotton entry templates of the components, generated from their ``Kwargs``.

Besides ``{% component "kpi" metric=m / %}`` a component is called as
``{% include "cabinet/components/kpi.html" with metric=m %}`` or
``<c-cabinet.kpi :metric="m" />`` (django-cotton loads ``cotton/cabinet/kpi.html``).
Each of those templates only restates the component's kwargs as a
``{% component %}`` call, so none is written by hand: :class:`Loader`, a Django
template loader, makes them from the registered component's ``Kwargs``:

* ``cabinet/components/<name>.html`` passes each kwarg from the variable of the
  same name, a kwarg with a default as ``name=name|default:<default>`` (so a
  missing or empty variable gets the default, as with the ``Kwargs``);
* ``cotton/cabinet/<name>.html`` passes cotton's attributes (``...attrs``), with
  ``DJC_DEPS_STRATEGY="ignore"`` so the page, not the fragment, links the
  component's CSS (compiled by cotton's own compiler, only when cotton is installed);
* a component's ``block_slot`` / ``include_slot`` (``page_header``'s ``actions``,
  ``split_panel``'s ``detail``) is filled from the variable of that name when it is set;
* ``cabinet/slippers/<name>.html``, for a component with a ``block_slot``: the
  slippers tag's block content (``children``) fills it, else the include entry
  renders (:mod:`codex_django.cabinet.templatetags.cabinet_slippers`);
* :data:`ALIASES`: the older paths of some entries (``cabinet/widgets/kpi.html``).

So adding a component needs no entry template. The loader is appended, at
start-up, to the end of every Django template engine's loaders (inside the cached
loader) unless the project lists it itself (:func:`install`): a template of the
project's with the same name, in its ``DIRS`` or an app's ``templates/``, is found
first and wins.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Iterator
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.template import Origin, TemplateDoesNotExist
from django.template.loaders.base import Loader as BaseLoader

__all__ = [
    "ALIASES",
    "COTTON_PREFIX",
    "INCLUDE_PREFIX",
    "LOADER",
    "SLIPPERS_PREFIX",
    "Loader",
    "entry_source",
    "install",
]

LOADER = "codex_django.cabinet.rendering.entry_templates.Loader"
INCLUDE_PREFIX = "cabinet/components/"
COTTON_PREFIX = "cotton/cabinet/"
SLIPPERS_PREFIX = "cabinet/slippers/"
#: Further include paths, kept for projects that use them: path -> component.
ALIASES = {
    "cabinet/widgets/kpi.html": "kpi",
    "cabinet/widgets/table.html": "table_widget",
    "cabinet/widgets/list.html": "list_widget",
    "cabinet/components/widgets/client_selector.html": "client_selector",
    "cabinet/components/widgets/date_time_picker.html": "date_time_picker",
    "cabinet/components/widgets/service_selector.html": "service_selector",
    "cabinet/components/widgets/summary_panel.html": "summary_panel",
}
CACHED = "django.template.loaders.cached.Loader"


def _component(name: str) -> Any:
    """The registered cabinet component ``name`` with ``Kwargs``, or ``None``."""
    from django_components import registry
    from django_components.component_registry import NotRegistered

    from codex_django.cabinet.rendering.component import CabinetComponent, ComponentKwargs

    try:
        component = registry.get(name)
    except NotRegistered:
        return None
    kwargs = getattr(component, "Kwargs", None)
    if not (issubclass(component, CabinetComponent) and isinstance(kwargs, type)):
        return None
    return component if issubclass(kwargs, ComponentKwargs) else None


def _literal(component: str, field: dataclasses.Field[Any]) -> str:
    """The template literal of ``field``'s default: text, a number, ``True``/``False``/``None``, ``[]``."""
    value = field.default
    if isinstance(value, bool) or value is None:
        return str(value)
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, str) and "\n" not in value:
        return '"' + value.replace("\\", "\\\\").replace('"', '\\"') + '"'
    if isinstance(value, list | tuple) and not value:
        return "[]"
    raise ImproperlyConfigured(
        f"{component}: kwarg {field.name!r} has the default {value!r}, which an entry template cannot "
        "write; give it a text, number, True/False/None or empty-list default, or write the entry "
        f"template {INCLUDE_PREFIX}{component}.html yourself"
    )


def _include_kwargs(component: str, kwargs_class: type) -> str:
    """``metric=metric size=size|default:"md" ...``: each kwarg from the variable of its name."""
    parts = []
    for field in dataclasses.fields(kwargs_class):
        required = field.default is dataclasses.MISSING and field.default_factory is dataclasses.MISSING
        expression = field.name if required else f"{field.name}|default:{_literal(component, field)}"
        parts.append(f"{field.name}={expression}")
    return " ".join(parts)


def _call(component: str, kwargs: str, slot: str) -> str:
    """The ``{% component %}`` call; with ``slot``, the slot filled from the variable of its name when set."""
    inline = f'{{% component "{component}" {kwargs} / %}}'
    if not slot:
        return inline
    filled = (
        f'{{% component "{component}" {kwargs} %}}{{% fill "{slot}" %}}{{{{ {slot} }}}}'
        "{% endfill %}{% endcomponent %}"
    )
    return f"{{% if {slot} %}}{filled}{{% else %}}{inline}{{% endif %}}"


def _cotton_source(name: str, component_class: Any) -> str | None:
    try:
        from django_cotton.compiler_regex import CottonCompiler
    except ImportError:  # cotton not installed: no <c-cabinet.*> syntax
        return None
    source = f'<c-vars DJC_DEPS_STRATEGY="ignore" />{_call(name, "...attrs", component_class.block_slot)}\n'
    return str(CottonCompiler().process(source))


def _slippers_source(name: str, component_class: Any) -> str | None:
    """A slotted component's slippers wrapper: block content fills the slot, else the include entry."""
    slot = component_class.block_slot
    if not slot:
        return None
    kwargs = _include_kwargs(name, component_class.Kwargs)
    filled = f'{{% component "{name}" {kwargs} %}}{{% fill "{slot}" %}}{{{{ children }}}}{{% endfill %}}{{% endcomponent %}}'
    return (
        f'{{% if children %}}{filled}{{% else %}}{{% include "{INCLUDE_PREFIX}{name}.html" %}}{{% endif %}}'
    )


_KINDS = {INCLUDE_PREFIX: "include", COTTON_PREFIX: "cotton", SLIPPERS_PREFIX: "slippers"}


def entry_source(template_name: str) -> str | None:
    """The generated source of the entry template ``template_name``; ``None`` if it is none."""
    if template_name in ALIASES:
        name, kind = ALIASES[template_name], "include"
    else:
        folder, _, file = template_name.rpartition("/")
        kind = _KINDS.get(f"{folder}/", "")
        name = file.removesuffix(".html") if file.endswith(".html") else ""
    component_class = _component(name) if kind and name.isidentifier() else None
    if component_class is None:
        return None
    if kind == "cotton":
        return _cotton_source(name, component_class)
    if kind == "slippers":
        return _slippers_source(name, component_class)
    kwargs = _include_kwargs(name, component_class.Kwargs)
    return _call(name, kwargs, component_class.include_slot) + "\n"


class Loader(BaseLoader):
    """A Django template loader serving the components' generated entry templates (see the module doc)."""

    def get_template_sources(self, template_name: str) -> Iterator[Origin]:
        if entry_source(template_name) is not None:
            yield Origin(name=f"<generated> {template_name}", template_name=template_name, loader=self)

    def get_contents(self, origin: Origin) -> str:
        source = entry_source(str(origin.template_name))
        if source is None:
            raise TemplateDoesNotExist(origin)
        return source


def _listed(loaders: Any) -> bool:
    for loader in loaders:
        name = loader[0] if isinstance(loader, tuple | list) else loader
        if name == LOADER:
            return True
        if name == CACHED and isinstance(loader, tuple | list) and len(loader) > 1 and _listed(loader[1]):
            return True
    return False


def _with_loader(config: dict[str, Any]) -> None:
    """Append :data:`LOADER` to one ``TEMPLATES`` entry's loaders, in place (inside the cached loader)."""
    options = config.setdefault("OPTIONS", {})
    loaders = options.get("loaders")
    if loaders is None:  # Django's defaults, written out (loaders and APP_DIRS are exclusive)
        defaults = ["django.template.loaders.filesystem.Loader"]
        if config.get("APP_DIRS"):
            defaults.append("django.template.loaders.app_directories.Loader")
        options["loaders"] = [(CACHED, [*defaults, LOADER])]
        config["APP_DIRS"] = False
        return
    if _listed(loaders):
        return
    loaders = list(loaders)
    last = loaders[-1] if loaders else None
    if isinstance(last, tuple | list) and last[0] == CACHED and len(last) > 1:
        loaders[-1] = (CACHED, [*last[1], LOADER], *last[2:])
    else:
        loaders.append(LOADER)
    options["loaders"] = loaders


def install(templates: Any) -> None:
    """Add the entry-template loader to every Django engine in ``templates`` (a ``TEMPLATES`` value).

    Last, so a project's own template with an entry's name wins; nothing when an
    engine lists it already (then its place is the project's choice).
    """
    for config in templates or ():
        if (
            isinstance(config, dict)
            and config.get("BACKEND") == "django.template.backends.django.DjangoTemplates"
        ):
            _with_loader(config)


def install_entry_loader() -> None:
    """Add the loader to ``settings.TEMPLATES`` (from ``CabinetConfig.ready``) and to overridden ones."""
    from django.conf import settings
    from django.core.signals import setting_changed

    install(settings.TEMPLATES)
    setting_changed.connect(_templates_changed, dispatch_uid="codex_django.cabinet.rendering.entry_templates")


def _templates_changed(*, setting: str, value: Any, **kwargs: Any) -> None:
    if setting == "TEMPLATES":
        install(value)
