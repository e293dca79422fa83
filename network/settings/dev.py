from .base import *  # noqa: F401,F403
from .base import env_bool

DEBUG = env_bool("DEBUG", True)
SECRET_KEY = SECRET_KEY or "dev-only-not-secret-maillage"  # noqa: F405
# runserver serves uploaded media (logos, photos) even with DEBUG off, as
# ``make demo`` runs it.
NETWORK_SERVE_MEDIA = True
EMAIL_BACKEND = "django.core.mail.backends.console.EmailBackend"

try:
    from .local import *  # noqa: F401,F403
except ImportError:
    pass
