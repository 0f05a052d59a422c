"""The demo's settings for ``make load``: production-like, a throw-away database, the worker's pid.

Everything of ``salon.settings`` (the demo itself stays as it is), then:

* ``DEBUG = False`` with Redis on: the cabinet uses Redis as in production
  (``CODEX_REDIS_ENABLED`` defaults to True outside DEBUG);
* the SQLite file and the Redis URL come from the environment
  (``LOAD_DB_PATH``, ``REDIS_URL``), set by ``run_load.py`` to a fresh temp dir
  and the redis-server it started;
* :class:`load.middleware.WorkerPidMiddleware` names the gunicorn worker that
  answered (``X-Load-Worker``), so the settings check can tell that each of the
  workers saw a change made through one of them;
* a fast password hasher (set before ``seed_demo`` stores the demo users'):
  each simulated user signs in once, and Django's PBKDF2 (a million rounds)
  would keep the 2 cores busy for seconds measuring something else;
* errors of ``django.request`` and the cabinet's Redis warnings go to stderr
  (gunicorn's log) with the worker's pid, since DEBUG off would otherwise mail them to nobody.
"""

import os

from salon.settings import *  # noqa: F403
from salon.settings import MIDDLEWARE

DEBUG = False
ALLOWED_HOSTS = ["127.0.0.1", "localhost"]
DATABASES = {
    "default": {
        "ENGINE": "django.db.backends.sqlite3",
        "NAME": os.environ["LOAD_DB_PATH"],
        # Four processes share one file: a writer (a login, the settings POST) waits for the lock.
        "OPTIONS": {"timeout": 20},
    }
}
REDIS_URL = os.environ["REDIS_URL"]
CODEX_REDIS_ENABLED = True
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
MIDDLEWARE = ["load.middleware.WorkerPidMiddleware", *MIDDLEWARE]

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"pid": {"format": "[%(process)d] %(levelname)s %(name)s: %(message)s"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "pid"}},
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "codex_django.cabinet": {"handlers": ["stderr"], "level": "INFO", "propagate": False},
    },
}
