"""Directory benchmark: 10,000 entries, import time and filter latency.

Run from the project root (it uses its own SQLite database, never yours)::

    .venv/bin/python bench/directory_bench.py            # prints a report
    .venv/bin/python bench/directory_bench.py --write    # also docs/performance.md
    DATABASE_URL=postgres://postgres@127.0.0.1:5432/bench_directory \\
        .venv/bin/python bench/directory_bench.py        # on PostgreSQL

What it measures:

1. ``import_directory``'s importer on a generated 10,000-row CSV (fresh
   association): wall time and the peak memory growth while importing;
2. the median server time of the combined filter (category + language +
   open_now + near) on the JSON API, over 60 requests at different places
   around Calais, Dunkirk, Lille, Cherbourg and Paris (Django test client,
   in-process: no network, no browser);
3. the same request on the public directory page when ``directory.pages``
   provides a ``DirectoryPage``;
4. the number of SQL queries of each request (it must not grow with the
   number of entries).
"""

import argparse
import csv
import os
import random
import statistics
import sys
import time
import tracemalloc
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "network.settings.test")
os.environ.setdefault("DATABASE_URL", "sqlite:////tmp/maillage_directory_bench.sqlite3")

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402
from django.db import connection, reset_queries  # noqa: E402
from django.test import Client  # noqa: E402
from django.test.utils import CaptureQueriesContext  # noqa: E402

from directory.categories import DEFAULT_SLUGS  # noqa: E402
from directory.csvformat import COLUMNS  # noqa: E402
from directory.importers import DirectoryImporter, open_path  # noqa: E402
from directory.models import Organisation  # noqa: E402
from network.models import Association  # noqa: E402
from network.provisioning import create_association  # noqa: E402

ROWS = 10_000
CITIES = {
    "Calais": (50.9513, 1.8587),
    "Grande-Synthe": (51.0139, 2.3030),
    "Lille": (50.6292, 3.0573),
    "Cherbourg": (49.6337, -1.6222),
    "Paris": (48.8566, 2.3522),
}
HOURS = [
    "Mo-Fr 09:00-12:00,14:00-17:00",
    "Mo-Fr 08:30-12:30; Sa 09:00-12:00",
    "Tu,Th 18:00-20:00",
    "Mo-Su 07:00-22:00",
    "24/7",
    "Mo,We,Fr 10:00-16:00",
    "Sa,Su 11:00-15:00",
    "Mo-Fr 09:00-17:00; PH off",
    "",
]
LANGUAGES = ["fr", "en", "ar", "ps", "fa", "ti", "am", "ku", "so", "ur"]


def generate_csv(path, rows=ROWS, seed=7):
    rng = random.Random(seed)
    with open(path, "w", newline="", encoding="utf-8") as handle:
        writer = csv.writer(handle)
        writer.writerow(COLUMNS)
        for index in range(rows):
            city, (lat, lon) = rng.choice(list(CITIES.items()))
            hours = rng.choice(HOURS)
            if rng.random() < 0.3:  # some less common expressions
                start = rng.randint(7, 14)
                hours = f"Mo-Fr {start:02d}:00-{start + rng.randint(2, 6):02d}:30"
            writer.writerow(
                [
                    f"bench-{index:05d}",
                    f"Lieu {index:05d} {city}",
                    ";".join(rng.sample(DEFAULT_SLUGS, rng.randint(1, 3))),
                    "Accueil, information et orientation.",
                    f"{rng.randint(1, 200)} rue de la Paix",
                    "62100",
                    city,
                    f"{lat + rng.uniform(-0.08, 0.08):.5f}",
                    f"{lon + rng.uniform(-0.12, 0.12):.5f}",
                    "+33 6 00 00 00 00",
                    "",
                    "",
                    ";".join(rng.sample(LANGUAGES, rng.randint(1, 4))),
                    hours,
                    "",
                    rng.choice(["yes", "no", "limited", ""]),
                ]
            )


def setup_network():
    call_command("migrate", verbosity=0, interactive=False)
    hub = Association.objects.filter(slug="hub").first()
    if hub is None:
        hub = create_association(
            name="Plateforme",
            slug="hub",
            hostname="localhost",
            is_hub=True,
            is_default_site=True,
            languages=["fr", "en", "ar"],
        )
    bench = Association.objects.filter(slug="bench").first()
    if bench is None:
        bench = create_association(
            name="Bench", slug="bench", hostname="bench.localhost"
        )
    return hub, bench


def directory_page(hub):
    """A live DirectoryPage on the hub, if the page type exists."""
    try:
        from directory.pages import DirectoryPage
    except ImportError:
        return None
    page = DirectoryPage.objects.live().first()
    if page is None:
        home = hub.site.root_page.specific
        page = home.add_child(instance=DirectoryPage(title="Annuaire", slug="annuaire"))
        page.save_revision().publish()
    return page


def time_requests(client, path, params_list, *, warmup=5):
    for params in params_list[:warmup]:
        client.get(path, params)
    timings, cpu, queries, statuses = [], [], [], set()
    for params in params_list:
        with CaptureQueriesContext(connection) as captured:
            start, start_cpu = time.perf_counter(), time.process_time()
            response = client.get(path, params)
            if response.streaming:
                b"".join(response.streaming_content)
            timings.append((time.perf_counter() - start) * 1000)
            cpu.append((time.process_time() - start_cpu) * 1000)
        statuses.add(response.status_code)
        queries.append(len(captured))
        size = 0 if response.streaming else len(response.content)
    return {
        "median_ms": statistics.median(timings),
        "cpu_median_ms": statistics.median(cpu),
        "p90_ms": sorted(timings)[int(len(timings) * 0.9) - 1],
        "queries": max(queries),
        "statuses": sorted(statuses),
        "bytes": size,
    }


