"""Login throttling helpers (django-axes).

Axes keys its lockouts on the username *and* the address
(``AXES_LOCKOUT_PARAMETERS``). The admin's login form sends ``username``, but
the volunteers' login (allauth, by e-mail) authenticates with ``email`` and
posts ``login``: without ``axes_username`` every volunteer behind one address
would share one counter, so one person's typos would lock out her whole
drop-in centre's Wi-Fi.
"""

USERNAME_KEYS = ("username", "email", "login")


def axes_username(request, credentials=None):
    """The account a login attempt is for, whichever login form sent it."""
    sources = [credentials or {}, getattr(request, "POST", None) or {}]
    for source in sources:
        for key in USERNAME_KEYS:
            value = source.get(key)
            if value:
                return str(value).strip()
    return None
