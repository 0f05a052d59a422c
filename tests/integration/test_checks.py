"""The cabinet's Django system checks: each misconfiguration is reported with its fix."""

from __future__ import annotations

import copy
from pathlib import Path

import pytest
from django.conf import settings
from django.core.checks import Error, Warning, run_checks
from django.test import override_settings

from codex_django.cabinet.conf import checks


def cabinet_messages(tags: list[str] | None = None) -> list[tuple[str, str, str | None]]:
    """(id, message, hint) of every cabinet.* message ``manage.py check`` would print."""
    return [
        (message.id, message.msg, message.hint)
        for message in run_checks(tags=tags)
        if message.id and message.id.startswith("cabinet.")
    ]


def ids(messages: list) -> list[str]:  # type: ignore[type-arg]
    return [m.id for m in messages]


def test_test_settings_have_no_cabinet_errors() -> None:
    assert [m for m in cabinet_messages() if m[0].startswith("cabinet.E")] == []


def without_context_processor() -> list[dict]:  # type: ignore[type-arg]
    templates = copy.deepcopy(settings.TEMPLATES)
    processors = templates[0]["OPTIONS"]["context_processors"]
    processors.remove(checks.CONTEXT_PROCESSOR)
    return templates


def test_e001_context_processor_missing() -> None:
    with override_settings(TEMPLATES=without_context_processor()):
        assert cabinet_messages(tags=["templates"]) == [
            (
                "cabinet.E001",
                "The cabinet context processor is not enabled, so the cabinet shell has no navigation.",
                'Add "codex_django.cabinet.context_processors.cabinet" to '
                'TEMPLATES[0]["OPTIONS"]["context_processors"].',
            )
        ]


def test_e001_any_django_engine_is_enough() -> None:
    templates = [
        {"BACKEND": "django.template.backends.jinja2.Jinja2", "DIRS": [], "OPTIONS": {}},
        *copy.deepcopy(settings.TEMPLATES),
    ]
    with override_settings(TEMPLATES=templates):
        assert checks.check_context_processor() == []


@override_settings(ROOT_URLCONF="tests.testapp.urls")
def test_e002_components_urls_missing() -> None:
    assert checks.check_components_urls() == [
        Error(
            "The django-components URLs are not included; pages with components fail with "
            "NoReverseMatch: 'components_cached_script'.",
            hint='Add path("", include("django_components.urls")) to your root URLconf.',
            id="cabinet.E002",
        )
    ]
    assert "cabinet.E002" in [m[0] for m in cabinet_messages(tags=["urls"])]


def test_e002_silent_when_included() -> None:
    assert checks.check_components_urls() == []


@override_settings(INSTALLED_APPS=["django.contrib.auth", "django.contrib.contenttypes"])
def test_e003_django_components_not_installed() -> None:
    assert checks.check_components() == [
        Error(
            "django_components is not in INSTALLED_APPS; cabinet components cannot render.",
            hint='Add "django_components" to INSTALLED_APPS (before "codex_django.cabinet").',
            id="cabinet.E003",
        )
    ]


@override_settings(
    INSTALLED_APPS=[
        "django.contrib.auth",
        "django.contrib.contenttypes",
        "django_components",
        "django_cotton",
    ]
)
def test_e004_cotton_with_its_default_app_config() -> None:
    [error] = checks.check_components()
    assert error.id == "cabinet.E004"
    assert error.msg == (
        "django-cotton is installed with django_cotton.apps.LoaderAppConfig, which rewrites TEMPLATES "
        "loaders and drops the django-components loader."
    )
    assert error.hint is not None
    assert error.hint.startswith(
        'In INSTALLED_APPS replace "django_cotton" with "django_cotton.apps.SimpleAppConfig"'
    )


def test_e004_silent_with_simple_app_config() -> None:
    assert "cabinet.E004" not in ids(checks.check_components())


def test_e005_base_dir_missing() -> None:
    with override_settings():
        del settings.BASE_DIR
        assert checks.check_components() == [
            Error(
                "The BASE_DIR setting is missing; django-components needs it.",
                hint="Add BASE_DIR = Path(__file__).resolve().parent.parent to your settings.",
                id="cabinet.E005",
            )
        ]


@override_settings(CODEX_CABINET=["STAFF_URL_PREFIX", "/cabinet/"])
def test_e006_not_a_dict() -> None:
    assert checks.check_settings() == [
        Error(
            "CODEX_CABINET must be a dict, not list.",
            hint='Write CODEX_CABINET = {"STAFF_URL_PREFIX": "/cabinet/", ...}.',
            id="cabinet.E006",
        )
    ]


