"""Settings shared by every environment. Everything that differs between
machines comes from the environment (see README: "Environment variables")."""

import datetime as dt
import os
from pathlib import Path

import dj_database_url

from network.languages import NETWORK_LANGUAGES, RTL_LANGUAGES, install_language_info

install_language_info()

BASE_DIR = Path(__file__).resolve().parent.parent.parent


def env_bool(name, default=False):
    value = os.environ.get(name)
    if value is None:
        return default
    return value.strip().lower() in {"1", "true", "yes", "on"}


def env_list(name, default=""):
    return [
        item.strip()
        for item in os.environ.get(name, default).split(",")
        if item.strip()
    ]


DEBUG = env_bool("DEBUG", False)
SECRET_KEY = os.environ.get("SECRET_KEY", "")
ALLOWED_HOSTS = env_list("ALLOWED_HOSTS", "localhost,.localhost,127.0.0.1")

# Plugins: apps that register themselves with the ``register_network_plugin``
# hook. Removing one from this list leaves the rest of the platform working.
NETWORK_PLUGIN_APPS = ["directory", "journal", "trainings"]

INSTALLED_APPS = [
    "network",
    "sitepages",
    *NETWORK_PLUGIN_APPS,
    "wagtail_localize",
    "wagtail_localize.locales",
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.sitemaps",
    "wagtail.contrib.routable_page",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail",
    "modelcluster",
    "taggit",
    "django_filters",
    "allauth",
    "allauth.account",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.sitemaps",
    "django.contrib.staticfiles",
    "axes",
    "django_tasks_db",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "allauth.account.middleware.AccountMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "network.middleware.AssociationAdminScopeMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    # last, as django-axes asks: turns a locked-out login into its answer
    "axes.middleware.AxesMiddleware",
]

ROOT_URLCONF = "network.urls"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [BASE_DIR / "templates"],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "wagtail.contrib.settings.context_processors.settings",
                "network.context_processors.network",
            ],
        },
    },
]

WSGI_APPLICATION = "network.wsgi.application"

DATABASES = {
    "default": dj_database_url.parse(
        os.environ.get("DATABASE_URL", f"sqlite:///{BASE_DIR / 'db.sqlite3'}"),
        conn_max_age=int(os.environ.get("DATABASE_CONN_MAX_AGE", "60")),
    )
}
# Concurrent writers on SQLite (a burst of pledges): WAL, wait for the lock
# rather than fail, and take the write lock when a transaction starts.
SQLITE_OPTIONS = {
    "init_command": (
        "PRAGMA journal_mode=WAL; PRAGMA busy_timeout=5000; PRAGMA synchronous=NORMAL"
    ),
    "transaction_mode": "IMMEDIATE",
}
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    DATABASES["default"].setdefault("OPTIONS", {}).update(SQLITE_OPTIONS)
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

# One cache shared by every process (menus, listings, the content version of
# sitepages.cache): Redis when REDIS_URL is set, otherwise a database table
# (``manage.py createcachetable``, run by ``make migrate``). Never per-process
# memory, which would keep an unpublished page in other processes' menus.
CACHE_TABLE = os.environ.get("CACHE_TABLE", "maillage_cache")


def shared_cache(redis_url=None):
    """The ``CACHES`` setting: Redis at ``redis_url``, else the database."""
    if redis_url:
        backend = {
            "BACKEND": "django.core.cache.backends.redis.RedisCache",
            "LOCATION": redis_url,
        }
    else:
        backend = {
            "BACKEND": "django.core.cache.backends.db.DatabaseCache",
            "LOCATION": CACHE_TABLE,
        }
    return {"default": {**backend, "KEY_PREFIX": "maillage"}}


CACHES = shared_cache(os.environ.get("REDIS_URL"))

# Login throttling (django-axes) on every login view, /admin/login/ included.
# Keyed on username *and* address, with a cool-off: an attacker elsewhere
# cannot lock a real user out, and nobody stays locked out for good.
AUTHENTICATION_BACKENDS = [
    "axes.backends.AxesStandaloneBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AXES_FAILURE_LIMIT = int(os.environ.get("AXES_FAILURE_LIMIT", "5"))
AXES_COOLOFF_TIME = dt.timedelta(
    minutes=int(os.environ.get("AXES_COOLOFF_MINUTES", "15"))
)
AXES_LOCKOUT_PARAMETERS = [["username", "ip_address"]]


def axes_login_name(request, credentials=None):
    """The name a login tried: the admin's ``username``, or the e-mail of an
    e-mail login (``authenticate(email=...)``, a form field ``login``).
    Without it every e-mail login would count as the same "no name" from
    that address, and one person's typos would lock out her neighbours."""
    for source in (credentials or {}, getattr(request, "POST", None) or {}):
        for key in ("username", "email", "login"):
            if source.get(key):
                return str(source[key])
    return None


AXES_USERNAME_CALLABLE = axes_login_name
AXES_RESET_ON_SUCCESS = True
AXES_VERBOSE = False  # no banner on every management command
# Behind a reverse proxy, the client's address is the proxy's unless the
# number of trusted proxies in front of Django is given (X-Forwarded-For).
AXES_IPWARE_PROXY_COUNT = int(os.environ.get("AXES_PROXY_COUNT", "0")) or None
AXES_IPWARE_META_PRECEDENCE_ORDER = (
    ["HTTP_X_FORWARDED_FOR", "REMOTE_ADDR"]
    if AXES_IPWARE_PROXY_COUNT
    else ["REMOTE_ADDR"]
)

_VALIDATORS = "django.contrib.auth.password_validation."
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": _VALIDATORS + "UserAttributeSimilarityValidator"},
    {"NAME": _VALIDATORS + "MinimumLengthValidator"},
    {"NAME": _VALIDATORS + "CommonPasswordValidator"},
    {"NAME": _VALIDATORS + "NumericPasswordValidator"},
]

