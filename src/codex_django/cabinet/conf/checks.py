"""Django system checks for a cabinet project.

Run by ``manage.py check`` (and before ``runserver`` / ``migrate``); each
message says what is wrong and how to fix it:

========== ==================================================================
cabinet.E001 the ``cabinet`` context processor is missing from ``TEMPLATES``
cabinet.E002 the django-components URLs are not included in the URLconf
cabinet.E003 ``django_components`` is not in ``INSTALLED_APPS``
cabinet.E004 django-cotton is installed with its default AppConfig
cabinet.E005 the ``BASE_DIR`` setting is missing
cabinet.E006 ``CODEX_CABINET`` is not a dict or has unknown keys
cabinet.E007 a ``CODEX_CABINET`` value has the wrong type or form
cabinet.E008 ``CODEX_CABINET["SPACE_ACCESS"]`` cannot be imported
cabinet.E009 the Redis URL names no usable server, cluster or sentinel master
cabinet.W001 the built front-end assets (``cabinet/dist/cabinet.css``) are missing
cabinet.W030 the ``CabinetExtension`` is not in ``COMPONENTS["extensions"]`` (2.3 KB of unused JS per page)
========== ==================================================================
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from django.apps import apps
from django.conf import settings
from django.core.checks import CheckMessage, Error, Tags, Warning, register
from django.core.exceptions import ImproperlyConfigured
from django.urls import NoReverseMatch, reverse
from django.utils.module_loading import import_string

from codex_django.cabinet.conf import DEFAULTS

__all__ = [
    "BUNDLE_CSS",
    "CONTEXT_PROCESSOR",
    "check_assets",
    "check_components",
    "check_context_processor",
    "check_redis_url",
    "check_settings",
]

CONTEXT_PROCESSOR = "codex_django.cabinet.context_processors.cabinet"
COTTON_APP_CONFIG = "django_cotton.apps.SimpleAppConfig"
# The stylesheet ``npm run build`` writes; its absence means the bundle was never built.
BUNDLE_CSS = "cabinet/dist/cabinet.css"


@register(Tags.templates)
def check_context_processor(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E001: some DjangoTemplates engine must run the cabinet context processor."""
    engines: list[dict[str, Any]] = list(settings.TEMPLATES)
    for engine in engines:
        if engine.get("BACKEND") != "django.template.backends.django.DjangoTemplates":
            continue
        if CONTEXT_PROCESSOR in engine.get("OPTIONS", {}).get("context_processors", []):
            return []
    return [
        Error(
            "The cabinet context processor is not enabled, so the cabinet shell has no navigation.",
            hint=f'Add "{CONTEXT_PROCESSOR}" to TEMPLATES[0]["OPTIONS"]["context_processors"].',
            id="cabinet.E001",
        )
    ]


