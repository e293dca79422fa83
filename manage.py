#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    try:
        import dotenv

        dotenv.load_dotenv()
    except ImportError:  # pragma: no cover - dotenv is a pinned dependency
        pass
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.dev")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