# Languages -----------------------------------------------------------------
LANGUAGE_CODE = "fr"
LANGUAGES = NETWORK_LANGUAGES
LANGUAGES_BIDI = sorted(RTL_LANGUAGES)
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
USE_I18N = True
USE_TZ = True
TIME_ZONE = os.environ.get("TIME_ZONE", "Europe/Paris")
LOCALE_PATHS = [BASE_DIR / "locale"]

# Static and media ------------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = BASE_DIR / "static_collected"
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = os.environ.get("MEDIA_ROOT", str(BASE_DIR / "media"))
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "django.contrib.staticfiles.storage.StaticFilesStorage"},
}

# Wagtail ---------------------------------------------------------------------
WAGTAIL_SITE_NAME = "Maillage"
WAGTAILADMIN_BASE_URL = os.environ.get("WAGTAILADMIN_BASE_URL", "http://localhost:8000")
# Wagtail's database backend, with prefix queries (network.search_backend).
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "network.search_backend"}}
WAGTAILDOCS_EXTENSIONS = [
    "csv",
    "docx",
    "odt",
    "pdf",
    "pptx",
    "rtf",
    "txt",
    "xlsx",
    "ods",
]
# Uploads: images over 50 megapixels are refused whatever their file size
# (decompression bombs), and every image loses its GPS tags (network.images).
WAGTAILIMAGES_MAX_IMAGE_PIXELS = 50_000_000
WAGTAILIMAGES_IMAGE_FORM_BASE = "network.images.LocationFreeImageForm"
# Logos are best drawn as SVG. Wagtail keeps an SVG an SVG when a rendition's
# filter ends with ``preserve-svg`` (see ``network.logos``); an
# SVG is only ever shown through <img>, where its scripts never run.
WAGTAILIMAGES_EXTENSIONS = ["avif", "gif", "jpg", "jpeg", "png", "webp", "svg"]
# Documents are only served through Wagtail's view, which checks collection
# privacy; the web server must never serve MEDIA_ROOT/documents/ itself.
WAGTAILDOCS_SERVE_METHOD = "serve_view"
WAGTAIL_ENABLE_UPDATE_CHECK = False
WAGTAIL_ENABLE_WHATS_NEW_BANNER = False
# Wagtail's login form, with its password label translated (network.forms).
WAGTAILADMIN_USER_LOGIN_FORM = "network.forms.AdminLoginForm"
# No avatars from Gravatar: each one would tell a third party who edits.
WAGTAIL_GRAVATAR_PROVIDER_URL = None
WAGTAILEMBEDS_RESPONSIVE_HTML = True

# Maillage --------------------------------------------------------------------
# network never imports sitepages: the home page model is named here and
# resolved with apps.get_model when an association is created.
NETWORK_HOME_PAGE_MODEL = "sitepages.HomePage"
NETWORK_COORDINATORS_GROUP = "Network coordinators"
# Refuse to run load_demo (known passwords) under production settings.
NETWORK_IS_PRODUCTION = False
# Let Django serve MEDIA_ROOT itself (development and the demo only; a web
# server does it in production).
NETWORK_SERVE_MEDIA = False

# Language of management commands' messages (operators, not visitors).
NETWORK_COMMAND_LANGUAGE = os.environ.get("NETWORK_COMMAND_LANGUAGE", "en")

LOGIN_URL = "wagtailadmin_login"

# Volunteer accounts (django-allauth) -----------------------------------------
# Editors log in through the Wagtail admin (username); volunteers sign up and
# log in with their e-mail through allauth's flows, which a plugin mounts under
# the language prefix. Sign-up needs a confirmed e-mail before the account
# works; allauth's own rate limits (per address and per key) stay on.
# after django-axes' backend and Django's, declared above
AUTHENTICATION_BACKENDS += ["allauth.account.auth_backends.AuthenticationBackend"]
ACCOUNT_LOGIN_METHODS = {"email"}
ACCOUNT_SIGNUP_FIELDS = ["email*", "password1*"]
ACCOUNT_UNIQUE_EMAIL = True
ACCOUNT_EMAIL_VERIFICATION = "mandatory"
ACCOUNT_CONFIRM_EMAIL_ON_GET = False
ACCOUNT_LOGIN_ON_EMAIL_CONFIRMATION = True
ACCOUNT_LOGOUT_ON_GET = False
ACCOUNT_SESSION_REMEMBER = None
ACCOUNT_PREVENT_ENUMERATION = False
ACCOUNT_EMAIL_SUBJECT_PREFIX = ""
ACCOUNT_RATE_LIMITS = {
    "signup": os.environ.get("ACCOUNT_SIGNUP_RATE_LIMIT", "20/m/ip"),
    "login": os.environ.get("ACCOUNT_LOGIN_RATE_LIMIT", "30/m/ip"),
    "login_failed": os.environ.get(
        "ACCOUNT_LOGIN_FAILED_RATE_LIMIT", "10/m/ip,5/300s/key"
    ),
    "reset_password": "20/m/ip,5/m/key",
    "confirm_email": "1/180s/key",
}

# Background work (Django's tasks framework through django-tasks, which
# Wagtail 8 uses too). Development and tests run tasks at once; production
# queues them in the database for ``manage.py db_worker`` (see
# docs/deployment.md). ``TASKS_BACKEND`` overrides either.
TASKS = {
    "default": {
        "BACKEND": os.environ.get(
            "TASKS_BACKEND", "django_tasks.backends.immediate.ImmediateBackend"
        )
    }
}
