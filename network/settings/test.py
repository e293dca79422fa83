from .base import *  # noqa: F401,F403

DEBUG = False
SECRET_KEY = "test-only-not-secret"
ALLOWED_HOSTS = ["*"]
PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]
CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}
EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
MEDIA_ROOT = str(BASE_DIR / ".pytest_media")  # noqa: F405
WAGTAILADMIN_BASE_URL = "http://localhost"
# The browser tests show uploaded logos (``live_server`` serves static files
# only).
NETWORK_SERVE_MEDIA = True

# A plugin used only by the tests (tests/testplugin): it exercises the plugin
# contract on a model that is not a real plugin's.
INSTALLED_APPS = [*INSTALLED_APPS, "tests.testplugin"]  # noqa: F405