@register()
def check_components(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E003, E004, E005: the apps and settings django-components and django-cotton need."""
    errors: list[CheckMessage] = []
    if not apps.is_installed("django_components"):
        errors.append(
            Error(
                "django_components is not in INSTALLED_APPS; cabinet components cannot render.",
                hint='Add "django_components" to INSTALLED_APPS (before "codex_django.cabinet").',
                id="cabinet.E003",
            )
        )
    if apps.is_installed("django_cotton"):
        config = apps.get_app_config("django_cotton")
        name = f"{type(config).__module__}.{type(config).__qualname__}"
        if name != COTTON_APP_CONFIG:
            errors.append(
                Error(
                    f"django-cotton is installed with {name}, which rewrites TEMPLATES loaders and drops "
                    "the django-components loader.",
                    hint=f'In INSTALLED_APPS replace "django_cotton" with "{COTTON_APP_CONFIG}" and list '
                    'the template loaders yourself ("django_cotton.cotton_loader.Loader", '
                    '"django_components.template_loader.Loader", then Django\'s).',
                    id="cabinet.E004",
                )
            )
    if getattr(settings, "BASE_DIR", None) is None:
        errors.append(
            Error(
                "The BASE_DIR setting is missing; django-components needs it.",
                hint="Add BASE_DIR = Path(__file__).resolve().parent.parent to your settings.",
                id="cabinet.E005",
            )
        )
    return errors


@register(Tags.urls)
def check_components_urls(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E002: the django-components URLs (cached component JS/CSS) must be routable."""
    if not apps.is_installed("django_components") or not getattr(settings, "ROOT_URLCONF", None):
        return []
    try:
        reverse("components_cached_script", kwargs={"comp_cls_id": "check", "script_type": "js"})
    except (ImportError, ImproperlyConfigured):
        return []  # a broken URLconf: Django's own URL checks report it
    except NoReverseMatch:
        return [
            Error(
                "The django-components URLs are not included; pages with components fail with "
                "NoReverseMatch: 'components_cached_script'.",
                hint='Add path("", include("django_components.urls")) to your root URLconf.',
                id="cabinet.E002",
            )
        ]
    return []


def _prefix(value: Any) -> str | None:
    if isinstance(value, str) and value.startswith("/") and value.endswith("/"):
        return None
    return "a URL path that starts and ends with '/', e.g. '/cabinet/'"


def _default_module(value: Any) -> str | None:
    if isinstance(value, dict) and all(
        key in ("staff", "client") and isinstance(module, str) for key, module in value.items()
    ):
        return None
    return "a dict {'staff': 'dashboard', 'client': 'dashboard'} of module names"


def _dotted_path(value: Any) -> str | None:
    return (
        None
        if isinstance(value, str) and "." in value
        else "a dotted path such as 'myproject.access.can_enter'"
    )


def _optional_text(value: Any) -> str | None:
    return None if value is None or isinstance(value, str) else "None or a string"


def _positive_number(value: Any) -> str | None:
    ok = isinstance(value, int | float) and not isinstance(value, bool) and value > 0
    return None if ok else "a positive number of seconds"


def _theme(value: Any) -> str | None:
    ok = value is None or isinstance(value, dict | str | Path) or callable(value)
    return None if ok else "None, a dict of tokens, a DTCG file path or a callable of the request"


def _flag(value: Any) -> str | None:
    return None if isinstance(value, bool) else "True or False"


def _csp(value: Any) -> str | None:
    ok = isinstance(value, dict) and all(
        isinstance(key, str)
        and isinstance(sources, list | tuple)
        and all(isinstance(s, str) for s in sources)
        for key, sources in value.items()
    )
    return None if ok else "a dict of directive -> list of sources, e.g. {'img-src': [\"'self'\", 'data:']}"


def _icons(value: Any) -> str | None:
    ok = value == "all" or (isinstance(value, list | tuple) and all(isinstance(name, str) for name in value))
    return None if ok else 'a list of Bootstrap Icons names such as ["bi-archive"], or "all"'


# Per key: a function returning None when the value is fine, else what it should be.
VALUE_CHECKS: dict[str, Callable[[Any], str | None]] = {
    "STAFF_URL_PREFIX": _prefix,
    "CLIENT_URL_PREFIX": _prefix,
    "DEFAULT_MODULE": _default_module,
    "SPACE_ACCESS": _dotted_path,
    "REDIS_URL": _optional_text,
    "REDIS_SOCKET_TIMEOUT": _positive_number,
    "THEME": _theme,
    "STORYBOOK_ENABLED": _flag,
    "CSP": _csp,
    "ICONS": _icons,
}


@register()
def check_settings(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E006, E007, E008: the ``CODEX_CABINET`` dict."""
    configured = getattr(settings, "CODEX_CABINET", None)
    if configured is None:
        configured = {}
    if not isinstance(configured, dict):
        return [
            Error(
                f"CODEX_CABINET must be a dict, not {type(configured).__name__}.",
                hint='Write CODEX_CABINET = {"STAFF_URL_PREFIX": "/cabinet/", ...}.',
                id="cabinet.E006",
            )
        ]
    errors: list[CheckMessage] = []
    for key in configured:
        if key not in DEFAULTS:
            close = difflib.get_close_matches(str(key), DEFAULTS, n=1)
            suggestion = f"Did you mean {close[0]!r}? " if close else ""
            errors.append(
                Error(
                    f"CODEX_CABINET has an unknown key {key!r}.",
                    hint=f"{suggestion}Known keys: {', '.join(sorted(DEFAULTS))}.",
                    id="cabinet.E006",
                )
            )
    for key, check in VALUE_CHECKS.items():
        if key not in configured:
            continue
        expected = check(configured[key])
        if expected is not None:
            errors.append(
                Error(
                    f"CODEX_CABINET[{key!r}] is {configured[key]!r}.",
                    hint=f"Set it to {expected}.",
                    id="cabinet.E007",
                )
            )
    access = configured.get("SPACE_ACCESS", DEFAULTS["SPACE_ACCESS"])
    if _dotted_path(access) is None:
        try:
            hook = import_string(access)
        except ImportError as error:
            errors.append(
                Error(
                    f"CODEX_CABINET['SPACE_ACCESS'] = {access!r} cannot be imported: {error}.",
                    hint="Point it at a function (request, space) -> bool, "
                    "e.g. 'codex_django.cabinet.http.access.default_space_access'.",
                    id="cabinet.E008",
                )
            )
        else:
            if not callable(hook):
                errors.append(
                    Error(
                        f"CODEX_CABINET['SPACE_ACCESS'] = {access!r} is not callable.",
                        hint="Point it at a function (request, space) -> bool.",
                        id="cabinet.E008",
                    )
                )
    return errors


REDIS_URL_FORMS = (
    "Write redis://host:6379/0 for one server, redis+cluster://host:7000,host:7001 for a Redis Cluster, "
    "or redis+sentinel://host:26379,host:26380/<service name> for a master watched by Sentinel "
    "(README: 'Redis Cluster and Sentinel')."
)


@register()
def check_redis_url(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """E009: the Redis URL in force must name one server, a cluster or a sentinel master.

    Checked whether or not Redis is in use right now (DEBUG without
    ``CODEX_REDIS_ENABLED``): a URL that cannot work should fail before deploy.
    A non-string ``CODEX_CABINET["REDIS_URL"]`` is E007's.
    """
    from codex_django.cabinet.redis.urls import masked, parse_redis_url

    configured = getattr(settings, "CODEX_CABINET", None)
    configured = configured if isinstance(configured, dict) else {}
    source, url = "CODEX_CABINET['REDIS_URL']", configured.get("REDIS_URL")
    if not url:
        source, url = "REDIS_URL", getattr(settings, "REDIS_URL", None)
    if not isinstance(url, str) or not url:
        return []
    try:
        parse_redis_url(url)
    except ValueError as error:
        return [
            Error(
                f"{source} = {masked(url)!r} cannot be used: {error}", hint=REDIS_URL_FORMS, id="cabinet.E009"
            )
        ]
    return []


def _bundle_found() -> bool:
    if apps.is_installed("django.contrib.staticfiles"):
        from django.contrib.staticfiles import finders

        return bool(finders.find(BUNDLE_CSS))
    return (Path(__file__).resolve().parent.parent / "static" / BUNDLE_CSS).is_file()


@register(Tags.staticfiles)
def check_assets(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W001: the npm bundle must have been built (it carries Bootstrap, Alpine, htmx and component CSS/JS)."""
    if _bundle_found():
        return []
    return [
        Warning(
            f"The cabinet's built assets are missing (static file {BUNDLE_CSS!r} not found); "
            "pages will render unstyled and without behaviour.",
            hint="In a checkout of codex-django-cabinet run npm ci && npm run build "
            "(released wheels ship the built files).",
            id="cabinet.W001",
        )
    ]


@register()
def check_djc_extension(app_configs: Any = None, **kwargs: Any) -> list[CheckMessage]:
    """W030: without the cabinet's django-components extension every page loads an unused script."""
    from codex_django.cabinet.rendering.djc_extension import PATH, installed

    if installed():
        return []
    return [
        Warning(
            "django-components adds its dependency manager (django_components.min.js, 2.3 KB gzipped) "
            "to every cabinet page, though no cabinet component needs it.",
            hint=f'Add it to the settings: COMPONENTS = {{"extensions": ["{PATH}"], ...}}.',
            id="cabinet.W030",
        )
    ]
