"""Lantern settings: one module, driven by the environment.

Production differs from development only in environment values (see the
configuration table in README.md). With no environment at all, Lantern runs on
an embedded SQLite database and a file-system Celery broker under ``var/``.
"""

import hashlib
import hmac
from pathlib import Path

import dj_database_url

from config.env import env_bool, env_int, env_list, env_str, persistent_secret

BASE_DIR = Path(__file__).resolve().parent.parent
VAR_DIR = Path(env_str("LANTERN_VAR_DIR", str(BASE_DIR / "var")))

DEBUG = env_bool("DJANGO_DEBUG", False)
# A newcomer's machine gets a random key kept under var/; production sets
# SECRET_KEY (or SECRET_KEY_FILE) so every process shares one key.
SECRET_KEY = env_str("SECRET_KEY") or persistent_secret(VAR_DIR / "secret_key")

ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,127.0.0.1,[::1]")
CSRF_TRUSTED_ORIGINS = env_list("CSRF_TRUSTED_ORIGINS")
SITE_URL = env_str("SITE_URL", "http://127.0.0.1:8000")

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "whitenoise.runserver_nostatic",
    "django.contrib.staticfiles",
    "rest_framework",
    "drf_spectacular",
    "drf_spectacular_sidecar",
    "csp",
    "reporting",
    "reviews",
    "api",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "csp.middleware.CSPMiddleware",
]

ROOT_URLCONF = "config.urls"
WSGI_APPLICATION = "config.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "reporting.context_processors.lantern",
            ],
        },
    },
]

DATABASES = {
    "default": dj_database_url.parse(
        env_str("DATABASE_URL", f"sqlite:///{VAR_DIR / 'lantern.sqlite3'}"),
        conn_max_age=env_int("DATABASE_CONN_MAX_AGE", 0),
    )
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # The worker writes while web requests do. A deferred transaction that reads
    # and then writes fails at once with "database is locked" when the other
    # process is committing; taking the write lock at BEGIN waits for it instead.
    DATABASES["default"].setdefault("OPTIONS", {}).update({"transaction_mode": "IMMEDIATE", "timeout": 20})
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"
AUTH_USER_MODEL = "reporting.User"

AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator", "OPTIONS": {"min_length": 12}},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "login"
LOGIN_REDIRECT_URL = "home"
LOGOUT_REDIRECT_URL = "/accounts/login/?signed_out=1"

LANGUAGE_CODE = "en-gb"
TIME_ZONE = "Europe/London"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = VAR_DIR / "static"
# GOV.UK Frontend is installed from npm by bin/setup and served from here.
STATICFILES_DIRS = [BASE_DIR / "static", ("govuk", BASE_DIR / "node_modules" / "govuk-frontend" / "dist" / "govuk")]
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "whitenoise.storage.CompressedManifestStaticFilesStorage"},
}
MEDIA_ROOT = Path(env_str("MEDIA_ROOT", str(VAR_DIR / "media")))

# --- Security -----------------------------------------------------------------
# HTTPS-only cookies and HSTS are on whenever DEBUG is off; LANTERN_HTTPS=false
# exists only for a local, non-debug run behind plain HTTP.
HTTPS = env_bool("LANTERN_HTTPS", not DEBUG)
SECURE_SSL_REDIRECT = HTTPS
SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https") if env_bool("BEHIND_PROXY", False) else None
SECURE_HSTS_SECONDS = 31_536_000 if HTTPS else 0
SECURE_HSTS_INCLUDE_SUBDOMAINS = HTTPS
SECURE_HSTS_PRELOAD = HTTPS
SESSION_COOKIE_SECURE = HTTPS
CSRF_COOKIE_SECURE = HTTPS
SESSION_COOKIE_HTTPONLY = True
SESSION_COOKIE_AGE = env_int("SESSION_COOKIE_AGE", 30 * 60)
SESSION_SAVE_EVERY_REQUEST = True  # idle timeout, not absolute
SESSION_EXPIRE_AT_BROWSER_CLOSE = True  # shared office computers
SECURE_REFERRER_POLICY = "same-origin"
X_FRAME_OPTIONS = "DENY"
CONTENT_SECURITY_POLICY = {
    "DIRECTIVES": {
        "default-src": ["'self'"],
        "script-src": ["'self'"],
        "style-src": ["'self'"],
        "img-src": ["'self'", "data:"],
        "font-src": ["'self'"],
        "connect-src": ["'self'"],
        "form-action": ["'self'"],
        "frame-ancestors": ["'none'"],
        "base-uri": ["'self'"],
        "object-src": ["'none'"],
    }
}

