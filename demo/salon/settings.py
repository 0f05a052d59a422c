"""Settings of the demo project: a small salon-booking cabinet on SQLite.

Redis is optional: set ``REDIS_URL`` (e.g. ``redis://127.0.0.1:6379/0``) in the
environment and the cabinet caches dashboard data and settings there.
"""

import os
from pathlib import Path

BASE_DIR = Path(__file__).resolve().parent.parent
LOCALE_PATHS = [BASE_DIR / "locale"]
SECRET_KEY = "demo-only-not-secret"
DEBUG = True
ALLOWED_HOSTS = ["127.0.0.1", "localhost", "testserver"]
USE_TZ = True
TIME_ZONE = "Europe/Moscow"
LANGUAGE_CODE = "en"
LANGUAGES = [("en", "English"), ("ru", "Russian")]
USE_I18N = True
PROJECT_NAME = "salon-demo"

INSTALLED_APPS = [
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django_components",
    # Cotton's default AppConfig rewrites TEMPLATES loaders; the simple one leaves ours alone.
    "django_cotton.apps.SimpleAppConfig",
    "django_htmx",
    "codex_django.cabinet",
    "codex_django.storybook",
    "salon",
    "clients",
    "booking",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django_htmx.middleware.HtmxMiddleware",
    "codex_django.cabinet.http.middleware.CabinetCSPMiddleware",
]

ROOT_URLCONF = "salon.urls"
WSGI_APPLICATION = "salon.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": False,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "codex_django.cabinet.context_processors.cabinet",
            ],
            "loaders": [
                (
                    "django.template.loaders.cached.Loader",
                    [
                        "django_cotton.cotton_loader.Loader",
                        "django_components.template_loader.Loader",
                        "django.template.loaders.filesystem.Loader",
                        "django.template.loaders.app_directories.Loader",
                    ],
                )
            ],
            "builtins": [
                "django_cotton.templatetags.cotton",
                "django_components.templatetags.component_tags",
            ],
        },
    }
]

DATABASES = {"default": {"ENGINE": "django.db.backends.sqlite3", "NAME": BASE_DIR / "db.sqlite3"}}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

STATIC_URL = "/static/"
STATICFILES_FINDERS = [
    "django.contrib.staticfiles.finders.FileSystemFinder",
    "django.contrib.staticfiles.finders.AppDirectoriesFinder",
]

LOGIN_URL = "/login/"
LOGIN_REDIRECT_URL = "/"
LOGOUT_REDIRECT_URL = "/login/"

COMPONENTS = {
    "dirs": [],
    "app_dirs": [],
    "extensions": ["codex_django.cabinet.rendering.djc_extension.CabinetExtension"],
}

REDIS_URL = os.environ.get("REDIS_URL") or None
# In DEBUG the cabinet leaves Redis alone unless told to use it.
CODEX_REDIS_ENABLED = bool(REDIS_URL)

CODEX_CABINET = {
    "STAFF_URL_PREFIX": "/cabinet/",
    "CLIENT_URL_PREFIX": "/cabinet/my/",
    # Icons the demo's payloads use (KPI icons, actions) beyond the library's own and the
    # registry's: their CSS rules come from the cached icons stylesheet.
    "ICONS": ["bi-cash-stack", "bi-clock-history", "bi-person", "bi-person-heart", "bi-person-vcard"],
    # The salon's prices are in roubles: format_money(price) prints "₽2,500" / "2 500 ₽".
    "CURRENCY": "₽",
}
