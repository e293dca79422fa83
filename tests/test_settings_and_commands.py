"""The settings contract, checked the way an operator meets it: by running the
real entry points (``manage.py``, ``network/wsgi.py``) in a fresh process with
only the environment variables the README documents."""

import os
import secrets
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent


def run(args, *, env=None, tmp_path):
    """Run ``python <args>`` from the project root with a clean Django env."""
    base = {
        key: value
        for key, value in os.environ.items()
        if key
        not in {
            "DJANGO_SETTINGS_MODULE",
            "SECRET_KEY",
            "ALLOWED_HOSTS",
            "DATABASE_URL",
            "DEBUG",
            "REDIS_URL",
            "DJANGO_ALLOW_ASYNC_UNSAFE",  # set by the browser tests only
        }
    }
    base["DATABASE_URL"] = f"sqlite:///{tmp_path / 'settings-check.sqlite3'}"
    base.update(env or {})
    return subprocess.run(
        [sys.executable, *args],
        cwd=ROOT,
        env=base,
        capture_output=True,
        text=True,
        timeout=120,
        stdin=subprocess.DEVNULL,
    )


def production_env(**extra):
    return {
        "DJANGO_SETTINGS_MODULE": "network.settings.production",
        "SECRET_KEY": secrets.token_urlsafe(60),
        "ALLOWED_HOSTS": "plateforme.example.org,.plateforme.example.org",
        **extra,
    }


def test_check_deploy_is_clean_under_production_settings(tmp_path):
    result = run(
        ["manage.py", "check", "--deploy", "--fail-level", "WARNING"],
        env=production_env(),
        tmp_path=tmp_path,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "no issues" in result.stdout


def test_production_settings_refuse_to_start_without_a_secret_key(tmp_path):
    env = production_env()
    env["SECRET_KEY"] = ""
    result = run(["manage.py", "check"], env=env, tmp_path=tmp_path)
    assert result.returncode != 0
    assert "SECRET_KEY" in result.stderr


PRINT_SETTINGS = (
    "from django.conf import settings; "
    "print(settings.SETTINGS_MODULE, settings.DEBUG, settings.NETWORK_IS_PRODUCTION)"
)


def test_wsgi_entry_point_defaults_to_production_settings(tmp_path):
    env = production_env()
    del env["DJANGO_SETTINGS_MODULE"]
    result = run(
        ["-c", "import network.wsgi; " + PRINT_SETTINGS], env=env, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["network.settings.production", "False", "True"]


def test_asgi_entry_point_defaults_to_production_settings(tmp_path):
    env = production_env()
    del env["DJANGO_SETTINGS_MODULE"]
    result = run(
        ["-c", "import network.asgi; " + PRINT_SETTINGS], env=env, tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split()[0] == "network.settings.production"


def test_manage_py_defaults_to_development_settings(tmp_path):
    result = run(
        ["manage.py", "shell", "--no-imports", "-c", PRINT_SETTINGS], tmp_path=tmp_path
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["network.settings.dev", "True", "False"]


@pytest.mark.parametrize(
    "variable, value, expression, expected",
    [
        ("TIME_ZONE", "Europe/London", "settings.TIME_ZONE", "Europe/London"),
        (
            "MEDIA_ROOT",
            "/srv/maillage-media",
            "settings.MEDIA_ROOT",
            "/srv/maillage-media",
        ),
        (
            "REDIS_URL",
            "redis://127.0.0.1:6379/3",
            "settings.CACHES['default']['BACKEND'].rsplit('.', 1)[1]",
            "RedisCache",
        ),
        (
            "DATABASE_URL",
            "postgres://someone@db.example.org:5432/maillage",
            "settings.DATABASES['default']['HOST']",
            "db.example.org",
        ),
        (
            "CSRF_TRUSTED_ORIGINS",
            "https://a.example.org,https://b.example.org",
            "','.join(settings.CSRF_TRUSTED_ORIGINS)",
            "https://a.example.org,https://b.example.org",
        ),
    ],
)
def test_documented_environment_variables_reach_the_settings(
    tmp_path, variable, value, expression, expected
):
    env = production_env(**{variable: value})
    code = f"import network.wsgi; from django.conf import settings; print({expression})"
    result = run(["-c", code], env=env, tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == expected


def test_load_demo_refuses_under_production_settings(tmp_path):
    result = run(["manage.py", "load_demo"], env=production_env(), tmp_path=tmp_path)
    assert result.returncode != 0
    lines = [line for line in result.stderr.splitlines() if line.strip()]
    assert len(lines) == 1, result.stderr
    assert "production" in lines[0] and "--force" in lines[0]
    # Refused before touching anything: the database file was never created.
    assert not (tmp_path / "settings-check.sqlite3").exists()


def test_production_queues_tasks_in_the_database_for_a_worker(tmp_path):
    """In production a task (the journal's print PDF, Wagtail's own) is not run
    inside the web request: it is queued for ``manage.py db_worker``."""
    migrate = run(
        ["manage.py", "migrate", "-v", "0"], env=production_env(), tmp_path=tmp_path
    )
    assert migrate.returncode == 0, migrate.stderr
    code = (
        "import network.wsgi\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "from journal.tasks import generate_issue_pdf\n"
        "result = generate_issue_pdf.enqueue(987654)\n"
        "print(result.status, DBTaskResult.objects.filter(id=result.id).count())\n"
    )
    result = run(["-c", code], env=production_env(), tmp_path=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.split() == ["READY", "1"]
    worker = run(
        ["manage.py", "db_worker", "--batch", "--no-startup-delay"],
        env=production_env(),
        tmp_path=tmp_path,
    )
    assert worker.returncode == 0, worker.stderr
    code = (
        "import network.wsgi\n"
        "from django_tasks_db.models import DBTaskResult\n"
        "print(DBTaskResult.objects.get().status)\n"
    )
    result = run(["-c", code], env=production_env(), tmp_path=tmp_path)
    assert result.stdout.split() == ["SUCCESSFUL"], result.stderr


def test_development_and_tests_run_tasks_at_once(settings):
    assert settings.TASKS["default"]["BACKEND"].endswith("ImmediateBackend")