# --- Cache (rate limits, the double-send guard) -----------------------------------
# Every process must see the same cache: under several gunicorn workers a
# per-process cache gives each worker its own rate-limit budget and its own list
# of spent submission tokens. Redis when REDIS_URL is set, otherwise a table in
# the database, which ``migrate`` creates (reporting migration 0008) whatever the
# cache setting, so switching between the two needs no extra step.
REDIS_URL = env_str("REDIS_URL")
CACHE_TABLE = "lantern_cache"


def _hashed_cache_key(key: str, key_prefix: str, version: int) -> str:
    """A keyed hash of the cache key: throttle keys carry client IP addresses,
    which must not sit in clear in a database table (or its backups)."""
    digest = hmac.new(SECRET_KEY.encode(), f"{key_prefix}:{version}:{key}".encode(), hashlib.sha256).hexdigest()
    return f"lantern:{digest}"


CACHES = {
    "default": (
        {"BACKEND": "django.core.cache.backends.redis.RedisCache", "LOCATION": REDIS_URL}
        if REDIS_URL
        else {
            "BACKEND": "config.cache.DatabaseCache",
            "LOCATION": CACHE_TABLE,
            # Django culls a third of the entries past MAX_ENTRIES (300 by
            # default), which would forget spent submission tokens early.
            "OPTIONS": {"MAX_ENTRIES": 100_000},
        }
    )
    | {"KEY_FUNCTION": _hashed_cache_key}
}
RATELIMIT_VIEW = "reporting.views.rate_limited"

# --- Celery -----------------------------------------------------------------------
# Without a Redis URL the broker is kombu's file-system transport under var/, so
# the worker and beat run as separate processes on a new machine with no server.
CELERY_BROKER_URL = env_str("CELERY_BROKER_URL", REDIS_URL) or "filesystem://"
BROKER_DIR = VAR_DIR / "broker"
CELERY_BROKER_TRANSPORT_OPTIONS: dict[str, object] = {"visibility_timeout": 3600}
if CELERY_BROKER_URL.startswith("filesystem"):
    (BROKER_DIR / "control").mkdir(parents=True, exist_ok=True)
    CELERY_BROKER_TRANSPORT_OPTIONS = {
        "data_folder_in": str(BROKER_DIR),
        "data_folder_out": str(BROKER_DIR),
        "control_folder": str(BROKER_DIR / "control"),
        # kombu reads one message per poll and polls once a second by default, which
        # left an import of a thousand reports queued for a quarter of an hour.
        "polling_interval": 0.1,
    }
CELERY_TASK_SERIALIZER = "json"
CELERY_ACCEPT_CONTENT = ["json"]
CELERY_RESULT_BACKEND = None
CELERY_TASK_IGNORE_RESULT = True
CELERY_TASK_ACKS_LATE = True
CELERY_TASK_REJECT_ON_WORKER_LOST = True
CELERY_WORKER_PREFETCH_MULTIPLIER = 1
CELERY_TASK_SOFT_TIME_LIMIT = env_int("CELERY_TASK_SOFT_TIME_LIMIT", 15 * 60)
CELERY_TASK_TIME_LIMIT = env_int("CELERY_TASK_TIME_LIMIT", 20 * 60)
CELERY_BROKER_CONNECTION_RETRY_ON_STARTUP = True
CELERY_TASK_ALWAYS_EAGER = env_bool("CELERY_TASK_ALWAYS_EAGER", False)
# Publishing must never hang a web request: if the broker is down, the report is
# already committed and the periodic sweep will queue it later.
CELERY_BROKER_CONNECTION_TIMEOUT = 2
CELERY_TASK_PUBLISH_RETRY = False