def combined_params(count=60, seed=3):
    rng = random.Random(seed)
    params = []
    for _ in range(count):
        lat, lon = rng.choice(list(CITIES.values()))
        params.append(
            {
                "category": rng.choice(DEFAULT_SLUGS),
                "language": rng.choice(["ar", "ps", "ti", "en"]),
                "open_now": "1",
                "near": f"{lat + rng.uniform(-0.03, 0.03):.4f},"
                f"{lon + rng.uniform(-0.03, 0.03):.4f}",
            }
        )
    return params


def run(rows):
    hub, bench = setup_network()
    Organisation.objects.filter(association=bench).delete()
    csv_path = Path("/tmp/maillage_directory_bench.csv")
    generate_csv(csv_path, rows)

    start = time.perf_counter()
    report = DirectoryImporter(bench).run(open_path(csv_path))
    import_seconds = time.perf_counter() - start
    assert report.ok, report.errors[:5]

    start = time.perf_counter()
    again = DirectoryImporter(bench).run(open_path(csv_path))
    reimport_seconds = time.perf_counter() - start
    assert again.updated == rows

    # Memory: a third (update) run under tracemalloc, which slows it down.
    tracemalloc.start()
    DirectoryImporter(bench).run(open_path(csv_path))
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()

    page = directory_page(hub)
    client = Client(HTTP_HOST="localhost")
    params = combined_params(120)
    results = {
        "api_combined": time_requests(client, "/api/directory/organisations/", params),
        "api_unfiltered": time_requests(
            client, "/api/directory/organisations/", [{}] * 30
        ),
        "api_open_now_only": time_requests(
            client, "/api/directory/organisations/", [{"open_now": "1"}] * 30
        ),
        "geojson_combined": time_requests(
            client, "/api/directory/organisations.geojson", params[:30]
        ),
    }
    if page is not None:
        url = page.get_url()
        results["page_combined"] = time_requests(client, url, params)
    reset_queries()
    return {
        "rows": rows,
        "entries": Organisation.objects.filter(association=bench).count(),
        "import_seconds": import_seconds,
        "reimport_seconds": reimport_seconds,
        "import_peak_mb": peak / 1024 / 1024,
        "database": connection.vendor,
        "load": os.getloadavg(),
        "results": results,
    }


def markdown(data):
    load = ", ".join(f"{value:.1f}" for value in data["load"])
    lines = [
        f"Database: {data['database']}; {data['entries']:,} entries; load "
        f"average during the run: {load} (1, 5, 15 min).",
        "",
        "| measure | median (wall) | p90 (wall) | median CPU | SQL queries | status |",
        "|---|---|---|---|---|---|",
    ]
    labels = {
        "api_combined": "API, category + language + open_now + near",
        "page_combined": "Directory page, same combined filter",
        "geojson_combined": "GeoJSON, same combined filter",
        "api_unfiltered": "API, no filter (first page of 10,000)",
        "api_open_now_only": "API, open_now only (all 10,000 evaluated)",
    }
    for key, label in labels.items():
        if key in data["results"]:
            r = data["results"][key]
            lines.append(
                f"| {label} | {r['median_ms']:.1f} ms | {r['p90_ms']:.1f} ms | "
                f"{r['cpu_median_ms']:.1f} ms | {r['queries']} | "
                f"{','.join(map(str, r['statuses']))} |"
            )
    lines += [
        "",
        f"Import of {data['rows']:,} rows: {data['import_seconds']:.1f} s "
        f"(peak Python memory while importing: {data['import_peak_mb']:.1f} MB); "
        f"re-import of the same file (10,000 updates): "
        f"{data['reimport_seconds']:.1f} s.",
    ]
    return "\n".join(lines)


def main():
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=ROWS)
    parser.add_argument(
        "--write", action="store_true", help="Write docs/performance.md"
    )
    args = parser.parse_args()
    data = run(args.rows)
    text = markdown(data)
    sys.stdout.write(text + "\n")
    if args.write:
        write_doc(text, data["database"])


def write_doc(results, vendor):
    """Write docs/performance.md, keeping the other database's results."""
    path = ROOT / "docs" / "performance.md"
    begin, end = f"<!-- results:{vendor} -->", f"<!-- /results:{vendor} -->"
    blocks = {}
    if path.exists():
        text = path.read_text("utf-8")
        for name in ("sqlite", "postgresql"):
            a, b = f"<!-- results:{name} -->", f"<!-- /results:{name} -->"
            if a in text and b in text:
                blocks[name] = text[text.index(a) : text.index(b) + len(b)]
    blocks[vendor] = f"{begin}\n{results}\n{end}"
    template = (ROOT / "bench" / "performance_template.md").read_text("utf-8")
    machine = f"{os.cpu_count()} cores, Python {sys.version.split()[0]}"
    ordered = [blocks[name] for name in ("sqlite", "postgresql") if name in blocks]
    path.write_text(
        template.replace("{{results}}", "\n\n".join(ordered)).replace(
            "{{machine}}", machine
        ),
        "utf-8",
    )


if __name__ == "__main__":
    main()
