"""A per-address sliding-window rate limit kept in the cache.

The limit is read from ``PLEDGE_RATE_LIMIT`` (Django setting, else the
environment), written ``N/unit`` with unit ``s``, ``m``, ``h`` or ``d``
(``10/m``, the default, allows ten submissions a minute from one address).

Each address has one counter per fixed window (``cache.add`` + ``cache.incr``,
atomic in locmem and Redis); the sliding estimate weighs the previous window by
how much of it still overlaps the last ``period`` seconds.
"""

import os
import re
import time

from django.conf import settings
from django.core.cache import cache
from django.core.exceptions import ImproperlyConfigured

UNITS = {"s": 1, "m": 60, "h": 3600, "d": 86400}
DEFAULT_RATE = "10/m"


def parse_rate(text: str) -> tuple[int, int]:
    match = re.fullmatch(r"\s*(\d+)\s*/\s*(\d*)\s*([smhd])\w*\s*", text or "")
    if not match:
        raise ImproperlyConfigured(
            f"PLEDGE_RATE_LIMIT={text!r}: expected N/unit, for example 10/m."
        )
    count, multiple, unit = match.groups()
    return int(count), int(multiple or 1) * UNITS[unit]


def pledge_rate() -> tuple[int, int]:
    return parse_rate(
        getattr(settings, "PLEDGE_RATE_LIMIT", None)
        or os.environ.get("PLEDGE_RATE_LIMIT")
        or DEFAULT_RATE
    )


def client_address(request) -> str:
    return request.META.get("REMOTE_ADDR") or "unknown"


def hit(scope: str, address: str, rate=None, now=None) -> bool:
    """Count one submission; False when the address is over its limit."""
    limit, period = rate or pledge_rate()
    now = time.time() if now is None else now
    window = int(now // period)
    key = f"ratelimit:{scope}:{address}:{period}"
    current_key, previous_key = f"{key}:{window}", f"{key}:{window - 1}"
    cache.add(current_key, 0, timeout=period * 2)
    try:
        current = cache.incr(current_key)
    except ValueError:  # expired between add and incr
        cache.set(current_key, 1, timeout=period * 2)
        current = 1
    previous = cache.get(previous_key) or 0
    overlap = 1 - (now % period) / period
    return previous * overlap + current <= limit