# --- Email ------------------------------------------------------------------------
EMAIL_BACKEND = env_str("EMAIL_BACKEND", "django.core.mail.backends.console.EmailBackend")
EMAIL_HOST = env_str("EMAIL_HOST", "localhost")
EMAIL_PORT = env_int("EMAIL_PORT", 25)
EMAIL_HOST_USER = env_str("EMAIL_HOST_USER")
EMAIL_HOST_PASSWORD = env_str("EMAIL_HOST_PASSWORD")
EMAIL_USE_TLS = env_bool("EMAIL_USE_TLS", False)
DEFAULT_FROM_EMAIL = env_str("DEFAULT_FROM_EMAIL", "lantern@localhost")
SERVER_EMAIL = DEFAULT_FROM_EMAIL

# --- Lantern ----------------------------------------------------------------------
IDENTITY_RETENTION_DAYS = env_int("IDENTITY_RETENTION_DAYS", 90)
EXPORT_RETENTION_DAYS = env_int("EXPORT_RETENTION_DAYS", 7)
SUPPRESSION_THRESHOLD = env_int("SUPPRESSION_THRESHOLD", 5)
RECEIPT_RATE_LIMIT = env_str("RECEIPT_RATE_LIMIT", "10/m")
NARRATIVE_MAX_CHARS = env_int("NARRATIVE_MAX_CHARS", 10_000)

# --- API --------------------------------------------------------------------------
REST_FRAMEWORK = {
    "DEFAULT_AUTHENTICATION_CLASSES": [
        # First: its challenge makes a signed-out caller get 401 (see api/authentication.py).
        "api.authentication.SessionAuthentication",
        "rest_framework.authentication.BasicAuthentication",
    ],
    "DEFAULT_PERMISSION_CLASSES": ["rest_framework.permissions.IsAuthenticated"],
    "DEFAULT_SCHEMA_CLASS": "drf_spectacular.openapi.AutoSchema",
    "EXCEPTION_HANDLER": "api.exceptions.exception_handler",
    "DEFAULT_PAGINATION_CLASS": "rest_framework.pagination.LimitOffsetPagination",
    "PAGE_SIZE": 50,
}
SPECTACULAR_SETTINGS = {
    "TITLE": "Lantern API",
    "DESCRIPTION": "Blame-free learning reports, themes and review panels.",
    "VERSION": "1.0.0",
    "SERVE_INCLUDE_SCHEMA": False,
    "SWAGGER_UI_DIST": "SIDECAR",
    "SWAGGER_UI_FAVICON_HREF": "SIDECAR",
    # Reports and themes both have a "status": name their enums apart.
    "ENUM_NAME_OVERRIDES": {
        "ReportStatusEnum": "reporting.choices.ReportStatus",
        "ThemeStatusEnum": "reporting.choices.ThemeStatus",
        "ReviewStatusEnum": "reviews.models.thematic.ReviewStatus",
        "ActionStatusEnum": "reviews.models.thematic.ActionStatus",
        "ContributingFactorEnum": "reporting.choices.ContributingFactor",
        "UrgentOutcomeEnum": "reporting.choices.UrgentOutcome",
    },
}

# --- Logging ----------------------------------------------------------------------
# Request bodies never reach the logs: the error reporter filter strips POST data
# and narrative fields, and no handler emails tracebacks by default.
DEFAULT_EXCEPTION_REPORTER_FILTER = "reporting.privacy.NarrativeScrubbingFilter"
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "%(asctime)s %(levelname)s %(name)s %(message)s"}},
    "handlers": {"console": {"class": "logging.StreamHandler", "formatter": "plain"}},
    "root": {"handlers": ["console"], "level": env_str("LOG_LEVEL", "INFO")},
    "loggers": {"django.request": {"handlers": ["console"], "level": "ERROR", "propagate": False}},
}