@override_settings(CODEX_CABINET={"STAF_URL_PREFIX": "/office/", "COLOURS": {}})
def test_e006_unknown_keys() -> None:
    errors = checks.check_settings()
    assert ids(errors) == ["cabinet.E006", "cabinet.E006"]
    assert errors[0].msg == "CODEX_CABINET has an unknown key 'STAF_URL_PREFIX'."
    assert errors[0].hint is not None
    assert errors[0].hint.startswith(
        "Did you mean 'STAFF_URL_PREFIX'? Known keys: CLIENT_URL_PREFIX, COLOR_MODE, CSP, "
    )
    assert errors[1].msg == "CODEX_CABINET has an unknown key 'COLOURS'."
    assert errors[1].hint is not None
    assert errors[1].hint.startswith("Known keys: ")


@pytest.mark.parametrize(
    ("key", "value", "expected"),
    [
        ("STAFF_URL_PREFIX", "cabinet/", "a URL path that starts and ends with '/', e.g. '/cabinet/'"),
        ("STAFF_URL_PREFIX", "/cabinet", "a URL path that starts and ends with '/', e.g. '/cabinet/'"),
        ("CLIENT_URL_PREFIX", None, "a URL path that starts and ends with '/', e.g. '/cabinet/'"),
        (
            "DEFAULT_MODULE",
            {"partner": "x"},
            "a dict {'staff': 'dashboard', 'client': 'dashboard'} of module names",
        ),
        (
            "DEFAULT_MODULE",
            "dashboard",
            "a dict {'staff': 'dashboard', 'client': 'dashboard'} of module names",
        ),
        ("REDIS_URL", 6379, "None or a string"),
        ("REDIS_SOCKET_TIMEOUT", 0, "a positive number of seconds"),
        ("STORYBOOK_ENABLED", "yes", "True or False"),
        ("THEME", 12, "None, a dict of tokens, a DTCG file path or a callable of the request"),
        (
            "CSP",
            {"script-src": "'self'"},
            "a dict of directive -> list of sources, e.g. {'img-src': [\"'self'\", 'data:']}",
        ),
    ],
)
def test_e007_wrong_values(key: str, value: object, expected: str) -> None:
    with override_settings(CODEX_CABINET={key: value}):
        assert checks.check_settings() == [
            Error(f"CODEX_CABINET[{key!r}] is {value!r}.", hint=f"Set it to {expected}.", id="cabinet.E007")
        ]


@override_settings(
    CODEX_CABINET={
        "STAFF_URL_PREFIX": "/office/",
        "CLIENT_URL_PREFIX": "/office/me/",
        "DEFAULT_MODULE": {"staff": "home"},
        "REDIS_URL": "redis://localhost:6379/0",
        "REDIS_SOCKET_TIMEOUT": 0.5,
        "THEME": {"primary": "#6366f1"},
        "STORYBOOK_ENABLED": True,
        "SPACE_ACCESS": "codex_django.cabinet.http.access.default_space_access",
    }
)
def test_valid_settings_pass() -> None:
    assert checks.check_settings() == []


@override_settings(CODEX_CABINET={"SPACE_ACCESS": "myproject.access.can_enter"})
def test_e008_space_access_not_importable() -> None:
    [error] = checks.check_settings()
    assert error.id == "cabinet.E008"
    assert error.msg.startswith(
        "CODEX_CABINET['SPACE_ACCESS'] = 'myproject.access.can_enter' cannot be imported: "
    )
    assert error.hint == (
        "Point it at a function (request, space) -> bool, "
        "e.g. 'codex_django.cabinet.http.access.default_space_access'."
    )


@override_settings(CODEX_CABINET={"SPACE_ACCESS": "codex_django.cabinet.http.access.SPACES"})
def test_e008_space_access_not_callable() -> None:
    assert checks.check_settings() == [
        Error(
            "CODEX_CABINET['SPACE_ACCESS'] = 'codex_django.cabinet.http.access.SPACES' is not callable.",
            hint="Point it at a function (request, space) -> bool.",
            id="cabinet.E008",
        )
    ]


def test_w001_built_assets_missing(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "BUNDLE_CSS", "cabinet/dist/never-built.css")
    assert checks.check_assets() == [
        Warning(
            "The cabinet's built assets are missing (static file 'cabinet/dist/never-built.css' not found); "
            "pages will render unstyled and without behaviour.",
            hint="In a checkout of codex-django-cabinet run npm ci && npm run build "
            "(released wheels ship the built files).",
            id="cabinet.W001",
        )
    ]
    assert ("cabinet.W001") in [m[0] for m in cabinet_messages(tags=["staticfiles"])]


def test_w001_silent_when_the_bundle_is_found(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(checks, "BUNDLE_CSS", "cabinet/dist/h2-check.css")
    bundle = tmp_path / "cabinet" / "dist" / "h2-check.css"
    bundle.parent.mkdir(parents=True)
    bundle.write_text("/* built */")
    with override_settings(STATICFILES_DIRS=[tmp_path]):
        assert checks.check_assets() == []
