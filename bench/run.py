"""Run every benchmark of the project (``make bench``).

Each benchmark uses its own throw-away database; see the module docstrings.
Results are written to docs/performance.md.
"""

import subprocess
import sys
from pathlib import Path

BENCH = Path(__file__).resolve().parent
BENCHMARKS = [["directory_bench.py", "--write"]]


def main():
    status = 0
    for name, *args in BENCHMARKS:
        result = subprocess.run([sys.executable, str(BENCH / name), *args], check=False)
        status = status or result.returncode
    return status


if __name__ == "__main__":
    sys.exit(main())
