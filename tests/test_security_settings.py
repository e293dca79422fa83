"""Security settings as an operator meets them: resolved in a fresh process
from the environment only (issue 6: the shared cache, login throttling, and
``check --deploy``)."""

import pytest

from tests.test_settings_and_commands import production_env, run

PRINT_CACHE = (
    "import network.wsgi; from django.conf import settings; "
    "print(settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1], "
    "settings.CACHES['default']['LOCATION'])"
)


@pytest.mark.parametrize(
    "env, expected",
    [
        ({}, "DatabaseCache maillage_cache"),
        ({"CACHE_TABLE": "shared_cache"}, "DatabaseCache shared_cache"),
        (
            {"REDIS_URL": "redis://127.0.0.1:6379/3"},
            "RedisCache redis://127.0.0.1:6379/3",
        ),
    ],
)
def test_production_never_uses_per_process_memory(tmp_path, env, expected):
    result = run(["-c", PRINT_CACHE], env=production_env(**env), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_development_shares_its_cache_too(tmp_path):
    code = "from django.conf import settings; " + PRINT_CACHE.split("; ", 2)[2]
    result = run(["manage.py", "shell", "--no-imports", "-c", code], tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "DatabaseCache maillage_cache"
