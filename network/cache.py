"""Versioned cache keys: one helper for every app that caches derived data.

A ``CacheVersion`` is a number kept in Django's cache without expiry. Keys
built with ``key()`` include it, so ``bump()`` makes every entry built before
unreachable at once (they then expire on their own): no key has to be listed
to be dropped. ``sitepages.cache`` versions the navigation this way, and a
plugin versions its own cached lookups with its own name.
"""

import time

from django.core.cache import cache


class CacheVersion:
    def __init__(self, name):
        self.name = name
        self.version_key = f"{name}:version"

    def get(self) -> int:
        version = cache.get(self.version_key)
        if version is None:
            version = time.time_ns()
            cache.set(self.version_key, version, None)
        return version

    def bump(self, *args, **kwargs):
        """Signal-receiver friendly: accepts and ignores any argument."""
        cache.set(self.version_key, time.time_ns(), None)

    def key(self, *parts) -> str:
        return ":".join([self.name, str(self.get()), *map(str, parts)])
